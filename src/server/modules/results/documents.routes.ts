// The candidate's score report and certificate PDFs (contract: GET /me/credentials/{n}/pdf) and the
// pathway view of the dashboard.
import type { FastifyInstance, FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { Id } from '../../../common/schemas/common.js'
import { DocumentCertificateNumber, PathwayView } from '../../../common/schemas/results.js'
import { Binary, errorResponses, typed } from '../../http.js'
import type { PdfFile } from './documents.service.js'

/** Personal documents: shown in the browser (printable), never kept by shared caches. */
const sendPdf = (reply: FastifyReply, file: PdfFile) =>
  reply.type('application/pdf').header('cache-control', 'private, no-store').header('content-disposition', `inline; filename="${file.filename}"`).send(file.pdf)

export default async function documentsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Results']

  r.get('/api/v1/me/results/:attemptId/report.pdf', {
    schema: {
      tags, summary: 'The score report of one of my results (PDF): percent, pass, skill subscores chart and the training for skills below standard',
      params: Type.Object({ attemptId: Id }), produces: ['application/pdf'], response: { 200: Binary, ...errorResponses(400, 401, 404) },
    },
  }, async (request, reply) => sendPdf(reply, await app.services.documents.scoreReport(request.actor, request.params.attemptId)))

  r.get('/api/v1/me/credentials/:certificateNumber/pdf', {
    schema: {
      tags, summary: 'The printable certificate (PDF) with a QR code to its registry page; its holder only; 409 when revoked',
      params: Type.Object({ certificateNumber: DocumentCertificateNumber }), produces: ['application/pdf'], response: { 200: Binary, ...errorResponses(400, 401, 404, 409) },
    },
  }, async (request, reply) => sendPdf(reply, await app.services.documents.certificate(request.actor, request.params.certificateNumber)))

  r.get('/api/v1/me/pathway', {
    schema: {
      tags, summary: 'My pathway: NCRC advice, each module (passed, registered, attempted, not started), MS and MT1 earned or what remains, and the next session for each module left',
      response: { 200: PathwayView, ...errorResponses(401, 403) },
    },
  }, async (request) => app.services.pathway.mine(request.actor))
}
