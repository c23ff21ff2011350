// Proctor certification records and declared conflicts.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id, IsoDateTime, Strict } from '../../../common/schemas/common.js'
import { errorResponses, typed } from '../../http.js'

const Certification = Type.Object({
  userId: Type.String(), email: Type.String(), name: Type.String(), trainingCompletedOn: Type.String(), agreementSignedOn: Type.String(),
  coiDeclaredOn: Type.String(), certifiedUntil: Type.String(), status: Type.String(), certifiedNow: Type.Boolean(),
})

export default async function proctorsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Proctors']

  r.get('/api/v1/admin/proctors', {
    schema: { tags, summary: 'Proctors and their certification (staff, center administrators)', response: { 200: Type.Object({ items: Type.Array(Certification), nextCursor: Type.Null() }), ...errorResponses(401, 403) } },
  }, async (request) => app.services.proctors.list(request.actor))

  r.put('/api/v1/admin/proctors/:userId/certification', {
    schema: {
      tags, summary: "Record a proctor's certification: training, agreement, conflict-of-interest declaration, certified until, or a suspension",
      params: Type.Object({ userId: Id }),
      body: Type.Object({
        trainingCompletedOn: IsoDateTime, agreementSignedOn: IsoDateTime, coiDeclaredOn: IsoDateTime, certifiedUntil: IsoDateTime,
        status: Type.Union([Type.Literal('certified'), Type.Literal('suspended')]),
      }, Strict),
      response: { 200: Certification, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request) => app.services.proctors.setCertification(request.actor, request.params.userId, request.body))

  r.post('/api/v1/proctors/:userId/conflicts', {
    schema: {
      tags, summary: 'Declare that a proctor trains a candidate (the proctor may not proctor that candidate\'s sessions)',
      params: Type.Object({ userId: Id }), body: Type.Object({ candidateId: Id, reason: Type.String({ minLength: 3, maxLength: 500 }) }, Strict),
      response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    await app.services.proctors.declareConflict(request.actor, request.params.userId, request.body.candidateId, request.body.reason)
    return reply.status(204).send(null)
  })
}
