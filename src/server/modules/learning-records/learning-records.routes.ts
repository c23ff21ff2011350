// Learning records (issue 13): the learner's own xAPI statements (a page, or all of them to download), a
// person's for program staff, and staff's external learning record stores with their delivery queue
// and the Learning Lab's use over a period.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import {
  CreateLrsEndpointBody, LearningRecordsPage, LearningRecordsQuery, LearningUsage, LearningUsageQuery, LrsDeliveryStatus, LrsEndpointList,
  LrsEndpointParams, LrsEndpointView, LrsOrganisations, LrsRetryResult, LrsTestResult, PersonParams, UpdateLrsEndpointBody,
} from '../../../common/schemas/learning-records.js'
import { errorResponses, typed } from '../../http.js'

export default async function learningRecordsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Learning records']

  r.get('/api/v1/me/learning-records', {
    schema: {
      tags, summary: 'My learning records: my xAPI statements newest first, each with a summary (when, verb, what, result), filtered by verb and skill',
      querystring: LearningRecordsQuery,
      response: { 200: LearningRecordsPage, ...errorResponses(400, 401) },
    },
  }, async (request) => app.services.learningRecords.mine(request.actor, request.query))

  r.get('/api/v1/me/learning-records/export', {
    schema: {
      tags, summary: 'Download all my learning records as an xAPI StatementResult (JSON), oldest first',
      response: {
        200: Type.Object({ statements: Type.Array(Type.Unknown({ description: 'An xAPI 1.0.3 statement as stored' })), more: Type.String() }, { description: 'An xAPI StatementResult: every statement and an empty "more"' }),
        ...errorResponses(401),
      },
    },
  }, async (request, reply) => {
    const result = await app.services.learningRecords.exportMine(request.actor)
    reply.header('content-disposition', `attachment; filename="mt1-learning-records-${new Date().toISOString().slice(0, 10)}.json"`)
    reply.header('cache-control', 'private, no-store')
    return result
  })

  r.get('/api/v1/admin/people/:id/learning-records', {
    schema: {
      tags, summary: "A person's learning records (program staff): their xAPI statements newest first, by verb and skill",
      params: PersonParams, querystring: LearningRecordsQuery,
      response: { 200: LearningRecordsPage, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => app.services.learningRecords.ofPerson(request.actor, request.params.id, request.query))

  r.get('/api/v1/admin/learning-records/usage', {
    schema: {
      tags, summary: 'Learning Lab use over a period (program staff): statements and learners by verb and by skill',
      querystring: LearningUsageQuery,
      response: { 200: LearningUsage, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => app.services.learningRecords.usage(request.actor, request.query))

  r.get('/api/v1/admin/learning-record-stores', {
    schema: {
      tags, summary: 'External learning record stores (program staff): each endpoint with its owner and delivery counts; never its secret',
      response: { 200: LrsEndpointList, ...errorResponses(401, 403) },
    },
  }, async (request) => ({ items: await app.services.learningRecordStores.list(request.actor) }))

  r.post('/api/v1/admin/learning-record-stores', {
    schema: {
      tags, summary: 'Add an external learning record store for the whole program, a center or an employer (program staff)',
      body: CreateLrsEndpointBody,
      response: { 201: LrsEndpointView, ...errorResponses(400, 401, 403) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.learningRecordStores.create(request.actor, request.body)))

  r.patch('/api/v1/admin/learning-record-stores/:id', {
    schema: {
      tags, summary: 'Change an external learning record store: name, address, key, secret (replaced only when given), active (program staff)',
      params: LrsEndpointParams, body: UpdateLrsEndpointBody,
      response: { 200: LrsEndpointView, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => app.services.learningRecordStores.update(request.actor, request.params.id, request.body))

  r.post('/api/v1/admin/learning-record-stores/:id/test', {
    schema: {
      tags, summary: 'Send a test statement to a learning record store now and report its answer (program staff)',
      params: LrsEndpointParams,
      response: { 200: LrsTestResult, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => app.services.learningRecordStores.sendTest(request.actor, request.params.id))

  r.post('/api/v1/admin/learning-record-stores/:id/retry', {
    schema: {
      tags, summary: "Put a learning record store's failed deliveries back in the queue (program staff)",
      params: LrsEndpointParams,
      response: { 200: LrsRetryResult, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => app.services.learningRecordStores.retryFailed(request.actor, request.params.id))

  r.get('/api/v1/admin/learning-record-deliveries', {
    schema: {
      tags, summary: 'Statement deliveries to learning record stores (program staff): counts by status and the latest errors',
      response: { 200: LrsDeliveryStatus, ...errorResponses(401, 403) },
    },
  }, async (request) => app.services.learningRecordStores.deliveryStatus(request.actor))

  r.get('/api/v1/admin/learning-record-organisations', {
    schema: {
      tags, summary: 'The centers and employers a learning record store may belong to (program staff)',
      response: { 200: LrsOrganisations, ...errorResponses(401, 403) },
    },
  }, async (request) => app.services.learningRecordStores.organisations(request.actor))
}
