// Fees: the per-module fee schedule set by staff, vouchers bought by employers (single use, tied to
// modules), invoices staff mark paid, and waivers. A module with no fee set costs nothing online: the
// program's own arrangement ("contact us") applies, and the registration is confirmed at once.
import { randomInt } from 'node:crypto'
import type { ServerContext } from '../../context.js'
import type { DbOrTx } from '../../db/database.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { requireActor, requireRole, type Actor } from '../accounts/actor.js'
import type { AuditService } from '../audit/audit.service.js'
import type { ProgramService } from '../program/program.service.js'
import {
  feeSchedule, findInvoice, findVoucherByCode, insertInvoice, insertVouchers, markInvoicePaid, openInvoices, redeemVoucher, restoreVoucher, upsertFee, vouchersOf,
} from './payments.repository.js'
import type { RegistrationsService } from './registrations.service.js'
import { findRegistration } from './registrations.repository.js'

// No 0/O or 1/I/L: codes are read aloud and typed from paper.
const VOUCHER_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const voucherCode = () =>
  `MT1-${Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => VOUCHER_ALPHABET[randomInt(VOUCHER_ALPHABET.length)]).join('')).join('-')}`

export const normalizeVoucherCode = (code: string) => code.trim().toUpperCase().replace(/\s+/g, '')

