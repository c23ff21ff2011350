// Invoices as documents: their lines, their history, the staff list and the conditional updates of
// paying and voiding. The number is drawn by the service from a per-year counter in the same
// transaction as the insert, so a refused insert gives its number back.
import type { DbOrTx, Tx } from '../../db/database.js'
import { pastCursor, type CursorKey } from '../../db/pagination.js'
import type { InvoiceEventsTable, InvoiceLinesTable, InvoicesTable } from '../../db/schema.js'

export async function insertInvoice(trx: Tx, row: InvoicesTable): Promise<void> {
  await trx.insertInto('invoices').values(row).execute()
}

export async function insertInvoiceLines(trx: Tx, lines: InvoiceLinesTable[]): Promise<void> {
  if (lines.length) await trx.insertInto('invoice_lines').values(lines).execute()
}

export async function insertInvoiceEvent(trx: Tx, event: InvoiceEventsTable): Promise<void> {
  await trx.insertInto('invoice_events').values(event).execute()
}

export async function invoiceLines(db: DbOrTx, invoiceId: string) {
  return db.selectFrom('invoice_lines').selectAll().where('invoice_id', '=', invoiceId).orderBy('position').execute()
}

export async function invoiceEvents(db: DbOrTx, invoiceId: string) {
  return db.selectFrom('invoice_events').selectAll().where('invoice_id', '=', invoiceId).orderBy('at').orderBy('id').execute()
}

/** The open invoice of a registration, if any (at most one: `invoices_one_open_idx`). */
export async function openInvoiceOf(db: DbOrTx, registrationId: string) {
  return db.selectFrom('invoices').selectAll().where('registration_id', '=', registrationId).where('status', '=', 'open').executeTakeFirst()
}

export async function openInvoiceIdsOf(trx: Tx, registrationId: string): Promise<string[]> {
  return (await trx.selectFrom('invoices').select('id').where('registration_id', '=', registrationId).where('status', '=', 'open').execute()).map((r) => r.id)
}

/** The open invoice of a training enrolment, if any (at most one: `invoices_one_open_enrolment_idx`). */
export async function openInvoiceOfEnrolment(db: DbOrTx, enrolmentId: string) {
  return db.selectFrom('invoices').selectAll().where('enrolment_id', '=', enrolmentId).where('status', '=', 'open').executeTakeFirst()
}

export async function openInvoiceIdsOfEnrolment(trx: Tx, enrolmentId: string): Promise<string[]> {
  return (await trx.selectFrom('invoices').select('id').where('enrolment_id', '=', enrolmentId).where('status', '=', 'open').execute()).map((r) => r.id)
}

/** The invoices of these training enrolments, newest first (the learner's and staff's views). */
export async function invoicesOfEnrolments(db: DbOrTx, enrolmentIds: readonly string[]) {
  if (enrolmentIds.length === 0) return []
  return db.selectFrom('invoices').selectAll().where('enrolment_id', 'in', [...new Set(enrolmentIds)]).orderBy('issued_at', 'desc').execute()
}

/** Marks an open invoice paid with its reference; undefined when it was not open (paid or voided meanwhile). */
export async function payInvoice(trx: Tx, id: string, at: string, by: string, reference: string | null) {
  return trx.updateTable('invoices').set({ status: 'paid', paid_at: at, marked_by: by, payment_reference: reference })
    .where('id', '=', id).where('status', '=', 'open').returningAll().executeTakeFirst()
}

/** Voids an open invoice with a reason; undefined when it was not open. */
export async function voidInvoice(trx: Tx, id: string, at: string, by: string | null, reason: string) {
  return trx.updateTable('invoices').set({ status: 'void', voided_at: at, voided_by: by, void_reason: reason })
    .where('id', '=', id).where('status', '=', 'open').returningAll().executeTakeFirst()
}

export interface InvoiceFilter {
  status?: InvoicesTable['status'] | undefined
  subject?: InvoicesTable['subject_type'] | undefined
  /** A number, or its start (INV-2026-). */
  number?: string | undefined
  after?: CursorKey | undefined
  limit: number
}

/** Invoices newest first, with what names their bill-to: the registration's candidate or the batch's buyer. */
export async function listInvoices(db: DbOrTx, filter: InvoiceFilter) {
  let query = db
    .selectFrom('invoices')
    .leftJoin('registrations', 'registrations.id', 'invoices.registration_id')
    .leftJoin('voucher_batches', 'voucher_batches.id', 'invoices.voucher_batch_id')
    .selectAll('invoices')
    .select(['registrations.candidate_id', 'registrations.session_id', 'voucher_batches.buyer_id', 'voucher_batches.organization', 'voucher_batches.created_by as batch_created_by'])
  if (filter.status) query = query.where('invoices.status', '=', filter.status)
  if (filter.subject) query = query.where('invoices.subject_type', '=', filter.subject)
  if (filter.number) query = query.where('invoices.number', 'like', `${filter.number.replace(/[%_\\]/g, '')}%`)
  if (filter.after) query = query.where(pastCursor('invoices.issued_at', 'invoices.id', filter.after))
  return query.orderBy('invoices.issued_at', 'desc').orderBy('invoices.id', 'desc').limit(filter.limit + 1).execute()
}

/** One invoice with the same bill-to facts as the list. */
export async function findInvoiceWithSubject(db: DbOrTx, id: string) {
  return db
    .selectFrom('invoices')
    .leftJoin('registrations', 'registrations.id', 'invoices.registration_id')
    .leftJoin('voucher_batches', 'voucher_batches.id', 'invoices.voucher_batch_id')
    .selectAll('invoices')
    .select(['registrations.candidate_id', 'registrations.session_id', 'voucher_batches.buyer_id', 'voucher_batches.organization', 'voucher_batches.created_by as batch_created_by'])
    .where('invoices.id', '=', id)
    .executeTakeFirst()
}

export type InvoiceWithSubject = NonNullable<Awaited<ReturnType<typeof findInvoiceWithSubject>>>

/** Invoice numbers by id (the audit log names invoices by number). */
export async function invoiceNumbers(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db.selectFrom('invoices').select(['id', 'number']).where('id', 'in', [...new Set(ids)]).execute()
}
