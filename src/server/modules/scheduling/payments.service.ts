// Fees: the per-module fee schedule set by staff, vouchers bought by employers (single use, tied to
// modules, bought in batches through the voucher ledger), invoices staff mark paid (documents of the
// invoices service). A leaf: the fee rules are src/common/rules/fees.ts, and what a
// payment does to a registration is the registrations service's to decide. The functions taking a Tx
// are the payment's half of a registration's transition, run inside that transaction; each is a
// conditional update that refuses (AppError) when the voucher or invoice is not in the state it needs,
// which rolls the whole transition back.
import { amountDue, formatMoney, normalizeVoucherCode, voucherCovers } from '../../../common/rules/fees.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx, Tx } from '../../db/database.js'
import type { InvoicesTable } from '../../db/schema.js'
import type { BuyVoucherBatchBody } from '../../../common/schemas/payments.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { AuditService } from '../audit/audit.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { InvoicesService } from './invoices.service.js'
import { invoicesOfEnrolments, openInvoiceOf, openInvoiceOfEnrolment } from './invoices.repository.js'
import {
  feeSchedule, findInvoice, standingInvoicesOf, findVoucherByCode, moveInvoices, moveVoucher, redeemVoucher, removeFee, restoreVoucher, upsertFee, vouchersOf,
  invoicesOfRegistrations, vouchersOfRegistrations, availableVoucherIdsOfBatch, codesOfEnrolments, redeemTrainingVoucher, restoreTrainingVoucher,
} from './payments.repository.js'
import { codesOfRegistrations } from './voucher-ledger.repository.js'
import type { VoucherLedgerService } from './voucher-ledger.service.js'

