// SQL behind what the integrity module asks of delivery: every session's incidents for the staff
// queue (newest first, keyset paged), incidents by id, a session's attempts, and the two moves of an
// attempt an irregularity decision makes (void a scored attempt; give a voided one back on appeal).
import type { DbOrTx, Tx } from '../../db/database.js'
import { pastCursor, type CursorKey } from '../../db/pagination.js'

export async function incidentsNewestFirst(db: DbOrTx, filter: { from?: string | undefined; to?: string | undefined; after?: CursorKey | undefined; limit: number }) {
  let q = db.selectFrom('session_incidents').selectAll()
  if (filter.from) q = q.where('occurred_at', '>=', filter.from)
  if (filter.to) q = q.where('occurred_at', '<', filter.to)
  if (filter.after) q = q.where(pastCursor('occurred_at', 'id', filter.after, 'desc'))
  return q.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute()
}

export async function incidentsByIds(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db.selectFrom('session_incidents').selectAll().where('id', 'in', ids).orderBy('occurred_at').execute()
}

export async function attemptsOfSessionForReview(db: DbOrTx, sessionId: string) {
  return db.selectFrom('attempts').select(['id', 'registration_id', 'candidate_id', 'module', 'status', 'submitted_at']).where('session_id', '=', sessionId).orderBy('started_at').execute()
}

/** Voids a scored attempt; false when it is not scored (running, or voided already). */
export async function voidScoredAttempt(trx: Tx, id: string, at: string): Promise<boolean> {
  const r = await trx.updateTable('attempts').set({ status: 'voided', updated_at: at }).where('id', '=', id).where('status', '=', 'scored').executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** Gives a voided attempt back its scored status (an upheld appeal); false when it is not voided. */
export async function unvoidAttempt(trx: Tx, id: string, at: string): Promise<boolean> {
  const r = await trx.updateTable('attempts').set({ status: 'scored', updated_at: at }).where('id', '=', id).where('status', '=', 'voided').executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function insertAttemptEvent(trx: Tx, row: { id: string; attempt_id: string; kind: string; actor_id: string | null; reason: string | null; at: string }) {
  await trx.insertInto('attempt_events').values(row).execute()
}
