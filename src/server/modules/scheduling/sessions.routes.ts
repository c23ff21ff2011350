// Public listing of upcoming testing sessions.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id } from '../../../common/schemas/common.js'
import {
  AcceptedCohortInvitationView, CancelSessionBody, CohortInvitationView, CohortStartedView, CreateSessionBody, InviteTokenBody, JobView, MySessionsPage,
  PublicSessionsPage, RosterQuery, RosterView, SessionsQuery, SessionView, UpdateSessionBody, VisibleSessionView,
} from '../../../common/schemas/scheduling.js'
import { AppError } from '../../errors.js'
import { Binary, errorResponses, publicRateLimit, typed } from '../../http.js'

export default async function sessionsRoutes(app: FastifyInstance) {
  const r = typed(app)
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: 6 * 1024 * 1024 }, (_req, body, done) => done(null, body))

  r.post('/api/v1/sessions', {
    schema: {
      tags: ['Sessions'], summary: "Schedule a session (the center's administrators, program staff); 422 when a proctor is not certified",
      body: CreateSessionBody,
      response: { 201: SessionView, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.sessionAdmin.create(request.actor, request.body)))

  r.patch('/api/v1/sessions/:id', {
    schema: {
      tags: ['Sessions'], summary: "Change a session (time, seats, modules, proctors): program staff and the center's administrators; every registered candidate is told what changed",
      params: Type.Object({ id: Id }),
      body: UpdateSessionBody,
      response: { 200: SessionView, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => app.services.sessionOperations.edit(request.actor, request.params.id, request.body))

  r.post('/api/v1/sessions/:id/cancel', {
    schema: {
      tags: ['Sessions'], summary: 'Cancel a session with a reason: seats released, vouchers returned, open invoices voided; every registrant is told',
      params: Type.Object({ id: Id }), body: CancelSessionBody,
      response: { 200: SessionView, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => app.services.cancelSession(request.actor, request.params.id, request.body.reason))

  r.get('/api/v1/sessions', {
    config: { rateLimit: publicRateLimit(app) },
    schema: {
      tags: ['Sessions'], summary: 'Testing sessions (by default those not yet ended), ordered by start',
      querystring: SessionsQuery,
      response: { 200: PublicSessionsPage, ...errorResponses(400, 429) },
    },
  }, async (request) => app.services.sessions.listPublic({ ...request.query, limit: request.query.limit ?? 50 }))

  r.post('/api/v1/sessions/:id/cohort', {
    bodyLimit: 6 * 1024 * 1024,
    schema: {
      tags: ['Sessions'], summary: 'Upload a CSV cohort (columns name, email, modules) to register at once; returns a job to follow',
      params: Type.Object({ id: Id }), consumes: ['text/csv'],
      response: { 202: CohortStartedView, ...errorResponses(400, 401, 403, 404, 413, 415) },
    },
  }, async (request, reply) => {
    const body = request.body
    if (!Buffer.isBuffer(body)) throw new AppError('VALIDATION', 'Send the CSV file as the request body with Content-Type: text/csv.')
    return reply.status(202).send(await app.services.cohorts.start(request.actor, request.params.id, body))
  })

  r.get('/api/v1/me/sessions', {
    schema: { tags: ['Sessions'], summary: 'Sessions I proctor or whose center I administer', response: { 200: MySessionsPage, ...errorResponses(401, 403) } },
  }, async (request) => app.services.sessionAdmin.mine(request.actor))

  r.post('/api/v1/cohort-invitations/lookup', {
    schema: {
      tags: ['Sessions'], summary: "A cohort invitation (sent instead of registering an existing account), read by the account it was sent to; the token travels in the body",
      body: InviteTokenBody,
      response: { 200: CohortInvitationView, ...errorResponses(400, 401, 422) },
    },
  }, async (request) => app.services.cohorts.invitation.lookup(request.actor, request.body.token))

  r.post('/api/v1/cohort-invitations/accept', {
    schema: {
      tags: ['Sessions'], summary: 'Accept a cohort invitation: registers me for the session as the center asked (every registration rule applies)',
      body: InviteTokenBody,
      response: {
        201: AcceptedCohortInvitationView,
        ...errorResponses(400, 401, 403, 404, 409, 422),
      },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.cohorts.invitation.accept(request.actor, request.body.token)))

  r.get('/api/v1/jobs/:id', {
    schema: { tags: ['Sessions'], summary: 'Progress and report of a background job', params: Type.Object({ id: Id }), response: { 200: JobView, ...errorResponses(400, 401, 404) } },
  }, async (request) => app.services.cohorts.job(request.actor, request.params.id))

  r.get('/api/v1/sessions/:id/roster', {
    schema: {
      tags: ['Sessions'], summary: "A session's roster with accommodation flags (center administrators, its proctors, staff); ?format=csv for a spreadsheet, ?format=pdf to print",
      params: Type.Object({ id: Id }), querystring: RosterQuery,
      response: {
        200: { content: { 'application/json': { schema: RosterView }, 'text/csv': { schema: Type.String() }, 'application/pdf': { schema: Binary } } },
        ...errorResponses(400, 401, 403, 404),
      },
    },
  }, async (request, reply) => {
    if (request.query.format === 'pdf') {
      reply.header('content-disposition', `attachment; filename="roster-${request.params.id}.pdf"`)
      return reply.type('application/pdf').send(await app.services.roster.rosterPdf(request.actor, request.params.id))
    }
    if (request.query.format === 'csv') {
      reply.header('content-disposition', `attachment; filename="roster-${request.params.id}.csv"`)
      return reply.type('text/csv; charset=utf-8').send(await app.services.roster.rosterCsv(request.actor, request.params.id))
    }
    return app.services.roster.roster(request.actor, request.params.id)
  })

  r.get('/api/v1/sessions/:id', {
    config: { rateLimit: publicRateLimit(app) },
    schema: {
      tags: ['Sessions'], summary: 'One session',
      description: "proctorIds only for program staff, the center's administrators and the session's proctors: the public and candidates see no user ids.",
      params: Type.Object({ id: Id }),
      response: { 200: VisibleSessionView, ...errorResponses(400, 404, 429) },
    },
  }, async (request) => app.services.sessions.visibleDetail(request.actor, await app.services.sessionAdmin.get(request.params.id)))
}
