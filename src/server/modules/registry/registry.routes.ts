// The public registry: lookup by certificate number (contract), search of opted-in holders by name
// and state, and bulk verification for employers, colleges and staff (JSON, or CSV in and out).
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Nullable, PageOf, PageQueryWith, PRINTABLE_TEXT_PATTERN, StringEnum } from '../../../common/schemas/common.js'
import { errorResponses, publicRateLimit, typed } from '../../http.js'
import { BULK_LIMITS } from './bulk-verify.js'

const Status = StringEnum(['active', 'revoked'] as const)
const CertificateNumberParam = Type.Object({ certificateNumber: Type.String({ minLength: 1, maxLength: 64 }) })

const Lookup = Type.Object({
  certificateNumber: Type.String(), type: Type.String(), holderName: Type.String(), issuedOn: Type.String(), status: Status,
  revokedOn: Nullable(Type.String({ description: 'The date it stopped being valid, when it is revoked.' })),
})

const VerifyResult = Type.Object({
  certificateNumber: Nullable(Type.String()), input: Type.String(), name: Nullable(Type.String()),
  result: StringEnum(['valid', 'revoked', 'not_found', 'mistyped'] as const),
  type: Nullable(Type.String()), holderName: Nullable(Type.String()), issuedOn: Nullable(Type.String()), nameMatches: Nullable(Type.Boolean()),
})

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
      params: CertificateNumberParam,
      response: { 200: Lookup, ...errorResponses(400, 404, 429) },
    },
  }, async (request) => app.services.registry.lookup(request.params.certificateNumber))

  r.get('/api/v1/registry', {
    config: { rateLimit: reducedRateLimit(app, 4) },
    schema: {
      tags, summary: 'Find certificate holders who opted in, by name and state',
      description: 'Matches the start of the last name, or of the first and last names ("Ada Lov"). Only holders who chose to be listed on their profile are found.',
      querystring: PageQueryWith({
        name: Type.String({ minLength: 2, maxLength: 100, pattern: PRINTABLE_TEXT_PATTERN }),
        state: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
      }),
      response: {
        200: PageOf(Type.Object({
          holderName: Type.String(), state: Nullable(Type.String()),
          credentials: Type.Array(Type.Object({ certificateNumber: Type.String(), type: Type.String(), issuedOn: Type.String(), status: Status })),
        })),
        ...errorResponses(400, 429),
      },
    },
  }, async (request) => app.services.registry.search({ ...request.query, limit: Math.min(request.query.limit ?? 20, 50) }))

  r.post('/api/v1/registry/verify', {
    config: { rateLimit: reducedRateLimit(app, 4) },
    schema: {
      tags, summary: 'Verify many certificates at once (employers, college partners, program staff)',
      body: Type.Object({
        items: Type.Array(Type.Object({
          certificateNumber: Type.String({ maxLength: BULK_LIMITS.inputLength }),
          name: Type.Optional(Type.String({ maxLength: BULK_LIMITS.inputLength })),
        }, { additionalProperties: false }), { minItems: 1, maxItems: BULK_LIMITS.jsonItems }),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(VerifyResult) }), ...errorResponses(400, 401, 403, 413, 429) },
    },
  }, async (request) => ({ items: await app.services.registry.verify(request.actor, request.body.items) }))

  r.post('/api/v1/registry/verify.csv', {
    config: { rateLimit: reducedRateLimit(app, 4) },
    bodyLimit: BULK_LIMITS.csvBytes,
    schema: {
      tags, summary: 'Verify a CSV of certificate numbers (column 1) and names (column 2, optional); answers a CSV of results',
      consumes: ['text/csv'], produces: ['text/csv'],
      response: { 200: Type.String({ description: 'CSV: input,name,certificateNumber,result,type,holderName,issuedOn,nameMatches' }), ...errorResponses(400, 401, 403, 413, 415, 429) },
    },
  }, async (request, reply) => {
    const body = request.body
    const csv = await app.services.registry.verifyCsv(request.actor, Buffer.isBuffer(body) ? body : null)
    reply.header('content-disposition', 'attachment; filename="mt1-verification-results.csv"')
    return reply.type('text/csv; charset=utf-8').send(csv)
  })
}
