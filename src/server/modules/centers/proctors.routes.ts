// Proctor certification records and declared conflicts.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { ProctorCertificationBody, ProctorCertificationView, ProctorConflictBody, ProctorList, RenewProctorBody } from '../../../common/schemas/centers.js'
import { Id } from '../../../common/schemas/common.js'
import { errorResponses, typed } from '../../http.js'

export default async function proctorsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Proctors']

  r.get('/api/v1/admin/proctors', {
    schema: { tags, summary: 'Proctors and their certification (staff, center administrators)', response: { 200: ProctorList, ...errorResponses(401, 403) } },
  }, async (request) => app.services.proctors.list(request.actor))

  r.put('/api/v1/admin/proctors/:userId/certification', {
    schema: {
      tags, summary: "Record a proctor's certification: training, agreement, conflict-of-interest declaration, certified until, or a suspension",
      params: Type.Object({ userId: Id }),
      body: ProctorCertificationBody,
      response: { 200: ProctorCertificationView, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request) => app.services.proctors.setCertification(request.actor, request.params.userId, request.body))

  r.post('/api/v1/admin/proctors/:userId/certification/renew', {
    schema: {
      tags, summary: "Renew a proctor's certification until a date, or by the program's certification period from its current end",
      params: Type.Object({ userId: Id }),
      body: RenewProctorBody,
      response: { 200: ProctorCertificationView, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request) => app.services.proctors.renew(request.actor, request.params.userId, request.body))

  r.post('/api/v1/proctors/:userId/conflicts', {
    schema: {
      tags, summary: 'Declare that a proctor trains a candidate (the proctor may not proctor that candidate\'s sessions)',
      params: Type.Object({ userId: Id }), body: ProctorConflictBody,
      response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    await app.services.proctors.declareConflict(request.actor, request.params.userId, request.body.candidateId, request.body.reason)
    return reply.status(204).send(null)
  })
}
