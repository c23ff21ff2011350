// Center applications and certification, onsite company testing requests.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Email, Id, IsoDateTime, ModuleList, PrintableText, Strict } from '../../../common/schemas/common.js'
import { errorResponses, typed } from '../../http.js'
import { CenterSchema } from './centers.routes.js'

const State = Type.String({ pattern: '^[A-Za-z]{2}$' })

export default async function centerAdminRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Centers']

  r.post('/api/v1/centers/applications', {
    schema: {
      tags, summary: 'Apply to become an MSI Certified Assessment Center (the applicant administers it once certified)',
      body: Type.Object({ name: PrintableText(200), addressLine1: PrintableText(200), addressLine2: Type.Optional(PrintableText(200)), city: PrintableText(100), state: State, postalCode: Type.String({ pattern: '^[0-9]{5}(-[0-9]{4})?$' }), phone: PrintableText(40), email: Email }, Strict),
      response: { 201: CenterSchema, ...errorResponses(400, 401) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.centerAdmin.apply(request.actor, request.body)))

  r.get('/api/v1/centers/mine', {
    schema: { tags, summary: 'The centers I administer', response: { 200: Type.Object({ items: Type.Array(CenterSchema), nextCursor: Type.Null() }), ...errorResponses(401, 403) } },
  }, async (request) => app.services.centerAdmin.mine(request.actor))

  r.get('/api/v1/admin/centers', {
    schema: { tags, summary: 'All centers, by status', querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('applied'), Type.Literal('certified'), Type.Literal('suspended')])) }, Strict), response: { 200: Type.Object({ items: Type.Array(CenterSchema), nextCursor: Type.Null() }), ...errorResponses(400, 401, 403) } },
  }, async (request) => app.services.centerAdmin.list(request.actor, request.query.status))

  r.post('/api/v1/admin/centers/:id/certify', {
    schema: { tags, summary: 'Certify a center until a date', params: Type.Object({ id: Id }), body: Type.Object({ certifiedUntil: IsoDateTime }, Strict), response: { 200: CenterSchema, ...errorResponses(400, 401, 403, 404) } },
  }, async (request) => app.services.centerAdmin.certify(request.actor, request.params.id, request.body.certifiedUntil))

  r.post('/api/v1/admin/centers/:id/suspend', {
    schema: { tags, summary: 'Suspend a center', params: Type.Object({ id: Id }), body: Type.Object({ reason: PrintableText(1000) }, Strict), response: { 200: CenterSchema, ...errorResponses(400, 401, 403, 404) } },
  }, async (request) => app.services.centerAdmin.suspend(request.actor, request.params.id, request.body.reason))

  r.post('/api/v1/admin/centers/:id/reinstate', {
    schema: { tags, summary: 'Reinstate a suspended center', params: Type.Object({ id: Id }), body: Type.Object({ reason: PrintableText(1000) }, Strict), response: { 200: CenterSchema, ...errorResponses(400, 401, 403, 404) } },
  }, async (request) => app.services.centerAdmin.reinstate(request.actor, request.params.id, request.body.reason))

  r.post('/api/v1/onsite-requests', {
    schema: {
      tags, summary: 'Ask for onsite testing at your company (employers)',
      body: Type.Object({ companyName: PrintableText(200), addressLine1: PrintableText(200), city: PrintableText(100), state: State, postalCode: Type.String({ pattern: '^[0-9]{5}(-[0-9]{4})?$' }), preferredDate: IsoDateTime, candidates: Type.Integer({ minimum: 1, maximum: 500 }), modules: ModuleList, notes: Type.Optional(Type.String({ maxLength: 2000 })) }, Strict),
      response: { 201: Type.Object({ id: Type.String(), status: Type.String() }), ...errorResponses(400, 401, 403) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.centerAdmin.requestOnsite(request.actor, request.body)))

  r.get('/api/v1/onsite-requests', {
    schema: { tags, summary: 'Onsite requests (employers see their own; staff see all)', response: { 200: Type.Unknown(), ...errorResponses(401, 403) } },
  }, async (request) => app.services.centerAdmin.onsiteRequests(request.actor))

  r.post('/api/v1/admin/onsite-requests/:id/approve', {
    schema: {
      tags, summary: 'Approve an onsite event as a session at the company address',
      params: Type.Object({ id: Id }),
      body: Type.Object({ startsAt: IsoDateTime, endsAt: IsoDateTime, seats: Type.Integer({ minimum: 1, maximum: 500 }), proctorIds: Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true }) }, Strict),
      response: { 200: Type.Object({ id: Type.String(), status: Type.String(), sessionId: Type.String(), centerId: Type.String() }), ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => app.services.centerAdmin.approveOnsite(request.actor, request.params.id, request.body))
}
