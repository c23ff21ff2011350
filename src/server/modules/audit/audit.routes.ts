// Staff browse and filter the audit log.
import type { FastifyInstance } from 'fastify'
import { AuditPage, AuditQuery } from '../../../common/schemas/audit.js'
import { errorResponses, typed } from '../../http.js'


export default async function auditRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Administration']

  r.get('/api/v1/admin/audit', {
    schema: {
      tags, summary: 'The audit log, newest first',
      querystring: AuditQuery,
      response: {
        200: AuditPage,
        ...errorResponses(400, 401, 403),
      },
    },
  }, async (request) => app.services.audit.list(request.actor, { ...request.query, limit: request.query.limit ?? 50 }))
}
