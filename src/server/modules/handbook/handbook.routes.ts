// Handbook requests: a public form, and the staff queue.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Email, Id, Nullable, PageOf, PageQueryWith, PrintableText, Strict } from '../../../common/schemas/common.js'
import { errorResponses, publicRateLimit, typed } from '../../http.js'

const HandbookRequest = Type.Object({
  id: Type.String(), name: Type.String(), email: Type.String(), organization: Nullable(Type.String()),
  mailingAddress: Nullable(Type.String()), format: Type.Union([Type.Literal('pdf'), Type.Literal('print')]),
  message: Nullable(Type.String()), status: Type.Union([Type.Literal('open'), Type.Literal('fulfilled')]),
  createdAt: Type.String(), fulfilledAt: Nullable(Type.String()), fulfilledBy: Nullable(Type.String()), fulfilledByName: Nullable(Type.String()), fulfilmentNote: Nullable(Type.String()),
})

export default async function handbookRoutes(app: FastifyInstance) {
  const r = typed(app)

  r.post('/api/v1/program/handbook-requests', {
    config: { rateLimit: publicRateLimit(app) },
    schema: {
      tags: ['Program'], summary: 'Request the MT1 Handbook in writing',
      body: Type.Object({
        name: PrintableText(200),
        email: Email,
        organization: Type.Optional(Type.String({ maxLength: 200 })),
        mailingAddress: Type.Optional(Type.String({ maxLength: 500 })),
        format: Type.Union([Type.Literal('pdf'), Type.Literal('print')]),
        message: Type.Optional(Type.String({ maxLength: 2000 })),
      }, Strict),
      response: { 201: Type.Object({ id: Type.String(), status: Type.String(), createdAt: Type.String() }), ...errorResponses(400, 429) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.handbook.request(request.body)))

  r.get('/api/v1/admin/handbook-requests', {
    schema: {
      tags: ['Administration'], summary: 'The handbook request queue',
      querystring: PageQueryWith({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('fulfilled')])) }),
      response: { 200: Type.Intersect([PageOf(HandbookRequest), Type.Object({ openCount: Type.Integer() })]), ...errorResponses(400, 401, 403) },
    },
  }, async (request) => {
    const page = await app.services.handbook.list(request.actor, { ...request.query, limit: request.query.limit ?? 50 })
    return { ...page, openCount: await app.services.handbook.countOpen(request.actor) }
  })

  r.post('/api/v1/admin/handbook-requests/:id/fulfil', {
    schema: {
      tags: ['Administration'], summary: 'Mark a handbook request fulfilled (the requester is emailed)',
      params: Type.Object({ id: Id }),
      body: Type.Object({ note: Type.String({ minLength: 1, maxLength: 2000 }) }, Strict),
      response: { 200: Type.Object({ request: HandbookRequest }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => ({ request: await app.services.handbook.fulfil(request.actor, request.params.id, request.body.note) }))

}
