// Public listing of upcoming testing sessions.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id, IsoDateTime, ModuleList, PageOf, PageQueryWith, Strict, StringEnum } from '../../../common/schemas/common.js'
import { AppError } from '../../errors.js'
import { errorResponses, publicRateLimit, typed } from '../../http.js'
import { InviteToken } from './invitations.routes.js'

const PublicSession = Type.Object({
  id: Type.String(), centerId: Type.String(), centerName: Type.String(), city: Type.String(), state: Type.String(),
  startsAt: Type.String(), endsAt: Type.String(), seatsAvailable: Type.Integer(), modules: Type.Array(Type.String()), status: Type.String(),
})

const CohortInvitation = Type.Object({
  sessionId: Type.String(), centerId: Type.String(), centerName: Type.String(), city: Type.String(), state: Type.String(),
  startsAt: Type.String(), endsAt: Type.String(), modules: Type.Array(Type.String()), expiresAt: Type.String(),
  status: StringEnum(['open', 'accepted', 'expired'] as const), registrationId: Type.Union([Type.String(), Type.Null()]),
})

const SessionDetail = Type.Object({
  id: Type.String(), centerId: Type.String(), startsAt: Type.String(), endsAt: Type.String(), seats: Type.Integer(), seatsAvailable: Type.Integer(),
  modules: Type.Array(Type.String()), status: Type.String(), proctorIds: Type.Array(Type.String()), cancelReason: Type.Union([Type.String(), Type.Null()]),
})

export default async function sessionsRoutes(app: FastifyInstance) {
  const r = typed(app)
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: 6 * 1024 * 1024 }, (_req, body, done) => done(null, body))

  r.post('/api/v1/sessions', {
    schema: {
      tags: ['Sessions'], summary: "Schedule a session (the center's administrators, program staff); 422 when a proctor is not certified",
      body: Type.Object({
        centerId: Id, startsAt: IsoDateTime, endsAt: IsoDateTime, seats: Type.Integer({ minimum: 1, maximum: 500 }), modules: ModuleList,
        proctorIds: Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true }),
      }, Strict),
      response: { 201: SessionDetail, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.sessionAdmin.create(request.actor, request.body)))

  r.patch('/api/v1/sessions/:id', {
    schema: {
      tags: ['Sessions'], summary: 'Change a session (time, seats, modules, proctors)',
      params: Type.Object({ id: Id }),
      body: Type.Object({
        startsAt: Type.Optional(IsoDateTime), endsAt: Type.Optional(IsoDateTime), seats: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        modules: Type.Optional(ModuleList), proctorIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true })),
      }, { ...Strict, minProperties: 1 }),
      response: { 200: SessionDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => app.services.sessionAdmin.update(request.actor, request.params.id, request.body))

  r.post('/api/v1/sessions/:id/cancel', {
    schema: {
      tags: ['Sessions'], summary: 'Cancel a session; every registrant is told',
      params: Type.Object({ id: Id }), body: Type.Object({ reason: Type.String({ minLength: 3, maxLength: 1000 }) }, Strict),
      response: { 200: SessionDetail, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => app.services.sessionAdmin.cancel(request.actor, request.params.id, request.body.reason))

  r.get('/api/v1/sessions', {
    config: { rateLimit: publicRateLimit(app) },
    schema: {
      tags: ['Sessions'], summary: 'Testing sessions (by default those not yet ended), ordered by start',
      querystring: PageQueryWith({
        from: Type.Optional(IsoDateTime), to: Type.Optional(IsoDateTime), centerId: Type.Optional(Id),
      }),
      response: { 200: PageOf(PublicSession), ...errorResponses(400, 429) },
    },
  }, async (request) => app.services.sessions.listPublic({ ...request.query, limit: request.query.limit ?? 50 }))

  r.post('/api/v1/sessions/:id/cohort', {
    bodyLimit: 6 * 1024 * 1024,
    schema: {
      tags: ['Sessions'], summary: 'Upload a CSV cohort (columns name, email, modules) to register at once; returns a job to follow',
      params: Type.Object({ id: Id }), consumes: ['text/csv'],
      response: { 202: Type.Object({ jobId: Type.String(), total: Type.Integer() }), ...errorResponses(400, 401, 403, 404, 413, 415) },
    },
  }, async (request, reply) => {
    const body = request.body
    if (!Buffer.isBuffer(body)) throw new AppError('VALIDATION', 'Send the CSV file as the request body with Content-Type: text/csv.')
    return reply.status(202).send(await app.services.cohorts.start(request.actor, request.params.id, body))
  })

  r.get('/api/v1/me/sessions', {
    schema: { tags: ['Sessions'], summary: 'Sessions I proctor or whose center I administer', response: { 200: Type.Object({ items: Type.Array(Type.Object({ ...SessionDetail.properties, centerName: Type.String() })), nextCursor: Type.Null() }), ...errorResponses(401, 403) } },
  }, async (request) => app.services.sessionAdmin.mine(request.actor))

  r.post('/api/v1/cohort-invitations/lookup', {
    schema: {
      tags: ['Sessions'], summary: "A cohort invitation (sent instead of registering an existing account), read by the account it was sent to; the token travels in the body",
      body: Type.Object({ token: InviteToken }, Strict),
      response: { 200: CohortInvitation, ...errorResponses(400, 401, 422) },
    },
  }, async (request) => app.services.cohorts.invitation.lookup(request.actor, request.body.token))

  r.post('/api/v1/cohort-invitations/accept', {
    schema: {
      tags: ['Sessions'], summary: 'Accept a cohort invitation: registers me for the session as the center asked (every registration rule applies)',
      body: Type.Object({ token: InviteToken }, Strict),
      response: {
        201: Type.Object({ id: Type.String(), status: Type.String(), sessionId: Type.String(), candidateId: Type.String(), modules: Type.Array(Type.String()), amountDueCents: Type.Integer() }),
        ...errorResponses(400, 401, 403, 404, 409, 422),
      },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.cohorts.invitation.accept(request.actor, request.body.token)))

  r.get('/api/v1/jobs/:id', {
    schema: { tags: ['Sessions'], summary: 'Progress and report of a background job', params: Type.Object({ id: Id }), response: { 200: Type.Unknown(), ...errorResponses(400, 401, 404) } },
  }, async (request) => app.services.cohorts.job(request.actor, request.params.id))

  r.get('/api/v1/sessions/:id/roster', {
    schema: {
      tags: ['Sessions'], summary: "A session's roster with accommodation flags (center administrators, its proctors, staff); ?format=csv for a spreadsheet, ?format=pdf to print",
      params: Type.Object({ id: Id }), querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('pdf')])) }, Strict),
      response: { 200: Type.Unknown(), ...errorResponses(400, 401, 403, 404) },
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
      response: { 200: Type.Object({ ...SessionDetail.properties, proctorIds: Type.Optional(SessionDetail.properties.proctorIds) }), ...errorResponses(400, 404, 429) },
    },
  }, async (request) => app.services.sessions.visibleDetail(request.actor, await app.services.sessionAdmin.get(request.params.id)))
}