export function createPaymentsService(
  ctx: ServerContext,
  deps: { audit: AuditService; program: ProgramService; invoices: InvoicesService; ledger: Pick<VoucherLedgerService, 'buy'> },
) {
  const { db } = ctx
  const currency = deps.program.definition.fees.currency
  const now = () => ctx.clock().toISOString()

  const service = {
    /** What the modules cost now; read in the caller's transaction when it has one (on SQLite, a read outside it would wait for it). */
    async amountDue(trx: DbOrTx, modules: string[]) {
      const cents = amountDue(new Map((await feeSchedule(trx)).map((f) => [f.module, f.amount_cents])), modules)
      return { cents, label: formatMoney(cents, currency) }
    },

    async schedule() {
      const fees = new Map((await feeSchedule(db)).map((f) => [f.module, f.amount_cents]))
      return {
        currency,
        items: deps.program.definition.modules.map((m) => ({ module: m.code, amountCents: fees.get(m.code) ?? null })),
      }
    },

    async setFees(actor: Actor | null, fees: Record<string, number | null>) {
      const staff = requireRole(actor, 'program_staff')
      const unknown = Object.keys(fees).filter((m) => !deps.program.module(m))
      if (unknown.length) throw new AppError('VALIDATION', `No such module: ${unknown.join(', ')}.`)
      await inTransaction(db, async (trx) => {
        for (const [module, cents] of Object.entries(fees)) {
          if (cents === null) await removeFee(trx, module)
          else await upsertFee(trx, module, cents, currency, now(), staff.userId)
        }
        await deps.audit.record(trx, { actorId: staff.userId, action: 'fees.set', entityType: 'fee_schedule', entityId: 'MT1', details: fees })
      })
      return service.schedule()
    },

    /** An employer (or staff) buys vouchers for modules: a batch in the ledger, against an invoice. */
    async buyVouchers(actor: Actor | null, input: BuyVoucherBatchBody) {
      const batch = await deps.ledger.buy(actor, input)
      return { items: batch.codes.map((c) => ({ id: c.id, code: c.code, modules: batch.modules, status: c.status, expiresAt: c.expiresAt })) }
    },

    /** The code that paid each of these registrations (a registration says which voucher paid it). */
    async voucherCodesOf(registrationIds: readonly string[]): Promise<Map<string, string>> {
      return new Map((await codesOfRegistrations(db, registrationIds)).map((r) => [r.registration_id!, r.code]))
    },

    async myVouchers(actor: Actor | null) {
      const buyer = requireRole(actor, 'employer', 'program_staff')
      return {
        items: (await vouchersOf(db, buyer.userId)).map((v) => ({ id: v.id, code: v.code, modules: JSON.parse(v.modules) as string[], status: v.status, redeemedAt: v.redeemed_at, expiresAt: v.expires_at })),
        nextCursor: null,
      }
    },

    findInvoice: (id: string) => findInvoice(db, id),

    /**
     * What a registration costs for its receipt: the amount of its invoice when it has one (what was
     * billed), otherwise its modules' fees now; each module's fee (null: the program publishes none).
     */
    async receiptAmount(registrationId: string, modules: string[]) {
      const fees = new Map((await feeSchedule(db)).map((f) => [f.module, f.amount_cents]))
      const [invoice] = await standingInvoicesOf(db, registrationId)
      const cents = invoice ? invoice.amount_cents : amountDue(fees, modules)
      return {
        currency, amountCents: cents,
        lines: modules.map((m) => ({ module: m, amountCents: fees.get(m) ?? null })),
        invoice: invoice ? { id: invoice.id, status: invoice.status, issuedAt: invoice.issued_at } : null,
      }
    },

    /**
     * The voucher a code names, if it would cover these modules and may be used by this candidate
     * (checked again when it is redeemed). A code an organisation assigned to a person by email pays
     * only for that person: the code travels by email and could be passed on.
     */
    async voucherFor(rawCode: string, modules: readonly string[], holderEmail: string) {
      const voucher = await findVoucherByCode(db, normalizeVoucherCode(rawCode))
      if (!voucher) throw new AppError('VOUCHER_INVALID', 'There is no voucher with this code. Check it and try again.')
      if (voucher.purpose !== 'registration') throw new AppError('VOUCHER_INVALID', 'This voucher pays for training, not for an assessment registration.')
      if (voucher.assigned_email !== null && voucher.assigned_email !== holderEmail) {
        throw new AppError('VOUCHER_INVALID', 'This voucher was given to another person: only the person it was sent to can use it.')
      }
      const covered = JSON.parse(voucher.modules) as string[]
      if (!voucherCovers(covered, modules)) throw new AppError('VOUCHER_INVALID', `This voucher covers ${covered.join(', ')}, not every module of the registration.`)
      return voucher
    },

    /** Redeems the voucher for the registration, once; refuses a voucher already used or expired. */
    async redeemIn(trx: Tx, code: string, registrationId: string, holderEmail: string): Promise<string> {
      const redeemed = await redeemVoucher(trx, normalizeVoucherCode(code), registrationId, holderEmail, now())
      if (!redeemed) throw new AppError('VOUCHER_INVALID', 'This voucher has already been used or has expired.')
      return redeemed.id
    },

    /**
     * Issues the registration's invoice (numbered, one line per module), or gives back the open one it
     * has: asking twice makes one invoice. The caller has updated the registration's row first, which
     * serializes two requests for one registration, so the check and the insert cannot race; a number
     * is drawn only for an invoice that is inserted.
     */
    async invoiceIn(trx: Tx, registrationId: string, modules: string[], actorId: string | null = null): Promise<{ invoice: InvoicesTable; issued: boolean }> {
      const open = await openInvoiceOf(trx, registrationId)
      if (open) return { invoice: open, issued: false }
      const fees = new Map((await feeSchedule(trx)).map((f) => [f.module, f.amount_cents]))
      const lines = [...new Set(modules)].map((m) => ({ description: `Registration fee: ${deps.program.module(m)?.name ?? m} (${m})`, quantity: 1, unitCents: fees.get(m) ?? 0 }))
      const invoice = await deps.invoices.issueIn(trx, { subject: { registrationId }, currency, lines, actorId })
      return { invoice, issued: true }
    },

    /** Marks the registration's open invoice paid (with the payment's reference); refuses one that is not open (paid, or voided by a cancellation). */
    async payInvoiceIn(trx: Tx, invoiceId: string, registrationId: string, staffId: string, reference: string | null = null): Promise<void> {
      const invoice = await findInvoice(trx, invoiceId)
      if (!invoice || invoice.registration_id !== registrationId) throw new AppError('CONFLICT', 'This invoice is not open.')
      if (!(await deps.invoices.payIn(trx, invoiceId, staffId, reference))) throw new AppError('CONFLICT', 'This invoice is not open.')
    },

    /** A cancelled registration gives its voucher back and its open invoices are voided. */
    async settleCancelledIn(trx: Tx, registration: { id: string; voucher_id: string | null }): Promise<void> {
      if (registration.voucher_id) await restoreVoucher(trx, registration.voucher_id, registration.id)
      await deps.invoices.voidOpenOfRegistrationIn(trx, registration.id, 'The registration was cancelled.')
    },

    voidInvoicesIn: (trx: Tx, registrationId: string, reason = 'The registration no longer needs it (paid otherwise, or its fee waived).') =>
      deps.invoices.voidOpenOfRegistrationIn(trx, registrationId, reason),

    /**
     * Moves what was paid (a voucher, paid invoices) from a registration to the one replacing it, and
     * the open invoice too when `withOpenInvoice` (the new one holds a seat waiting for it); otherwise
     * the open invoice is voided. Refuses if the voucher no longer pays for the old registration.
     */
    async transferIn(trx: Tx, from: { id: string; voucher_id: string | null }, to: string, withOpenInvoice: boolean): Promise<void> {
      if (from.voucher_id && !(await moveVoucher(trx, from.voucher_id, from.id, to))) throw new AppError('CONFLICT', 'The voucher of this registration is no longer attached to it.')
      await moveInvoices(trx, from.id, to, withOpenInvoice ? ['open', 'paid'] : ['paid'])
      if (!withOpenInvoice) await deps.invoices.voidOpenOfRegistrationIn(trx, from.id, 'The registration moved to another session.')
    },

    // ---- issue 13, training stream: a training enrolment's half of its payment, inside the training
    // module's transaction (the training module owns every transition of an enrolment, as the
    // registrations service does a registration's). Each refuses with an AppError, which rolls it back.

    /**
     * Redeems the training voucher a code names for an enrolment of `subject` ("lab:MM",
     * "course:<id>"), once; refuses a code that is unknown, for another purpose or subject, used or expired.
     */
    async redeemTrainingCodeIn(trx: Tx, rawCode: string, subject: string, enrolmentId: string): Promise<string> {
      const code = normalizeVoucherCode(rawCode)
      const redeemed = await redeemTrainingVoucher(trx, { code }, subject, enrolmentId, now())
      if (redeemed) return redeemed.id
      const voucher = await findVoucherByCode(trx, code)
      if (!voucher) throw new AppError('VOUCHER_INVALID', 'There is no voucher with this code. Check it and try again.', { field: 'voucherCode' })
      if (voucher.purpose !== 'training') throw new AppError('VOUCHER_INVALID', 'This voucher pays for an assessment registration, not for training.', { field: 'voucherCode' })
      if (voucher.training_subject !== subject) throw new AppError('VOUCHER_INVALID', 'This voucher pays for another course or Learning Lab.', { field: 'voucherCode' })
      throw new AppError('VOUCHER_INVALID', 'This voucher has already been used or has expired.', { field: 'voucherCode' })
    },

    /** Redeems `count` available codes of a training batch for these enrolments, one each; refuses when the batch has too few left. */
    async redeemFromBatchIn(trx: Tx, batchId: string, subject: string, enrolmentIds: readonly string[]): Promise<Map<string, string>> {
      const at = now()
      const paid = new Map<string, string>()
      for (const enrolmentId of enrolmentIds) {
        let voucherId: string | undefined
        // Another sponsorship may take a code between the read and the update: the update decides, and the next code is tried.
        for (let attempt = 0; attempt < 5 && !voucherId; attempt++) {
          const [candidate] = await availableVoucherIdsOfBatch(trx, batchId, at, 1)
          if (!candidate) break
          voucherId = (await redeemTrainingVoucher(trx, { id: candidate }, subject, enrolmentId, at))?.id
        }
        if (!voucherId) throw new AppError('VOUCHER_INVALID', `The voucher batch has no code left for seat ${paid.size + 1} of ${enrolmentIds.length}.`, { field: 'voucherBatchId' })
        paid.set(enrolmentId, voucherId)
      }
      return paid
    },

    /** A cancelled enrolment gives its training voucher back. */
    restoreTrainingVoucherIn: (trx: Tx, voucherId: string, enrolmentId: string) => restoreTrainingVoucher(trx, voucherId, enrolmentId),

    /** Issues an enrolment's invoice (one line, billed to the learner), or gives back the open one it has. */
    async enrolmentInvoiceIn(trx: Tx, input: { enrolmentId: string; billToId: string; description: string; cents: number; actorId: string | null }): Promise<{ invoice: InvoicesTable; issued: boolean }> {
      const open = await openInvoiceOfEnrolment(trx, input.enrolmentId)
      if (open) return { invoice: open, issued: false }
      const invoice = await deps.invoices.issueIn(trx, {
        subject: { enrolmentId: input.enrolmentId, billToId: input.billToId }, currency, actorId: input.actorId,
        lines: [{ description: input.description, quantity: 1, unitCents: input.cents }],
      })
      return { invoice, issued: true }
    },

    /** Marks an enrolment's open invoice paid; refuses one that is not open or not the enrolment's. */
    async payEnrolmentInvoiceIn(trx: Tx, invoiceId: string, enrolmentId: string, staffId: string, reference: string | null = null): Promise<void> {
      const invoice = await findInvoice(trx, invoiceId)
      if (!invoice || invoice.enrolment_id !== enrolmentId) throw new AppError('CONFLICT', 'This invoice is not open.')
      if (!(await deps.invoices.payIn(trx, invoiceId, staffId, reference))) throw new AppError('CONFLICT', 'This invoice is not open.')
    },

    voidEnrolmentInvoicesIn: (trx: Tx, enrolmentId: string, reason: string) => deps.invoices.voidOpenOfEnrolmentIn(trx, enrolmentId, reason),

    /** The invoices and voucher codes of these enrolments (the learner's page, the roster). */
    async ofEnrolments(enrolmentIds: readonly string[], within: DbOrTx = db) {
      const [invoices, codes] = await Promise.all([invoicesOfEnrolments(within, enrolmentIds), codesOfEnrolments(within, enrolmentIds)])
      return {
        invoices: invoices.map((i) => ({ id: i.id, number: i.number, enrolmentId: i.enrolment_id!, amountCents: i.amount_cents, currency: i.currency, status: i.status, issuedAt: i.issued_at, paidAt: i.paid_at })),
        codes: new Map(codes.map((c) => [c.enrolment_id!, c.code])),
      }
    },

    /** The invoices and redeemed vouchers of these registrations, for a person's record (the caller checks staff). */
    async ofRegistrations(registrationIds: readonly string[]) {
      const [invoices, vouchers] = await Promise.all([invoicesOfRegistrations(db, registrationIds), vouchersOfRegistrations(db, registrationIds)])
      return {
        invoices: invoices.map((i) => ({ id: i.id, number: i.number, registrationId: i.registration_id, amountCents: i.amount_cents, currency: i.currency, status: i.status, issuedAt: i.issued_at, paidAt: i.paid_at })),
        vouchers: vouchers.map((v) => ({ id: v.id, code: v.code, registrationId: v.registration_id, modules: JSON.parse(v.modules) as string[], status: v.status, redeemedAt: v.redeemed_at })),
      }
    },
  }
  return service
}

export type PaymentsService = ReturnType<typeof createPaymentsService>
