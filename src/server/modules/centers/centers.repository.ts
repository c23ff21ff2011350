import type { DbOrTx } from '../../db/database.js'
import { pastCursor, type CursorKey } from '../../db/pagination.js'
import type { CentersTable } from '../../db/schema.js'

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
