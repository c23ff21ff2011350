// The learner's progress page (issue 13, practice stream).
import type { FastifyInstance } from 'fastify'
import { ProgressView } from '../../../common/schemas/practice.js'
import { errorResponses, typed } from '../../http.js'

export default async function progressRoutes(app: FastifyInstance) {
  typed(app).get('/api/v1/learning/progress', {
    schema: {
      tags: ['Learning Lab'], summary: 'My progress: mastery per skill, practice tests with their diagnostics, the current study plan',
      response: { 200: ProgressView, ...errorResponses(401) },
    },
  }, async (request) => app.services.learningProgress.mine(request.actor))
}
