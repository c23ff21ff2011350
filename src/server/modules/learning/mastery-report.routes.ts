// Mastery by skill for program staff (issue 13, item 5), beside the Learning Lab's use.
import type { FastifyInstance } from 'fastify'
import { MasteryReport, MasteryReportQuery } from '../../../common/schemas/practice.js'
import { errorResponses, typed } from '../../http.js'

export default async function masteryReportRoutes(app: FastifyInstance) {
  typed(app).get('/api/v1/admin/learning/mastery', {
    schema: {
      tags: ['Learning Lab'],
      summary: 'Mastery by skill over a period (program staff): learners practising, answers and percent correct, first masteries, and learners who have mastered each skill, with module totals',
      querystring: MasteryReportQuery,
      response: { 200: MasteryReport, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => app.services.masteryReport.report(request.actor, request.query))
}
