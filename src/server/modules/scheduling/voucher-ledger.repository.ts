// The voucher ledger: batches (who bought which codes, at what price, against which invoice) and
// each code with its redemption (the registration it paid, that registration's candidate and session).
import { sql } from 'kysely'
import type { DbOrTx, Tx } from '../../db/database.js'
import { pastCursor, type CursorKey } from '../../db/pagination.js'
import type { VoucherBatchesTable } from '../../db/schema.js'

export async function insertBatch(trx: Tx, row: VoucherBatchesTable): Promise<void> {
  await trx.insertInto('voucher_batches').values(row).execute()
}

export async function setBatchInvoice(trx: Tx, batchId: string, invoiceId: string): Promise<void> {
  await trx.updateTable('voucher_batches').set({ invoice_id: invoiceId }).where('id', '=', batchId).execute()
}

export async function findBatch(db: DbOrTx, id: string) {
  return db.selectFrom('voucher_batches').selectAll().where('id', '=', id).executeTakeFirst()
}

export interface BatchFilter {
  /** Only this buyer's batches (an employer or center account looking at its own). */
  buyerId?: string | undefined
  module?: string | undefined
  /** A part of the organization's name. */
  organization?: string | undefined
  after?: CursorKey | undefined
  limit: number
}

/** Batches newest first, with their invoice's number and status and how many codes were redeemed. */
export async function listBatches(db: DbOrTx, filter: BatchFilter) {
  let query = db
    .selectFrom('voucher_batches')
    .leftJoin('invoices', 'invoices.id', 'voucher_batches.invoice_id')
    .selectAll('voucher_batches')
    .select(['invoices.number as invoice_number', 'invoices.status as invoice_status'])
    .select((eb) => eb.selectFrom('vouchers').select(eb.fn.countAll<number>().as('n')).whereRef('vouchers.batch_id', '=', 'voucher_batches.id').where('vouchers.status', '=', 'redeemed').as('redeemed'))
  if (filter.buyerId) query = query.where('voucher_batches.buyer_id', '=', filter.buyerId)
  // Modules are stored as a JSON array of codes: a code in quotes matches exactly that code.
  if (filter.module) query = query.where('voucher_batches.modules', 'like', `%"${filter.module}"%`)
  if (filter.organization) query = query.where(sql`lower(voucher_batches.organization)`, 'like', `%${filter.organization.toLowerCase().replace(/[%_\\]/g, '')}%`)
  if (filter.after) query = query.where(pastCursor('voucher_batches.created_at', 'voucher_batches.id', filter.after))
  return query.orderBy('voucher_batches.created_at', 'desc').orderBy('voucher_batches.id', 'desc').limit(filter.limit + 1).execute()
}

/** Every code of a batch with its redemption: the registration, its candidate and session. */
export async function codesOfBatch(db: DbOrTx, batchId: string) {
  return db
    .selectFrom('vouchers')
    .leftJoin('registrations', 'registrations.id', 'vouchers.registration_id')
    .leftJoin('test_sessions', 'test_sessions.id', 'registrations.session_id')
    .select([
      'vouchers.id', 'vouchers.code', 'vouchers.status', 'vouchers.redeemed_at', 'vouchers.registration_id', 'vouchers.expires_at', 'vouchers.enrolment_id',
      'registrations.candidate_id', 'registrations.session_id', 'test_sessions.starts_at', 'test_sessions.center_id',
    ])
    .where('vouchers.batch_id', '=', batchId)
    .orderBy('vouchers.code')
    .execute()
}

/** Every code of every batch, for the staff CSV export (bounded by the caller's limit). */
export async function ledgerRows(db: DbOrTx, limit: number) {
  return db
    .selectFrom('vouchers')
    .innerJoin('voucher_batches', 'voucher_batches.id', 'vouchers.batch_id')
    .leftJoin('invoices', 'invoices.id', 'voucher_batches.invoice_id')
    .leftJoin('registrations', 'registrations.id', 'vouchers.registration_id')
    .leftJoin('test_sessions', 'test_sessions.id', 'registrations.session_id')
    .select([
      'voucher_batches.id as batch_id', 'voucher_batches.created_at as batch_created_at', 'voucher_batches.buyer_id', 'voucher_batches.organization',
      'voucher_batches.unit_price_cents', 'voucher_batches.currency', 'invoices.number as invoice_number', 'invoices.status as invoice_status',
      'vouchers.code', 'vouchers.modules', 'vouchers.status', 'vouchers.redeemed_at', 'vouchers.registration_id',
      'registrations.candidate_id', 'test_sessions.starts_at',
    ])
    .orderBy('voucher_batches.created_at', 'desc').orderBy('voucher_batches.id').orderBy('vouchers.code')
    .limit(limit)
    .execute()
}

/** The codes of a batch nobody has used become void (its invoice was voided); redeemed ones stay. */
export async function voidAvailableOfBatch(trx: Tx, batchId: string): Promise<number> {
  const result = await trx.updateTable('vouchers').set({ status: 'void' }).where('batch_id', '=', batchId).where('status', '=', 'available').executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** The codes that paid these registrations (to say on a registration which voucher paid it). */
export async function codesOfRegistrations(db: DbOrTx, registrationIds: readonly string[]) {
  if (registrationIds.length === 0) return []
  return db.selectFrom('vouchers').select(['registration_id', 'code']).where('registration_id', 'in', registrationIds).where('status', '=', 'redeemed').execute()
}

/** How many of a batch's codes are available now (not redeemed, voided or expired). */
export async function countAvailableOfBatch(db: DbOrTx, batchId: string, now: string): Promise<number> {
  const row = await db.selectFrom('vouchers').select((eb) => eb.fn.countAll<number>().as('n')).where('batch_id', '=', batchId).where('status', '=', 'available')
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)])).executeTakeFirstOrThrow()
  return Number(row.n)
}

// ---- issue 14: codes an organisation assigns to a person by email.

/** Assigns one available, unassigned, unexpired code of a batch; the code, or undefined when none is left. */
export async function assignCodeOfBatch(trx: Tx, batchId: string, change: { organisation_id: string; assigned_email: string; assigned_at: string; assigned_by: string }) {
  const candidates = await trx.selectFrom('vouchers').select('id').where('batch_id', '=', batchId).where('status', '=', 'available').where('assigned_email', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', change.assigned_at)])).orderBy('code').limit(5).execute()
  // Conditional on still being unassigned: two assignments at once take different codes or one fails.
  for (const { id } of candidates) {
    const row = await trx.updateTable('vouchers').set(change).where('id', '=', id).where('assigned_email', 'is', null).where('status', '=', 'available').returningAll().executeTakeFirst()
    if (row) return row
  }
  return undefined
}

export async function codesAssignedByOrganisation(db: DbOrTx, organisationId: string) {
  return db.selectFrom('vouchers').selectAll().where('organisation_id', '=', organisationId).orderBy('assigned_at', 'desc').orderBy('id').execute()
}

export async function codesAssignedToEmail(db: DbOrTx, email: string) {
  return db.selectFrom('vouchers').selectAll().where('assigned_email', '=', email).where('organisation_id', 'is not', null).orderBy('assigned_at', 'desc').orderBy('id').execute()
}
