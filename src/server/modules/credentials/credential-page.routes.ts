// Credentials that travel (issue 14): each certificate's public page (the data behind
// /credentials/{number}) and the badge images at stable addresses, which every Open Badges
// achievement names as its image.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { BadgeCodeFile, PublicCredentialView } from '../../../common/schemas/credentials.js'
import { CertificateNumberParams } from '../../../common/schemas/registry.js'
import { notFound } from '../../errors.js'
import { Binary, errorResponses, publicRateLimit, typed } from '../../http.js'

export default async function credentialPageRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Credentials']

  r.get('/api/v1/public-credentials/:certificateNumber', {
    config: { rateLimit: publicRateLimit(app), tokenScope: 'any' },
    schema: {
      tags, summary: "A certificate's public page: badge, name, criteria, skills, issuer, dates, live status from the registry, the NCRC stack and the LinkedIn add-to-profile link",
      description: 'Errors as the registry lookup: 400 CERTIFICATE_NUMBER_INVALID for a mistyped number, 404 for an unknown one. A revoked certificate answers 200 with status "revoked" and no LinkedIn link.',
      params: CertificateNumberParams,
      response: { 200: PublicCredentialView, ...errorResponses(400, 404, 429) },
    },
  }, async (request, reply) => {
    // Live, like the registry: a revocation shows on the next request.
    reply.header('cache-control', 'no-cache')
    return app.services.credentialPages.page(request.params.certificateNumber)
  })

  r.get('/api/v1/badges/:file', {
    config: { tokenScope: 'any' },
    schema: {
      tags, summary: 'The badge image of a credential type (MM, SRMT, QBA, MS, MT1), as SVG (with its <title>) or PNG',
      params: Type.Object({ file: BadgeCodeFile }), produces: ['image/svg+xml', 'image/png'],
      response: { 200: Binary, ...errorResponses(400, 404) },
    },
  }, async (request, reply) => {
    const [code = '', format] = request.params.file.split('.')
    const svg = format === 'svg' ? app.services.badges.svg(code) : undefined
    const body = svg !== undefined ? Buffer.from(svg) : format === 'png' ? await app.services.badges.png(code) : undefined
    if (!body) throw notFound('Badge')
    // The images never change for a code; a day's caching spares the renderer.
    reply.header('cache-control', 'public, max-age=86400').header('x-content-type-options', 'nosniff')
    if (format === 'svg') reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
    return reply.type(format === 'svg' ? 'image/svg+xml; charset=utf-8' : 'image/png').send(body)
  })
}
