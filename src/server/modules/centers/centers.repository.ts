import type { DbOrTx, Tx } from '../../db/database.js'
import { pastCursor, type CursorKey } from '../../db/pagination.js'
import type { CentersTable, OnsiteRequestsTable } from '../../db/schema.js'

export const toCenterDto = (c: CentersTable) => ({
  id: c.id,
  name: c.name,
  kind: c.kind,
  addressLine1: c.address_line1,
  addressLine2: c.address_line2,
  city: c.city,
  state: c.state,
  postalCode: c.postal_code,
  phone: c.phone,
  email: c.email,
  status: c.status,
  certifiedUntil: c.certified_until,
  timeZone: c.time_zone,
})

export async function insertCenter(db: DbOrTx, row: CentersTable): Promise<void> {
  await db.insertInto('centers').values(row).execute()
}

export async function addCenterMember(db: DbOrTx, centerId: string, userId: string): Promise<void> {
  await db.insertInto('center_members').values({ center_id: centerId, user_id: userId, role: 'admin' }).execute()
}

/** Centers currently certified (certified status and not past their certification date). */
export async function listCertifiedCenters(
  db: DbOrTx,
  filter: { state?: string | undefined; city?: string | undefined; now: string; limit: number; after?: CursorKey | undefined },
) {
  let query = db
    .selectFrom('centers')
    .selectAll()
    .where('status', '=', 'certified')
    .where((eb) => eb.or([eb('certified_until', 'is', null), eb('certified_until', '>', filter.now)]))
  if (filter.state) query = query.where('state', '=', filter.state.toUpperCase())
  if (filter.city) query = query.where((eb) => eb(eb.fn('lower', ['city']), '=', filter.city!.toLowerCase()))
  if (filter.after) query = query.where(pastCursor('name', 'id', filter.after, 'asc'))
  return query.orderBy('name').orderBy('id').limit(filter.limit + 1).execute()
}

export async function findCenter(db: DbOrTx, id: string) {
  return db.selectFrom('centers').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Many centers by id at once (ids that name no center are absent). */
export async function findCenters(db: DbOrTx, ids: readonly string[]): Promise<CentersTable[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  return db.selectFrom('centers').selectAll().where('id', 'in', unique).execute()
}

/** Centers whose sessions the public sees: certified assessment centers not past their certification (an onsite company event is private). */
export async function publicCenterIds(db: DbOrTx, now: string): Promise<string[]> {
  return (await db.selectFrom('centers').select('id').where('status', '=', 'certified').where('kind', '=', 'center')
    .where((eb) => eb.or([eb('certified_until', 'is', null), eb('certified_until', '>', now)])).execute()).map((r) => r.id)
}

export async function listCenters(db: DbOrTx, status?: CentersTable['status']) {
  let q = db.selectFrom('centers').selectAll()
  if (status) q = q.where('status', '=', status)
  return q.orderBy('name').execute()
}

export async function centersOfMember(db: DbOrTx, userId: string) {
  return db.selectFrom('centers').innerJoin('center_members', 'center_members.center_id', 'centers.id').selectAll('centers').where('center_members.user_id', '=', userId).orderBy('centers.name').execute()
}

export async function updateCenterStatus(trx: Tx, id: string, change: Pick<CentersTable, 'status' | 'status_reason'> & { certified_until?: string }): Promise<void> {
  await trx.updateTable('centers').set(change).where('id', '=', id).execute()
}

export async function updateCenterTimeZone(trx: Tx, id: string, timeZone: string): Promise<void> {
  await trx.updateTable('centers').set({ time_zone: timeZone }).where('id', '=', id).execute()
}

export async function isCenterMember(db: DbOrTx, centerId: string, userId: string): Promise<boolean> {
  return !!(await db.selectFrom('center_members').select('user_id').where('center_id', '=', centerId).where('user_id', '=', userId).executeTakeFirst())
}

export async function centerIdsOfMember(db: DbOrTx, userId: string): Promise<string[]> {
  return (await db.selectFrom('center_members').select('center_id').where('user_id', '=', userId).execute()).map((r) => r.center_id)
}

export async function insertOnsiteRequest(trx: Tx, row: OnsiteRequestsTable): Promise<void> {
  await trx.insertInto('onsite_requests').values(row).execute()
}

export async function findOnsiteRequest(db: DbOrTx, id: string) {
  return db.selectFrom('onsite_requests').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listOnsiteRequests(db: DbOrTx, employerId?: string) {
  let q = db.selectFrom('onsite_requests').selectAll()
  if (employerId) q = q.where('employer_id', '=', employerId)
  return q.orderBy('created_at', 'desc').execute()
}

/** Decides a pending onsite request, once: false if it was decided meanwhile. */
export async function decideOnsiteRequest(trx: Tx, id: string, change: Pick<OnsiteRequestsTable, 'status' | 'session_id' | 'decided_by'>): Promise<boolean> {
  const result = await trx.updateTable('onsite_requests').set(change).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function setOnsiteSession(trx: Tx, id: string, sessionId: string): Promise<void> {
  await trx.updateTable('onsite_requests').set({ session_id: sessionId }).where('id', '=', id).execute()
}

/** Certified assessment centers whose certification ends between two moments (the staff dashboard). */
export async function countCentersCertifiedUntilBetween(db: DbOrTx, from: string, to: string): Promise<number> {
  const row = await db.selectFrom('centers').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'center').where('status', '=', 'certified').where('certified_until', '>=', from).where('certified_until', '<=', to).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Every center (any kind or status) in a state: staff's session filter. */
export async function centerIdsInState(db: DbOrTx, state: string): Promise<string[]> {
  return (await db.selectFrom('centers').select('id').where('state', '=', state.toUpperCase()).execute()).map((r) => r.id)
}
