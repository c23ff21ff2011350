// Staff correct how an item version is scored; every attempt that drew it is rescored (a job).
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id } from '../../../common/schemas/common.js'
import { ScoringCorrectionBody, ScoringCorrectionView } from '../../../common/schemas/results.js'
import { errorResponses, typed } from '../../http.js'

export default async function rescoringRoutes(app: FastifyInstance) {
  const r = typed(app)
  r.post('/api/v1/admin/items/:id/scoring-corrections', {
    schema: {
      tags: ['Results'], summary: "Correct an item version's scoring (use a corrected version's key, or drop it) and rescore every attempt that drew it",
      params: Type.Object({ id: Id }),
      body: ScoringCorrectionBody,
      response: { 202: ScoringCorrectionView, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => reply.status(202).send(await app.services.rescoring.correct(request.actor, request.params.id, request.body)))
}
