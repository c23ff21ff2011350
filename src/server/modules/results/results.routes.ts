// The candidate's results and credentials (contract: GET /me/results, GET /me/credentials).
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { errorResponses, typed } from '../../http.js'

export const ResultSchema = Type.Object({
  module: Type.String(), percent: Type.Number(), passed: Type.Boolean(),
  skills: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), percent: Type.Number(), belowStandard: Type.Boolean() })),
})
/** A training offering recommended for one skill below standard (program.json `training`). */
export const TrainingSchema = Type.Object({
  skill: Type.String(), kind: Type.Union([Type.Literal('learning_lab'), Type.Literal('practice_test'), Type.Literal('course')]),
  title: Type.String(), description: Type.String(), url: Type.Optional(Type.String()),
})
export const AwardSchema = Type.Object({ type: Type.String(), certificateNumber: Type.String(), issuedOn: Type.String() })

export default async function resultsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Results']

  r.get('/api/v1/me/results', {
    schema: {
      tags, summary: 'Every scored module with its skills feedback and the training recommended for each skill below standard',
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ attemptId: Type.String(), sessionId: Type.String(), submittedAt: Type.Union([Type.String(), Type.Null()]), scoredAt: Type.String(), ...ResultSchema.properties, training: Type.Array(TrainingSchema) })) }), ...errorResponses(401, 403) },
    },
  }, async (request) => app.services.results.myResults(request.actor))

  r.get('/api/v1/me/credentials', {
    schema: {
      tags, summary: 'The certificates I hold',
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ certificateNumber: Type.String(), type: Type.String(), issuedOn: Type.String(), status: Type.String() })) }), ...errorResponses(401, 403) },
    },
  }, async (request) => app.services.results.myCredentials(request.actor))
}
