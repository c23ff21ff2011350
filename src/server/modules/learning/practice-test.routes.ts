// Full-length practice tests (issue 13, practice stream): start (timed or untimed), save answers as
// you go, submit, and the diagnostic. Every route needs a signed-in learner; tests are their own.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id } from '../../../common/schemas/common.js'
import {
  PracticeTestsView, PracticeTestView, SavedPracticeResponseView, SavePracticeResponseBody, StartPracticeTestBody,
} from '../../../common/schemas/practice.js'
import { errorResponses, typed } from '../../http.js'
import { refuseDeepResponse } from './practice.routes.js'

export default async function practiceTestRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Learning Lab']
  const s = () => app.services.practiceTests

  r.post('/api/v1/learning/practice-tests', {
    schema: {
      tags, summary: "Start a full-length practice test of a module, from the practice pool by the module's blueprint; timed by its time limit, or untimed",
      body: StartPracticeTestBody, response: { 201: PracticeTestView, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await s().start(request.actor, request.body)))

  r.get('/api/v1/learning/practice-tests', {
    schema: { tags, summary: 'My practice tests, newest first, with their diagnostics', response: { 200: PracticeTestsView, ...errorResponses(401) } },
  }, async (request) => s().mine(request.actor))

  r.get('/api/v1/learning/practice-tests/:id', {
    schema: {
      tags, summary: 'One of my practice tests: its items and saved answers while it runs, its diagnostic once submitted',
      params: Type.Object({ id: Id }), response: { 200: PracticeTestView, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => s().get(request.actor, request.params.id))

  r.put('/api/v1/learning/practice-tests/:id/responses/:itemId', {
    schema: {
      tags, summary: 'Save an answer while the practice test runs (refused after a timed test\'s deadline)',
      params: Type.Object({ id: Id, itemId: Id }), body: SavePracticeResponseBody,
      response: { 200: SavedPracticeResponseView, ...errorResponses(400, 401, 403, 404, 409, 413) },
    },
    preValidation: refuseDeepResponse,
  }, async (request) => s().save(request.actor, request.params.id, request.params.itemId, request.body))

  r.post('/api/v1/learning/practice-tests/:id/submit', {
    schema: {
      tags, summary: 'Submit the practice test: its per-skill diagnostic, and whether it would have passed',
      params: Type.Object({ id: Id }), response: { 200: PracticeTestView, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => s().submit(request.actor, request.params.id))
}
