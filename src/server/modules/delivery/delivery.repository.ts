import { sql } from 'kysely'
import type { DbOrTx, Tx } from '../../db/database.js'
import { statusesMovingTo } from '../../../common/rules/attempt-lifecycle.js'
import type { Insertable, Updateable } from 'kysely'
import type { AttemptsTable, PreparedFormsTable, SessionIncidentsTable } from '../../db/schema.js'

export async function upsertPresence(db: DbOrTx, sessionId: string, proctorId: string, at: string): Promise<void> {
  await db
    .insertInto('proctor_presence')
    .values({ session_id: sessionId, proctor_id: proctorId, last_seen_at: at })
    .onConflict((oc) => oc.columns(['session_id', 'proctor_id']).doUpdateSet({ last_seen_at: at }))
    .execute()
}

/** Proctors whose console for the session was seen since `since` (the caller keeps those still assigned to it). */
export async function recentlySeenProctorIds(db: DbOrTx, sessionId: string, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('proctor_presence')
    .select('proctor_id')
    .where('session_id', '=', sessionId)
    .where('last_seen_at', '>=', since)
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

export async function insertAttempt(db: DbOrTx, row: Insertable<AttemptsTable>): Promise<void> {
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
export async function moveAttempt(db: DbOrTx, id: string, to: AttemptsTable['status'], change: Omit<Updateable<AttemptsTable>, 'id' | 'status'>): Promise<boolean> {
  const result = await db.updateTable('attempts').set({ ...change, status: to }).where('id', '=', id).where('status', 'in', statusesMovingTo(to)).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Changes an attempt's clock only if it is still as it was read: its status among `statuses`, and
 * its deadline and pause unchanged (a version check). A concurrent change of the clock (added time,
 * a resume, the end of a break) makes this a no-op, so the caller reads again instead of overwriting it.
 */
export async function changeClockIf(
  trx: Tx,
  id: string,
  expected: { statuses: readonly AttemptsTable['status'][]; deadline_at: string; paused_at: string | null },
  change: Omit<Updateable<AttemptsTable>, 'id' | 'extra_minutes'>,
  /** Minutes added to the attempt's record of added time, by arithmetic on the row. */
  addedMinutes = 0,
): Promise<boolean> {
  let q = trx.updateTable('attempts').set({ ...change, ...(addedMinutes ? { extra_minutes: sql<number>`extra_minutes + ${addedMinutes}` } : {}) }).where('id', '=', id).where('status', 'in', expected.statuses).where('deadline_at', '=', expected.deadline_at)
  q = expected.paused_at === null ? q.where('paused_at', 'is', null) : q.where('paused_at', '=', expected.paused_at)
  const result = await q.executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Pauses a running attempt whose time is not up (an attempt past its deadline is submitted, never
 * paused: a pause would stop a clock that has already run out). Returns whether it paused.
 */
export async function pauseRunning(db: DbOrTx, id: string, reason: string, at: string): Promise<boolean> {
  const result = await db.updateTable('attempts').set({ status: 'paused', paused_at: at, pause_reason: reason, updated_at: at })
    .where('id', '=', id).where('status', '=', 'in_progress').where('deadline_at', '>', at).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Lets an open attempt move to another device (the proctor's re-admission); false once it is closed. */
export async function readmitOpen(trx: Tx, id: string, at: string): Promise<boolean> {
  const result = await trx.updateTable('attempts').set({ readmit_allowed: 1, updated_at: at }).where('id', '=', id).where('status', 'in', ['in_progress', 'paused']).executeTakeFirst()
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

/** The attempts a batch of saves touches, share-locked on PostgreSQL so a submit waits for the batch. */
export async function attemptsForSaving(db: DbOrTx, ids: readonly string[], lock: boolean) {
  let q = db.selectFrom('attempts').select(['id', 'status', 'deadline_at', 'pause_reason']).where('id', 'in', ids)
  if (lock) q = q.forShare()
  return q.execute()
}

/** Upserts one response unless a newer one is stored; returns the stored seq when it wrote. */
export async function upsertResponse(db: DbOrTx, attemptId: string, itemId: string, response: string, seq: number, at: string): Promise<boolean> {
  const row = await db
    .insertInto('attempt_responses')
    .values({ attempt_id: attemptId, item_id: itemId, response, seq, saved_at: at })
    .onConflict((oc) => oc.columns(['attempt_id', 'item_id']).doUpdateSet({ response, seq, saved_at: at }).where(sql.ref('attempt_responses.seq'), '<=', seq))
    .returning('seq')
    .executeTakeFirst()
  return row !== undefined
}

export async function touchAttempts(db: DbOrTx, ids: readonly string[], at: string): Promise<void> {
  await db.updateTable('attempts').set({ last_seen_at: at }).where('id', 'in', ids).execute()
}

export async function updateAttempt(db: DbOrTx, id: string, change: Omit<Updateable<AttemptsTable>, 'id' | 'status'>): Promise<void> {
  await db.updateTable('attempts').set(change).where('id', '=', id).execute()
}

/** Running attempts whose time is up (the sweep submits them). */
export async function expiredAttemptIds(db: DbOrTx, now: string): Promise<string[]> {
  return (await db.selectFrom('attempts').select('id').where('status', '=', 'in_progress').where('deadline_at', '<', now).execute()).map((r) => r.id)
}

/** Attempts submitted before `before` but not scored: a crash came between the two. */
export async function unscoredAttemptIds(db: DbOrTx, before: string): Promise<string[]> {
  return (await db.selectFrom('attempts').select('id').where('status', '=', 'submitted').where('submitted_at', '<', before).execute()).map((r) => r.id)
}

export async function sessionsWithRunningAttempts(db: DbOrTx): Promise<string[]> {
  return (await db.selectFrom('attempts').select('session_id').distinct().where('status', '=', 'in_progress').execute()).map((r) => r.session_id)
}

export async function attemptsOfSession(db: DbOrTx, sessionId: string) {
  return db.selectFrom('attempts').selectAll().where('session_id', '=', sessionId).orderBy('started_at').execute()
}

export async function countEvents(db: DbOrTx, attemptId: string, kinds: readonly string[]): Promise<number> {
  const row = await db.selectFrom('attempt_events').select((eb) => eb.fn.countAll<string | number>().as('n')).where('attempt_id', '=', attemptId).where('kind', 'in', kinds).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function eventsOfAttempts(db: DbOrTx, attemptIds: readonly string[]) {
  if (attemptIds.length === 0) return []
  return db.selectFrom('attempt_events').selectAll().where('attempt_id', 'in', attemptIds).orderBy('at').execute()
}

/** Per attempt: how many items have a saved response, and the last save. */
export async function saveSummary(db: DbOrTx, attemptIds: readonly string[]) {
  if (attemptIds.length === 0) return []
  return db
    .selectFrom('attempt_responses')
    .select((eb) => ['attempt_id', eb.fn.countAll<string | number>().as('answered'), eb.fn.max('saved_at').as('last_save_at')])
    .where('attempt_id', 'in', attemptIds)
    .groupBy('attempt_id')
    .execute()
}

export async function insertIncident(db: DbOrTx, row: Insertable<SessionIncidentsTable>): Promise<void> {
  await db.insertInto('session_incidents').values(row).execute()
}

export async function incidentsOfSession(db: DbOrTx, sessionId: string) {
  return db.selectFrom('session_incidents').selectAll().where('session_id', '=', sessionId).orderBy('occurred_at').execute()
}

/** The session's proctor-absence incident still open (the gap has not ended), if any. */
export async function openAbsence(db: DbOrTx, sessionId: string) {
  return db.selectFrom('session_incidents').select('id').where('session_id', '=', sessionId).where('category', '=', 'proctor_absent').where('ended_at', 'is', null).where('automatic', '=', 1).executeTakeFirst()
}

export async function endAbsence(db: DbOrTx, sessionId: string, at: string): Promise<void> {
  await db.updateTable('session_incidents').set({ ended_at: at }).where('session_id', '=', sessionId).where('category', '=', 'proctor_absent').where('ended_at', 'is', null).where('automatic', '=', 1).execute()
}

/** The check-ins of these registrations (a session's sitters: a few hundred at most), by registration. */
export async function checkinsOf(db: DbOrTx, registrationIds: readonly string[]): Promise<Map<string, string>> {
  if (registrationIds.length === 0) return new Map()
  const rows = await db.selectFrom('checkins').select(['registration_id', 'checked_in_at']).where('registration_id', 'in', registrationIds).execute()
  return new Map(rows.map((r) => [r.registration_id, r.checked_in_at]))
}

/** Attempts on a break that began at or before `since` (the sweep ends breaks that ran their length). */
export async function attemptsOnBreakSince(db: DbOrTx, since: string) {
  return db.selectFrom('attempts').selectAll().where('status', '=', 'paused').where('pause_reason', '=', 'break').where('paused_at', '<=', since).execute()
}

/** The items the candidate saw in their earlier attempts of a module (every form they were given). */
export async function seenItemIds(db: DbOrTx, candidateId: string, module: string): Promise<Set<string>> {
  const rows = await db.selectFrom('attempts').select('form').where('candidate_id', '=', candidateId).where('module', '=', module).execute()
  return new Set(rows.flatMap((r) => (JSON.parse(r.form) as { itemId: string }[]).map((f) => f.itemId)))
}

/** The candidate's attempts, newest first. */
export async function attemptsOfCandidate(db: DbOrTx, candidateId: string) {
  return db.selectFrom('attempts').select(['id', 'registration_id', 'module', 'status', 'started_at', 'submitted_at']).where('candidate_id', '=', candidateId).orderBy('started_at', 'desc').execute()
}

/** Stores a form prepared for a checked-in registration, unless one is already stored (a repeated check-in keeps the first). */
export async function insertPreparedForm(db: DbOrTx, row: Insertable<PreparedFormsTable>): Promise<boolean> {
  const result = await db.insertInto('prepared_forms').values(row).onConflict((oc) => oc.columns(['registration_id', 'module']).doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

/** The form prepared for a registration's module (one indexed read: the primary key). */
export async function findPreparedForm(db: DbOrTx, registrationId: string, module: string) {
  return db.selectFrom('prepared_forms').selectAll().where('registration_id', '=', registrationId).where('module', '=', module).executeTakeFirst()
}

/** Consumes a prepared form; false when another Start (or an undone check-in) took it first. */
export async function deletePreparedForm(db: DbOrTx, registrationId: string, module: string): Promise<boolean> {
  const result = await db.deleteFrom('prepared_forms').where('registration_id', '=', registrationId).where('module', '=', module).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

/** Which modules of a registration have a prepared form. */
export async function preparedModules(db: DbOrTx, registrationId: string): Promise<string[]> {
  return (await db.selectFrom('prepared_forms').select('module').where('registration_id', '=', registrationId).execute()).map((r) => r.module)
}
