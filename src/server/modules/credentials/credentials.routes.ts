// Verifiable credentials over HTTP: the holder's signed OB 3.0 credential (contract), and the public
// documents a verifier dereferences: the revocation status list, the issuer profile and its keys, and
// each achievement (at /api/v1/achievements/{code}, and at its id, /achievements/{code}, which is the
// achievement's web page unless the request prefers JSON).
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { ErrorBody } from '../../../common/schemas/common.js'
import { AchievementCodeParams, AchievementView, ClrCredentialView, IssuerView, MultikeyView, Ob3CredentialView, StatusListCredentialView } from '../../../common/schemas/credentials.js'
import { prefersJson } from '../../content-negotiation.js'
import { errorResponses, publicRateLimit, typed } from '../../http.js'
import { KEY_ID } from './issuer-keys.js'
import { credentialFileName } from '../../../common/credentials/file-names.js'
import { parseCertificateNumber } from '../../../common/rules/certificate-number.js'

/** The number as the registry writes it (the service has accepted it by then). */
const canonicalNumber = (typed: string) => { const parsed = parseCertificateNumber(typed); return parsed.ok ? parsed.number : typed }

export default async function credentialsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Credentials']

  r.get('/api/v1/me/credentials/:certificateNumber/ob3', {
    schema: {
      tags, summary: 'My certificate as a signed Open Badges 3.0 credential (eddsa-rdfc-2022 Data Integrity proof)',
      params: Type.Object({ certificateNumber: Type.String({ maxLength: 40 }) }),
      description: 'A revoked or withdrawn credential is refused with 409 CONFLICT, as its PDF is.',
      response: { 200: Ob3CredentialView, ...errorResponses(401, 404, 409) },
    },
  }, async (request, reply) => {
    const credential = await app.services.credentials.ob3(request.actor, request.params.certificateNumber)
    // Saved under the certificate's name (MT1-…-badge.json), not the path's last segment.
    reply.header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="${credentialFileName(canonicalNumber(request.params.certificateNumber), 'badge')}"`)
    return credential
  })

  r.get('/api/v1/me/clr', {
    schema: {
      tags, summary: 'My Comprehensive Learner Record 2.0 (ClrCredential): my certificates as signed Open Badges 3.0 credentials, bundled and signed (eddsa-rdfc-2022 Data Integrity proof)',
      description: 'Only active certificates are bundled (a revoked or withdrawn one is left out, as its downloads are refused); each keeps its own proof and revocation status entry. '
        + 'A holder of no active certificate gets 404 NOT_FOUND: a CLR must hold at least one credential.',
      response: { 200: ClrCredentialView, ...errorResponses(401, 404) },
    },
  }, async (request, reply) => {
    reply.header('cache-control', 'private, no-store')
    return app.services.credentials.clr(request.actor)
  })

  r.get('/api/v1/credentials/status/:listId', {
    config: { rateLimit: publicRateLimit(app) },
    schema: {
      tags, summary: 'A signed BitstringStatusListCredential: bit i is set when the credential with statusListIndex i is revoked',
      description: 'Valid for the program\'s statusListValidityHours from its validFrom (validUntil), and signed anew half-way through, so a copy taken before a revocation stops verifying soon after.',
      params: Type.Object({ listId: Type.Integer({ minimum: 1 }) }),
      response: { 200: StatusListCredentialView, 304: Type.Null({ description: 'Unchanged since the ETag sent' }), ...errorResponses(400, 404, 429) },
    },
  }, async (request, reply) => {
    const { etag, body } = await app.services.credentials.statusList(request.params.listId)
    // Caches may keep it but must revalidate: a revocation is visible on the next request.
    reply.header('cache-control', 'public, no-cache').header('etag', etag)
    if (request.headers['if-none-match'] === etag) return reply.code(304).send(null)
    return body
  })

  const achievementSummary = 'An Open Badges 3.0 Achievement (a module certificate or a certification): its name, description, criteria, skills and creator'

  r.get('/api/v1/achievements/:code', {
    schema: {
      tags, summary: achievementSummary,
      description: 'The same document answers the achievement\'s id (PUBLIC_URL/achievements/{code}) when the request prefers JSON (Accept: application/json or application/ld+json); a browser gets the web page there.',
      params: AchievementCodeParams,
      response: { 200: AchievementView, ...errorResponses(400, 404) },
    },
  }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=300')
    return app.services.credentials.achievement(request.params.code)
  })

  // The achievement's id inside every credential. People opening it get the web page (404 for a code
  // the program does not award, so the page's "not found" is true to crawlers too); a verifier asking
  // for JSON gets the document above. A wildcard, so that every path under /achievements/ (one too
  // long for a route parameter, one with more segments) is answered here and not by the SPA fallback.
  r.get('/achievements/*', {
    schema: {
      hide: true,
      summary: `${achievementSummary}, when JSON is preferred (Accept: application/json or application/ld+json); otherwise the web page`,
      params: Type.Object({ '*': Type.String() }),
      response: { 200: AchievementView, 404: ErrorBody },
    },
  }, async (request, reply) => {
    reply.header('vary', 'Accept')
    const code = request.params['*']
    if (!prefersJson(request.headers.accept)) return (app.services.credentials.isAchievement(code) ? reply : reply.code(404)).sendWebApp()
    reply.header('cache-control', 'public, max-age=300')
    return app.services.credentials.achievement(code)
  })

  r.get('/api/v1/issuer', {
    schema: {
      tags, summary: 'The issuer: its Open Badges Profile and every key it has signed with (assertionMethod)',
      response: { 200: IssuerView },
    },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300')
    return app.services.credentials.issuerDocument()
  })

  r.get('/api/v1/issuer/keys/:keyId', {
    schema: {
      tags, summary: 'One issuer public key as a Multikey verification method',
      params: Type.Object({ keyId: Type.String({ pattern: KEY_ID.source }) }),
      response: { 200: MultikeyView, ...errorResponses(400, 404) },
    },
  }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=86400')
    return app.services.credentials.keyDocument(request.params.keyId)
  })
}
