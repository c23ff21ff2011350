// Advanced standing (issue 14): the public partners list; staff manage articulation agreements; a
// holder applies and reads their requests; a college partner reads their institution's agreements
// and requests, decides, and exports the decisions as CSV.
import type { FastifyInstance } from 'fastify'
import {
  AgreementIdParams, AgreementList, AgreementView, ApplyBody, CreateAgreementBody, DecisionBody, ExportQuery, MyInstitutions, PartnerList,
  RequestIdParams, RequestList, RequestsQuery, RequestView, UpdateAgreementBody, WithdrawalBody,
} from '../../../common/schemas/advanced-standing.js'
import { Type } from 'typebox'
import { errorResponses, typed } from '../../http.js'

export default async function advancedStandingRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Advanced standing']
  const s = () => app.services.advancedStanding

  r.get('/api/v1/partners', {
    config: { tokenScope: 'any' },
    schema: { tags, summary: 'Partner institutions and the advanced standing their agreements in effect grant MT1 holders (public)', response: { 200: PartnerList } },
  }, async () => s().agreements.partners())

  r.get('/api/v1/admin/articulation-agreements', {
    schema: { tags, summary: "Articulation agreements: every one (staff) or my institutions' (college partners)", response: { 200: AgreementList, ...errorResponses(401, 403) } },
  }, async (request) => s().agreements.list(request.actor))

  r.post('/api/v1/admin/articulation-agreements', {
    schema: {
      tags, summary: 'Record an articulation agreement with a partner institution (staff): credential, program and courses, credits, conditions, effective dates',
      body: CreateAgreementBody, response: { 201: AgreementView, ...errorResponses(400, 401, 403) },
    },
  }, async (request, reply) => reply.status(201).send(await s().agreements.create(request.actor, request.body)))

  r.patch('/api/v1/admin/articulation-agreements/:id', {
    schema: {
      tags, summary: 'Change an articulation agreement (staff); ending it is setting its last day',
      params: AgreementIdParams, body: UpdateAgreementBody, response: { 200: AgreementView, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => s().agreements.update(request.actor, request.params.id, request.body))

  r.get('/api/v1/me/advanced-standing', {
    schema: { tags, summary: 'My requests for advanced standing and their decisions', response: { 200: RequestList, ...errorResponses(401, 403) } },
  }, async (request) => s().requests.mine(request.actor))

  r.post('/api/v1/me/advanced-standing', {
    schema: {
      tags, summary: 'Ask a partner institution for advanced standing with one of my certificates, under one of its agreements (at most six credits in all there)',
      body: ApplyBody, response: { 201: RequestView, ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await s().requests.apply(request.actor, request.body)))

  r.post('/api/v1/me/advanced-standing/:id/withdrawal', {
    schema: {
      tags, summary: "Withdraw my request still awaiting a decision: its credits count again toward the cap; the institution's college partners are emailed",
      params: RequestIdParams, body: Type.Optional(WithdrawalBody), response: { 200: RequestView, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => s().requests.withdraw(request.actor, request.params.id, request.body))

  r.get('/api/v1/college/institutions', {
    schema: { tags, summary: 'The partner institutions I belong to (college partners)', response: { 200: MyInstitutions, ...errorResponses(401, 403) } },
  }, async (request) => s().agreements.myInstitutions(request.actor))

  r.get('/api/v1/college/advanced-standing', {
    schema: {
      tags, summary: "Requests for advanced standing to my institutions (college partners; staff: every institution), with each credential's verification and revocation flag",
      querystring: RequestsQuery, response: { 200: RequestList, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => s().requests.list(request.actor, request.query))

  r.get('/api/v1/college/advanced-standing/export', {
    schema: {
      tags, summary: "Decisions on advanced standing as CSV: my institutions' (college partners) or every institution's (staff)", produces: ['text/csv'],
      querystring: ExportQuery, response: { 200: Type.String({ description: 'CSV, one line per decision' }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const csv = await s().requests.exportCsv(request.actor, request.query.institutionId)
    reply.header('content-disposition', `attachment; filename="mt1-advanced-standing-${new Date().toISOString().slice(0, 10)}.csv"`)
    return reply.type('text/csv; charset=utf-8').send(csv)
  })

  r.get('/api/v1/college/advanced-standing/:id', {
    schema: { tags, summary: 'One request for advanced standing (its institution\'s partners, staff)', params: RequestIdParams, response: { 200: RequestView, ...errorResponses(400, 401, 403, 404) } },
  }, async (request) => s().requests.get(request.actor, request.params.id))

  r.post('/api/v1/college/advanced-standing/:id/decision', {
    schema: {
      tags, summary: 'Grant credits (at most what was asked) and course equivalents, or decline with a reason; the holder is emailed',
      params: RequestIdParams, body: DecisionBody, response: { 200: RequestView, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => s().requests.decide(request.actor, request.params.id, request.body))
}
