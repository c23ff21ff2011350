import { sql } from 'kysely'
import type { DbOrTx } from '../../db/database.js'
import { statusesMovingTo } from '../../../common/rules/attempt-lifecycle.js'
import type { AttemptsTable } from '../../db/schema.js'

export async function upsertPresence(db: DbOrTx, sessionId: string, proctorId: string, at: string): Promise<void> {
  await db
    .insertInto('proctor_presence')
    .values({ session_id: sessionId, proctor_id: proctorId, last_seen_at: at })
    .onConflict((oc) => oc.columns(['session_id', 'proctor_id']).doUpdateSet({ last_seen_at: at }))
    .execute()
}

/** Proctors of the session whose console was seen since `since`. */
export async function presentProctorIds(db: DbOrTx, sessionId: string, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('proctor_presence')
    .innerJoin('session_proctors', (j) => j.onRef('session_proctors.session_id', '=', 'proctor_presence.session_id').onRef('session_proctors.user_id', '=', 'proctor_presence.proctor_id'))
    .select('proctor_presence.proctor_id')
    .where('proctor_presence.session_id', '=', sessionId)
    .where('proctor_presence.last_seen_at', '>=', since)
    .execute()
  return rows.map((r) => r.proctor_id)
}

export async function insertCheckin(db: DbOrTx, registrationId: string, sessionId: string, by: string, at: string): Promise<boolean> {
  const existing = await db.selectFrom('checkins').select('registration_id').where('registration_id', '=', registrationId).executeTakeFirst()
  if (existing) return false
  await db.insertInto('checkins').values({ registration_id: registrationId, session_id: sessionId, checked_in_by: by, checked_in_at: at }).execute()
  return true
}

export async function findCheckin(db: DbOrTx, registrationId: string) {
  return db.selectFrom('checkins').selectAll().where('registration_id', '=', registrationId).executeTakeFirst()
}

export async function insertAttempt(db: DbOrTx, row: AttemptsTable): Promise<void> {
  await db.insertInto('attempts').values(row).execute()
}

export async function findAttempt(db: DbOrTx, id: string) {
  return db.selectFrom('attempts').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function attemptFor(db: DbOrTx, registrationId: string, module: string) {
  return db.selectFrom('attempts').select(['id', 'status']).where('registration_id', '=', registrationId).where('module', '=', module).executeTakeFirst()
}

/**
 * Moves an attempt to a status, only from a status the state machine allows (src/common), so a
 * concurrent change in between makes this a no-op; returns whether it moved.
 */
export async function moveAttempt(db: DbOrTx, id: string, to: AttemptsTable['status'], change: Partial<Omit<AttemptsTable, 'id' | 'status'>>): Promise<boolean> {
  const result = await db.updateTable('attempts').set({ ...change, status: to }).where('id', '=', id).where('status', 'in', statusesMovingTo(to)).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function insertEvent(db: DbOrTx, row: { id: string; attempt_id: string; kind: string; actor_id: string | null; reason: string | null; at: string }) {
  await db.insertInto('attempt_events').values(row).execute()
}

/**
 * Saves a response unless a newer one (a higher sequence number) is already stored: a late,
 * older save is acknowledged and changes nothing. Returns the stored sequence number.
 */
export async function saveResponse(db: DbOrTx, attemptId: string, itemId: string, response: string, seq: number, at: string): Promise<{ applied: boolean; seq: number }> {
  await db
    .insertInto('attempt_responses')
    .values({ attempt_id: attemptId, item_id: itemId, response, seq, saved_at: at })
    .onConflict((oc) => oc.columns(['attempt_id', 'item_id']).doUpdateSet({ response, seq, saved_at: at }).where(sql.ref('attempt_responses.seq'), '<=', seq))
    .execute()
  const row = await db.selectFrom('attempt_responses').select(['seq', 'response']).where('attempt_id', '=', attemptId).where('item_id', '=', itemId).executeTakeFirstOrThrow()
  return { applied: Number(row.seq) === seq && row.response === response, seq: Number(row.seq) }
}

export async function storedSeq(db: DbOrTx, attemptId: string, itemId: string): Promise<number | undefined> {
  const row = await db.selectFrom('attempt_responses').select('seq').where('attempt_id', '=', attemptId).where('item_id', '=', itemId).executeTakeFirst()
  return row ? Number(row.seq) : undefined
}

export async function responsesOf(db: DbOrTx, attemptId: string) {
  return db.selectFrom('attempt_responses').selectAll().where('attempt_id', '=', attemptId).execute()
}
