// Staff correct how an item version is scored; every attempt that drew it is rescored (a job).
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id, PrintableText, Strict, StringEnum } from '../../../common/schemas/common.js'
import { errorResponses, typed } from '../../http.js'

/** Item versions are small counters; the bound keeps a hostile number out of an integer column (PostgreSQL: 500 on overflow). */
const MAX_VERSION = 1_000_000

export default async function rescoringRoutes(app: FastifyInstance) {
  const r = typed(app)
  r.post('/api/v1/admin/items/:id/scoring-corrections', {
    schema: {
      tags: ['Results'], summary: "Correct an item version's scoring (use a corrected version's key, or drop it) and rescore every attempt that drew it",
      params: Type.Object({ id: Id }),
      body: Type.Object({
        version: Type.Integer({ minimum: 1, maximum: MAX_VERSION }), action: StringEnum(['use_version', 'drop'] as const),
        replacementVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_VERSION })), reason: PrintableText(500),
      }, Strict),
      response: { 202: Type.Object({ jobId: Type.String() }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => reply.status(202).send(await app.services.rescoring.correct(request.actor, request.params.id, request.body)))
}
