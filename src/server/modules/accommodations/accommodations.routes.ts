// Accommodation requests, their documentation, and staff decisions.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import {
  AccommodationDecisionBody, AccommodationDocumentQuery, AccommodationQueue, AccommodationQueueQuery, AccommodationRequestBody, AccommodationRequestView,
  MyAccommodationRequests, UploadedAccommodationDocumentView,
} from '../../../common/schemas/accommodations.js'
import { Id } from '../../../common/schemas/common.js'
import { errorResponses, typed, Binary } from '../../http.js'
import { AppError } from '../../errors.js'
import { MAX_DOCUMENT_BYTES } from './documents.js'


export default async function accommodationsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Accommodations']
  // Documents arrive as raw bytes, whatever type the browser claims; their content decides.
  app.addContentTypeParser(['application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES }, (_req, body, done) => done(null, body))

  r.post('/api/v1/me/accommodation-requests', {
    schema: {
      tags, summary: 'Ask for special accommodations (reading, eyesight, computer operation)',
      body: AccommodationRequestBody,
      response: { 201: AccommodationRequestView, ...errorResponses(400, 401, 403) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.accommodations.request(request.actor, request.body)))

  r.get('/api/v1/me/accommodation-requests', {
    schema: { tags, summary: 'My accommodation requests and decisions', response: { 200: MyAccommodationRequests, ...errorResponses(401) } },
  }, async (request) => app.services.accommodations.mine(request.actor))

  r.post('/api/v1/me/accommodation-requests/:id/documents', {
    bodyLimit: MAX_DOCUMENT_BYTES,
    schema: {
      tags, summary: 'Attach documentation (PDF, PNG or JPEG, up to 10 MB) as the raw request body',
      params: Type.Object({ id: Id }), querystring: AccommodationDocumentQuery,
      consumes: ['application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream'],
      response: { 201: UploadedAccommodationDocumentView, ...errorResponses(400, 401, 404, 409, 413, 415, 422) },
    },
  }, async (request, reply) => {
    if (!Buffer.isBuffer(request.body)) throw new AppError('VALIDATION', 'Send the file as the request body.')
    return reply.status(201).send(await app.services.accommodations.addDocument(request.actor, request.params.id, request.body, request.query.fileName))
  })

  r.get('/api/v1/accommodation-documents/:id', {
    schema: { tags, summary: 'A documentation file (its candidate and program staff only; every read is audited)', params: Type.Object({ id: Id }), response: { 200: Binary, ...errorResponses(400, 401, 403, 404) } },
  }, async (request, reply) => {
    const doc = await app.services.accommodations.readDocument(request.actor, request.params.id)
    reply.header('content-disposition', `attachment; filename="${doc.fileName.replace(/"/g, '')}"`)
    reply.header('cache-control', 'no-store')
    return reply.type(doc.contentType).send(doc.bytes)
  })

  r.get('/api/v1/admin/accommodation-requests', {
    schema: {
      tags, summary: 'Accommodation requests to decide',
      querystring: AccommodationQueueQuery,
      response: { 200: AccommodationQueue, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => app.services.accommodations.queue(request.actor, request.query.status))

  r.post('/api/v1/admin/accommodation-requests/:id/decision', {
    schema: {
      tags, summary: 'Approve, partly approve or deny, with a reason (the candidate is emailed)',
      params: Type.Object({ id: Id }),
      body: AccommodationDecisionBody,
      response: { 200: AccommodationRequestView, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => app.services.accommodations.decide(request.actor, request.params.id, request.body))
}
