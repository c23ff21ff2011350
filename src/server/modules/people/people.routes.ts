// Program staff: a person's whole record, and the dashboard's counts of what needs attention.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id } from '../../../common/schemas/common.js'
import { AttentionView, PersonRecordView } from '../../../common/schemas/people.js'
import { errorResponses, typed } from '../../http.js'

export default async function peopleRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Administration']

  r.get('/api/v1/admin/people/:id', {
    schema: {
      tags, summary: "A person's record: account, roles, registrations, attempts, results, credentials, accommodations, payments and their audit trail",
      params: Type.Object({ id: Id }),
      response: { 200: PersonRecordView, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => app.services.personRecords.get(request.actor, request.params.id))

  r.get('/api/v1/admin/attention', {
    schema: {
      tags, summary: 'What needs staff attention: pending accommodation and handbook requests, recent incidents, expiring certifications, failed jobs',
      response: { 200: AttentionView, ...errorResponses(401, 403) },
    },
  }, async (request) => app.services.attention.counts(request.actor))
}
