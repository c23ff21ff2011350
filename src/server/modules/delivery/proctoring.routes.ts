// Delivery routes, the proctor's side: the live console, pause/resume, added time, void, re-admit,
// incidents, closing the session and its report. docs/DELIVERY.md describes them.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id, MultilineText, Nullable, PrintableText, Strict, StringEnum } from '../../../common/schemas/common.js'
import { Binary, errorResponses, typed } from '../../http.js'
import { INCIDENT_CATEGORIES } from './proctoring.service.js'

const Reason = PrintableText(500)
const AttemptState = Type.Object({ id: Type.String(), status: Type.String(), deadline: Type.String() })
const Incident = Type.Object({
  id: Type.String(), category: Type.String(), occurredAt: Type.String(), endedAt: Nullable(Type.String()), narrative: Type.String(), actionTaken: Type.String(),
  registrationId: Nullable(Type.String()), reportedBy: Nullable(Type.String()), automatic: Type.Boolean(),
})
const ConsoleAttempt = Type.Object({
  id: Type.String(), module: Type.String(), status: Type.String(), pauseReason: Nullable(Type.String()), deadline: Type.String(), remainingMs: Type.Integer(),
  answered: Type.Integer(), total: Type.Integer(), lastSaveAt: Nullable(Type.String()), connection: StringEnum(['online', 'idle', 'offline'] as const),
  focusLost: Type.Integer(), awaitingReadmit: Type.Boolean(), extraMinutes: Type.Integer(),
})
const Console = Type.Object({
  session: Type.Object({ id: Type.String(), centerName: Type.String(), startsAt: Type.String(), endsAt: Type.String(), status: Type.String(), closedAt: Nullable(Type.String()) }),
  proctorPresent: Type.Boolean(),
  candidates: Type.Array(Type.Object({
    registrationId: Type.String(), candidateId: Type.String(), name: Type.String(), modules: Type.Array(Type.String()), checkedInAt: Nullable(Type.String()),
    accommodations: Type.Array(Type.String()), attempts: Type.Array(ConsoleAttempt),
  })),
  incidents: Type.Array(Incident),
})

export default async function proctoringRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Proctoring']
  const p = () => app.services.proctoring
  const attemptParams = Type.Object({ id: Id })
  const sessionParams = Type.Object({ id: Id })

  r.get('/api/v1/sessions/:id/console', {
    schema: { tags, summary: "The proctor's live roster: candidates, attempts, connection, focus, incidents", params: sessionParams, response: { 200: Console, ...errorResponses(400, 401, 403, 404, 422) } },
  }, async (request) => p().console(request.actor, request.params.id))

  r.post('/api/v1/attempts/:id/pause', {
    schema: { tags, summary: 'Pause one attempt (its clock stops)', params: attemptParams, body: Type.Object({ reason: Reason }, Strict), response: { 200: AttemptState, ...errorResponses(400, 401, 403, 404, 409, 422) } },
  }, async (request) => p().pause(request.actor, request.params.id, request.body.reason))

  r.post('/api/v1/attempts/:id/resume', {
    schema: { tags, summary: 'Resume a paused attempt; the pause does not count against its time', params: attemptParams, response: { 200: AttemptState, ...errorResponses(400, 401, 403, 404, 409, 422) } },
  }, async (request) => p().resume(request.actor, request.params.id))

  r.post('/api/v1/sessions/:id/pause-all', {
    schema: { tags, summary: 'Pause every running attempt of the session', params: sessionParams, body: Type.Object({ reason: Reason }, Strict), response: { 200: Type.Object({ changed: Type.Integer() }), ...errorResponses(400, 401, 403, 404, 422) } },
  }, async (request) => p().pauseAll(request.actor, request.params.id, request.body.reason))

  r.post('/api/v1/sessions/:id/resume-all', {
    schema: { tags, summary: "Resume every attempt paused by a proctor or by the proctor's absence (breaks stay)", params: sessionParams, response: { 200: Type.Object({ changed: Type.Integer() }), ...errorResponses(400, 401, 403, 404, 422) } },
  }, async (request) => p().resumeAll(request.actor, request.params.id))

  r.post('/api/v1/attempts/:id/extra-time', {
    schema: {
      tags, summary: 'Add time to an attempt, with a reason (audited)', params: attemptParams,
      body: Type.Object({ minutes: Type.Integer({ minimum: 1, maximum: 120 }), reason: Reason }, Strict), response: { 200: AttemptState, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => p().addTime(request.actor, request.params.id, request.body))

  r.post('/api/v1/attempts/:id/void', {
    schema: {
      tags, summary: 'Void an attempt, with a reason (audited)', params: attemptParams, body: Type.Object({ reason: Reason }, Strict),
      response: { 200: Type.Object({ id: Type.String(), status: Type.String() }), ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => p().void(request.actor, request.params.id, request.body.reason))

  r.post('/api/v1/attempts/:id/readmit', {
    schema: { tags, summary: 'Let the candidate continue on another computer', params: attemptParams, response: { 200: Type.Object({ id: Type.String() }), ...errorResponses(400, 401, 403, 404, 409, 422) } },
  }, async (request) => p().readmit(request.actor, request.params.id))

  r.post('/api/v1/sessions/:id/incidents', {
    schema: {
      tags, summary: 'Report an incident', params: sessionParams,
      body: Type.Object({
        category: StringEnum(INCIDENT_CATEGORIES), occurredAt: Type.String({ format: 'date-time' }), narrative: MultilineText(4000),
        actionTaken: MultilineText(2000), registrationId: Type.Optional(Id),
      }, Strict),
      response: { 201: Incident, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await p().reportIncident(request.actor, request.params.id, request.body)))

  r.post('/api/v1/sessions/:id/close', {
    schema: { tags, summary: 'Close the session (refused while attempts run)', params: sessionParams, response: { 200: Type.Object({ id: Type.String(), closedAt: Type.String() }), ...errorResponses(400, 401, 403, 404, 409, 422) } },
  }, async (request) => p().close(request.actor, request.params.id))

  r.get('/api/v1/sessions/:id/report.pdf', {
    schema: { tags, summary: 'The session report: attendance, irregularities and incidents (PDF)', params: sessionParams, produces: ['application/pdf'], response: { 200: Binary, ...errorResponses(400, 401, 403, 404, 422) } },
  }, async (request, reply) => {
    const pdf = await p().report(request.actor, request.params.id)
    return reply.type('application/pdf').header('content-disposition', `inline; filename="session-${request.params.id}.pdf"`).send(pdf)
  })
}
