// Irregularity cases over HTTP: the staff queue of incidents, cases and their decisions, appeal
// decisions; the candidate's own cases and their appeal. Thin: each route is its schemas and one call.
import type { FastifyInstance } from 'fastify'
import {
  AppealBody, AppealDecisionBody, CaseDecisionBody, CaseListPage, CaseListQuery, CaseParams, CaseView, IncidentForCase, IncidentParams,
  IrregularityQueuePage, IrregularityQueueQuery, MyCase, MyCasesView, OpenCaseBody,
} from '../../../common/schemas/integrity.js'
import { errorResponses, typed } from '../../http.js'

export default async function integrityRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Integrity']
  const s = () => app.services.integrity

  r.get('/api/v1/admin/irregularities', {
    schema: {
      tags, summary: 'Every incident of every session, newest first, with its session, center, candidate and case; filter by case status, center and date',
      querystring: IrregularityQueueQuery, response: { 200: IrregularityQueuePage, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => s().queue(request.actor, request.query))

  r.get('/api/v1/admin/irregularities/incidents/:incidentId', {
    schema: {
      tags, summary: 'One incident with the candidates it may concern and their results (to open a case on them)',
      params: IncidentParams, response: { 200: IncidentForCase, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => s().incidentForCase(request.actor, request.params.incidentId))

  r.get('/api/v1/admin/irregularity-cases', {
    schema: { tags, summary: 'Irregularity cases, newest first; filter by status or appeal status', querystring: CaseListQuery, response: { 200: CaseListPage, ...errorResponses(400, 401, 403) } },
  }, async (request) => s().list(request.actor, request.query))

  r.post('/api/v1/admin/irregularity-cases', {
    schema: {
      tags, summary: "Open a case on a candidate's scored result(s), with the incidents behind it (audited)",
      body: OpenCaseBody, response: { 201: CaseView, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await s().open(request.actor, request.body)))

  r.get('/api/v1/admin/irregularity-cases/:caseId', {
    schema: { tags, summary: 'The whole case: results, incidents, decisions, notice, appeal and timeline', params: CaseParams, response: { 200: CaseView, ...errorResponses(400, 401, 403, 404) } },
  }, async (request) => s().get(request.actor, request.params.caseId))

  const decision = (path: string, summary: string, act: 'hold' | 'release' | 'void') =>
    r.post(`/api/v1/admin/irregularity-cases/:caseId/${path}`, {
      schema: { tags, summary, params: CaseParams, body: CaseDecisionBody, response: { 200: CaseView, ...errorResponses(400, 401, 403, 404, 409) } },
    }, async (request) => s()[act](request.actor, request.params.caseId, request.body))
  decision('hold', 'Hold the result(s): withheld from the candidate and the registry until released; the candidate is told and may appeal', 'hold')
  decision('release', 'Release the result(s): certificates they earn are issued or restored; the candidate is emailed', 'release')
  decision('void', 'Void the result(s): the attempts count as voided and certificates resting on them are withdrawn; the candidate is told and may appeal', 'void')

  r.post('/api/v1/admin/irregularity-cases/:caseId/appeal-decision', {
    schema: {
      tags, summary: 'Decide the candidate\'s appeal (by staff who took no decision on the case); upheld releases the result',
      params: CaseParams, body: AppealDecisionBody, response: { 200: CaseView, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => s().decideAppeal(request.actor, request.params.caseId, request.body))

  r.get('/api/v1/me/irregularities', {
    schema: { tags, summary: 'My results under review or decided after an irregularity, with my appeal', response: { 200: MyCasesView, ...errorResponses(401, 403) } },
  }, async (request) => s().mine(request.actor))

  r.post('/api/v1/me/irregularities/:caseId/appeal', {
    schema: {
      tags, summary: 'Appeal a hold or a void within the appeal window (policies.appealWindowDays)',
      params: CaseParams, body: AppealBody, response: { 201: MyCase, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await s().appeal(request.actor, request.params.caseId, request.body.statement)))
}
