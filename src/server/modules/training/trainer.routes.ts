// The trainer's side (issue 13, items 4 and 6): their courses, each course's roster with attendance
// per meeting and completion per learner (recorded by the trainer or staff, read by the center's
// administrators), and closing a course as completed.
import type { FastifyInstance } from 'fastify'
import { AttendanceBody, CompletionBody, CourseIdParams, CourseRosterView, CourseView, ManagedCourseList, MeetingParams } from '../../../common/schemas/training.js'
import { errorResponses, typed } from '../../http.js'

export default async function trainerRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Training']
  const t = () => app.services.training

  r.get('/api/v1/trainer/courses', {
    schema: { tags, summary: 'The courses I teach (trainers), with how many are enrolled', response: { 200: ManagedCourseList, ...errorResponses(401, 403) } },
  }, async (request) => t().courses.ofTrainer(request.actor))

  r.get('/api/v1/training/courses/:id/roster', {
    schema: {
      tags, summary: "A course's learners with their attendance at each meeting and their completion (the trainer, staff, the center's administrators)",
      params: CourseIdParams, response: { 200: CourseRosterView, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => t().attendance.roster(request.actor, request.params.id))

  r.put('/api/v1/training/courses/:id/meetings/:meetingId/attendance', {
    schema: {
      tags, summary: "Record one meeting's attendance at once, each confirmed learner present or absent (the course's trainer, staff), once it has started",
      params: MeetingParams, body: AttendanceBody, response: { 200: CourseRosterView, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => t().attendance.recordAttendance(request.actor, request.params.id, request.params.meetingId, request.body))

  r.put('/api/v1/training/enrolments/:id/completion', {
    schema: {
      tags, summary: "Mark a learner's course completed or not, with a note (the course's trainer, staff), once the course has begun",
      params: CourseIdParams, body: CompletionBody, response: { 200: CourseRosterView, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => t().attendance.setCompletion(request.actor, request.params.id, request.body))

  r.post('/api/v1/training/courses/:id/complete', {
    schema: {
      tags, summary: "Mark a course completed once its last meeting has started (the course's trainer, staff)",
      params: CourseIdParams, response: { 200: CourseView, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => t().courses.complete(request.actor, request.params.id))
}
