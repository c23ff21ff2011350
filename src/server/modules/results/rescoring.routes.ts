// Staff correct how an item version is scored; every attempt that drew it is rescored (a job).
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id } from '../../../common/schemas/common.js'
import {
  RescoringChangesPage, RescoringChangesQuery, ScoringCorrectionBody, ScoringCorrectionPreview, ScoringCorrectionPreviewQuery, ScoringCorrectionRunList, ScoringCorrectionView,
} from '../../../common/schemas/results.js'
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

  // The item page's key-correction screen: a dry run before confirming, the corrections made, and
  // the changes each one's rescoring made.
  r.get('/api/v1/admin/items/:id/scoring-corrections/preview', {
    schema: {
      tags: ['Results'], summary: 'Dry run: how many scored attempts (and candidates) a correction of this version would rescore; nothing is stored',
      params: Type.Object({ id: Id }), querystring: ScoringCorrectionPreviewQuery,
      response: { 200: ScoringCorrectionPreview, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => app.services.rescoring.preview(request.actor, request.params.id, request.query.version))

  r.get('/api/v1/admin/items/:id/scoring-corrections', {
    schema: {
      tags: ['Results'], summary: "The item's scoring corrections, newest first, with each rescoring's progress and the number of results it changed",
      params: Type.Object({ id: Id }),
      response: { 200: ScoringCorrectionRunList, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => app.services.rescoring.history(request.actor, request.params.id))

  r.get('/api/v1/admin/scoring-corrections/:jobId/changes', {
    schema: {
      tags: ['Results'], summary: "The results a correction's rescoring changed (score, pass/fail) and the certificates awarded or withdrawn with them",
      params: Type.Object({ jobId: Id }), querystring: RescoringChangesQuery,
      response: { 200: RescoringChangesPage, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => app.services.rescoring.changes(request.actor, request.params.jobId, request.query))
}
