import type { DbOrTx } from '../../db/database.js'
import { decodeCursor, pastCursor, toPage } from '../../db/pagination.js'
import type { EmailsTable } from '../../db/schema.js'

export async function insertEmail(db: DbOrTx, email: EmailsTable): Promise<void> {
  await db.insertInto('emails').values(email).execute()
}

/** Many emails in a few multi-row inserts (9 parameters a row). */
export async function insertEmails(db: DbOrTx, emails: readonly EmailsTable[]): Promise<void> {
  for (let i = 0; i < emails.length; i += 500) await db.insertInto('emails').values(emails.slice(i, i + 500)).execute()
}

/** Many delivered emails marked sent at once (one statement per thousand). */
export async function markEmailsSent(db: DbOrTx, ids: readonly string[], sentAt: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 1000) {
    await db.updateTable('emails').set({ status: 'sent', error: null, sent_at: sentAt }).where('id', 'in', ids.slice(i, i + 1000)).execute()
  }
}

export async function markEmail(
  db: DbOrTx,
  id: string,
  change: Pick<EmailsTable, 'status' | 'error' | 'sent_at'>,
): Promise<void> {
  await db.updateTable('emails').set(change).where('id', '=', id).execute()
}

export async function listEmails(db: DbOrTx, filter: { to?: string | undefined; limit: number; cursor?: string | undefined }) {
  const after = decodeCursor(filter.cursor)
  let query = db.selectFrom('emails').selectAll()
  if (filter.to) query = query.where('to_address', '=', filter.to.toLowerCase())
  if (after) query = query.where(pastCursor('created_at', 'id', after))
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit + 1).execute()
  return toPage(rows, filter.limit, (r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    text: r.text_body,
    transport: r.transport,
    status: r.status,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }))
}

/** Emails still queued that were recorded before `before`, oldest first. */
export async function queuedEmails(db: DbOrTx, before: string) {
  return db.selectFrom('emails').select(['id', 'to_address', 'subject', 'text_body']).where('status', '=', 'queued').where('created_at', '<', before).orderBy('created_at').execute()
}

/** The status of these emails (a process waiting for the ones it queued). */
export async function emailStatuses(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db.selectFrom('emails').select(['id', 'status']).where('id', 'in', ids).execute()
}
