// Delivery routes of the published contract: proctor presence, check-in, starting an attempt,
// resuming it, and saving responses; plus the proctor's resume.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Code, Id, Strict } from '../../../common/schemas/common.js'
import { errorResponses, typed } from '../../http.js'

const Attempt = Type.Object({
  id: Type.String(), module: Type.String(), status: Type.String(), startedAt: Type.String(), deadline: Type.String(), remainingMs: Type.Integer(),
  pauseReason: Type.Union([Type.String(), Type.Null()]),
  items: Type.Array(Type.Object({ id: Type.String(), type: Type.String(), presentation: Type.Unknown() })),
  responses: Type.Record(Type.String(), Type.Object({ response: Type.Unknown(), seq: Type.Integer(), savedAt: Type.String() })),
})

export default async function deliveryRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Delivery']

  r.post('/api/v1/sessions/:id/presence', {
    schema: { tags, summary: "The proctor console's heartbeat: the proctor counts as present for 60 s after it", params: Type.Object({ id: Id }), response: { 200: Type.Object({ presentUntil: Type.String() }), ...errorResponses(400, 401, 403, 404, 422) } },
  }, async (request) => app.services.delivery.heartbeat(request.actor, request.params.id))

  r.post('/api/v1/sessions/:id/checkins', {
    schema: {
      tags, summary: 'Check a candidate in after verifying their photo ID; admits them',
      params: Type.Object({ id: Id }), body: Type.Object({ registrationId: Id, idVerified: Type.Boolean() }, Strict),
      response: { 201: Type.Object({ registrationId: Type.String(), checkedInAt: Type.String(), checkedInBy: Type.String() }), 200: Type.Object({ registrationId: Type.String(), checkedInAt: Type.String(), checkedInBy: Type.String() }), ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request, reply) => {
    const { created, checkin } = await app.services.delivery.checkIn(request.actor, request.params.id, request.body)
    return reply.status(created ? 201 : 200).send(checkin)
  })

  r.post('/api/v1/attempts', {
    schema: {
      tags, summary: 'Start a module: needs a check-in and a certified proctor present; the items never carry their answers',
      body: Type.Object({ registrationId: Id, module: Code }, Strict),
      response: { 201: Attempt, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.delivery.start(request.actor, request.body)))

  r.get('/api/v1/attempts/:id', {
    schema: { tags, summary: 'The attempt with its saved responses and deadline (resume)', params: Type.Object({ id: Id }), response: { 200: Attempt, ...errorResponses(400, 401, 403, 404) } },
  }, async (request) => app.services.delivery.get(request.actor, request.params.id))

  r.put('/api/v1/attempts/:id/responses/:itemId', {
    schema: {
      tags, summary: 'Save a response (200 once committed; idempotent; an older seq is acknowledged and ignored)',
      params: Type.Object({ id: Id, itemId: Id }),
      body: Type.Object({ response: Type.Unknown(), seq: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })) }, Strict),
      response: { 200: Type.Object({ itemId: Type.String(), seq: Type.Integer(), applied: Type.Boolean(), savedAt: Type.String() }), ...errorResponses(400, 401, 403, 404, 409, 413) },
    },
  }, async (request) => app.services.delivery.save(request.actor, request.params.id, request.params.itemId, request.body))

  r.post('/api/v1/attempts/:id/resume', {
    schema: { tags, summary: "Resume a paused attempt (a proctor of its session)", params: Type.Object({ id: Id }), response: { 200: Type.Object({ id: Type.String(), status: Type.String(), deadline: Type.String() }), ...errorResponses(400, 401, 403, 404, 409, 422) } },
  }, async (request) => app.services.delivery.resume(request.actor, request.params.id))
}
