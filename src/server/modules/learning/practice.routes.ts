// Practice sets per skill, with immediate feedback, and the learner's mastery (issue 13, practice
// stream). Every route needs a signed-in learner; sets are their own (another's answers 404).
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { nestsDeeperThan } from '../../../common/json-depth.js'
import { Id } from '../../../common/schemas/common.js'
import { RESPONSE_DEPTH } from '../../../common/schemas/delivery.js'
import { AnswerPracticeItemBody, MasteryView, PracticeAnswerView, PracticeSetView, StartPracticeSetBody } from '../../../common/schemas/practice.js'
import { AppError } from '../../errors.js'
import { errorResponses, typed } from '../../http.js'

/** A response nests a few levels at most; deeper is refused before anything walks it (as the test screen's saves are). */
export async function refuseDeepResponse(request: { body: unknown }): Promise<void> {
  const body = request.body as { response?: unknown } | null
  if (body && typeof body === 'object' && nestsDeeperThan(body.response, RESPONSE_DEPTH)) {
    throw new AppError('VALIDATION', `A response nests at most ${RESPONSE_DEPTH} levels deep.`, { field: 'response' })
  }
}

export default async function practiceRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Learning Lab']
  const s = () => app.services.practice

  r.post('/api/v1/learning/practice-sets', {
    schema: {
      tags, summary: "Start a practice set of a skill: a few practice items (never operational ones), the least recently seen first, without their answers",
      body: StartPracticeSetBody, response: { 201: PracticeSetView, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await s().start(request.actor, request.body)))

  r.get('/api/v1/learning/practice-sets/:id', {
    schema: {
      tags, summary: 'One of my practice sets, with the feedback of the items answered so far and the skill\'s mastery',
      params: Type.Object({ id: Id }), response: { 200: PracticeSetView, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => s().get(request.actor, request.params.id))

  r.post('/api/v1/learning/practice-sets/:id/items/:itemId/answer', {
    schema: {
      tags, summary: 'Answer one item of my practice set (once): right or wrong, the key as presented, the rationale, the lesson section that teaches it, and the skill\'s mastery after it',
      params: Type.Object({ id: Id, itemId: Id }), body: AnswerPracticeItemBody,
      response: { 201: PracticeAnswerView, ...errorResponses(400, 401, 403, 404, 409, 413) },
    },
    preValidation: refuseDeepResponse,
  }, async (request, reply) => reply.status(201).send(await s().answer(request.actor, request.params.id, request.params.itemId, request.body)))

  r.get('/api/v1/learning/mastery', {
    schema: { tags, summary: 'My mastery of each of the twelve skills (answers in the window, correct, mastered since)', response: { 200: MasteryView, ...errorResponses(401) } },
  }, async (request) => app.services.learningProgress.mastery(request.actor))
}
