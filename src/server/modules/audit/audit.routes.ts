// Staff browse and filter the audit log.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id, PageOf, PageQueryWith } from '../../../common/schemas/common.js'
import { errorResponses, typed } from '../../http.js'


export default async function auditRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Administration']

  r.get('/api/v1/admin/audit', {
    schema: {
      tags, summary: 'The audit log, newest first',
      querystring: PageQueryWith({
        action: Type.Optional(Type.String({ maxLength: 100 })),
        actorId: Type.Optional(Id),
        entityType: Type.Optional(Type.String({ maxLength: 50 })),
        entityId: Type.Optional(Id),
      }),
      response: {
        200: PageOf(Type.Object({
          id: Type.String(), actorId: Type.Union([Type.String(), Type.Null()]), actorEmail: Type.Union([Type.String(), Type.Null()]),
          action: Type.String(), entityType: Type.String(), entityId: Type.String(), reason: Type.Union([Type.String(), Type.Null()]),
          details: Type.Unknown(), createdAt: Type.String(),
        })),
        ...errorResponses(400, 401, 403),
      },
    },
  }, async (request) => app.services.audit.list(request.actor, { ...request.query, limit: request.query.limit ?? 50 }))
}
