// The candidate's results and credentials (contract: GET /me/results, GET /me/credentials).
import type { FastifyInstance } from 'fastify'
import { MyCredentialsView, MyResultsView } from '../../../common/schemas/results.js'
import { errorResponses, typed } from '../../http.js'

export default async function resultsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Results']

  r.get('/api/v1/me/results', {
    schema: {
      tags, summary: 'Every scored module with its skills feedback and the training recommended for each skill below standard',
      response: { 200: MyResultsView, ...errorResponses(401, 403) },
    },
  }, async (request) => app.services.results.myResults(request.actor))

  r.get('/api/v1/me/credentials', {
    schema: {
      tags, summary: 'The certificates I hold',
      response: { 200: MyCredentialsView, ...errorResponses(401, 403) },
    },
  }, async (request) => app.services.results.myCredentials(request.actor))
}
