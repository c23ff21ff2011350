// The public list of certified assessment centers.
import type { FastifyInstance } from 'fastify'
import { CentersPage, CentersQuery } from '../../../common/schemas/centers.js'
import { errorResponses, publicRateLimit, typed } from '../../http.js'

export default async function centersRoutes(app: FastifyInstance) {
  typed(app).get('/api/v1/centers', {
    config: { rateLimit: publicRateLimit(app) },
    schema: {
      tags: ['Centers'], summary: 'Certified assessment centers',
      querystring: CentersQuery,
      response: { 200: CentersPage, ...errorResponses(400, 429) },
    },
  }, async (request) => app.services.centers.listPublic({ ...request.query, limit: request.query.limit ?? 100 }))
}
