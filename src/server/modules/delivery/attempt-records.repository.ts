// Reads of delivery's attempts and saved responses for other modules (results: score reports, the
// candidate's history, rescoring). Delivery owns these tables; attempt-records.service.ts is the
// only way in for anyone else.
import type { DbOrTx } from '../../db/database.js'

const recordColumns = ['id', 'registration_id', 'session_id', 'candidate_id', 'module', 'status', 'started_at', 'submitted_at'] as const

/** Every attempt of one candidate (a handful: the retake rules cap them). */
export async function attemptsOfCandidate(db: DbOrTx, candidateId: string) {
  return db.selectFrom('attempts').select(recordColumns).where('candidate_id', '=', candidateId).execute()
}

/** Every attempt of these candidates (a batch of at most a thousand). */
export async function attemptsOfCandidates(db: DbOrTx, candidateIds: readonly string[]) {
  if (candidateIds.length === 0) return []
  return db.selectFrom('attempts').select(recordColumns).where('candidate_id', 'in', candidateIds).execute()
}

export async function attemptById(db: DbOrTx, attemptId: string) {
  return db.selectFrom('attempts').select(recordColumns).where('id', '=', attemptId).executeTakeFirst()
}

/**
 * Scored attempts whose form drew this item version. The form is stored as JSON written by this
 * server (`{"itemId":…,"version":…,"skill":…}`), so a text match finds them without a row per item.
 */
export async function scoredAttemptIdsDrawing(db: DbOrTx, itemId: string, version: number): Promise<string[]> {
  const rows = await db
    .selectFrom('attempts')
    .select('id')
    .where('status', '=', 'scored')
    .where('form', 'like', `%"itemId":"${itemId}","version":${version},%`)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.id)
}

/** The scored attempts among `ids` with the forms they drew (the caller keeps the list to a few hundred). */
/**
 * The scored attempts among `ids`, with their forms. Found by primary key and filtered here: with
 * `status = 'scored'` in the WHERE clause SQLite (without ANALYZE statistics) walks the status index,
 * every scored attempt in the database, for each batch: 150 ms a batch of 500 at 100,000 attempts.
 */
export async function scoredAttemptsWithForms(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return []
  const rows = await db.selectFrom('attempts').select(['id', 'candidate_id', 'module', 'form', 'submitted_at', 'status']).where('id', 'in', ids).execute()
  return rows.filter((r) => r.status === 'scored').map(({ status: _status, ...attempt }) => attempt)
}

export async function responsesOfAttempts(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db.selectFrom('attempt_responses').select(['attempt_id', 'item_id', 'response']).where('attempt_id', 'in', ids).execute()
}

/** When each of these registrations was checked in (a person's record, the no-show rule). */
export async function checkinTimes(db: DbOrTx, registrationIds: readonly string[]): Promise<Map<string, string>> {
  if (registrationIds.length === 0) return new Map()
  const rows = await db.selectFrom('checkins').select(['registration_id', 'checked_in_at']).where('registration_id', 'in', [...new Set(registrationIds)]).execute()
  return new Map(rows.map((r) => [r.registration_id, r.checked_in_at]))
}

/** Incidents logged at or after `since` (the staff dashboard). */
export async function countIncidentsSince(db: DbOrTx, since: string): Promise<number> {
  const row = await db.selectFrom('session_incidents').select((eb) => eb.fn.countAll<number>().as('n')).where('occurred_at', '>=', since).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Attempts by id (the audit log names them: whose, which module). */
export async function attemptsByIds(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db.selectFrom('attempts').select(recordColumns).where('id', 'in', [...new Set(ids)]).execute()
}

/** The session and status of each of these attempts (one batch of the analytics' results). */
export async function sessionsOfAttempts(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db.selectFrom('attempts').select(['id', 'session_id', 'status']).where('id', 'in', [...ids]).execute()
}
