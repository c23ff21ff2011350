// Session operations: staff's list across centers, one session for the people who run it, and an
// employer's onsite event with who registered.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id } from '../../../common/schemas/common.js'
import { EmployerEventView, SessionDetailView, StaffSessionsPage, StaffSessionsQuery } from '../../../common/schemas/session-operations.js'
import { errorResponses, typed } from '../../http.js'

export default async function sessionOperationsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Sessions']

  r.get('/api/v1/admin/sessions', {
    schema: {
      tags, summary: 'Sessions across every center (program staff), by start; filters: center, state, status, module, date range',
      querystring: StaffSessionsQuery,
      response: { 200: StaffSessionsPage, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => app.services.sessionOperations.list(request.actor, { ...request.query, limit: request.query.limit ?? 50 }))

  r.get('/api/v1/sessions/:id/details', {
    schema: {
      tags, summary: "One session for program staff and its center's administrators: place, proctors, registrations and what may be done",
      params: Type.Object({ id: Id }),
      response: { 200: SessionDetailView, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => app.services.sessionOperations.detail(request.actor, request.params.id))

  r.get('/api/v1/employer/events/:id', {
    schema: {
      tags, summary: 'An onsite event for the employer who asked for it (and program staff), with who registered',
      params: Type.Object({ id: Id }),
      response: { 200: EmployerEventView, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => app.services.sessionOperations.employerEvent(request.actor, request.params.id))
}
