// Public listing of upcoming testing sessions.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id, IsoDateTime, PageOf, PageQueryWith } from '../../../common/schemas/common.js'
import { errorResponses, publicRateLimit, typed } from '../../http.js'

const PublicSession = Type.Object({
  id: Type.String(), centerId: Type.String(), centerName: Type.String(), city: Type.String(), state: Type.String(),
  startsAt: Type.String(), endsAt: Type.String(), seatsAvailable: Type.Integer(), modules: Type.Array(Type.String()), status: Type.String(),
})

export default async function sessionsRoutes(app: FastifyInstance) {
  typed(app).get('/api/v1/sessions', {
    config: { rateLimit: publicRateLimit(app) },
    schema: {
      tags: ['Sessions'], summary: 'Testing sessions (by default those not yet ended), ordered by start',
      querystring: PageQueryWith({
        from: Type.Optional(IsoDateTime), to: Type.Optional(IsoDateTime), centerId: Type.Optional(Id),
      }),
      response: { 200: PageOf(PublicSession), ...errorResponses(400, 429) },
    },
  }, async (request) => app.services.sessions.listPublic({ ...request.query, limit: request.query.limit ?? 50 }))
}
