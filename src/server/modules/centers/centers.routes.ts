// The public list of certified assessment centers.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Nullable, PageOf, PageQueryWith } from '../../../common/schemas/common.js'
import { errorResponses, publicRateLimit, typed } from '../../http.js'

export const CenterSchema = Type.Object({
  id: Type.String(), name: Type.String(), kind: Type.Union([Type.Literal('center'), Type.Literal('onsite')]),
  addressLine1: Type.String(), addressLine2: Nullable(Type.String()), city: Type.String(), state: Type.String(),
  postalCode: Type.String(), phone: Nullable(Type.String()), email: Nullable(Type.String()), status: Type.String(),
  certifiedUntil: Nullable(Type.String()),
})

export default async function centersRoutes(app: FastifyInstance) {
  typed(app).get('/api/v1/centers', {
    config: { rateLimit: publicRateLimit(app) },
    schema: {
      tags: ['Centers'], summary: 'Certified assessment centers',
      querystring: PageQueryWith({
        state: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
        city: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
      }),
      response: { 200: PageOf(CenterSchema), ...errorResponses(400, 429) },
    },
  }, async (request) => app.services.centers.listPublic({ ...request.query, limit: request.query.limit ?? 100 }))
}
