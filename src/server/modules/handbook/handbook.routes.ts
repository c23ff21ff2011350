// Handbook requests: a public form, and the staff queue.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id } from '../../../common/schemas/common.js'
import {
  FulfilHandbookRequestBody, FulfilledHandbookRequestView, HandbookRequestBody, HandbookRequestReceipt, HandbookRequestsPage, HandbookRequestsQuery,
} from '../../../common/schemas/handbook.js'
import { errorResponses, publicRateLimit, typed } from '../../http.js'

export default async function handbookRoutes(app: FastifyInstance) {
  const r = typed(app)

  r.post('/api/v1/program/handbook-requests', {
    config: { rateLimit: publicRateLimit(app) },
    schema: {
      tags: ['Program'], summary: 'Request the MT1 Handbook in writing',
      body: HandbookRequestBody,
      response: { 201: HandbookRequestReceipt, ...errorResponses(400, 429) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.handbook.request(request.body)))

  r.get('/api/v1/admin/handbook-requests', {
    schema: {
      tags: ['Administration'], summary: 'The handbook request queue',
      querystring: HandbookRequestsQuery,
      response: { 200: HandbookRequestsPage, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => {
    const page = await app.services.handbook.list(request.actor, { ...request.query, limit: request.query.limit ?? 50 })
    return { ...page, openCount: await app.services.handbook.countOpen(request.actor) }
  })

  r.post('/api/v1/admin/handbook-requests/:id/fulfil', {
    schema: {
      tags: ['Administration'], summary: 'Mark a handbook request fulfilled (the requester is emailed)',
      params: Type.Object({ id: Id }),
      body: FulfilHandbookRequestBody,
      response: { 200: FulfilledHandbookRequestView, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => ({ request: await app.services.handbook.fulfil(request.actor, request.params.id, request.body.note) }))

}
