// Invoices as documents, for either subject (a registration or a voucher batch): issuing one with its
// number, lines and history; paying and voiding it (conditional updates, each with its history entry,
// in the caller's transaction); the staff list, one invoice for staff or its bill-to, and its PDF.
// What paying a registration's invoice does to the registration stays the registrations service's.
import type { ServerContext } from '../../context.js'
import { nextCreatedCounter } from '../../db/counters.js'
import type { DbOrTx, Tx } from '../../db/database.js'
import { decodeCursor, toPage } from '../../db/pagination.js'
import type { InvoiceLinesTable, InvoicesTable } from '../../db/schema.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { hasRole, requireActor, requireRole, type Actor } from '../accounts/actor.js'
import type { ContactDirectory } from '../accounts/users.service.js'
import type { ProgramService } from '../program/program.service.js'
import { invoiceNumber } from '../../../common/rules/fees.js'
import type { BillTo, InvoiceDetail, InvoiceListItem, InvoicesPage, InvoicesQuery } from '../../../common/schemas/payments.js'
import { invoicePdf } from './invoice-pdf.js'
import {
  findInvoiceWithSubject, insertInvoice, insertInvoiceEvent, insertInvoiceLines, invoiceEvents, invoiceLines, listInvoices, openInvoiceIdsOf, openInvoiceIdsOfEnrolment, payInvoice, voidInvoice,
  type InvoiceWithSubject,
  invoiceNumbers,
} from './invoices.repository.js'

export interface NewInvoice {
  /** issue 13: a training enrolment's invoice is billed to a named person (the learner). */
  subject: { registrationId: string } | { voucherBatchId: string } | { enrolmentId: string; billToId: string }
  currency: string
  lines: { description: string; quantity: number; unitCents: number }[]
  actorId: string | null
}

const EVENT_ORDER = { issued: 0, paid: 1, voided: 2 } as const

type Row = Pick<InvoiceWithSubject, 'candidate_id' | 'buyer_id' | 'organization' | 'bill_to_id'>

