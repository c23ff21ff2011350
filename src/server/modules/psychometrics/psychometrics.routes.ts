// Psychometrics (issue 15, item 4; API.md "GET /api/v1/psychometrics/..." is this module's to design):
// program staff start the statistics job, read the figures, the review queue and an item's statistics,
// send an item back to review and download the technical report. A signed-in candidate gives or
// withdraws their own voluntary demographics.
import type { FastifyInstance, FastifyReply } from 'fastify'
import {
  FormComparabilityParams, FormComparabilityView, ItemParams, ItemStatisticsList, MyDemographicsView, ReportParams, ReviewQueue, SaveDemographicsBody, SendToReviewBody, SnapshotList, StartedJob, StartStatisticsBody, YearQuery,
} from '../../../common/schemas/psychometrics.js'
import { ItemDetailView } from '../../../common/schemas/item-bank.js'
import { Binary, errorResponses, typed } from '../../http.js'

export default async function psychometricsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Psychometrics']
  const p = () => app.services.psychometrics

  r.post('/api/v1/psychometrics/runs', {
    schema: {
      tags, summary: 'Start the statistics job for a calendar year (every module, or the one named); it replaces that period\'s statistics. Poll /api/v1/jobs/{id}',
      body: StartStatisticsBody, response: { 202: StartedJob, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => reply.status(202).send(await p().start(request.actor, request.body)))

  r.get('/api/v1/psychometrics/modules', {
    schema: { tags, summary: 'A year\'s figures per module and per conjunctive decision (MS, MT1), as last computed', querystring: YearQuery, response: { 200: SnapshotList, ...errorResponses(400, 401, 403) } },
  }, async (request) => p().snapshots(request.actor, request.query.year))

  r.get('/api/v1/psychometrics/forms/:module', {
    schema: {
      tags, summary: 'A module\'s Rasch calibration for a year and, for each delivered form, the borderline candidate\'s expected score at the cut (as last computed by the statistics job)',
      params: FormComparabilityParams, querystring: YearQuery, response: { 200: FormComparabilityView, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => p().formComparability(request.actor, request.params.module, request.query.year))

  r.get('/api/v1/psychometrics/review-queue', {
    schema: { tags, summary: 'The item versions a year\'s statistics flagged, with the flags', querystring: YearQuery, response: { 200: ReviewQueue, ...errorResponses(400, 401, 403) } },
  }, async (request) => p().reviewQueue(request.actor, request.query.year))

  r.get('/api/v1/psychometrics/items/:id', {
    schema: { tags, summary: 'An item\'s statistics per version and year: p, correlations, options, flags, DIF', params: ItemParams, response: { 200: ItemStatisticsList, ...errorResponses(400, 401, 403, 404) } },
  }, async (request) => p().itemStatistics(request.actor, request.params.id))

  r.post('/api/v1/psychometrics/items/:id/send-to-review', {
    schema: {
      tags, summary: 'Send an active item back to review (off the forms until approved again), saying why',
      params: ItemParams, body: SendToReviewBody, response: { 200: ItemDetailView, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request) => p().sendToReview(request.actor, request.params.id, request.body.reason))

  r.get('/api/v1/psychometrics/reports/:module/:year', {
    schema: {
      tags, summary: 'The technical report of a module and year (PDF): /reports/{module}/{year}.pdf',
      params: ReportParams, produces: ['application/pdf'], response: { 200: Binary, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const file = await p().technicalReport(request.actor, request.params.module, Number(request.params.year.slice(0, 4)))
    return sendPdf(reply, file)
  })

  r.get('/api/v1/me/demographics', {
    schema: { tags, summary: 'My voluntary demographic answers, if I gave them', response: { 200: MyDemographicsView, ...errorResponses(401) } },
  }, async (request) => p().demographics.mine(request.actor))

  r.put('/api/v1/me/demographics', {
    schema: { tags, summary: 'Give (or change) my voluntary demographic answers, with consent; used only in aggregate to check tests are fair', body: SaveDemographicsBody, response: { 200: MyDemographicsView, ...errorResponses(400, 401) } },
  }, async (request) => p().demographics.save(request.actor, request.body))

  r.delete('/api/v1/me/demographics', {
    schema: { tags, summary: 'Withdraw my consent: my demographic answers are deleted', response: { 200: MyDemographicsView, ...errorResponses(401) } },
  }, async (request) => p().demographics.withdraw(request.actor))
}

const sendPdf = (reply: FastifyReply, file: { pdf: Buffer; filename: string }) =>
  reply.type('application/pdf').header('cache-control', 'private, no-store').header('content-disposition', `attachment; filename="${file.filename}"`).send(file.pdf)
