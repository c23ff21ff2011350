// Staff read the email the system sent.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { PageOf, PageQueryWith } from '../../../common/schemas/common.js'
import { errorResponses, typed } from '../../http.js'


export default async function notificationsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Administration']

  r.get('/api/v1/admin/outbox', {
    schema: {
      tags, summary: 'Email the system has sent (readable on installs without SMTP)',
      querystring: PageQueryWith({ to: Type.Optional(Type.String({ maxLength: 254 })) }),
      response: {
        200: PageOf(Type.Object({
          id: Type.String(), to: Type.String(), subject: Type.String(), text: Type.String(),
          transport: Type.String(), status: Type.String(), createdAt: Type.String(), sentAt: Type.Union([Type.String(), Type.Null()]),
        })),
        ...errorResponses(400, 401, 403),
      },
    },
  }, async (request) => app.services.notifications.listOutbox(request.actor, { ...request.query, limit: request.query.limit ?? 50 }))
}
