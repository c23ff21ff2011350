// The certification watch: centers' and proctors' certification periods, and the upcoming sessions
// a certification no longer covers.
import type { FastifyInstance } from 'fastify'
import { CertificationOverview } from '../../../common/schemas/centers.js'
import { errorResponses, typed } from '../../http.js'

export default async function certificationOverviewRoutes(app: FastifyInstance) {
  const r = typed(app)
  r.get('/api/v1/admin/certifications', {
    schema: {
      tags: ['Centers'], summary: "Every center's and proctor's certification period (days left, sessions it no longer covers) and the flagged upcoming sessions",
      response: { 200: CertificationOverview, ...errorResponses(401, 403) },
    },
  }, async (request) => app.services.certificationOverview.overview(request.actor))
}
