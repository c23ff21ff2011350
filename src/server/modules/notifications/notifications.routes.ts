// Staff read the email the system sent.
import type { FastifyInstance } from 'fastify'
import { OutboxPage, OutboxQuery } from '../../../common/schemas/notifications.js'
import { errorResponses, typed } from '../../http.js'


export default async function notificationsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Administration']

  r.get('/api/v1/admin/outbox', {
    schema: {
      tags, summary: 'Email the system has sent (readable on installs without SMTP)',
      querystring: OutboxQuery,
      response: {
        200: OutboxPage,
        ...errorResponses(400, 401, 403),
      },
    },
  }, async (request) => app.services.notifications.listOutbox(request.actor, { ...request.query, limit: request.query.limit ?? 50 }))
}
