// Enrolment in training (issue 13, item 2): a seat in a course offering or in a module's Learning Lab.
// This service owns every transition of an enrolment, payment included, each one transaction of
// conditional updates (the enrolment's status, the course's seat counter, the voucher or invoice of
// the scheduling module's payments, the audit entry, the xAPI statement), so a refusal at any step
// stores nothing; emails go after the commit. A free seat is confirmed at once; a fee is paid like a
// registration's: a training voucher redeemed now, or an invoice staff mark paid. Sponsored seats
// (sponsorships.service.ts) wait for their employee to accept them (invitations.service.ts).
import type { LearningEvent } from '../../../common/learning/xapi-statements.js'
import { formatMoney } from '../../../common/rules/fees.js'
import { learningLabFeeCents, sortMeetings, subjectKey, type TrainingSubject } from '../../../common/rules/training.js'
import type { CourseView, EnrolBody, EnrolmentView, LearningLabAccess, MyTrainingView } from '../../../common/schemas/training.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx, Tx } from '../../db/database.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { fieldError } from '../../field-errors.js'
import { newId } from '../../ids.js'
import { hasRole, requireActor, requireRole, type Actor } from '../accounts/actor.js'
import type { UserDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { LearningRecordsService } from '../learning-records/learning-records.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { PaymentsService } from '../scheduling/payments.service.js'
import { centerRunsCourses, type CourseViews } from './course-views.js'
import { findOffering, findOfferings, meetingsOf, releaseSeat, takeSeats, type OfferingRow } from './courses.repository.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import {
  attendanceOf, dropSeatFlag, enrolmentsOfLearner, findEnrolment, insertEnrolments, liveEnrolmentFor, LIVE_ENROLMENT, organisationsOfLearner, transitionEnrolment,
  type EnrolmentRow,
} from './enrolments.repository.js'
import { paymentFate, trainingEmails } from './training-emails.js'

/** What an enrolment request names, resolved: the subject, its key, module, title, price and course. */
export interface ResolvedSubject {
  subject: TrainingSubject
  key: string
  module: string
  title: string
  cents: number
  offering: OfferingRow | null
}

