// Fees, vouchers and invoices. Every change of a voucher or an invoice is a conditional update that
// says whether it happened, so the registrations service can make it part of a registration's
// transition (one transaction) and refuse when it did not; nothing here knows a registration's states.
import type { DbOrTx, Tx } from '../../db/database.js'
import type { InvoicesTable, VouchersTable } from '../../db/schema.js'

export async function feeSchedule(db: DbOrTx) {
  return db.selectFrom('fee_schedule').selectAll().orderBy('module').execute()
}

export async function upsertFee(trx: Tx, module: string, amountCents: number, currency: string, at: string, by: string) {
  await trx
    .insertInto('fee_schedule')
    .values({ module, amount_cents: amountCents, currency, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('module').doUpdateSet({ amount_cents: amountCents, currency, updated_at: at, updated_by: by }))
    .execute()
}

/** Takes a module's fee down: the program then publishes no online price for it. */
export async function removeFee(trx: Tx, module: string) {
  await trx.deleteFrom('fee_schedule').where('module', '=', module).execute()
}

export async function insertVouchers(trx: Tx, rows: VouchersTable[]): Promise<void> {
  if (rows.length) await trx.insertInto('vouchers').values(rows).execute()
}

/**
 * Redeems a voucher once: the conditional update is what makes it single-use under concurrency, and
 * keeps a code assigned to a person (by normalized email) for that person even if it was assigned
 * between the caller's check and this update.
 */
export async function redeemVoucher(trx: Tx, code: string, registrationId: string, holderEmail: string, at: string) {
  return trx
    .updateTable('vouchers')
    .set({ status: 'redeemed', registration_id: registrationId, redeemed_at: at })
    .where('code', '=', code)
    .where('status', '=', 'available')
    // A training voucher never pays for a registration (issue 13).
    .where('purpose', '=', 'registration')
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
    .where((eb) => eb.or([eb('assigned_email', 'is', null), eb('assigned_email', '=', holderEmail)]))
    .returningAll()
    .executeTakeFirst()
}

export async function findVoucherByCode(db: DbOrTx, code: string) {
  return db.selectFrom('vouchers').selectAll().where('code', '=', code).executeTakeFirst()
}

/** Gives a voucher back (its registration was cancelled), only if it still pays for that registration. */
export async function restoreVoucher(trx: Tx, id: string, registrationId: string): Promise<boolean> {
  const result = await trx.updateTable('vouchers').set({ status: 'available', registration_id: null, redeemed_at: null })
    .where('id', '=', id).where('status', '=', 'redeemed').where('registration_id', '=', registrationId).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Moves a redeemed voucher from one registration to the one replacing it; false if it no longer pays for the first. */
export async function moveVoucher(trx: Tx, id: string, from: string, to: string): Promise<boolean> {
  const result = await trx.updateTable('vouchers').set({ registration_id: to })
    .where('id', '=', id).where('status', '=', 'redeemed').where('registration_id', '=', from).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function vouchersOf(db: DbOrTx, purchasedBy: string) {
  return db.selectFrom('vouchers').selectAll().where('purchased_by', '=', purchasedBy).orderBy('created_at', 'desc').execute()
}

export async function findInvoice(db: DbOrTx, id: string) {
  return db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Moves a registration's invoices in these states to the registration replacing it; returns how many. */
export async function moveInvoices(trx: Tx, from: string, to: string, statuses: readonly InvoicesTable['status'][]): Promise<number> {
  const result = await trx.updateTable('invoices').set({ registration_id: to }).where('registration_id', '=', from).where('status', 'in', statuses).executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** A registration's invoices that were not voided, newest first (its receipt shows the one that stands). */
export async function standingInvoicesOf(db: DbOrTx, registrationId: string) {
  return db.selectFrom('invoices').selectAll().where('registration_id', '=', registrationId).where('status', '!=', 'void').orderBy('issued_at', 'desc').execute()
}


/** The invoices of these registrations (a person's record), oldest first. */
export async function invoicesOfRegistrations(db: DbOrTx, registrationIds: readonly string[]) {
  if (registrationIds.length === 0) return []
  return db.selectFrom('invoices').selectAll().where('registration_id', 'in', [...new Set(registrationIds)]).orderBy('issued_at').execute()
}

/** The vouchers redeemed for these registrations (a person's record). */
export async function vouchersOfRegistrations(db: DbOrTx, registrationIds: readonly string[]) {
  if (registrationIds.length === 0) return []
  return db.selectFrom('vouchers').selectAll().where('registration_id', 'in', [...new Set(registrationIds)]).orderBy('redeemed_at').execute()
}

// ---- issue 13, training stream: training vouchers are redeemed by enrolments, each for its one subject.

/** Redeems a training voucher for an enrolment of its subject, once (the same conditional update as a registration's). */
export async function redeemTrainingVoucher(trx: Tx, where: { code?: string; id?: string }, subject: string, enrolmentId: string, at: string) {
  let query = trx.updateTable('vouchers').set({ status: 'redeemed', enrolment_id: enrolmentId, redeemed_at: at })
    .where('status', '=', 'available').where('purpose', '=', 'training').where('training_subject', '=', subject)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
  if (where.code !== undefined) query = query.where('code', '=', where.code)
  if (where.id !== undefined) query = query.where('id', '=', where.id)
  return query.returningAll().executeTakeFirst()
}

/** Available codes of a batch, oldest first (a sponsorship takes them one per seat). */
export async function availableVoucherIdsOfBatch(trx: Tx, batchId: string, at: string, limit: number): Promise<string[]> {
  return (await trx.selectFrom('vouchers').select('id').where('batch_id', '=', batchId).where('status', '=', 'available')
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)])).orderBy('code').limit(limit).execute()).map((r) => r.id)
}

/** Gives a training voucher back (its enrolment was cancelled), only if it still pays for that enrolment. */
export async function restoreTrainingVoucher(trx: Tx, id: string, enrolmentId: string): Promise<boolean> {
  const result = await trx.updateTable('vouchers').set({ status: 'available', enrolment_id: null, redeemed_at: null })
    .where('id', '=', id).where('status', '=', 'redeemed').where('enrolment_id', '=', enrolmentId).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The codes that paid these enrolments. */
export async function codesOfEnrolments(db: DbOrTx, enrolmentIds: readonly string[]) {
  if (enrolmentIds.length === 0) return []
  return db.selectFrom('vouchers').select(['enrolment_id', 'code', 'batch_id']).where('enrolment_id', 'in', [...new Set(enrolmentIds)]).where('status', '=', 'redeemed').execute()
}
