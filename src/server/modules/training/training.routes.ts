// Skills training for learners and employers (issue 13): the public course finder and a course's
// page, enrolment in a course or a module's Learning Lab (paid by training voucher or invoice),
// cancelling it, the learner's own courses with attendance, sponsored seats and their invitations,
// and training vouchers.
import type { FastifyInstance } from 'fastify'
import { VoucherBatchDetail } from '../../../common/schemas/payments.js'
import {
  BuyTrainingVouchersBody, CancelEnrolmentBody, CourseFinderQuery, CourseIdParams, CoursesPage, CourseView, EnrolBody, EnrolmentView, InvitationTokenBody, MyTrainingView,
  SponsorBody, SponsoredSeatList, SponsorshipReceipt, TrainingInvitationView,
} from '../../../common/schemas/training.js'
import { errorResponses, publicRateLimit, typed } from '../../http.js'

export default async function trainingRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Training']
  const t = () => app.services.training

  r.get('/api/v1/training/courses', {
    config: { rateLimit: publicRateLimit(app), tokenScope: 'any' },
    schema: {
      tags, summary: 'The course finder: scheduled instructor-led courses at certified centers still to run, soonest first, with the seats left (by state, module, skill); an employer also sees its own onsite courses',
      querystring: CourseFinderQuery, response: { 200: CoursesPage, ...errorResponses(400, 429) },
    },
  }, async (request) => t().courses.find(request.actor, request.query))

  r.get('/api/v1/training/courses/:id', {
    config: { tokenScope: 'any' },
    schema: {
      tags, summary: 'One course: its place, trainer, meetings (in the place\'s time zone), seats left and fee. An onsite course only to those it concerns',
      params: CourseIdParams, response: { 200: CourseView, ...errorResponses(400, 404) },
    },
  }, async (request) => t().courses.get(request.actor, request.params.id))

  r.post('/api/v1/training/enrolments', {
    schema: {
      tags, summary: "Enrol in a course or a module's Learning Lab: free seats are confirmed at once; a fee is paid by training voucher now, or an invoice holds the seat until staff mark it paid",
      body: EnrolBody, response: { 201: EnrolmentView, ...errorResponses(400, 401, 404, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await t().enrolments.enrol(request.actor, request.body)))

  r.post('/api/v1/training/enrolments/:id/cancel', {
    schema: {
      tags, summary: 'Cancel an enrolment (its learner until the course begins, the sponsoring employer, staff): the seat is released, a voucher given back, an open invoice voided',
      params: CourseIdParams, body: CancelEnrolmentBody, response: { 200: EnrolmentView, ...errorResponses(400, 401, 404, 409, 422) },
    },
  }, async (request) => t().enrolments.cancel(request.actor, request.params.id, request.body.reason))

  r.get('/api/v1/me/training', {
    schema: { tags, summary: 'My courses with my attendance at each meeting and my completion, and my Learning Lab seats', response: { 200: MyTrainingView, ...errorResponses(401) } },
  }, async (request) => t().enrolments.mine(request.actor))

  r.post('/api/v1/training/invitations/lookup', {
    schema: {
      tags, summary: 'What a sponsored seat\'s invitation offers, to the account of the address it was sent to',
      body: InvitationTokenBody, response: { 200: TrainingInvitationView, ...errorResponses(400, 401, 422) },
    },
  }, async (request) => t().invitations.lookup(request.actor, request.body.token))

  r.post('/api/v1/training/invitations/accept', {
    schema: {
      tags, summary: 'Accept a sponsored seat (logged in with the address it was sent to): the seat becomes yours, confirmed',
      body: InvitationTokenBody, response: { 200: EnrolmentView, ...errorResponses(400, 401, 409, 422) },
    },
  }, async (request) => t().invitations.accept(request.actor, request.body.token))

  r.post('/api/v1/training/sponsorships', {
    schema: {
      tags, summary: "Sponsor seats for named employees (employers): paid by an invoice to the employer or a training voucher batch; each employee is emailed a link to accept",
      body: SponsorBody, response: { 201: SponsorshipReceipt, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await t().sponsorships.sponsor(request.actor, request.body)))

  r.get('/api/v1/training/sponsorships', {
    schema: { tags, summary: 'The seats I sponsored, with who accepted them and their completion (staff: every sponsored seat)', response: { 200: SponsoredSeatList, ...errorResponses(401, 403) } },
  }, async (request) => t().sponsorships.list(request.actor))

  r.post('/api/v1/training/voucher-batches', {
    schema: {
      tags, summary: "Buy training vouchers (employers, centers, staff): each code pays one seat in this course or this module's Learning Lab; one invoice",
      body: BuyTrainingVouchersBody, response: { 201: VoucherBatchDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await t().sponsorships.buyVouchers(request.actor, request.body)))
}
