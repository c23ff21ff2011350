// Registration (contract), the candidate's own registrations, payment, and staff registration.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Code, Id, ModuleList, Nullable, Strict } from '../../../common/schemas/common.js'
import { errorResponses, typed } from '../../http.js'
import { InviteToken } from './invitations.routes.js'

export const RegistrationSchema = Type.Object({
  id: Type.String(), status: Type.String(), sessionId: Type.String(), candidateId: Type.String(), modules: Type.Array(Type.String()),
  holdExpiresAt: Nullable(Type.String()), paymentMethod: Nullable(Type.String()), createdAt: Type.String(), amountDueCents: Type.Integer(),
  waitlistPosition: Type.Union([Type.Integer(), Type.Null()]),
})

export default async function registrationsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Registration']

  r.post('/api/v1/registrations', {
    schema: {
      tags, summary: 'Register for one, two or all three modules at a session (at least 48 hours ahead); an onsite company event needs the token of its invitation link',
      body: Type.Object({ sessionId: Id, modules: ModuleList, waitlist: Type.Optional(Type.Boolean()), inviteToken: Type.Optional(InviteToken) }, Strict),
      response: { 201: Type.Object({ ...RegistrationSchema.properties, advice: Nullable(Type.String()) }), ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.registrations.register(request.actor, request.body)))

  r.post('/api/v1/admin/registrations', {
    schema: {
      tags, summary: 'Register a candidate as program staff; may break the 48-hour rule and the module rules (already booked, already passed, retake too soon), audited with the reason and the rules set aside',
      body: Type.Object({ candidateId: Id, sessionId: Id, modules: ModuleList, waitlist: Type.Optional(Type.Boolean()), overrideReason: Type.String({ minLength: 5, maxLength: 1000 }) }, Strict),
      response: { 201: RegistrationSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.registrations.registerByStaff(request.actor, request.body)))

  r.get('/api/v1/me/eligibility', {
    schema: {
      tags, summary: 'Which modules I may book at a session (or, without one, at a session starting now): passed, already booked, or a retake too soon, with the date it becomes possible',
      querystring: Type.Object({ sessionId: Type.Optional(Id) }, Strict),
      response: {
        200: Type.Object({
          sessionId: Nullable(Type.String()), startsAt: Nullable(Type.String()),
          items: Type.Array(Type.Object({
            module: Type.String(), eligible: Type.Boolean(),
            reason: Type.Union([Type.Literal('MODULE_ALREADY_BOOKED'), Type.Literal('MODULE_ALREADY_PASSED'), Type.Literal('RETAKE_TOO_SOON'), Type.Null()]),
            nextEligibleAt: Nullable(Type.String()),
          })),
        }),
        ...errorResponses(400, 401, 403, 404),
      },
    },
  }, async (request) => app.services.eligibility.forCandidate(request.actor, request.query.sessionId))

  r.get('/api/v1/me/registrations', {
    schema: {
      tags, summary: 'My registrations',
      response: {
        200: Type.Object({
          items: Type.Array(Type.Object({ ...RegistrationSchema.properties, startsAt: Type.String(), endsAt: Type.String(), centerName: Type.String(), city: Type.String(), state: Type.String(), canCancel: Type.Boolean() })),
          nextCursor: Type.Null(),
        }),
        ...errorResponses(401),
      },
    },
  }, async (request) => app.services.registrations.mine(request.actor))

  r.get('/api/v1/registrations/:id', {
    schema: { tags, summary: 'One registration (its candidate, or staff)', params: Type.Object({ id: Id }), response: { 200: RegistrationSchema, ...errorResponses(400, 401, 404) } },
  }, async (request) => app.services.registrations.get(request.actor, request.params.id))

  r.post('/api/v1/registrations/:id/cancel', {
    schema: {
      tags, summary: 'Cancel a registration (the candidate until 48 hours before; staff any time)',
      params: Type.Object({ id: Id }), body: Type.Optional(Type.Object({ reason: Type.Optional(Type.String({ maxLength: 1000 })) }, Strict)),
      response: { 200: RegistrationSchema, ...errorResponses(400, 401, 404, 409, 422) },
    },
  }, async (request) => app.services.registrations.cancel(request.actor, request.params.id, request.body?.reason))

  r.post('/api/v1/registrations/:id/reschedule', {
    schema: {
      tags, summary: 'Move a registration to another session (the candidate until 48 hours before; a paid seat stays paid)',
      params: Type.Object({ id: Id }), body: Type.Object({ sessionId: Id, waitlist: Type.Optional(Type.Boolean()) }, Strict),
      response: { 200: RegistrationSchema, ...errorResponses(400, 401, 404, 409, 422) },
    },
  }, async (request) => app.services.registrations.reschedule(request.actor, request.params.id, request.body))

  r.post('/api/v1/registrations/:id/payment', {
    schema: {
      tags, summary: 'Pay a held registration with a voucher, or ask for an invoice (asking again gives the same open invoice)',
      params: Type.Object({ id: Id }),
      body: Type.Union([
        Type.Object({ method: Type.Literal('voucher'), code: Type.String({ minLength: 4, maxLength: 40 }) }, Strict),
        Type.Object({ method: Type.Literal('invoice') }, Strict),
      ]),
      response: { 200: Type.Unknown(), ...errorResponses(400, 401, 404, 409, 422) },
    },
  }, async (request) => {
    const body = request.body
    return body.method === 'voucher'
      ? app.services.registrations.payWithVoucher(request.actor, request.params.id, body.code)
      : app.services.registrations.requestInvoice(request.actor, request.params.id)
  })

  r.post('/api/v1/admin/registrations/:id/waive', {
    schema: { tags, summary: 'Waive the fee of a held registration', params: Type.Object({ id: Id }), body: Type.Object({ reason: Type.String({ minLength: 3, maxLength: 1000 }) }, Strict), response: { 200: RegistrationSchema, ...errorResponses(400, 401, 403, 404, 409) } },
  }, async (request) => app.services.registrations.waive(request.actor, request.params.id, request.body.reason))

  r.get('/api/v1/fees', {
    schema: { tags: ['Fees'], summary: 'The fee schedule (null: contact the program)', response: { 200: Type.Object({ currency: Type.String(), items: Type.Array(Type.Object({ module: Type.String(), amountCents: Type.Union([Type.Integer(), Type.Null()]) })) }) } },
  }, async () => app.services.payments.schedule())

  r.put('/api/v1/admin/fees', {
    schema: { tags: ['Fees'], summary: 'Set fees per module (cents)', body: Type.Record(Code, Type.Integer({ minimum: 0, maximum: 10_000_000 }), { minProperties: 1, maxProperties: 3 }), response: { 200: Type.Unknown(), ...errorResponses(400, 401, 403) } },
  }, async (request) => app.services.payments.setFees(request.actor, request.body))

  r.post('/api/v1/vouchers', {
    schema: {
      tags: ['Fees'], summary: 'Buy vouchers for modules (employers); codes are single use',
      body: Type.Object({ modules: ModuleList, quantity: Type.Integer({ minimum: 1, maximum: 500 }), expiresAt: Type.Optional(Type.String({ format: 'date-time' })) }, Strict),
      response: { 201: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), modules: Type.Array(Type.String()), status: Type.String(), expiresAt: Nullable(Type.String()) })) }), ...errorResponses(400, 401, 403) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.payments.buyVouchers(request.actor, request.body)))

  r.get('/api/v1/vouchers', {
    schema: { tags: ['Fees'], summary: 'My vouchers (employers)', response: { 200: Type.Unknown(), ...errorResponses(401, 403) } },
  }, async (request) => app.services.payments.myVouchers(request.actor))

  r.get('/api/v1/admin/invoices', {
    schema: { tags: ['Fees'], summary: 'Open invoices', response: { 200: Type.Unknown(), ...errorResponses(401, 403) } },
  }, async (request) => app.services.payments.openInvoices(request.actor))

  r.post('/api/v1/admin/invoices/:id/paid', {
    schema: { tags: ['Fees'], summary: 'Mark an invoice paid (confirms its registration)', params: Type.Object({ id: Id }), response: { 200: Type.Object({ id: Type.String(), status: Type.String() }), ...errorResponses(400, 401, 403, 404, 409) } },
  }, async (request) => app.services.registrations.markInvoicePaid(request.actor, request.params.id))
}
