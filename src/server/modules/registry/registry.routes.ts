// The public registry: lookup by certificate number (contract), search of opted-in holders by name
// and state, and bulk verification for employers, colleges and staff (JSON, or CSV in and out).
import type { FastifyInstance } from 'fastify'
import {
  BULK_LIMITS, CertificateNumberParams, HolderSearchPage, HolderSearchQuery, RegistryLookupView, VerifyBody, VerifyCsvAnswer, VerifyView,
} from '../../../common/schemas/registry.js'
import { errorResponses, publicRateLimit, typed } from '../../http.js'

/** The public limit divided for the heavier public routes (search, bulk); off when the limit is off. */
function reducedRateLimit(app: FastifyInstance, divisor: number) {
  const limit = publicRateLimit(app)
  return limit && { ...limit, max: Math.max(1, Math.floor(limit.max / divisor)) }
}

export default async function registryRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Registry']
  // Scoped to this plugin: the verification CSV is read whole, up to 1 MB.
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: BULK_LIMITS.csvBytes }, (_req, body, done) => done(null, body))

  r.get('/api/v1/registry/:certificateNumber', {
    config: { rateLimit: publicRateLimit(app) },
    schema: {
      tags, summary: 'Verify one certificate by its number (typed, or from the QR code)',
      description: 'A number whose check character does not match answers 400 CERTIFICATE_NUMBER_INVALID with details.reason "check" (mistyped); one that is not a certificate number at all, reason "format". A well-formed number nobody holds answers 404.',
      params: CertificateNumberParams,
      response: { 200: RegistryLookupView, ...errorResponses(400, 404, 429) },
    },
  }, async (request) => app.services.registry.lookup(request.params.certificateNumber))

  r.get('/api/v1/registry', {
    config: { rateLimit: reducedRateLimit(app, 4) },
    schema: {
      tags, summary: 'Find certificate holders who opted in, by name and state',
      description: 'Matches the start of the last name, or of the first and last names ("Ada Lov"). Only holders who chose to be listed on their profile are found.',
      querystring: HolderSearchQuery,
      response: { 200: HolderSearchPage, ...errorResponses(400, 429) },
    },
  }, async (request) => app.services.registry.search({ ...request.query, limit: Math.min(request.query.limit ?? 20, 50) }))

  r.post('/api/v1/registry/verify', {
    config: { rateLimit: reducedRateLimit(app, 4) },
    schema: {
      tags, summary: 'Verify many certificates at once (employers, college partners, program staff)',
      body: VerifyBody,
      response: { 200: VerifyView, ...errorResponses(400, 401, 403, 413, 429) },
    },
  }, async (request) => ({ items: await app.services.registry.verify(request.actor, request.body.items) }))

  r.post('/api/v1/registry/verify.csv', {
    config: { rateLimit: reducedRateLimit(app, 4) },
    bodyLimit: BULK_LIMITS.csvBytes,
    schema: {
      tags, summary: 'Verify a CSV of certificate numbers (column 1) and names (column 2, optional); answers a CSV of results',
      consumes: ['text/csv'], produces: ['text/csv'],
      response: { 200: VerifyCsvAnswer, ...errorResponses(400, 401, 403, 413, 415, 429) },
    },
  }, async (request, reply) => {
    const body = request.body
    const csv = await app.services.registry.verifyCsv(request.actor, Buffer.isBuffer(body) ? body : null)
    reply.header('content-disposition', 'attachment; filename="mt1-verification-results.csv"')
    return reply.type('text/csv; charset=utf-8').send(csv)
  })
}
