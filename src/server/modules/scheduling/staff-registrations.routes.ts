// Program staff act on a candidate's registration from their record: move it to another session at
// any time (with a reason), or mark a missed sitting a no-show (with a note). Both are audited.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id } from '../../../common/schemas/common.js'
import { NoShowBody, StaffRescheduleBody } from '../../../common/schemas/people.js'
import { RegistrationView } from '../../../common/schemas/scheduling.js'
import { errorResponses, typed } from '../../http.js'

export default async function staffRegistrationsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Registration']

  r.post('/api/v1/admin/registrations/:id/reschedule', {
    schema: {
      tags, summary: 'Move a registration to another session as program staff, at any time, with a reason (audited); what was paid moves with it',
      params: Type.Object({ id: Id }), body: StaffRescheduleBody,
      response: { 200: RegistrationView, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => app.services.registrations.rescheduleByStaff(request.actor, request.params.id, request.body))

  r.post('/api/v1/admin/registrations/:id/no-show', {
    schema: {
      tags, summary: 'Mark a confirmed registration a no-show once its session is over and the candidate never checked in (audited with the note); its modules may be booked again',
      params: Type.Object({ id: Id }), body: NoShowBody,
      response: { 200: RegistrationView, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => app.services.registrations.markNoShow(request.actor, request.params.id, request.body.note))
}
