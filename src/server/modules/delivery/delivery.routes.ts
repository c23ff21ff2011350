// Delivery routes, the candidate's side: the published contract (start, resume, save, submit) and
// ours (the test day, flags, focus events, breaks). docs/DELIVERY.md describes them together.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { nestsDeeperThan } from '../../../common/json-depth.js'
import { Id } from '../../../common/schemas/common.js'
import {
  AttemptEventBody, AttemptView, CheckinBody, CheckinView, DeviceHeaders, FlagsBody, FlagsView, MyAttemptsView, PresenceView, RESPONSE_DEPTH,
  SavedResponseView, SaveResponseBody, SittingView, StartAttemptBody, SubmitView,
} from '../../../common/schemas/delivery.js'
import { AppError } from '../../errors.js'
import { errorResponses, typed } from '../../http.js'

export default async function deliveryRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Delivery']
  const d = () => app.services.delivery

  r.post('/api/v1/sessions/:id/presence', {
    schema: { tags, summary: "The proctor console's heartbeat: the proctor counts as present for 60 s after it", params: Type.Object({ id: Id }), response: { 200: PresenceView, ...errorResponses(400, 401, 403, 404, 422) } },
  }, async (request) => d().heartbeat(request.actor, request.params.id))

  r.post('/api/v1/sessions/:id/checkins', {
    schema: {
      tags, summary: 'Check a candidate in after verifying their photo ID; admits them',
      params: Type.Object({ id: Id }), body: CheckinBody,
      response: { 201: CheckinView, 200: CheckinView, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request, reply) => {
    const { created, checkin } = await d().checkIn(request.actor, request.params.id, request.body)
    return reply.status(created ? 201 : 200).send(checkin)
  })

  r.get('/api/v1/registrations/:id/sitting', {
    schema: {
      tags, summary: "The candidate's test day: check-in, proctor presence, and each module to start or resume", params: Type.Object({ id: Id }),
      response: {
        200: SittingView,
        ...errorResponses(400, 401, 403, 404),
      },
    },
  }, async (request) => d().sitting(request.actor, request.params.id))

  r.get('/api/v1/me/attempts', {
    schema: {
      tags, summary: 'My attempts, newest first',
      response: { 200: MyAttemptsView, ...errorResponses(401, 403) },
    },
  }, async (request) => d().myAttempts(request.actor))

  r.post('/api/v1/attempts', {
    schema: {
      tags, summary: 'Start a module: needs a check-in and a certified proctor present; the items never carry their answers',
      headers: DeviceHeaders, body: StartAttemptBody,
      response: { 201: AttemptView, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await d().start(request.actor, request.body, request.headers['x-attempt-device'])))

  r.get('/api/v1/attempts/:id', {
    schema: { tags, summary: 'The attempt with its saved responses and deadline (resume)', headers: DeviceHeaders, params: Type.Object({ id: Id }), response: { 200: AttemptView, ...errorResponses(400, 401, 403, 404, 409) } },
  }, async (request) => d().get(request.actor, request.params.id, request.headers['x-attempt-device']))

  r.put('/api/v1/attempts/:id/responses/:itemId', {
    schema: {
      tags, summary: 'Save a response (200 once committed; idempotent; an older seq is acknowledged and ignored)',
      headers: DeviceHeaders, params: Type.Object({ id: Id, itemId: Id }),
      body: SaveResponseBody,
      response: { 200: SavedResponseView, ...errorResponses(400, 401, 403, 404, 409, 413) },
    },
    preValidation: async (request) => {
      const body = request.body as { response?: unknown } | null
      if (body && typeof body === 'object' && nestsDeeperThan(body.response, RESPONSE_DEPTH)) {
        throw new AppError('VALIDATION', `A response nests at most ${RESPONSE_DEPTH} levels deep.`, { field: 'response' })
      }
    },
  }, async (request) => d().save(request.actor, request.params.id, request.params.itemId, request.body, request.headers['x-attempt-device']))

  r.put('/api/v1/attempts/:id/flags', {
    schema: {
      tags, summary: 'Replace the items flagged for review', headers: DeviceHeaders, params: Type.Object({ id: Id }),
      body: FlagsBody,
      response: { 200: FlagsView, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => d().setFlags(request.actor, request.params.id, request.body.itemIds, request.headers['x-attempt-device']))

  r.post('/api/v1/attempts/:id/events', {
    schema: {
      tags, summary: "The test screen lost or regained focus (shown on the proctor's console)", headers: DeviceHeaders, params: Type.Object({ id: Id }),
      body: AttemptEventBody,
      response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    await d().recordClientEvent(request.actor, request.params.id, request.body.kind, request.headers['x-attempt-device'])
    return reply.status(204).send(null)
  })

  r.post('/api/v1/attempts/:id/break', {
    schema: { tags, summary: 'Start an extra break (approved accommodation): the clock stops', headers: DeviceHeaders, params: Type.Object({ id: Id }), response: { 200: AttemptView, ...errorResponses(400, 401, 403, 404, 409, 422) } },
  }, async (request) => d().startBreak(request.actor, request.params.id, request.headers['x-attempt-device']))

  r.post('/api/v1/attempts/:id/break/end', {
    schema: { tags, summary: 'End the break and continue (a proctor must be present)', headers: DeviceHeaders, params: Type.Object({ id: Id }), response: { 200: AttemptView, ...errorResponses(400, 401, 403, 404, 409) } },
  }, async (request) => d().endBreak(request.actor, request.params.id, request.headers['x-attempt-device']))

  r.post('/api/v1/attempts/:id/submit', {
    schema: {
      tags, summary: 'Submit the test: scored at once; certificates it completes are awarded', headers: DeviceHeaders, params: Type.Object({ id: Id }),
      response: { 200: SubmitView, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => d().submit(request.actor, request.params.id, request.headers['x-attempt-device']))
}
