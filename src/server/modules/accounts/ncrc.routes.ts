// The NCRC certificate (issue 14): the candidate uploads a copy (raw body, PDF/PNG/JPEG, 5 MB), reads
// it back; program staff read a person's NCRC with its copy and mark it verified or not, with a reason.
import type { FastifyInstance, FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { NcrcCertificateQuery, NcrcVerificationBody, ProfileView } from '../../../common/schemas/accounts.js'
import { Id } from '../../../common/schemas/common.js'
import { AppError } from '../../errors.js'
import { Binary, errorResponses, typed } from '../../http.js'
import { MAX_NCRC_CERTIFICATE_BYTES } from './ncrc.service.js'

const UPLOAD_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream']

export default async function ncrcRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Accounts']
  // Scoped to this plugin. The bytes decide the type, whatever the browser claims; the limit is a
  // byte more than the service's, so an oversized file gets the service's worded 413.
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: MAX_NCRC_CERTIFICATE_BYTES + 1 }, (_req, body, done) => done(null, body))

  r.post('/api/v1/me/profile/ncrc-certificate', {
    bodyLimit: MAX_NCRC_CERTIFICATE_BYTES + 1,
    schema: {
      tags, summary: 'Upload my NCRC certificate (PDF, PNG or JPEG, up to 5 MB) as the raw request body; replaces the last one and resets verification',
      querystring: NcrcCertificateQuery, consumes: UPLOAD_TYPES,
      response: { 201: ProfileView, ...errorResponses(400, 401, 403, 413, 415) },
    },
  }, async (request, reply) => {
    if (!Buffer.isBuffer(request.body)) throw new AppError('VALIDATION', 'Send the file as the request body.')
    return reply.status(201).send(await app.services.ncrc.upload(request.actor, request.body, request.query.fileName))
  })

  const sendCertificate = (reply: FastifyReply, file: { fileName: string; contentType: string; bytes: Buffer }) => {
    reply.header('content-disposition', `attachment; filename="${file.fileName.replace(/"/g, '')}"`)
    reply.header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff')
    return reply.type(file.contentType).send(file.bytes)
  }

  r.get('/api/v1/me/profile/ncrc-certificate', {
    schema: { tags, summary: 'My uploaded NCRC certificate', produces: ['application/pdf', 'image/png', 'image/jpeg'], response: { 200: Binary, ...errorResponses(401, 403, 404) } },
  }, async (request, reply) => sendCertificate(reply, await app.services.ncrc.ownCertificate(request.actor)))

  r.get('/api/v1/admin/people/:id/ncrc', {
    schema: { tags, summary: "A person's NCRC (level, number, date, uploaded copy, verification), for program staff", params: Type.Object({ id: Id }), response: { 200: ProfileView, ...errorResponses(400, 401, 403, 404) } },
  }, async (request) => app.services.ncrc.ofPerson(request.actor, request.params.id))

  r.get('/api/v1/admin/people/:id/ncrc-certificate', {
    schema: {
      tags, summary: "A person's uploaded NCRC certificate, for program staff (every read is audited)", params: Type.Object({ id: Id }),
      produces: ['application/pdf', 'image/png', 'image/jpeg'], response: { 200: Binary, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => sendCertificate(reply, await app.services.ncrc.personCertificate(request.actor, request.params.id)))

  r.post('/api/v1/admin/people/:id/ncrc-verification', {
    schema: {
      tags, summary: "Mark a person's NCRC verified, or not verified with a reason (audited; the registry states it on MS and MT1)",
      params: Type.Object({ id: Id }), body: NcrcVerificationBody,
      response: { 200: ProfileView, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => app.services.ncrc.verify(request.actor, request.params.id, request.body))
}
