// The voucher ledger and invoices (issue 12): buying voucher batches against an invoice, the batches
// with each code's holder and redemption, the staff CSV, and an invoice's detail, PDF and void.
// Marking an invoice paid and the staff list stay at their earlier paths (registrations.routes.ts).
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import {
  BuyVoucherBatchBody, InvoiceDetail, InvoiceParams, VoidInvoiceBody, VoucherBatchDetail, VoucherBatchesPage, VoucherBatchesQuery,
} from '../../../common/schemas/payments.js'
import { Binary, errorResponses, typed } from '../../http.js'

export default async function voucherLedgerRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Fees']

  r.post('/api/v1/voucher-batches', {
    config: { tokenScope: 'registrations' },
    schema: {
      tags, summary: 'Buy a batch of single-use voucher codes against an invoice (employers and center administrators for themselves; staff for an organization, and may set the price)',
      body: BuyVoucherBatchBody,
      response: { 201: VoucherBatchDetail, ...errorResponses(400, 401, 403, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.voucherLedger.buy(request.actor, request.body)))

  r.get('/api/v1/voucher-batches', {
    config: { tokenScope: 'registrations' },
    schema: {
      tags, summary: 'Voucher batches, newest first: a buyer sees its own, staff see all (filters: module, organization)',
      querystring: VoucherBatchesQuery,
      response: { 200: VoucherBatchesPage, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => app.services.voucherLedger.batches(request.actor, request.query))

  r.get('/api/v1/voucher-batches/:id', {
    config: { tokenScope: 'registrations' },
    schema: {
      tags, summary: 'One voucher batch with each code, its holder (who redeemed it) and its redemption (registration, date, session); its buyer or staff',
      params: InvoiceParams,
      response: { 200: VoucherBatchDetail, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => app.services.voucherLedger.batch(request.actor, request.params.id))

  r.get('/api/v1/admin/vouchers/export', {
    schema: {
      tags, summary: 'The voucher ledger as CSV, one line per code (staff)', produces: ['text/csv'],
      response: { 200: Type.String({ description: 'CSV, one line per voucher code' }), ...errorResponses(401, 403) },
    },
  }, async (request, reply) => {
    const csv = await app.services.voucherLedger.exportCsv(request.actor)
    reply.header('content-disposition', `attachment; filename="mt1-voucher-ledger-${new Date().toISOString().slice(0, 10)}.csv"`)
    return reply.type('text/csv; charset=utf-8').send(csv)
  })

  r.get('/api/v1/invoices/:id', {
    schema: {
      tags, summary: 'One invoice with its lines and history (staff, or the person it is billed to)',
      params: InvoiceParams,
      response: { 200: InvoiceDetail, ...errorResponses(400, 401, 404) },
    },
  }, async (request) => app.services.invoices.detail(request.actor, request.params.id))

  r.get('/api/v1/invoices/:id/pdf', {
    schema: {
      tags, summary: 'The printable invoice (PDF): number, bill-to, lines, total, status and payment reference',
      params: InvoiceParams, produces: ['application/pdf'],
      response: { 200: Binary, ...errorResponses(400, 401, 404) },
    },
  }, async (request, reply) => {
    const file = await app.services.invoices.pdf(request.actor, request.params.id)
    return reply.type('application/pdf').header('cache-control', 'private, no-store').header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body)
  })

  r.post('/api/v1/admin/invoices/:id/void', {
    schema: {
      tags, summary: "Void an open voucher batch's invoice with a reason; its unused codes are voided too (a registration's invoice ends with the registration)",
      params: InvoiceParams, body: VoidInvoiceBody,
      response: { 200: InvoiceDetail, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => app.services.voucherLedger.voidInvoice(request.actor, request.params.id, request.body.reason))
}
