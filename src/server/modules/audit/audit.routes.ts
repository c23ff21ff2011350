// Staff browse and filter the audit log.
import type { FastifyInstance } from 'fastify'
import { AuditPage, AuditQuery } from '../../../common/schemas/audit.js'
import { AppError } from '../../errors.js'
import { errorResponses, typed } from '../../http.js'

export default async function auditRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Administration']

  r.get('/api/v1/admin/audit', {
    schema: {
      tags, summary: 'The audit log, newest first, naming actors and records; filters by actor, record (type and id), action and time range',
      querystring: AuditQuery,
      response: {
        200: AuditPage,
        ...errorResponses(400, 401, 403),
      },
    },
  }, async (request) => {
    const { from, to } = request.query
    const range = { from: from ? new Date(from).toISOString() : undefined, to: to ? new Date(to).toISOString() : undefined }
    if (range.from && range.to && range.to <= range.from) throw new AppError('VALIDATION', '"to" must be after "from".', [{ field: 'to', message: 'must be after "from"' }])
    return app.services.audit.list(request.actor, { ...request.query, ...range, limit: request.query.limit ?? 50 })
  })
}
