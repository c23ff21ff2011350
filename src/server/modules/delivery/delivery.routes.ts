// Delivery routes, the candidate's side: the published contract (start, resume, save, submit) and
// ours (the test day, flags, focus events, breaks). docs/DELIVERY.md describes them together.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { nestsDeeperThan } from '../../../common/json-depth.js'
import { Code, Id, Nullable, Strict, StringEnum } from '../../../common/schemas/common.js'
import { AppError } from '../../errors.js'
import { errorResponses, typed } from '../../http.js'
import { AwardSchema, ResultSchema } from '../results/results.routes.js'

const Attempt = Type.Object({
  id: Type.String(), registrationId: Type.String(), sessionId: Type.String(), module: Type.String(), moduleName: Type.String(), status: Type.String(),
  startedAt: Type.String(), deadline: Type.String(), remainingMs: Type.Integer(), serverTime: Type.String(),
  pauseReason: Nullable(Type.String()), calculator: Type.Boolean(), accommodations: Type.Array(Type.String()),
  items: Type.Array(Type.Object({ id: Type.String(), type: Type.String(), presentation: Type.Unknown() })),
  responses: Type.Record(Type.String(), Type.Object({ response: Type.Unknown(), seq: Type.Integer(), savedAt: Type.String() })),
  flags: Type.Array(Type.String()),
  result: Nullable(ResultSchema),
})

/**
 * A candidate's response is JSON a few levels deep at most ({"RESPONSE": [["A", "B"], …]}: a record
 * of lists of pairs or points). Deeper is refused with 400 before anything walks it, so a hostile
 * 10,000-level document cannot overflow a stack. Not a schema union: with the app's type coercion a
 * union of scalars and arrays would turn ["A"] into "A" and change what the candidate chose.
 */
const RESPONSE_DEPTH = 4
const ResponseValue = Type.Unknown({ description: `The response: JSON nested at most ${RESPONSE_DEPTH} levels deep` })

/** The test screen's device id (a random UUID it keeps); binds an attempt to one computer. */
export const DeviceHeaders = Type.Object({ 'x-attempt-device': Type.Optional(Type.String({ pattern: '^[A-Za-z0-9-]{8,64}$' })) })

