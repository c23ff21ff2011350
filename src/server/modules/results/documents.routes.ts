// The candidate's score report and certificate PDFs (contract: GET /me/credentials/{n}/pdf) and the
// pathway view of the dashboard.
import type { FastifyInstance, FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { Id, Nullable, StringEnum } from '../../../common/schemas/common.js'
import { Binary, errorResponses, typed } from '../../http.js'
import type { PdfFile } from './documents.service.js'

/** Forgiving like the registry (case, dashes); the service checks the check character. */
const CertificateNumberParam = Type.String({ minLength: 4, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' })

const Pathway = Type.Object({
  ncrc: Type.Object({ level: Nullable(Type.String()), recommended: Type.String(), meetsRecommendation: Type.Boolean(), advice: Nullable(Type.String()) }),
  modules: Type.Array(Type.Object({
    code: Type.String(), name: Type.String(), status: StringEnum(['passed', 'registered', 'attempted', 'not_started'] as const),
    passedOn: Nullable(Type.String()), percent: Type.Optional(Type.Number()), certificateNumber: Type.Optional(Type.String()),
    registration: Type.Optional(Type.Object({ sessionId: Type.String(), startsAt: Type.String(), status: Type.String() })),
  })),
  credentials: Type.Array(Type.Object({
    code: Type.String(), name: Type.String(), earned: Type.Boolean(), issuedOn: Type.Optional(Type.String()), certificateNumber: Type.Optional(Type.String()),
    remaining: Type.Array(Type.String()),
  })),
  nextSessions: Type.Array(Type.Object({
    module: Type.String(), sessionId: Type.String(), startsAt: Type.String(), centerName: Type.String(), city: Type.String(), state: Type.String(),
    seatsAvailable: Type.Integer(), waitlist: Type.Boolean(),
  })),
})

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
      params: Type.Object({ certificateNumber: CertificateNumberParam }), produces: ['application/pdf'], response: { 200: Binary, ...errorResponses(400, 401, 404, 409) },
    },
  }, async (request, reply) => sendPdf(reply, await app.services.documents.certificate(request.actor, request.params.certificateNumber)))

  r.get('/api/v1/me/pathway', {
    schema: {
      tags, summary: 'My pathway: NCRC advice, each module (passed, registered, attempted, not started), MS and MT1 earned or what remains, and the next session for each module left',
      response: { 200: Pathway, ...errorResponses(401, 403) },
    },
  }, async (request) => app.services.pathway.mine(request.actor))
}
