import type { DbOrTx, Tx } from '../../db/database.js'
import { pastCursor, type CursorKey } from '../../db/pagination.js'
import type { Insertable } from 'kysely'
import type { TestSessionsTable } from '../../db/schema.js'

export async function insertTestSession(db: DbOrTx, row: Insertable<TestSessionsTable>, proctorIds: readonly string[]): Promise<void> {
  await db.insertInto('test_sessions').values(row).execute()
  if (proctorIds.length > 0) {
    await db.insertInto('session_proctors').values(proctorIds.map((user_id) => ({ session_id: row.id, user_id }))).execute()
  }
}

export interface SessionFilter {
  /** The centers whose sessions may be listed (the certified assessment centers, from the centers module). */
  centerIds: readonly string[]
  from: string
  to?: string | undefined
  /** Only sessions that offer this module. */
  module?: string | undefined
  limit: number
  after?: CursorKey | undefined
}

/** Sessions open to the public: not cancelled, at one of the given centers. Ordered by start. */
export async function listPublicSessions(db: DbOrTx, filter: SessionFilter) {
  if (filter.centerIds.length === 0) return []
  let query = db
    .selectFrom('test_sessions')
    .select(['id', 'center_id', 'starts_at', 'ends_at', 'seats', 'seats_taken', 'modules', 'status'])
    .where('test_sessions.status', '!=', 'cancelled')
    .where('test_sessions.center_id', 'in', filter.centerIds)
    // An employer's private event at a certified center is not listed (issue 12).
    .where('test_sessions.private_employer_id', 'is', null)
    .where('test_sessions.ends_at', '>=', filter.from)
  if (filter.to) query = query.where('test_sessions.starts_at', '<=', filter.to)
  // `modules` is a JSON array of codes; a code is capitals and digits (the schema's Code, no LIKE wildcards), so its quoted form matches one element.
  if (filter.module) query = query.where('test_sessions.modules', 'like', `%"${filter.module}"%`)
  if (filter.after) query = query.where(pastCursor('test_sessions.starts_at', 'test_sessions.id', filter.after, 'asc'))
  return query.orderBy('test_sessions.starts_at').orderBy('test_sessions.id').limit(filter.limit + 1).execute()
}

export async function findSession(db: DbOrTx, id: string) {
  return db.selectFrom('test_sessions').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function proctorsOfSession(db: DbOrTx, sessionId: string): Promise<string[]> {
  return (await db.selectFrom('session_proctors').select('user_id').where('session_id', '=', sessionId).execute()).map((r) => r.user_id)
}

export async function replaceSessionProctors(db: DbOrTx, sessionId: string, proctorIds: readonly string[]): Promise<void> {
  await db.deleteFrom('session_proctors').where('session_id', '=', sessionId).execute()
  if (proctorIds.length > 0) await db.insertInto('session_proctors').values(proctorIds.map((user_id) => ({ session_id: sessionId, user_id }))).execute()
}

/**
 * Changes an open session's times, seats and modules in one conditional update: only while it is
 * neither cancelled nor closed and no more seats are taken than it will have, so a registration
 * taking a seat at the same moment (a conditional update of the same row) cannot be left without
 * one. False when the condition did not hold.
 */
export async function reviseOpenSession(db: Tx, id: string, change: Pick<TestSessionsTable, 'starts_at' | 'ends_at' | 'seats' | 'modules'>): Promise<boolean> {
  const result = await db
    .updateTable('test_sessions')
    .set(change)
    .where('id', '=', id)
    .where('status', 'not in', ['cancelled', 'closed'])
    .where('seats_taken', '<=', change.seats)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Sessions (not cancelled, at any center) of any of these proctors that overlap [startsAt, endsAt),
 * one row per proctor and session. Times are ISO strings as stored, so they compare alike on both databases.
 */
export async function overlappingSessionsOf(db: DbOrTx, proctorIds: readonly string[], range: { startsAt: string; endsAt: string }, excludeSessionId?: string) {
  if (proctorIds.length === 0) return []
  let query = db
    .selectFrom('session_proctors')
    .innerJoin('test_sessions', 'test_sessions.id', 'session_proctors.session_id')
    .select(['session_proctors.user_id as proctor_id', 'test_sessions.id', 'test_sessions.starts_at', 'test_sessions.ends_at'])
    .where('session_proctors.user_id', 'in', proctorIds)
    .where('test_sessions.status', '!=', 'cancelled')
    .where('test_sessions.starts_at', '<', range.endsAt)
    .where('test_sessions.ends_at', '>', range.startsAt)
  if (excludeSessionId) query = query.where('test_sessions.id', '!=', excludeSessionId)
  return query.orderBy('test_sessions.starts_at').orderBy('session_proctors.user_id').execute()
}

/** Sessions ending after `since` that the user proctors or that are at one of `centerIds` (the centers they administer), by start. */
export async function sessionsOfStaffMember(db: DbOrTx, userId: string, centerIds: readonly string[], since: string) {
  return db
    .selectFrom('test_sessions')
    .select(['id', 'center_id', 'private_employer_id'])
    .where('ends_at', '>=', since)
    .where((eb) => eb.or([
      eb('id', 'in', eb.selectFrom('session_proctors').select('session_id').where('user_id', '=', userId)),
      ...(centerIds.length > 0 ? [eb('center_id', 'in', centerIds)] : []),
    ]))
    .orderBy('starts_at')
    .execute()
}

/** Closes a session once (its proctor's close): false if it was closed already. */
export async function closeSessionRow(trx: Tx, id: string, at: string): Promise<boolean> {
  const result = await trx.updateTable('test_sessions').set({ closed_at: at, status: 'closed' }).where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Sessions by id (one page of the audit log at most). */
export async function findSessions(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db.selectFrom('test_sessions').select(['id', 'center_id', 'starts_at', 'ends_at', 'status']).where('id', 'in', [...new Set(ids)]).execute()
}

// ---- issue 15: program analytics ----

/**
 * Per center, the sessions starting in [from, to) that were not cancelled and the registrations to
 * them still standing (not cancelled or expired), grouped in the database (by the starts_at index).
 */
export async function activityByCenter(db: DbOrTx, from: string, to: string, centerId: string | undefined) {
  let q = db.selectFrom('test_sessions')
    .leftJoin('registrations', (join) => join.onRef('registrations.session_id', '=', 'test_sessions.id').on('registrations.status', 'not in', ['cancelled', 'expired']))
    .select('test_sessions.center_id')
    .select((eb) => [
      eb.fn.count<number>('test_sessions.id').distinct().as('sessions'),
      eb.fn.count<number>('registrations.id').as('registrations'),
    ])
    .where('test_sessions.starts_at', '>=', from)
    .where('test_sessions.starts_at', '<', to)
    .where('test_sessions.status', '<>', 'cancelled')
  if (centerId !== undefined) q = q.where('test_sessions.center_id', '=', centerId)
  return q.groupBy('test_sessions.center_id').execute()
}