export function createInvoicesService(ctx: ServerContext, deps: { program: ProgramService; users: ContactDirectory }) {
  const { db } = ctx
  const now = () => ctx.clock().toISOString()

  async function billTos(rows: Row[], within: DbOrTx = db): Promise<BillTo[]> {
    const contacts = await deps.users.contactsOf(rows.flatMap((r) => [r.candidate_id, r.buyer_id, r.bill_to_id].filter((x): x is string => !!x)), within)
    return rows.map((r) => {
      const c = contacts.get(r.candidate_id ?? r.buyer_id ?? r.bill_to_id ?? '')
      const name = c ? `${c.first_name} ${c.last_name}` : (r.organization ?? '')
      return { name, organization: r.organization ?? null, email: c?.email ?? '' }
    })
  }

  const item = (r: InvoiceWithSubject, billTo: BillTo): InvoiceListItem => ({
    id: r.id, number: r.number, subject: r.subject_type, registrationId: r.registration_id, voucherBatchId: r.voucher_batch_id, enrolmentId: r.enrolment_id, sessionId: r.session_id ?? null,
    billTo, candidate: billTo.name, email: billTo.email, amountCents: r.amount_cents, currency: r.currency, status: r.status, issuedAt: r.issued_at, paidAt: r.paid_at,
  })

  /** Staff, the bill-to of a batch's invoice (its buyer), the candidate of a registration's, or the learner billed for an enrolment's. */
  function mayRead(actor: Actor, r: InvoiceWithSubject): boolean {
    return hasRole(actor, 'program_staff') || (r.buyer_id !== null && r.buyer_id === actor.userId) || (r.candidate_id !== null && r.candidate_id === actor.userId)
      || (r.bill_to_id !== null && r.bill_to_id === actor.userId)
  }

  const service = {
    /** Invoice numbers by id, for the audit log's names (the caller checked staff). */
    numbersOf: async (ids: readonly string[]) => new Map((await invoiceNumbers(db, ids)).map((r) => [r.id, r.number])),

    /** Issues an invoice with the next number of its year; the caller's transaction gives the number back if it rolls back. */
    async issueIn(trx: Tx, input: NewInvoice): Promise<InvoicesTable> {
      const issuedAt = now()
      const year = new Date(issuedAt).getUTCFullYear()
      const sequence = await nextCreatedCounter(trx, `invoice_number_${year}`)
      const lines: InvoiceLinesTable[] = input.lines.map((l, i) => ({ invoice_id: '', position: i + 1, description: l.description, quantity: l.quantity, unit_cents: l.unitCents, amount_cents: l.unitCents * l.quantity }))
      const row: InvoicesTable = {
        id: newId(), registration_id: 'registrationId' in input.subject ? input.subject.registrationId : null, amount_cents: lines.reduce((s, l) => s + l.amount_cents, 0),
        currency: input.currency, status: 'open', issued_at: issuedAt, paid_at: null, marked_by: null,
        subject_type: 'registrationId' in input.subject ? 'registration' : 'enrolmentId' in input.subject ? 'enrolment' : 'voucher_batch',
        voucher_batch_id: 'voucherBatchId' in input.subject ? input.subject.voucherBatchId : null,
        enrolment_id: 'enrolmentId' in input.subject ? input.subject.enrolmentId : null, bill_to_id: 'enrolmentId' in input.subject ? input.subject.billToId : null,
        number: invoiceNumber(year, sequence), payment_reference: null, voided_at: null, voided_by: null, void_reason: null,
      }
      await insertInvoice(trx, row)
      await insertInvoiceLines(trx, lines.map((l) => ({ ...l, invoice_id: row.id })))
      await insertInvoiceEvent(trx, { id: newId(), invoice_id: row.id, kind: 'issued', actor_id: input.actorId, at: issuedAt, note: null })
      return row
    },

    /** Marks an open invoice paid with its reference; undefined when it is not open. */
    async payIn(trx: Tx, id: string, by: string, reference: string | null) {
      const paid = await payInvoice(trx, id, now(), by, reference)
      if (paid) await insertInvoiceEvent(trx, { id: newId(), invoice_id: id, kind: 'paid', actor_id: by, at: now(), note: reference })
      return paid
    },

    /** Voids an open invoice with a reason; undefined when it is not open. */
    async voidIn(trx: Tx, id: string, by: string | null, reason: string) {
      const voided = await voidInvoice(trx, id, now(), by, reason)
      if (voided) await insertInvoiceEvent(trx, { id: newId(), invoice_id: id, kind: 'voided', actor_id: by, at: now(), note: reason })
      return voided
    },

    /** Voids a registration's open invoice (cancelled, paid otherwise, fee waived, moved); returns how many. */
    async voidOpenOfRegistrationIn(trx: Tx, registrationId: string, reason: string): Promise<number> {
      let n = 0
      for (const id of await openInvoiceIdsOf(trx, registrationId)) if (await service.voidIn(trx, id, null, reason)) n++
      return n
    },

    /** Voids a training enrolment's open invoice (cancelled, paid otherwise); returns how many (issue 13). */
    async voidOpenOfEnrolmentIn(trx: Tx, enrolmentId: string, reason: string): Promise<number> {
      let n = 0
      for (const id of await openInvoiceIdsOfEnrolment(trx, enrolmentId)) if (await service.voidIn(trx, id, null, reason)) n++
      return n
    },

    find: (id: string, within: DbOrTx = db) => findInvoiceWithSubject(within, id),

    async list(actor: Actor | null, query: InvoicesQuery): Promise<InvoicesPage> {
      requireRole(actor, 'program_staff')
      const limit = query.limit ?? 50
      const rows = await listInvoices(db, { status: query.status, subject: query.subject, number: query.number, after: decodeCursor(query.cursor), limit })
      const names = await billTos(rows)
      const index = new Map(rows.map((r, i) => [r.id, names[i]!]))
      return toPage(rows, limit, (r) => item(r, index.get(r.id)!), (r) => r.issued_at)
    },

    async detail(actor: Actor | null, id: string): Promise<InvoiceDetail> {
      const who = requireActor(actor)
      const r = await findInvoiceWithSubject(db, id)
      if (!r || !mayRead(who, r)) throw notFound('The invoice')
      const [billTo] = await billTos([r])
      const [lines, events] = await Promise.all([invoiceLines(db, id), invoiceEvents(db, id)])
      const actors = await deps.users.contactsOf(events.map((e) => e.actor_id).filter((x): x is string => !!x))
      return {
        ...item(r, billTo!),
        lines: lines.map((l) => ({ description: l.description, quantity: l.quantity, unitCents: l.unit_cents, amountCents: l.amount_cents })),
        // Events of one instant (a test's frozen clock, a payment and its issue in one request) read in the order they can happen.
        history: [...events].sort((a, b) => a.at.localeCompare(b.at) || EVENT_ORDER[a.kind] - EVENT_ORDER[b.kind]).map((e) => {
          const c = e.actor_id ? actors.get(e.actor_id) : undefined
          return { kind: e.kind, at: e.at, actor: c ? `${c.first_name} ${c.last_name}` : null, note: e.note }
        }),
        paymentReference: r.payment_reference,
        voidReason: r.void_reason,
      }
    },

    async pdf(actor: Actor | null, id: string): Promise<{ filename: string; body: Buffer }> {
      const invoice = await service.detail(actor, id)
      const body = await invoicePdf({ programName: deps.program.definition.name, invoice })
      return { filename: `${invoice.number ?? invoice.id}.pdf`, body }
    },

    /** Refuses unless the invoice exists and is open (a clear 404 or 409 before any transaction). */
    async requireOpen(id: string) {
      const r = await findInvoiceWithSubject(db, id)
      if (!r) throw notFound('The invoice')
      if (r.status !== 'open') throw new AppError('CONFLICT', `This invoice is ${r.status === 'paid' ? 'already paid' : 'void'}.`)
      return r
    },
  }
  return service
}

export type InvoicesService = ReturnType<typeof createInvoicesService>
