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
  from: string
  to?: string | undefined
  centerId?: string | undefined
  limit: number
  after?: CursorKey | undefined
}

/** Sessions open to the public: not cancelled, at a center that is certified. Ordered by start. */
export async function listPublicSessions(db: DbOrTx, filter: SessionFilter) {
  let query = db
    .selectFrom('test_sessions')
    .innerJoin('centers', 'centers.id', 'test_sessions.center_id')
    .select([
      'test_sessions.id', 'test_sessions.center_id', 'centers.name as center_name', 'centers.city', 'centers.state',
      'test_sessions.starts_at', 'test_sessions.ends_at', 'test_sessions.seats', 'test_sessions.seats_taken', 'test_sessions.modules', 'test_sessions.status',
    ])
    .where('test_sessions.status', '!=', 'cancelled')
    .where('centers.status', '=', 'certified')
    // An onsite company event is private: candidates reach it through its roster or an invitation.
    .where('centers.kind', '=', 'center')
    .where('test_sessions.ends_at', '>=', filter.from)
  if (filter.to) query = query.where('test_sessions.starts_at', '<=', filter.to)
  if (filter.centerId) query = query.where('test_sessions.center_id', '=', filter.centerId)
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

export async function updateSessionRow(db: DbOrTx, id: string, change: Partial<Pick<TestSessionsTable, 'starts_at' | 'ends_at' | 'seats' | 'modules' | 'status' | 'cancel_reason'>>) {
  await db.updateTable('test_sessions').set(change).where('id', '=', id).execute()
}

export async function isCenterAdmin(db: DbOrTx, centerId: string, userId: string): Promise<boolean> {
  return !!(await db.selectFrom('center_members').select('user_id').where('center_id', '=', centerId).where('user_id', '=', userId).executeTakeFirst())
}

export async function centerExists(db: DbOrTx, centerId: string) {
  return db.selectFrom('centers').select(['id', 'status', 'certified_until']).where('id', '=', centerId).executeTakeFirst()
}

/** A session with what decides who may see and book it: its center's kind and, for an onsite event, its employer. */
export async function findSessionWithCenter(db: DbOrTx, id: string) {
  return db
    .selectFrom('test_sessions')
    .innerJoin('centers', 'centers.id', 'test_sessions.center_id')
    .selectAll('test_sessions')
    .select(['centers.kind as center_kind', 'centers.applied_by as center_applied_by', 'centers.name as center_name', 'centers.city', 'centers.state'])
    .where('test_sessions.id', '=', id)
    .executeTakeFirst()
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

/** Sessions ending after `since` that the user proctors or whose center they administer, by start. */
export async function sessionsOfStaffMember(db: DbOrTx, userId: string, since: string) {
  return db
    .selectFrom('test_sessions')
    .innerJoin('centers', 'centers.id', 'test_sessions.center_id')
    .select(['test_sessions.id', 'centers.name as center_name'])
    .where('test_sessions.ends_at', '>=', since)
    .where((eb) => eb.or([
      eb('test_sessions.id', 'in', eb.selectFrom('session_proctors').select('session_id').where('user_id', '=', userId)),
      eb('test_sessions.center_id', 'in', eb.selectFrom('center_members').select('center_id').where('user_id', '=', userId)),
    ]))
    .orderBy('test_sessions.starts_at')
    .execute()
}

/** Closes a session once (its proctor's close): false if it was closed already. */
export async function closeSessionRow(trx: Tx, id: string, at: string): Promise<boolean> {
  const result = await trx.updateTable('test_sessions').set({ closed_at: at, status: 'closed' }).where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
