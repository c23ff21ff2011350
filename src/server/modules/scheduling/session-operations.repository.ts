// The queries behind staff's view of sessions across centers: a filtered, keyset-paged list, the
// proctors of a page of sessions at once, and a session's registrations counted by status.
import type { DbOrTx } from '../../db/database.js'
import { pastCursor, type CursorKey } from '../../db/pagination.js'
import type { TestSessionsTable } from '../../db/schema.js'

export interface StaffSessionFilter {
  /** Only sessions at these centers (from a center or state filter); undefined: every center. */
  centerIds?: readonly string[] | undefined
  status?: TestSessionsTable['status'] | undefined
  module?: string | undefined
  from?: string | undefined
  to?: string | undefined
  limit: number
  after?: CursorKey | undefined
}

/** Sessions at any center matching the filter, by start then id (limit + 1 rows, for toPage). */
export async function listStaffSessions(db: DbOrTx, filter: StaffSessionFilter) {
  if (filter.centerIds && filter.centerIds.length === 0) return []
  let query = db.selectFrom('test_sessions').selectAll()
  if (filter.centerIds) query = query.where('center_id', 'in', filter.centerIds)
  if (filter.status) query = query.where('status', '=', filter.status)
  // Module codes are [A-Z0-9] only (the route's schema), so they cannot carry LIKE wildcards.
  if (filter.module) query = query.where('modules', 'like', `%"${filter.module}"%`)
  if (filter.from) query = query.where('ends_at', '>=', filter.from)
  if (filter.to) query = query.where('starts_at', '<=', filter.to)
  if (filter.after) query = query.where(pastCursor('starts_at', 'id', filter.after, 'asc'))
  return query.orderBy('starts_at').orderBy('id').limit(filter.limit + 1).execute()
}

/** The proctors of each of these sessions. */
export async function proctorsOfSessions(db: DbOrTx, sessionIds: readonly string[]): Promise<Map<string, string[]>> {
  const byId = new Map<string, string[]>()
  if (sessionIds.length === 0) return byId
  const rows = await db.selectFrom('session_proctors').select(['session_id', 'user_id']).where('session_id', 'in', sessionIds).execute()
  for (const r of rows) byId.set(r.session_id, [...(byId.get(r.session_id) ?? []), r.user_id])
  return byId
}

/** How many of a session's registrations are in each status. */
export async function registrationCounts(db: DbOrTx, sessionId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('registrations')
    .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('session_id', '=', sessionId)
    .groupBy('status')
    .execute()
  return new Map(rows.map((r) => [r.status, Number(r.n)]))
}

/** Marks a session cancelled with its reason, once and only while it is open: false if it was cancelled or closed meanwhile. */
export async function cancelOpenSession(db: DbOrTx, id: string, reason: string): Promise<boolean> {
  const result = await db
    .updateTable('test_sessions')
    .set({ status: 'cancelled', cancel_reason: reason })
    .where('id', '=', id)
    .where('status', 'in', ['scheduled', 'in_progress'])
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
