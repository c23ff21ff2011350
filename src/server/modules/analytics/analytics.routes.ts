// Program analytics for staff (issue 15, item 4): every figure as JSON, and one figure as CSV.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { AnalyticsCsvQuery, AnalyticsQuery, AnalyticsReport } from '../../../common/schemas/analytics.js'
import { errorResponses, typed } from '../../http.js'
import { figureCsv } from './analytics-csv.js'

export default async function analyticsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Analytics']

  r.get('/api/v1/admin/analytics', {
    schema: {
      tags, summary: 'Program analytics over a period (program staff): attempts and pass rates by module, skill, center, month or quarter and accommodation status, retakes, and days to MS and MT1',
      querystring: AnalyticsQuery,
      response: { 200: AnalyticsReport, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => app.services.analytics.report(request.actor, request.query))

  r.get('/api/v1/admin/analytics/csv', {
    schema: {
      tags, summary: 'One figure of the program analytics as CSV (the same filters, and the figure)', produces: ['text/csv'],
      querystring: AnalyticsCsvQuery,
      response: { 200: Type.String({ description: 'CSV with a header row' }), ...errorResponses(400, 401, 403) },
    },
  }, async (request, reply) => {
    const { figure, ...query } = request.query
    const report = await app.services.analytics.report(request.actor, query)
    reply.header('content-disposition', `attachment; filename="mt1-analytics-${figure}-${query.from}-to-${query.to}.csv"`)
    return reply.type('text/csv; charset=utf-8').send(figureCsv(report, figure))
  })
}
