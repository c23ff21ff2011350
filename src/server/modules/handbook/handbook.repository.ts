import type { DbOrTx } from '../../db/database.js'
import { decodeCursor, pastCursor, toPage } from '../../db/pagination.js'
import type { HandbookRequestsTable } from '../../db/schema.js'

/** A request as staff see it; the name of whoever fulfilled it comes from the accounts module. */
export const toHandbookRequestDto = (r: HandbookRequestsTable, fulfilledByName: string | null = null) => ({
  id: r.id,
  name: r.name,
  email: r.email,
  organization: r.organization,
  mailingAddress: r.mailing_address,
  format: r.format,
  message: r.message,
  status: r.status,
  createdAt: r.created_at,
  fulfilledAt: r.fulfilled_at,
  fulfilledBy: r.fulfilled_by,
  fulfilledByName,
  fulfilmentNote: r.fulfilment_note,
})

export async function insertHandbookRequest(db: DbOrTx, row: HandbookRequestsTable): Promise<void> {
  await db.insertInto('handbook_requests').values(row).execute()
}

export async function findHandbookRequest(db: DbOrTx, id: string): Promise<HandbookRequestsTable | undefined> {
  return db.selectFrom('handbook_requests').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Marks an open request fulfilled; undefined when it was not open (already fulfilled, or absent). */
export async function fulfilHandbookRequest(db: DbOrTx, id: string, by: string, note: string, at: string) {
  return db
    .updateTable('handbook_requests')
    .set({ status: 'fulfilled', fulfilled_at: at, fulfilled_by: by, fulfilment_note: note })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst()
}

export async function listHandbookRequests(
  db: DbOrTx,
  filter: { status?: HandbookRequestsTable['status'] | undefined; limit: number; cursor?: string | undefined },
) {
  const after = decodeCursor(filter.cursor)
  let query = db
    .selectFrom('handbook_requests')
    .selectAll()
  if (filter.status) query = query.where('handbook_requests.status', '=', filter.status)
  if (after) query = query.where(pastCursor('handbook_requests.created_at', 'handbook_requests.id', after))
  const rows = await query.orderBy('handbook_requests.created_at', 'desc').orderBy('handbook_requests.id', 'desc').limit(filter.limit + 1).execute()
  return toPage(rows, filter.limit, (r) => r)
}

export async function countOpenHandbookRequests(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('handbook_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