export function createPaymentsService(ctx: ServerContext, deps: { audit: AuditService; program: ProgramService; registrations: () => RegistrationsService }) {
  const { db } = ctx
  const currency = deps.program.definition.fees.currency
  const now = () => ctx.clock().toISOString()
  const money = (cents: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100)

  async function requireOwnPending(actor: Actor | null, registrationId: string) {
    const who = requireActor(actor)
    const r = await findRegistration(db, registrationId)
    if (!r || r.candidate_id !== who.userId) throw notFound('The registration')
    if (r.status !== 'pending_payment') throw new AppError('CONFLICT', r.status === 'confirmed' ? 'This registration is already paid.' : 'This registration has no seat waiting for payment.')
    return { who, r }
  }

  return {
    async amountDue(trx: DbOrTx, modules: string[]) {
      const fees = new Map((await feeSchedule(trx)).map((f) => [f.module, f.amount_cents]))
      const cents = modules.reduce((sum, m) => sum + (fees.get(m) ?? 0), 0)
      return { cents, label: money(cents) }
    },

    async schedule() {
      const fees = new Map((await feeSchedule(db)).map((f) => [f.module, f.amount_cents]))
      return {
        currency,
        items: deps.program.definition.modules.map((m) => ({ module: m.code, amountCents: fees.get(m.code) ?? null })),
      }
    },

    async setFees(actor: Actor | null, fees: Record<string, number>) {
      const staff = requireRole(actor, 'program_staff')
      const unknown = Object.keys(fees).filter((m) => !deps.program.module(m))
      if (unknown.length) throw new AppError('VALIDATION', `No such module: ${unknown.join(', ')}.`)
      await db.transaction().execute(async (trx) => {
        for (const [module, cents] of Object.entries(fees)) await upsertFee(trx, module, cents, currency, now(), staff.userId)
        await deps.audit.record(trx, { actorId: staff.userId, action: 'fees.set', entityType: 'fee_schedule', entityId: 'MT1', details: fees })
      })
      return this.schedule()
    },

    /** An employer (or staff) buys vouchers for modules; payment for them is arranged with the program. */
    async buyVouchers(actor: Actor | null, input: { modules: string[]; quantity: number; expiresAt?: string | undefined }) {
      const buyer = requireRole(actor, 'employer', 'program_staff')
      const unknown = input.modules.filter((m) => !deps.program.module(m))
      if (unknown.length) throw new AppError('VALIDATION', `No such module: ${unknown.join(', ')}.`)
      const rows = Array.from({ length: input.quantity }, () => ({
        id: newId(), code: voucherCode(), modules: JSON.stringify([...new Set(input.modules)]), purchased_by: buyer.userId, status: 'available' as const,
        registration_id: null, redeemed_at: null, created_at: now(), expires_at: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
      }))
      await db.transaction().execute(async (trx) => {
        await insertVouchers(trx, rows)
        await deps.audit.record(trx, { actorId: buyer.userId, action: 'vouchers.bought', entityType: 'user', entityId: buyer.userId, details: { quantity: input.quantity, modules: input.modules } })
      })
      return { items: rows.map((r) => ({ id: r.id, code: r.code, modules: input.modules, status: r.status, expiresAt: r.expires_at })) }
    },

    async myVouchers(actor: Actor | null) {
      const buyer = requireRole(actor, 'employer', 'program_staff')
      return {
        items: (await vouchersOf(db, buyer.userId)).map((v) => ({ id: v.id, code: v.code, modules: JSON.parse(v.modules) as string[], status: v.status, redeemedAt: v.redeemed_at, expiresAt: v.expires_at })),
        nextCursor: null,
      }
    },

    /** Pays a held registration with a voucher that covers its modules, once. */
    async payWithVoucher(actor: Actor | null, registrationId: string, rawCode: string) {
      const { who, r } = await requireOwnPending(actor, registrationId)
      const code = normalizeVoucherCode(rawCode)
      const voucher = await findVoucherByCode(db, code)
      const modules = JSON.parse(r.modules) as string[]
      if (!voucher) throw new AppError('VOUCHER_INVALID', 'There is no voucher with this code. Check it and try again.')
      const covered = JSON.parse(voucher.modules) as string[]
      if (!modules.every((m) => covered.includes(m))) throw new AppError('VOUCHER_INVALID', `This voucher covers ${covered.join(', ')}, not every module of the registration.`)
      const ok = await db.transaction().execute(async (trx) => {
        const redeemed = await redeemVoucher(trx, code, registrationId, now())
        if (!redeemed) return 'used' as const
        if (!(await deps.registrations().confirmPaid(trx, registrationId, 'voucher', redeemed.id))) throw new AppError('CONFLICT', 'This registration is no longer waiting for payment.')
        await deps.audit.record(trx, { actorId: who.userId, action: 'registration.paid', entityType: 'registration', entityId: registrationId, details: { method: 'voucher', voucherId: redeemed.id } })
        return 'paid' as const
      })
      if (ok === 'used') throw new AppError('VOUCHER_INVALID', 'This voucher has already been used or has expired.')
      await deps.registrations().sendConfirmation(registrationId)
      return deps.registrations().get(actor, registrationId)
    },

    /** Asks for an invoice: the seat stays held (no expiry) until staff mark the invoice paid. */
    async requestInvoice(actor: Actor | null, registrationId: string) {
      const { who, r } = await requireOwnPending(actor, registrationId)
      const due = await this.amountDue(db, JSON.parse(r.modules) as string[])
      const id = newId()
      await db.transaction().execute(async (trx) => {
        await insertInvoice(trx, { id, registration_id: registrationId, amount_cents: due.cents, currency, status: 'open', issued_at: now(), paid_at: null, marked_by: null })
        await trx.updateTable('registrations').set({ payment_method: 'invoice', hold_expires_at: null, updated_at: now() }).where('id', '=', registrationId).execute()
        await deps.audit.record(trx, { actorId: who.userId, action: 'invoice.issued', entityType: 'invoice', entityId: id, details: { registrationId, amountCents: due.cents } })
      })
      return { invoiceId: id, amountCents: due.cents, currency }
    },

    async openInvoices(actor: Actor | null) {
      requireRole(actor, 'program_staff')
      return {
        items: (await openInvoices(db)).map((i) => ({ id: i.id, registrationId: i.registration_id, sessionId: i.session_id, candidate: `${i.first_name} ${i.last_name}`, email: i.email, amountCents: i.amount_cents, currency: i.currency, issuedAt: i.issued_at })),
        nextCursor: null,
      }
    },

    async markPaid(actor: Actor | null, invoiceId: string) {
      const staff = requireRole(actor, 'program_staff')
      const invoice = await findInvoice(db, invoiceId)
      if (!invoice) throw notFound('The invoice')
      await db.transaction().execute(async (trx) => {
        if (!(await markInvoicePaid(trx, invoiceId, now(), staff.userId))) throw new AppError('CONFLICT', 'This invoice is not open.')
        await deps.registrations().confirmPaid(trx, invoice.registration_id, 'invoice', null)
        await deps.audit.record(trx, { actorId: staff.userId, action: 'invoice.paid', entityType: 'invoice', entityId: invoiceId })
      })
      await deps.registrations().sendConfirmation(invoice.registration_id)
      return { id: invoiceId, status: 'paid' as const }
    },

    async waive(actor: Actor | null, registrationId: string, reason: string) {
      const staff = requireRole(actor, 'program_staff')
      await db.transaction().execute(async (trx) => {
        if (!(await deps.registrations().confirmPaid(trx, registrationId, 'waived', null))) throw new AppError('CONFLICT', 'This registration is not waiting for payment.')
        await deps.audit.record(trx, { actorId: staff.userId, action: 'registration.fee_waived', entityType: 'registration', entityId: registrationId, reason })
      })
      await deps.registrations().sendConfirmation(registrationId)
      return deps.registrations().get(actor, registrationId)
    },

    returnVoucher: (trx: DbOrTx, voucherId: string) => restoreVoucher(trx, voucherId),
  }
}

export type PaymentsService = ReturnType<typeof createPaymentsService>
