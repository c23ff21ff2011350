// Delivery routes, the proctor's side: the live console, pause/resume, added time, void, re-admit,
// incidents, closing the session and its report. docs/DELIVERY.md describes them.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id } from '../../../common/schemas/common.js'
import {
  AttemptStateView, ChangedCountView, ClosedSessionView, ConsoleView, ExtraTimeBody, IncidentBody, IncidentView, ReadmittedAttemptView, ReasonBody,
  VoidedAttemptView,
} from '../../../common/schemas/delivery.js'
import { Binary, errorResponses, typed } from '../../http.js'

export default async function proctoringRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Proctoring']
  const p = () => app.services.proctoring
  const attemptParams = Type.Object({ id: Id })
  const sessionParams = Type.Object({ id: Id })

  r.get('/api/v1/sessions/:id/console', {
    schema: { tags, summary: "The proctor's live roster: candidates, attempts, connection, focus, incidents", params: sessionParams, response: { 200: ConsoleView, ...errorResponses(400, 401, 403, 404, 422) } },
  }, async (request) => p().console(request.actor, request.params.id))

  r.post('/api/v1/attempts/:id/pause', {
    schema: { tags, summary: 'Pause one attempt (its clock stops)', params: attemptParams, body: ReasonBody, response: { 200: AttemptStateView, ...errorResponses(400, 401, 403, 404, 409, 422) } },
  }, async (request) => p().pause(request.actor, request.params.id, request.body.reason))

  r.post('/api/v1/attempts/:id/resume', {
    schema: { tags, summary: 'Resume a paused attempt; the pause does not count against its time', params: attemptParams, response: { 200: AttemptStateView, ...errorResponses(400, 401, 403, 404, 409, 422) } },
  }, async (request) => p().resume(request.actor, request.params.id))

  r.post('/api/v1/sessions/:id/pause-all', {
    schema: { tags, summary: 'Pause every running attempt of the session', params: sessionParams, body: ReasonBody, response: { 200: ChangedCountView, ...errorResponses(400, 401, 403, 404, 422) } },
  }, async (request) => p().pauseAll(request.actor, request.params.id, request.body.reason))

  r.post('/api/v1/sessions/:id/resume-all', {
    schema: { tags, summary: "Resume every attempt paused by a proctor or by the proctor's absence (breaks stay)", params: sessionParams, response: { 200: ChangedCountView, ...errorResponses(400, 401, 403, 404, 422) } },
  }, async (request) => p().resumeAll(request.actor, request.params.id))

  r.post('/api/v1/attempts/:id/extra-time', {
    schema: {
      tags, summary: 'Add time to an attempt, with a reason (audited)', params: attemptParams,
      body: ExtraTimeBody, response: { 200: AttemptStateView, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => p().addTime(request.actor, request.params.id, request.body))

  r.post('/api/v1/attempts/:id/void', {
    schema: {
      tags, summary: 'Void an attempt, with a reason (audited)', params: attemptParams, body: ReasonBody,
      response: { 200: VoidedAttemptView, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => p().void(request.actor, request.params.id, request.body.reason))

  r.post('/api/v1/attempts/:id/readmit', {
    schema: { tags, summary: 'Let the candidate continue on another computer', params: attemptParams, response: { 200: ReadmittedAttemptView, ...errorResponses(400, 401, 403, 404, 409, 422) } },
  }, async (request) => p().readmit(request.actor, request.params.id))

  r.post('/api/v1/sessions/:id/incidents', {
    schema: {
      tags, summary: 'Report an incident', params: sessionParams,
      body: IncidentBody,
      response: { 201: IncidentView, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await p().reportIncident(request.actor, request.params.id, request.body)))

  r.post('/api/v1/sessions/:id/close', {
    schema: { tags, summary: 'Close the session (refused while attempts run)', params: sessionParams, response: { 200: ClosedSessionView, ...errorResponses(400, 401, 403, 404, 409, 422) } },
  }, async (request) => p().close(request.actor, request.params.id))

  r.get('/api/v1/sessions/:id/report.pdf', {
    schema: { tags, summary: 'The session report: attendance, irregularities and incidents (PDF)', params: sessionParams, produces: ['application/pdf'], response: { 200: Binary, ...errorResponses(400, 401, 403, 404, 422) } },
  }, async (request, reply) => {
    const pdf = await p().report(request.actor, request.params.id)
    return reply.type('application/pdf').header('content-disposition', `inline; filename="session-${request.params.id}.pdf"`).send(pdf)
  })
}
