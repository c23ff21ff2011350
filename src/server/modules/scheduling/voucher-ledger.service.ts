// The voucher ledger: buying a batch of voucher codes against an invoice (employers and centers for
// themselves, staff for an organization), the batches and each code's holder and redemption, the staff
// CSV, and settling a batch's invoice (paid with a reference; void with a reason, which voids the codes
// nobody used). Redemption itself is the registrations service's, through the payments service.
import { formatMoney, voucherBatchPrice } from '../../../common/rules/fees.js'
import type { BuyVoucherBatchBody, LedgerCodeView, VoucherBatchDetail, VoucherBatchesPage, VoucherBatchesQuery, VoucherBatchView } from '../../../common/schemas/payments.js'
import type { ServerContext } from '../../context.js'
import { csvCell } from '../../csv.js'
import { decodeCursor, toPage } from '../../db/pagination.js'
import type { DbOrTx, Tx } from '../../db/database.js'
import type { InvoicesTable, VoucherBatchesTable, VouchersTable } from '../../db/schema.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { hasRole, requireRole, type Actor } from '../accounts/actor.js'
import type { ContactDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { CentersService } from '../centers/centers.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { InvoicesService } from './invoices.service.js'
import { feeSchedule, insertVouchers } from './payments.repository.js'
import { newVoucherCode } from './voucher-code.js'
import { assignCodeOfBatch, codesAssignedByOrganisation, codesAssignedToEmail, codesOfBatch, countAvailableOfBatch, findBatch, insertBatch, ledgerRows, listBatches, setBatchInvoice, voidAvailableOfBatch } from './voucher-ledger.repository.js'

const EXPORT_LIMIT = 50_000

/** issue 14: an exam voucher an organisation assigned to a person by email. */
export interface AssignedVoucher {
  id: string; code: string; modules: string[]; status: VouchersTable['status']; email: string; organisationId: string; assignedAt: string; expiresAt: string | null
}
const assigned = (v: VouchersTable): AssignedVoucher => ({
  id: v.id, code: v.code, modules: JSON.parse(v.modules) as string[], status: v.status, email: v.assigned_email ?? '', organisationId: v.organisation_id ?? '',
  assignedAt: v.assigned_at ?? v.created_at, expiresAt: v.expires_at,
})

type BatchRow = VoucherBatchesTable & { invoice_number?: string | null; invoice_status?: 'open' | 'paid' | 'void' | null; redeemed?: number | string | null }

export function createVoucherLedgerService(
  ctx: ServerContext,
  deps: {
    audit: AuditService; program: ProgramService; users: ContactDirectory; centers: Pick<CentersService, 'idsOfMember' | 'findMany'>; invoices: InvoicesService
    /** Paying a registration's invoice confirms the registration: the registrations service's transition (wired through a getter). */
    registrationInvoicePaid: (actor: Actor | null, invoiceId: string, reference: string | null) => Promise<{ id: string; status: 'paid' }>
    /** issue 13: paying a training enrolment's invoice confirms the enrolment: the training module's transition (a getter). */
    enrolmentInvoicePaid: (actor: Actor | null, invoiceId: string, reference: string | null) => Promise<{ id: string; status: 'paid' }>
  },
) {
  const { db } = ctx
  const currency = deps.program.definition.fees.currency
  const now = () => ctx.clock().toISOString()
  const moduleNames = (modules: string[]) => modules.map((m) => deps.program.module(m)?.name ?? m).join(', ')

  async function views(rows: BatchRow[]): Promise<VoucherBatchView[]> {
    const contacts = await deps.users.contactsOf(rows.map((r) => r.buyer_id).filter((x): x is string => !!x))
    return rows.map((r) => {
      const c = r.buyer_id ? contacts.get(r.buyer_id) : undefined
      return {
        id: r.id,
        buyer: { id: r.buyer_id, kind: r.buyer_kind, name: c ? `${c.first_name} ${c.last_name}` : (r.organization ?? ''), email: c?.email ?? '', organization: r.organization },
        modules: JSON.parse(r.modules) as string[], quantity: r.quantity, redeemed: Number(r.redeemed ?? 0),
        unitPriceCents: r.unit_price_cents, totalCents: r.total_cents, currency: r.currency, priceSource: r.price_source,
        invoice: r.invoice_id ? { id: r.invoice_id, number: r.invoice_number ?? null, status: r.invoice_status ?? 'open' } : null,
        createdAt: r.created_at, expiresAt: r.expires_at, purpose: r.purpose, trainingSubject: r.training_subject,
      }
    })
  }

  /** Staff see every batch; an employer or center account only those bought by or for it. */
  function scopeOf(actor: Actor | null): { who: Actor; buyerId: string | undefined } {
    const who = requireRole(actor, 'employer', 'center_admin', 'program_staff')
    return { who, buyerId: hasRole(who, 'program_staff') ? undefined : who.userId }
  }

  async function codes(batchId: string): Promise<LedgerCodeView[]> {
    const rows = await codesOfBatch(db, batchId)
    const holders = await deps.users.contactsOf(rows.map((r) => r.candidate_id).filter((x): x is string => !!x))
    const centers = await deps.centers.findMany(rows.map((r) => r.center_id).filter((x): x is string => !!x))
    return rows.map((r) => {
      const h = r.candidate_id ? holders.get(r.candidate_id) : undefined
      const center = r.center_id ? centers.get(r.center_id) : undefined
      return {
        id: r.id, code: r.code, status: r.status, redeemedAt: r.redeemed_at, expiresAt: r.expires_at,
        // A redeemed code names its holder; one given back by a cancellation has none again.
        holder: r.status === 'redeemed' && r.candidate_id ? { id: r.candidate_id, name: h ? `${h.first_name} ${h.last_name}` : '' } : null,
        registrationId: r.status === 'redeemed' ? r.registration_id : null,
        session: r.status === 'redeemed' && r.session_id && r.starts_at
          ? { id: r.session_id, startsAt: r.starts_at, centerName: center?.name ?? '', timeZone: (center as { time_zone?: string } | undefined)?.time_zone ?? null }
          : null,
        enrolmentId: r.status === 'redeemed' ? r.enrolment_id : null,
      }
    })
  }

  const service = {
    /** A batch of single-use codes and its invoice, priced from the fee schedule now (or by staff when it has no price). */
    async buy(actor: Actor | null, input: BuyVoucherBatchBody): Promise<VoucherBatchDetail> {
      const who = requireRole(actor, 'employer', 'center_admin', 'program_staff')
      const staff = hasRole(who, 'program_staff')
      const modules = [...new Set(input.modules)]
      const unknown = modules.filter((m) => !deps.program.module(m))
      if (unknown.length) throw new AppError('VALIDATION', `No such module: ${unknown.join(', ')}.`, { field: 'modules' })
      if (input.unitPriceCents !== undefined && !staff) throw new AppError('FORBIDDEN', 'Only program staff set the price of vouchers.')
      if (input.expiresAt && Date.parse(input.expiresAt) <= ctx.clock().getTime()) throw new AppError('VALIDATION', 'The expiry must be in the future.', { field: 'expiresAt' })
      const kind: VoucherBatchesTable['buyer_kind'] = staff ? 'staff' : hasRole(who, 'employer') ? 'employer' : 'center'
      let organization = input.organization?.trim() || null
      if (kind === 'center' && !organization) {
        const centers = await deps.centers.findMany(await deps.centers.idsOfMember(who.userId))
        organization = [...centers.values()][0]?.name ?? null
      }

      const batchId = newId()
      const createdAt = now()
      const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null
      await inTransaction(db, async (trx) => {
        const fees = new Map((await feeSchedule(trx)).map((f) => [f.module, f.amount_cents] as [string, number | null]))
        const scheduled = voucherBatchPrice(fees, modules, input.quantity)
        const unitCents = input.unitPriceCents ?? scheduled?.unitCents
        if (unitCents === undefined) {
          throw new AppError('VOUCHER_PRICE_UNSET', staff
            ? 'The fee schedule has no price for every module of these vouchers: enter the price of one voucher.'
            : 'The program has not set a price for every module you chose. Contact the program to buy these vouchers.', { field: staff ? 'unitPriceCents' : 'modules' })
        }
        const total = unitCents * input.quantity
        if (input.expectedTotalCents !== undefined && input.expectedTotalCents !== total) {
          throw new AppError('PRICE_CHANGED', `The price has changed: the total is now ${formatMoney(total, currency)}. Check it and confirm again.`, { totalCents: total })
        }
        await insertBatch(trx, {
          id: batchId, buyer_id: staff ? null : who.userId, buyer_kind: kind, organization, modules: JSON.stringify(modules), quantity: input.quantity,
          unit_price_cents: unitCents, total_cents: total, currency, price_source: input.unitPriceCents !== undefined ? 'staff' : 'schedule',
          invoice_id: null, created_at: createdAt, created_by: who.userId, expires_at: expiresAt, purpose: 'registration', training_subject: null,
        })
        const rows: VouchersTable[] = Array.from({ length: input.quantity }, () => ({
          id: newId(), code: newVoucherCode(), modules: JSON.stringify(modules), purchased_by: who.userId, status: 'available' as const,
          registration_id: null, redeemed_at: null, created_at: createdAt, expires_at: expiresAt, batch_id: batchId,
          purpose: 'registration' as const, training_subject: null, enrolment_id: null, organisation_id: null, assigned_email: null, assigned_at: null, assigned_by: null,
        }))
        await insertVouchers(trx, rows)
        const invoice = await deps.invoices.issueIn(trx, {
          subject: { voucherBatchId: batchId }, currency, actorId: who.userId,
          lines: [{ description: `Voucher for ${moduleNames(modules)} (${modules.join(', ')}), one registration each`, quantity: input.quantity, unitCents }],
        })
        await setBatchInvoice(trx, batchId, invoice.id)
        await deps.audit.record(trx, {
          actorId: who.userId, action: 'vouchers.bought', entityType: 'voucher_batch', entityId: batchId,
          details: { quantity: input.quantity, modules, unitPriceCents: unitCents, totalCents: total, invoice: invoice.number, organization },
        })
      })
      return service.batch(actor, batchId)
    },

    async batches(actor: Actor | null, query: VoucherBatchesQuery): Promise<VoucherBatchesPage> {
      const { buyerId } = scopeOf(actor)
      const limit = query.limit ?? 50
      const rows = await listBatches(db, { buyerId, module: query.module, organization: query.organization, after: decodeCursor(query.cursor), limit })
      const page = toPage(rows, limit, (r) => r)
      return { items: await views(page.items), nextCursor: page.nextCursor }
    },

    /** One batch with each code's holder: its buyer may see who redeemed the codes it paid for. */
    async batch(actor: Actor | null, id: string): Promise<VoucherBatchDetail> {
      const { buyerId } = scopeOf(actor)
      const batch = await findBatch(db, id)
      if (!batch || (buyerId !== undefined && batch.buyer_id !== buyerId)) throw notFound('The voucher batch')
      const invoice = batch.invoice_id ? await deps.invoices.find(batch.invoice_id) : undefined
      const redeemed = (await codes(id))
      const [view] = await views([{ ...batch, invoice_number: invoice?.number ?? null, invoice_status: invoice?.status ?? null, redeemed: redeemed.filter((c) => c.status === 'redeemed').length }])
      return { ...view!, codes: redeemed }
    },

    /** Every code of every batch as CSV (staff), cells neutralised against formulas. */
    async exportCsv(actor: Actor | null): Promise<string> {
      requireRole(actor, 'program_staff')
      const rows = await ledgerRows(db, EXPORT_LIMIT)
      const people = await deps.users.contactsOf([...new Set(rows.flatMap((r) => [r.buyer_id, r.candidate_id]).filter((x): x is string => !!x))])
      const name = (id: string | null) => { const c = id ? people.get(id) : undefined; return c ? `${c.first_name} ${c.last_name}` : '' }
      const header = ['batchId', 'boughtAt', 'buyer', 'organization', 'unitPrice', 'invoice', 'invoiceStatus', 'code', 'modules', 'status', 'holder', 'registrationId', 'redeemedAt', 'sessionStartsAt']
      const lines = rows.map((r) => [
        r.batch_id, r.batch_created_at, name(r.buyer_id), r.organization ?? '', formatMoney(r.unit_price_cents, r.currency), r.invoice_number ?? '', r.invoice_status ?? '',
        r.code, (JSON.parse(r.modules) as string[]).join(' '), r.status, r.status === 'redeemed' ? name(r.candidate_id) : '', r.status === 'redeemed' ? (r.registration_id ?? '') : '',
        r.redeemed_at ?? '', r.status === 'redeemed' ? (r.starts_at ?? '') : '',
      ].map(csvCell).join(','))
      return [header.join(','), ...lines].join('\r\n') + '\r\n'
    },

    /**
     * A batch of training vouchers (issue 13), in the caller's transaction: each code pays for one seat
     * in one training subject (a module's Learning Lab, a course offering), at the price the training
     * module read from the program or the offering; one invoice to the buyer, like any batch. The
     * training module buys them for an employer's sponsored seats or a purchase of training codes.
     */
    async buyTrainingIn(trx: Tx, input: {
      actorId: string; buyerId: string | null; buyerKind: VoucherBatchesTable['buyer_kind']; organization: string | null
      subject: string; module: string; description: string; unitCents: number; quantity: number; expiresAt: string | null
    }): Promise<{ batchId: string; invoice: InvoicesTable; voucherIds: string[] }> {
      const batchId = newId()
      const createdAt = now()
      const total = input.unitCents * input.quantity
      await insertBatch(trx, {
        id: batchId, buyer_id: input.buyerId, buyer_kind: input.buyerKind, organization: input.organization, modules: JSON.stringify([input.module]), quantity: input.quantity,
        unit_price_cents: input.unitCents, total_cents: total, currency, price_source: 'schedule', invoice_id: null, created_at: createdAt, created_by: input.actorId,
        expires_at: input.expiresAt, purpose: 'training', training_subject: input.subject,
      })
      const rows: VouchersTable[] = Array.from({ length: input.quantity }, () => ({
        id: newId(), code: newVoucherCode(), modules: JSON.stringify([input.module]), purchased_by: input.buyerId ?? input.actorId, status: 'available' as const,
        registration_id: null, redeemed_at: null, created_at: createdAt, expires_at: input.expiresAt, batch_id: batchId,
        purpose: 'training' as const, training_subject: input.subject, enrolment_id: null, organisation_id: null, assigned_email: null, assigned_at: null, assigned_by: null,
      }))
      await insertVouchers(trx, rows)
      const invoice = await deps.invoices.issueIn(trx, {
        subject: { voucherBatchId: batchId }, currency, actorId: input.actorId, lines: [{ description: input.description, quantity: input.quantity, unitCents: input.unitCents }],
      })
      await setBatchInvoice(trx, batchId, invoice.id)
      await deps.audit.record(trx, {
        actorId: input.actorId, action: 'vouchers.bought', entityType: 'voucher_batch', entityId: batchId,
        details: { quantity: input.quantity, purpose: 'training', subject: input.subject, unitPriceCents: input.unitCents, totalCents: total, invoice: invoice.number, organization: input.organization },
      })
      return { batchId, invoice, voucherIds: rows.map((r) => r.id) }
    },

    /**
     * issue 14: an organisation assigns one code of an exam voucher batch bought by one of its members
     * to a person by email, in the caller's transaction (the organisations module checked membership
     * and emails the code after the commit).
     */
    async assignIn(trx: Tx, input: { batchId: string; memberIds: readonly string[]; organisationId: string; email: string; actorId: string }): Promise<AssignedVoucher> {
      const batch = await findBatch(trx, input.batchId)
      if (!batch || !batch.buyer_id || !input.memberIds.includes(batch.buyer_id)) throw notFound('The voucher batch')
      if (batch.purpose !== 'registration') throw new AppError('VOUCHER_INVALID', 'This batch pays for training seats: sponsor a seat instead.', { field: 'voucherBatchId' })
      const row = await assignCodeOfBatch(trx, batch.id, { organisation_id: input.organisationId, assigned_email: input.email, assigned_at: now(), assigned_by: input.actorId })
      if (!row) throw new AppError('VOUCHER_INVALID', 'This voucher batch has no code left to assign.', { field: 'voucherBatchId' })
      await deps.audit.record(trx, { actorId: input.actorId, action: 'voucher.assigned', entityType: 'voucher_batch', entityId: batch.id, details: { voucherId: row.id, email: input.email, organisationId: input.organisationId } })
      return assigned(row)
    },

    /** issue 14: the codes an organisation assigned, newest first. */
    async assignedByOrganisation(organisationId: string): Promise<AssignedVoucher[]> {
      return (await codesAssignedByOrganisation(db, organisationId)).map(assigned)
    },

    /** issue 14: the codes organisations assigned to this address. */
    async assignedTo(email: string): Promise<AssignedVoucher[]> {
      return (await codesAssignedToEmail(db, email)).map(assigned)
    },

    /** A batch's row with how many of its codes are still available now (the training module checks a sponsor's batch). */
    async batchWithAvailable(id: string, within: DbOrTx = db) {
      const batch = await findBatch(within, id)
      if (!batch) return undefined
      return { ...batch, available: await countAvailableOfBatch(within, id, now()) }
    },

    /** Staff mark an open invoice paid with the payment's reference; a registration's through the registration, an enrolment's through the training module. */
    async markInvoicePaid(actor: Actor | null, invoiceId: string, reference: string | null) {
      const staff = requireRole(actor, 'program_staff')
      const invoice = await deps.invoices.requireOpen(invoiceId)
      if (invoice.subject_type === 'registration') return deps.registrationInvoicePaid(actor, invoiceId, reference)
      if (invoice.subject_type === 'enrolment') return deps.enrolmentInvoicePaid(actor, invoiceId, reference)
      await inTransaction(db, async (trx) => {
        const paid = await deps.invoices.payIn(trx, invoiceId, staff.userId, reference)
        if (!paid) throw new AppError('CONFLICT', 'This invoice is not open.')
        await deps.audit.record(trx, { actorId: staff.userId, action: 'invoice.paid', entityType: 'invoice', entityId: invoiceId, details: { voucherBatchId: paid.voucher_batch_id, paymentReference: reference } })
      })
      return { id: invoiceId, status: 'paid' as const }
    },

    /**
     * Staff void an open invoice with a reason. A batch's unused codes become void with it (used ones
     * stay with their registrations). A registration's invoice is settled through the registration
     * (cancel it, or waive its fee), so it is refused here.
     */
    async voidInvoice(actor: Actor | null, invoiceId: string, reason: string) {
      const staff = requireRole(actor, 'program_staff')
      const invoice = await deps.invoices.requireOpen(invoiceId)
      if (invoice.subject_type === 'registration') {
        throw new AppError('CONFLICT', "A registration's invoice ends with its registration: cancel the registration or waive its fee instead.")
      }
      if (invoice.subject_type === 'enrolment') {
        throw new AppError('CONFLICT', "A training enrolment's invoice ends with its enrolment: cancel the enrolment instead.")
      }
      await inTransaction(db, async (trx) => {
        const voided = await deps.invoices.voidIn(trx, invoiceId, staff.userId, reason)
        if (!voided) throw new AppError('CONFLICT', 'This invoice is not open.')
        const codesVoided = voided.voucher_batch_id ? await voidAvailableOfBatch(trx, voided.voucher_batch_id) : 0
        await deps.audit.record(trx, { actorId: staff.userId, action: 'invoice.voided', entityType: 'invoice', entityId: invoiceId, reason, details: { voucherBatchId: voided.voucher_batch_id, codesVoided } })
      })
      return deps.invoices.detail(actor, invoiceId)
    },
  }
  return service
}

export type VoucherLedgerService = ReturnType<typeof createVoucherLedgerService>
