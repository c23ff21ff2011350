// Center applications and certification, onsite company testing requests.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import {
  AdminCentersQuery, ApprovedOnsiteView, ApproveOnsiteBody, CenterApplicationBody, CenterList, CenterStatusChangeBody, CenterTimeZoneBody, CenterView, CertifyCenterBody, OnsiteRequestBody, OnsiteRequestList,
  OnsiteRequestReceipt,
} from '../../../common/schemas/centers.js'
import { Id } from '../../../common/schemas/common.js'
import { errorResponses, typed } from '../../http.js'

export default async function centerAdminRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Centers']

  r.post('/api/v1/centers/applications', {
    schema: {
      tags, summary: 'Apply to become an MSI Certified Assessment Center (the applicant administers it once certified)',
      body: CenterApplicationBody,
      response: { 201: CenterView, ...errorResponses(400, 401) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.centerAdmin.apply(request.actor, request.body)))

  r.get('/api/v1/centers/mine', {
    schema: { tags, summary: 'The centers I administer', response: { 200: CenterList, ...errorResponses(401, 403) } },
  }, async (request) => app.services.centerAdmin.mine(request.actor))

  r.get('/api/v1/admin/centers', {
    schema: { tags, summary: 'All centers, by status', querystring: AdminCentersQuery, response: { 200: CenterList, ...errorResponses(400, 401, 403) } },
  }, async (request) => app.services.centerAdmin.list(request.actor, request.query.status))

  r.post('/api/v1/admin/centers/:id/certify', {
    schema: { tags, summary: "Certify or renew a center until a date, or (without one) by the program's certification period", params: Type.Object({ id: Id }), body: CertifyCenterBody, response: { 200: CenterView, ...errorResponses(400, 401, 403, 404) } },
  }, async (request) => app.services.centerAdmin.certify(request.actor, request.params.id, request.body.certifiedUntil))

  r.put('/api/v1/admin/centers/:id/time-zone', {
    schema: {
      tags, summary: "Set a center's IANA time zone (audited; the sessions keep their instants and show in the new zone)",
      params: Type.Object({ id: Id }), body: CenterTimeZoneBody, response: { 200: CenterView, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => app.services.centerAdmin.setTimeZone(request.actor, request.params.id, request.body))

  r.post('/api/v1/admin/centers/:id/suspend', {
    schema: { tags, summary: 'Suspend a center', params: Type.Object({ id: Id }), body: CenterStatusChangeBody, response: { 200: CenterView, ...errorResponses(400, 401, 403, 404) } },
  }, async (request) => app.services.centerAdmin.suspend(request.actor, request.params.id, request.body.reason))

  r.post('/api/v1/admin/centers/:id/reinstate', {
    schema: { tags, summary: 'Reinstate a suspended center', params: Type.Object({ id: Id }), body: CenterStatusChangeBody, response: { 200: CenterView, ...errorResponses(400, 401, 403, 404) } },
  }, async (request) => app.services.centerAdmin.reinstate(request.actor, request.params.id, request.body.reason))

  r.post('/api/v1/onsite-requests', {
    schema: {
      tags, summary: 'Ask for onsite testing at your company (employers)',
      body: OnsiteRequestBody,
      response: { 201: OnsiteRequestReceipt, ...errorResponses(400, 401, 403) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.centerAdmin.requestOnsite(request.actor, request.body)))

  r.get('/api/v1/onsite-requests', {
    schema: { tags, summary: 'Onsite requests (employers see their own; staff see all)', response: { 200: OnsiteRequestList, ...errorResponses(401, 403) } },
  }, async (request) => app.services.centerAdmin.onsiteRequests(request.actor))

  r.post('/api/v1/admin/onsite-requests/:id/approve', {
    schema: {
      tags, summary: 'Approve an onsite event as a session at the company address',
      params: Type.Object({ id: Id }),
      body: ApproveOnsiteBody,
      response: { 200: ApprovedOnsiteView, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => app.services.centerAdmin.approveOnsite(request.actor, request.params.id, request.body))
}