export default async function deliveryRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Delivery']
  const d = () => app.services.delivery

  r.post('/api/v1/sessions/:id/presence', {
    schema: { tags, summary: "The proctor console's heartbeat: the proctor counts as present for 60 s after it", params: Type.Object({ id: Id }), response: { 200: Type.Object({ presentUntil: Type.String() }), ...errorResponses(400, 401, 403, 404, 422) } },
  }, async (request) => d().heartbeat(request.actor, request.params.id))

  const Checkin = Type.Object({ registrationId: Type.String(), checkedInAt: Type.String(), checkedInBy: Type.String() })
  r.post('/api/v1/sessions/:id/checkins', {
    schema: {
      tags, summary: 'Check a candidate in after verifying their photo ID; admits them',
      params: Type.Object({ id: Id }), body: Type.Object({ registrationId: Id, idVerified: Type.Boolean() }, Strict),
      response: { 201: Checkin, 200: Checkin, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request, reply) => {
    const { created, checkin } = await d().checkIn(request.actor, request.params.id, request.body)
    return reply.status(created ? 201 : 200).send(checkin)
  })

  r.get('/api/v1/registrations/:id/sitting', {
    schema: {
      tags, summary: "The candidate's test day: check-in, proctor presence, and each module to start or resume", params: Type.Object({ id: Id }),
      response: {
        200: Type.Object({
          registrationId: Type.String(), status: Type.String(), checkedIn: Type.Boolean(), proctorPresent: Type.Boolean(),
          session: Type.Object({ id: Type.String(), startsAt: Type.String(), endsAt: Type.String(), centerName: Type.String(), closedAt: Nullable(Type.String()) }),
          accommodations: Type.Array(Type.String(), { description: 'The approved adjustments applied at delivery (the instructions before Begin explain them).' }),
          modules: Type.Array(Type.Object({
            code: Type.String(), name: Type.String(), minutes: Type.Integer(), questions: Type.Integer(), calculator: Type.Boolean(),
            attempt: Nullable(Type.Object({ id: Type.String(), status: Type.String() })),
          })),
        }),
        ...errorResponses(400, 401, 403, 404),
      },
    },
  }, async (request) => d().sitting(request.actor, request.params.id))

  r.get('/api/v1/me/attempts', {
    schema: {
      tags, summary: 'My attempts, newest first',
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), registrationId: Type.String(), module: Type.String(), status: Type.String(), startedAt: Type.String(), submittedAt: Nullable(Type.String()), result: Nullable(ResultSchema) })) }), ...errorResponses(401, 403) },
    },
  }, async (request) => d().myAttempts(request.actor))

  r.post('/api/v1/attempts', {
    schema: {
      tags, summary: 'Start a module: needs a check-in and a certified proctor present; the items never carry their answers',
      headers: DeviceHeaders, body: Type.Object({ registrationId: Id, module: Code }, Strict),
      response: { 201: Attempt, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await d().start(request.actor, request.body, request.headers['x-attempt-device'])))

  r.get('/api/v1/attempts/:id', {
    schema: { tags, summary: 'The attempt with its saved responses and deadline (resume)', headers: DeviceHeaders, params: Type.Object({ id: Id }), response: { 200: Attempt, ...errorResponses(400, 401, 403, 404, 409) } },
  }, async (request) => d().get(request.actor, request.params.id, request.headers['x-attempt-device']))

  r.put('/api/v1/attempts/:id/responses/:itemId', {
    schema: {
      tags, summary: 'Save a response (200 once committed; idempotent; an older seq is acknowledged and ignored)',
      headers: DeviceHeaders, params: Type.Object({ id: Id, itemId: Id }),
      body: Type.Object({ response: ResponseValue, seq: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })) }, Strict),
      response: { 200: Type.Object({ itemId: Type.String(), seq: Type.Integer(), applied: Type.Boolean(), savedAt: Type.String() }), ...errorResponses(400, 401, 403, 404, 409, 413) },
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
      body: Type.Object({ itemIds: Type.Array(Id, { maxItems: 200 }) }, Strict),
      response: { 200: Type.Object({ itemIds: Type.Array(Type.String()) }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => d().setFlags(request.actor, request.params.id, request.body.itemIds, request.headers['x-attempt-device']))

  r.post('/api/v1/attempts/:id/events', {
    schema: {
      tags, summary: "The test screen lost or regained focus (shown on the proctor's console)", headers: DeviceHeaders, params: Type.Object({ id: Id }),
      body: Type.Object({ kind: StringEnum(['focus_lost', 'focus_returned'] as const) }, Strict),
      response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    await d().recordClientEvent(request.actor, request.params.id, request.body.kind, request.headers['x-attempt-device'])
    return reply.status(204).send(null)
  })

  r.post('/api/v1/attempts/:id/break', {
    schema: { tags, summary: 'Start an extra break (approved accommodation): the clock stops', headers: DeviceHeaders, params: Type.Object({ id: Id }), response: { 200: Attempt, ...errorResponses(400, 401, 403, 404, 409, 422) } },
  }, async (request) => d().startBreak(request.actor, request.params.id, request.headers['x-attempt-device']))

  r.post('/api/v1/attempts/:id/break/end', {
    schema: { tags, summary: 'End the break and continue (a proctor must be present)', headers: DeviceHeaders, params: Type.Object({ id: Id }), response: { 200: Attempt, ...errorResponses(400, 401, 403, 404, 409) } },
  }, async (request) => d().endBreak(request.actor, request.params.id, request.headers['x-attempt-device']))

  r.post('/api/v1/attempts/:id/submit', {
    schema: {
      tags, summary: 'Submit the test: scored at once; certificates it completes are awarded', headers: DeviceHeaders, params: Type.Object({ id: Id }),
      response: { 200: Type.Object({ result: ResultSchema, awarded: Type.Array(AwardSchema) }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => d().submit(request.actor, request.params.id, request.headers['x-attempt-device']))
}
