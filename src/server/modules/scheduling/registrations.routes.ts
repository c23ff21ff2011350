// Registration (contract), the candidate's own registrations, payment, and staff registration.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id } from '../../../common/schemas/common.js'
import {
  BoughtVouchersView, CancelRegistrationBody, EligibilityQuery, EligibilityView, FeesView, InvoicePaidView, MyRegistrationsPage,
  MyVouchersPage, NewRegistrationView, PaymentBody, PaymentView, ReceiptView, RegisterBody, RegistrationView, RescheduleBody, SetFeesBody,
  StaffRegisterBody, WaiveBody,
} from '../../../common/schemas/scheduling.js'
import { BuyVoucherBatchBody, InvoicesPage, InvoicesQuery, MarkInvoicePaidBody } from '../../../common/schemas/payments.js'
import { errorResponses, typed } from '../../http.js'

export default async function registrationsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Registration']

  r.post('/api/v1/registrations', {
    schema: {
      tags, summary: 'Register for one, two or all three modules at a session (at least 48 hours ahead); an onsite company event needs the token of its invitation link',
      body: RegisterBody,
      response: { 201: NewRegistrationView, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.registrations.register(request.actor, request.body)))

  r.post('/api/v1/admin/registrations', {
    schema: {
      tags, summary: 'Register a candidate as program staff; may break the 48-hour rule and the module rules (already booked, already passed, retake too soon), audited with the reason and the rules set aside',
      body: StaffRegisterBody,
      response: { 201: RegistrationView, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.registrations.registerByStaff(request.actor, request.body)))

  r.get('/api/v1/me/eligibility', {
    schema: {
      tags, summary: 'Which modules I may book at a session (or, without one, at a session starting now): passed, already booked, or a retake too soon, with the date it becomes possible',
      querystring: EligibilityQuery,
      response: {
        200: EligibilityView,
        ...errorResponses(400, 401, 403, 404),
      },
    },
  }, async (request) => app.services.eligibility.forCandidate(request.actor, request.query.sessionId))

  r.get('/api/v1/me/registrations', {
    schema: {
      tags, summary: 'My registrations',
      response: {
        200: MyRegistrationsPage,
        ...errorResponses(401),
      },
    },
  }, async (request) => app.services.registrations.mine(request.actor))

  r.get('/api/v1/registrations/:id', {
    schema: { tags, summary: 'One registration (its candidate, or staff)', params: Type.Object({ id: Id }), response: { 200: RegistrationView, ...errorResponses(400, 401, 404) } },
  }, async (request) => app.services.registrations.get(request.actor, request.params.id))

  r.get('/api/v1/registrations/:id/receipt', {
    schema: {
      tags, summary: "A registration's receipt: what was booked, where, when, the amount, how it is paid and its confirmation number (its candidate, or staff)",
      params: Type.Object({ id: Id }), response: { 200: ReceiptView, ...errorResponses(400, 401, 404) },
    },
  }, async (request) => app.services.receipts.receipt(request.actor, request.params.id))

  r.get('/api/v1/registrations/:id/calendar', {
    schema: {
      tags, summary: 'The calendar invitation (.ics) of a confirmed seat (its candidate, or staff)',
      params: Type.Object({ id: Id }),
      response: { 200: { content: { 'text/calendar': { schema: Type.String() } } }, ...errorResponses(400, 401, 404, 409) },
    },
  }, async (request, reply) => {
    const { filename, ics } = await app.services.receipts.calendar(request.actor, request.params.id)
    reply.header('content-disposition', `attachment; filename="${filename}"`)
    return reply.type('text/calendar; charset=utf-8').send(ics)
  })

  r.post('/api/v1/registrations/:id/cancel', {
    schema: {
      tags, summary: 'Cancel a registration (the candidate until 48 hours before; staff any time)',
      params: Type.Object({ id: Id }), body: Type.Optional(CancelRegistrationBody),
      response: { 200: RegistrationView, ...errorResponses(400, 401, 404, 409, 422) },
    },
  }, async (request) => app.services.registrations.cancel(request.actor, request.params.id, request.body?.reason))

  r.post('/api/v1/registrations/:id/reschedule', {
    schema: {
      tags, summary: 'Move a registration to another session (the candidate until 48 hours before; a paid seat stays paid)',
      params: Type.Object({ id: Id }), body: RescheduleBody,
      response: { 200: RegistrationView, ...errorResponses(400, 401, 404, 409, 422) },
    },
  }, async (request) => app.services.registrations.reschedule(request.actor, request.params.id, request.body))

  r.post('/api/v1/registrations/:id/payment', {
    schema: {
      tags, summary: 'Pay a held registration with a voucher, or ask for an invoice (asking again gives the same open invoice)',
      params: Type.Object({ id: Id }),
      body: PaymentBody,
      response: { 200: PaymentView, ...errorResponses(400, 401, 404, 409, 422) },
    },
  }, async (request) => {
    const body = request.body
    return body.method === 'voucher'
      ? app.services.registrations.payWithVoucher(request.actor, request.params.id, body.code)
      : app.services.registrations.requestInvoice(request.actor, request.params.id)
  })

  r.post('/api/v1/admin/registrations/:id/waive', {
    schema: { tags, summary: 'Waive the fee of a held registration', params: Type.Object({ id: Id }), body: WaiveBody, response: { 200: RegistrationView, ...errorResponses(400, 401, 403, 404, 409) } },
  }, async (request) => app.services.registrations.waive(request.actor, request.params.id, request.body.reason))

  r.get('/api/v1/fees', {
    schema: { tags: ['Fees'], summary: 'The fee schedule (null: contact the program)', response: { 200: FeesView } },
  }, async () => app.services.payments.schedule())

  r.put('/api/v1/admin/fees', {
    schema: { tags: ['Fees'], summary: 'Set fees per module (cents)', body: SetFeesBody, response: { 200: FeesView, ...errorResponses(400, 401, 403) } },
  }, async (request) => app.services.payments.setFees(request.actor, request.body))

  r.post('/api/v1/vouchers', {
    schema: {
      tags: ['Fees'], summary: 'Buy vouchers for modules (employers); codes are single use',
      body: BuyVoucherBatchBody,
      response: { 201: BoughtVouchersView, ...errorResponses(400, 401, 403, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.payments.buyVouchers(request.actor, request.body)))

  r.get('/api/v1/vouchers', {
    schema: { tags: ['Fees'], summary: 'My vouchers (employers)', response: { 200: MyVouchersPage, ...errorResponses(401, 403) } },
  }, async (request) => app.services.payments.myVouchers(request.actor))

  r.get('/api/v1/admin/invoices', {
    schema: {
      tags: ['Fees'], summary: 'Invoices, newest first, with number, bill-to, amount and status (filters: status, subject, number)',
      querystring: InvoicesQuery, response: { 200: InvoicesPage, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => app.services.invoices.list(request.actor, request.query))

  r.post('/api/v1/admin/invoices/:id/paid', {
    // The body (the payment's reference) is optional: callers from before it existed send none.
    preValidation: async (request) => { request.body ??= {} },
    schema: {
      tags: ['Fees'], summary: "Mark an invoice paid, with the payment's reference (a registration's invoice confirms its registration)",
      params: Type.Object({ id: Id }), body: MarkInvoicePaidBody, response: { 200: InvoicePaidView, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    return app.services.voucherLedger.markInvoicePaid(request.actor, request.params.id, request.body?.paymentReference?.trim() || null)
  })
}
