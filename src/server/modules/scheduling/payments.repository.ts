import type { DbOrTx } from '../../db/database.js'
import type { InvoicesTable, VouchersTable } from '../../db/schema.js'

export async function feeSchedule(db: DbOrTx) {
  return db.selectFrom('fee_schedule').selectAll().orderBy('module').execute()
}

export async function upsertFee(db: DbOrTx, module: string, amountCents: number, currency: string, at: string, by: string) {
  await db
    .insertInto('fee_schedule')
    .values({ module, amount_cents: amountCents, currency, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('module').doUpdateSet({ amount_cents: amountCents, currency, updated_at: at, updated_by: by }))
    .execute()
}

export async function insertVouchers(db: DbOrTx, rows: VouchersTable[]): Promise<void> {
  if (rows.length) await db.insertInto('vouchers').values(rows).execute()
}

/** Redeems a voucher once: the conditional update is what makes it single-use under concurrency. */
export async function redeemVoucher(db: DbOrTx, code: string, registrationId: string, at: string) {
  return db
    .updateTable('vouchers')
    .set({ status: 'redeemed', registration_id: registrationId, redeemed_at: at })
    .where('code', '=', code)
    .where('status', '=', 'available')
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
    .returningAll()
    .executeTakeFirst()
}

export async function findVoucherByCode(db: DbOrTx, code: string) {
  return db.selectFrom('vouchers').selectAll().where('code', '=', code).executeTakeFirst()
}

export async function restoreVoucher(db: DbOrTx, id: string): Promise<void> {
  await db.updateTable('vouchers').set({ status: 'available', registration_id: null, redeemed_at: null }).where('id', '=', id).execute()
}

export async function vouchersOf(db: DbOrTx, purchasedBy: string) {
  return db.selectFrom('vouchers').selectAll().where('purchased_by', '=', purchasedBy).orderBy('created_at', 'desc').execute()
}

export async function insertInvoice(db: DbOrTx, row: InvoicesTable): Promise<void> {
  await db.insertInto('invoices').values(row).execute()
}

export async function findInvoice(db: DbOrTx, id: string) {
  return db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function markInvoicePaid(db: DbOrTx, id: string, at: string, by: string) {
  return db.updateTable('invoices').set({ status: 'paid', paid_at: at, marked_by: by }).where('id', '=', id).where('status', '=', 'open').returningAll().executeTakeFirst()
}

export async function openInvoices(db: DbOrTx) {
  return db
    .selectFrom('invoices')
    .innerJoin('registrations', 'registrations.id', 'invoices.registration_id')
    .innerJoin('users', 'users.id', 'registrations.candidate_id')
    .selectAll('invoices')
    .select(['users.email', 'users.first_name', 'users.last_name', 'registrations.session_id'])
    .where('invoices.status', '=', 'open')
    .orderBy('invoices.issued_at')
    .execute()
}
