// Study plans (issue 13, practice stream): made from a result below the pass mark or a practice
// diagnostic; seen by their learner and program staff only.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id } from '../../../common/schemas/common.js'
import { StartStudyPlanBody, StudyPlansView, StudyPlanView } from '../../../common/schemas/practice.js'
import { errorResponses, typed } from '../../http.js'

export default async function studyPlanRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Learning Lab']
  const s = () => app.services.studyPlans

  r.post('/api/v1/learning/study-plans', {
    schema: {
      tags, summary: 'Make a study plan from one of my results below the pass mark or a practice test\'s diagnostic (201), or open the one already made from it (200)',
      body: StartStudyPlanBody, response: { 201: StudyPlanView, 200: StudyPlanView, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request, reply) => {
    const { created, plan } = await s().create(request.actor, request.body)
    return reply.status(created ? 201 : 200).send(plan)
  })

  r.get('/api/v1/learning/study-plans', {
    schema: { tags, summary: 'My study plans, newest first', response: { 200: StudyPlansView, ...errorResponses(401) } },
  }, async (request) => s().mine(request.actor))

  r.get('/api/v1/learning/study-plans/:id', {
    schema: {
      tags, summary: 'A study plan: its skills in order with their lessons, practice and mastery, and once all are mastered the invitation to book the retake',
      params: Type.Object({ id: Id }), response: { 200: StudyPlanView, ...errorResponses(400, 401, 404) },
    },
  }, async (request) => s().get(request.actor, request.params.id))
}