export function createEnrolmentsService(
  ctx: ServerContext,
  deps: {
    audit: AuditService; notifications: NotificationsService; program: ProgramService; users: UserDirectory; centers: CenterDirectory
    payments: PaymentsService; learningRecords: LearningRecordsService; views: CourseViews
  },
) {
  const { db } = ctx
  const now = () => ctx.clock().toISOString()
  const currency = () => deps.program.definition.fees.currency
  const labTitle = (module: string) => `MT1 Online Learning Lab: ${deps.program.module(module)?.name ?? module}`

  /** The subject a request names (exactly one of a course and a module), with its price now. Read from the program each time (tests change it). */
  async function resolve(input: { offeringId?: string | undefined; module?: string | undefined }, within: DbOrTx = db): Promise<ResolvedSubject> {
    if ((input.offeringId === undefined) === (input.module === undefined)) throw fieldError('offeringId', "Choose a course or a module's Learning Lab: one of the two.")
    if (input.offeringId !== undefined) {
      const offering = await findOffering(within, input.offeringId)
      if (!offering) throw notFound('The course')
      return { subject: { kind: 'course', offeringId: offering.id }, key: subjectKey({ kind: 'course', offeringId: offering.id }), module: offering.module, title: offering.title, cents: offering.fee_cents ?? 0, offering }
    }
    const module = input.module!
    if (!deps.program.module(module)) throw fieldError('module', `There is no module ${module}.`)
    return {
      subject: { kind: 'learning_lab', module }, key: subjectKey({ kind: 'learning_lab', module }), module, title: labTitle(module),
      cents: learningLabFeeCents(deps.program.definition.trainingFees, module), offering: null,
    }
  }

  /** The course rules of a new seat: scheduled, its first meeting not over, its center still certified. */
  async function assertCourseOpen(offering: OfferingRow) {
    if (offering.status !== 'scheduled') throw new AppError('ENROLMENT_CLOSED', `The course is ${offering.status}: it takes no enrolments.`)
    const meetings = sortMeetings((await meetingsOf(db, [offering.id])).map((m) => ({ startsAt: m.starts_at, endsAt: m.ends_at })))
    if (!meetings[0] || Date.parse(meetings[0].endsAt) <= ctx.clock().getTime()) throw new AppError('ENROLMENT_CLOSED', "Enrolment closed when the course's first meeting ended. Choose a course still to start.")
    if (offering.center_id) {
      const center = await deps.centers.find(offering.center_id)
      if (!center || !centerRunsCourses(center, ctx.clock(), offering.last_ends_at)) throw new AppError('CENTER_NOT_CERTIFIED', "The center's certification does not cover this course, so it takes no enrolments.")
    }
  }

  const registeredEvent = (learnerId: string, r: { offering_id: string | null; module: string }, title: string): LearningEvent => ({
    userId: learnerId, verb: 'registered', module: r.module,
    object: r.offering_id ? { kind: 'course', ref: r.offering_id, name: title } : { kind: 'learning_lab', ref: r.module, name: title },
  })

  /** Views of enrolment rows: one read of their courses, payments and sponsors, whatever the number. */
  async function views(rows: readonly EnrolmentRow[], within: DbOrTx = db): Promise<EnrolmentView[]> {
    if (rows.length === 0) return []
    const [offerings, paid, sponsors] = await Promise.all([
      findOfferings(within, rows.map((r) => r.offering_id).filter((x): x is string => !!x)),
      deps.payments.ofEnrolments(rows.map((r) => r.id), within),
      deps.users.contactsOf(rows.map((r) => r.sponsor_id).filter((x): x is string => !!x), within),
    ])
    const titles = new Map(offerings.map((o) => [o.id, o.title]))
    return rows.map((r) => {
      const invoice = paid.invoices.find((i) => i.enrolmentId === r.id && i.status !== 'void') ?? paid.invoices.find((i) => i.enrolmentId === r.id)
      const sponsor = r.sponsor_id ? sponsors.get(r.sponsor_id) : undefined
      return {
        id: r.id, kind: r.offering_id ? 'course' as const : 'learning_lab' as const, offeringId: r.offering_id, module: r.module,
        title: r.offering_id ? (titles.get(r.offering_id) ?? '') : labTitle(r.module), status: r.status, learnerId: r.learner_id,
        paymentMethod: r.payment_method, feeCents: r.fee_cents, currency: currency(),
        invoice: invoice ? { id: invoice.id, number: invoice.number, status: invoice.status, amountCents: invoice.amountCents, currency: invoice.currency } : null,
        voucherCode: paid.codes.get(r.id) ?? null, sponsor: sponsor ? `${sponsor.first_name} ${sponsor.last_name}` : null,
        completion: r.completion, createdAt: r.created_at,
      }
    })
  }
  const viewOf = async (id: string) => (await views([(await findEnrolment(db, id))!]))[0]!

  /** The one-live-enrolment index decides between two simultaneous requests of one learner. */
  async function orAlreadyEnrolled(err: unknown, learnerId: string, key: string): Promise<never> {
    if (!(err instanceof AppError) && (await liveEnrolmentFor(db, learnerId, key))) throw new AppError('ALREADY_ENROLLED', 'You are already enrolled here.')
    throw err
  }

  async function courseViewOf(offeringId: string | null): Promise<CourseView | null> {
    if (!offeringId) return null
    const offering = await findOffering(db, offeringId)
    return offering ? (await deps.views.views([offering]))[0]! : null
  }

  async function tellLearner(learnerId: string, message: (name: string) => { subject: string; text: string }) {
    const c = (await deps.users.contactsOf([learnerId])).get(learnerId)
    if (c) await deps.notifications.send({ to: c.email, ...message(c.first_name) })
  }

  /**
   * Ends a live enrolment in the caller's transaction: its status, its course seat (released once,
   * with the counter), its training voucher given back and its open invoice voided. Undefined when it
   * was not live.
   */
  async function endIn(trx: Tx, id: string): Promise<EnrolmentRow | undefined> {
    const at = now()
    const row = await transitionEnrolment(trx, id, LIVE_ENROLMENT, { status: 'cancelled', cancelled_at: at, updated_at: at })
    if (!row) return undefined
    if (row.offering_id && (await dropSeatFlag(trx, id))) await releaseSeat(trx, row.offering_id)
    if (row.voucher_id) await deps.payments.restoreTrainingVoucherIn(trx, row.voucher_id, id)
    await deps.payments.voidEnrolmentInvoicesIn(trx, id, 'The training enrolment was cancelled.')
    return row
  }

  const service = {
    resolve,
    assertCourseOpen,
    views,
    endIn,
    registeredEvent,
    courseViewOf,
    orAlreadyEnrolled,
    labTitle,

    /** Self-enrolment (any account): a seat confirmed when free or paid by voucher now, held when an invoice is asked for. */
    async enrol(actor: Actor | null, input: EnrolBody): Promise<EnrolmentView> {
      const learner = requireActor(actor)
      const r = await resolve(input)
      if (r.offering) {
        // An onsite course is private: its seats are its employer's to sponsor.
        if (r.offering.employer_id !== null) throw notFound('The course')
        if (r.offering.trainer_id === learner.userId) throw new AppError('RULE_VIOLATION', 'You teach this course: you cannot enrol in it.')
        await assertCourseOpen(r.offering)
      }
      const method = r.cents > 0 ? input.method : undefined
      if (r.cents > 0 && !method) throw new AppError('PAYMENT_REQUIRED', `A seat costs ${formatMoney(r.cents, currency())}: pay with a training voucher or ask for an invoice.`, { field: 'method', amountCents: r.cents })
      if (method === 'voucher' && !input.voucherCode) throw fieldError('voucherCode', 'Enter the code of your training voucher.')
      if (await liveEnrolmentFor(db, learner.userId, r.key)) throw new AppError('ALREADY_ENROLLED', 'You are already enrolled here.')
      const id = newId()
      const at = now()
      const row = await inTransaction(db, async (trx) => {
        if (r.offering && !(await takeSeats(trx, r.offering.id, 1))) {
          const fresh = await findOffering(trx, r.offering.id)
          throw fresh?.status === 'scheduled' ? new AppError('COURSE_FULL', 'The course is full. Choose another course.') : new AppError('ENROLMENT_CLOSED', `The course is ${fresh?.status ?? 'gone'}.`)
        }
        const voucherId = method === 'voucher' ? await deps.payments.redeemTrainingCodeIn(trx, input.voucherCode!, r.key, id) : null
        const status = r.cents === 0 || method === 'voucher' ? 'confirmed' as const : 'pending_payment' as const
        const row: EnrolmentRow = {
          id, subject: r.key, offering_id: r.offering?.id ?? null, module: r.module, learner_id: learner.userId, invitee_email: null, invitation_token_hash: null, sponsor_id: null,
          status, holds_seat: r.offering ? 1 : 0, fee_cents: r.cents, payment_method: method ?? 'none', voucher_id: voucherId, paid_at: voucherId ? at : null,
          completion: null, completion_note: null, completion_at: null, completion_by: null, accepted_at: null, cancelled_at: null, created_at: at, created_by: learner.userId, updated_at: at, organisation_id: null,
        }
        await insertEnrolments(trx, [row])
        if (method === 'invoice') {
          const out = await deps.payments.enrolmentInvoiceIn(trx, { enrolmentId: id, billToId: learner.userId, description: `Training seat: ${r.title}`, cents: r.cents, actorId: learner.userId })
          await deps.audit.record(trx, { actorId: learner.userId, action: 'invoice.issued', entityType: 'invoice', entityId: out.invoice.id, details: { enrolmentId: id, amountCents: out.invoice.amount_cents } })
        }
        await deps.audit.record(trx, { actorId: learner.userId, action: 'enrolment.created', entityType: 'enrolment', entityId: id, details: { subject: r.key, status, method: method ?? 'none', voucherId } })
        // The seat is the learner's once confirmed: that is the xAPI `registered` (an invoice's, when it is paid).
        if (status === 'confirmed') await deps.learningRecords.record(trx, registeredEvent(learner.userId, row, r.title))
        return row
      }).catch((err: unknown) => orAlreadyEnrolled(err, learner.userId, r.key))
      const course = await courseViewOf(row.offering_id)
      await tellLearner(learner.userId, (name) => trainingEmails.enrolled(name, r.title, course, row.status === 'pending_payment' ? { cents: r.cents, currency: currency() } : null))
      return viewOf(id)
    },

    /** Staff mark an enrolment's invoice paid (through the invoices page): the seat is confirmed. */
    async invoicePaid(actor: Actor | null, invoiceId: string, reference: string | null): Promise<{ id: string; status: 'paid' }> {
      const staff = requireRole(actor, 'program_staff')
      const invoice = await deps.payments.findInvoice(invoiceId)
      if (!invoice) throw notFound('The invoice')
      const enrolmentId = invoice.enrolment_id
      if (invoice.status !== 'open' || enrolmentId === null) throw new AppError('CONFLICT', 'This invoice is not an open enrolment invoice.')
      const row = await inTransaction(db, async (trx) => {
        const row = await transitionEnrolment(trx, enrolmentId, ['pending_payment'], { status: 'confirmed', paid_at: now(), updated_at: now() })
        if (!row) throw new AppError('CONFLICT', "This invoice's enrolment is no longer waiting for payment.")
        await deps.payments.payEnrolmentInvoiceIn(trx, invoiceId, enrolmentId, staff.userId, reference)
        await deps.audit.record(trx, { actorId: staff.userId, action: 'invoice.paid', entityType: 'invoice', entityId: invoiceId, details: { enrolmentId, paymentReference: reference } })
        const title = row.offering_id ? ((await findOffering(trx, row.offering_id))?.title ?? '') : labTitle(row.module)
        await deps.learningRecords.record(trx, registeredEvent(row.learner_id!, row, title))
        return row
      })
      const course = await courseViewOf(row.offering_id)
      await tellLearner(row.learner_id!, (name) => trainingEmails.enrolled(name, course?.title ?? labTitle(row.module), course, null))
      return { id: invoiceId, status: 'paid' }
    },

    /**
     * Cancels an enrolment: its learner (until the course begins), the employer who sponsored it
     * (withdrawing the seat), or staff at any time. The seat, voucher and open invoice are settled.
     */
    async cancel(actor: Actor | null, id: string, reason?: string): Promise<EnrolmentView> {
      const who = requireActor(actor)
      const row = await findEnrolment(db, id)
      const staff = hasRole(who, 'program_staff')
      if (!row || (!staff && row.learner_id !== who.userId && row.sponsor_id !== who.userId)) throw notFound('The enrolment')
      if (!LIVE_ENROLMENT.includes(row.status)) throw new AppError('CONFLICT', 'This enrolment is no longer active.')
      if (!staff && row.offering_id) {
        const [first] = await meetingsOf(db, [row.offering_id])
        if (first && Date.parse(first.starts_at) <= ctx.clock().getTime()) throw new AppError('ENROLMENT_CLOSED', 'The course has begun: contact the program to cancel this seat.')
      }
      const why = reason?.trim() || (row.sponsor_id === who.userId && row.learner_id !== who.userId ? 'your employer withdrew the seat' : staff && row.learner_id !== who.userId ? 'cancelled by the program' : 'you cancelled it')
      const ended = await inTransaction(db, async (trx) => {
        const ended = await endIn(trx, id)
        if (ended) await deps.audit.record(trx, { actorId: who.userId, action: 'enrolment.cancelled', entityType: 'enrolment', entityId: id, reason: reason?.trim() || null })
        return ended
      })
      if (!ended) throw new AppError('CONFLICT', 'This enrolment is no longer active.')
      const title = row.offering_id ? ((await findOffering(db, row.offering_id))?.title ?? '') : labTitle(row.module)
      if (ended.learner_id) await tellLearner(ended.learner_id, (name) => trainingEmails.enrolmentCancelled(name, title, why, paymentFate(ended)))
      else if (ended.invitee_email) await deps.notifications.send({ to: ended.invitee_email, ...trainingEmails.enrolmentCancelled('there', title, why, 'Nothing was charged to you.') })
      return viewOf(id)
    },

    /**
     * Whether a learner may use a module's Learning Lab: when it is free (the program sets no fee), or
     * when they hold a confirmed seat for it. Read in the caller's transaction.
     */
    async learningLabAccess(within: DbOrTx, userId: string, module: string): Promise<LearningLabAccess> {
      const mod = deps.program.module(module)
      if (!mod) return { allowed: false, reason: `There is no module ${module}.` }
      const cents = learningLabFeeCents(deps.program.definition.trainingFees, module)
      if (cents === 0) return { allowed: true }
      const seat = await liveEnrolmentFor(within, userId, subjectKey({ kind: 'learning_lab', module }))
      if (seat?.status === 'confirmed') return { allowed: true }
      return {
        allowed: false,
        reason: seat?.status === 'pending_payment'
          ? `Your Learning Lab seat for ${mod.name} is held until its invoice is paid.`
          : `The ${mod.name} Learning Lab needs a seat (${formatMoney(cents, currency())}): enrol on My training, or use a training voucher.`,
      }
    },

    /** The centers whose courses a learner is enrolled in and the employers sponsoring them (for forwarding learning records). */
    organisationsOf: (within: DbOrTx, userId: string) => organisationsOfLearner(within, userId),

    /** The learner's courses (with attendance) and Learning Lab seats. */
    async mine(actor: Actor | null): Promise<MyTrainingView> {
      const who = requireActor(actor)
      const rows = await enrolmentsOfLearner(db, who.userId)
      const courseRows = rows.filter((r) => r.offering_id !== null && r.status !== 'cancelled')
      const offerings = await findOfferings(db, courseRows.map((r) => r.offering_id!))
      const [courses, attendance, enrolmentViews] = await Promise.all([deps.views.views(offerings), attendanceOf(db, courseRows.map((r) => r.id)), views(rows)])
      const byId = new Map(courses.map((c) => [c.id, c]))
      const viewById = new Map(enrolmentViews.map((v) => [v.id, v]))
      const marks = new Map(attendance.map((a) => [`${a.enrolment_id} ${a.meeting_id}`, a.present === 1]))
      const labSeats = rows.filter((r) => r.offering_id === null && LIVE_ENROLMENT.includes(r.status))
      return {
        courses: courseRows.flatMap((r) => {
          const course = byId.get(r.offering_id!)
          if (!course) return []
          return [{
            enrolment: viewById.get(r.id)!, course, completionNote: r.completion_note,
            attendance: Object.fromEntries(course.meetings.map((m) => [m.id, marks.get(`${r.id} ${m.id}`) ?? null])),
          }]
        }),
        learningLab: deps.program.definition.modules.map((m) => {
          const cents = learningLabFeeCents(deps.program.definition.trainingFees, m.code)
          const seat = labSeats.find((r) => r.module === m.code)
          return { module: m.code, moduleName: m.name, feeCents: cents, currency: currency(), allowed: cents === 0 || seat?.status === 'confirmed', seat: seat ? viewById.get(seat.id)! : null }
        }),
      }
    },

    viewOf,
  }

  return service
}

export type EnrolmentsService = ReturnType<typeof createEnrolmentsService>
