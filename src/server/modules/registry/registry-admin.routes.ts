// Staff side of the registry: one credential with its holder, revoke and reinstate (contract: revoke),
// the CSV export of every certificate (contract) and the figures.
import { Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import {
  CertificateNumberParams as Params, RegistryFiguresView, StaffCredentialDetailView, StatusChangeView, StatusReasonBody as ReasonBody,
} from '../../../common/schemas/registry.js'
import { csvCell } from '../../csv.js'
import { errorResponses, typed } from '../../http.js'
import type { RegistryRow } from './registry.repository.js'
import { holderName } from './registry.service.js'

const EXPORT_HEADER = 'certificateNumber,type,holderName,issuedOn,status\r\n'
const exportLine = (r: RegistryRow) => [r.certificate_number, r.type, holderName(r), r.issued_on, r.status].map(csvCell).join(',') + '\r\n'

export default async function registryAdminRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Registry']

  r.get('/api/v1/admin/credentials/:certificateNumber', {
    schema: {
      tags, summary: 'One credential with its holder, the holder\'s other credentials and its status history',
      params: Params,
      response: {
        200: StaffCredentialDetailView,
        ...errorResponses(400, 401, 403, 404),
      },
    },
  }, async (request) => app.services.revocation.detail(request.actor, request.params.certificateNumber))

  r.post('/api/v1/admin/credentials/:certificateNumber/revoke', {
    schema: {
      tags, summary: 'Revoke a credential with a reason; the registry and the status list show it at once and the holder is emailed',
      params: Params, body: ReasonBody,
      response: { 200: StatusChangeView, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => app.services.revocation.revoke(request.actor, request.params.certificateNumber, request.body.reason))

  r.post('/api/v1/admin/credentials/:certificateNumber/reinstate', {
    schema: {
      tags, summary: 'Reinstate a revoked credential with a reason (audited; the holder is emailed)',
      params: Params, body: ReasonBody,
      response: { 200: StatusChangeView, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => app.services.revocation.reinstate(request.actor, request.params.certificateNumber, request.body.reason))

  r.get('/api/v1/admin/registry/export', {
    schema: {
      tags, summary: 'Every certificate as CSV: certificateNumber,type,holderName,issuedOn,status (streamed)', produces: ['text/csv'],
      response: { 200: Type.Unsafe<Readable>({ type: 'string', description: 'CSV, one line per certificate' }), ...errorResponses(401, 403) },
    },
  }, async (request, reply) => {
    const pages = app.services.registry.exportPages(request.actor)
    const lines = (async function* csv() {
      yield EXPORT_HEADER
      for await (const rows of pages) yield rows.map(exportLine).join('')
    })()
    reply.header('content-disposition', `attachment; filename="mt1-registry-${new Date().toISOString().slice(0, 10)}.csv"`)
    return reply.type('text/csv; charset=utf-8').send(Readable.from(lines))
  })

  r.get('/api/v1/admin/registry/figures', {
    schema: {
      tags, summary: 'Holders by credential, by state and by year of issue',
      response: {
        200: RegistryFiguresView,
        ...errorResponses(401, 403),
      },
    },
  }, async (request) => app.services.registry.figures(request.actor))
}
