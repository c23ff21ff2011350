// Running instructor-led training (issue 13): staff certify trainers (like proctors); staff and a
// center's administrators schedule, edit and cancel courses and list the ones they run.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id } from '../../../common/schemas/common.js'
import {
  CancelCourseBody, CourseIdParams, CourseView, CreateCourseBody, ManagedCourseList, RenewTrainerBody, TrainerCertificationBody, TrainerCertificationView, TrainerList, UpdateCourseBody,
} from '../../../common/schemas/training.js'
import { errorResponses, typed } from '../../http.js'

export default async function trainingAdminRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Training']
  const t = () => app.services.training

  r.get('/api/v1/admin/trainers', {
    schema: { tags, summary: 'Trainers and their certification (staff, center administrators choosing a course\'s trainer)', response: { 200: TrainerList, ...errorResponses(401, 403) } },
  }, async (request) => t().trainers.list(request.actor))

  r.put('/api/v1/admin/trainers/:userId/certification', {
    schema: {
      tags, summary: "Record a trainer's certification: training, agreement, conflict-of-interest declaration, certified until, or a suspension",
      params: Type.Object({ userId: Id }), body: TrainerCertificationBody, response: { 200: TrainerCertificationView, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request) => t().trainers.setCertification(request.actor, request.params.userId, request.body))

  r.post('/api/v1/admin/trainers/:userId/certification/renew', {
    schema: {
      tags, summary: "Renew a trainer's certification until a date, or by the program's certification period from its current end",
      params: Type.Object({ userId: Id }), body: RenewTrainerBody, response: { 200: TrainerCertificationView, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request) => t().trainers.renew(request.actor, request.params.userId, request.body))

  r.post('/api/v1/training/courses', {
    schema: {
      tags, summary: 'Schedule a course at a certified center (its administrators, staff) or onsite at an employer (staff), with a certified trainer',
      body: CreateCourseBody, response: { 201: CourseView, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await t().courses.create(request.actor, request.body)))

  r.patch('/api/v1/training/courses/:id', {
    schema: {
      tags, summary: 'Change a scheduled course: title, skills, trainer and meetings (until attendance is recorded), seats, fee',
      params: CourseIdParams, body: UpdateCourseBody, response: { 200: CourseView, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => t().courses.update(request.actor, request.params.id, request.body))

  r.post('/api/v1/training/courses/:id/cancel', {
    schema: {
      tags, summary: 'Cancel a course with a reason: every seat released, vouchers given back, open invoices voided; every learner is told',
      params: CourseIdParams, body: CancelCourseBody, response: { 200: CourseView, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => t().cancelCourse(request.actor, request.params.id, request.body.reason))

  r.get('/api/v1/training/managed-courses', {
    schema: { tags, summary: 'The courses I run: every course (staff) or those at the centers I administer, with how many are enrolled', response: { 200: ManagedCourseList, ...errorResponses(401, 403) } },
  }, async (request) => t().courses.managed(request.actor))
}
