// Course offerings: staff and a center's administrators schedule instructor-led courses at a
// certified center (staff also onsite at an employer, private to its sponsored employees), with a
// certified trainer, meetings in the place's time zone, seats and an optional fee; edit them (the
// trainer and meetings are fixed once attendance is recorded); the trainer or staff mark a course
// completed. The public finder lists scheduled courses at certified centers with the seats left.
// Cancelling is course-cancellation.ts (it ends every enrolment, which the enrolments service owns).
import { courseMeetingsProblem, sortMeetings } from '../../../common/rules/training.js'
import type { CourseFinderQuery, CreateCourseBody, CourseView, ManagedCourseView, UpdateCourseBody } from '../../../common/schemas/training.js'
import type { ServerContext } from '../../context.js'
import { decodeCursor, encodeCursor } from '../../db/pagination.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { fieldError, requireTimeZone } from '../../field-errors.js'
import { newId } from '../../ids.js'
import { hasRole, requireRole, type Actor } from '../accounts/actor.js'
import type { UserDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import type { ProgramService } from '../program/program.service.js'
import { centerRunsCourses, type CourseViews } from './course-views.js'
import {
  findOffering, findOfferings, insertMeetings, insertOffering, listPublicOfferings, managedOfferings, meetingsOf, replaceMeetings, reviseScheduledOffering, setSeats, closeOffering, type OfferingRow,
} from './courses.repository.js'
import { countsByOffering, enrolmentsOfLearner, enrolmentsOfOffering, offeringHasAttendance } from './enrolments.repository.js'
import type { TrainersService } from './trainers.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import { courseChanges, trainingEmails } from './training-emails.js'

export function createCoursesService(
  ctx: ServerContext,
  deps: { audit: AuditService; program: ProgramService; users: UserDirectory; centers: CenterDirectory; trainers: TrainersService; views: CourseViews; notifications: NotificationsService },
) {
  const { db } = ctx
  const now = () => ctx.clock().toISOString()

  function checkSkills(module: string, skills: readonly string[]) {
    const mod = deps.program.module(module)
    if (!mod) throw fieldError('module', `There is no module ${module}.`)
    const unknown = skills.filter((s) => !mod.skills.some((k) => k.code === s))
    if (unknown.length) throw fieldError('skills', `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a skill' : 'are not skills'} of ${mod.name}: a course covers its module's skills.`)
  }

  function checkMeetings(meetings: readonly { startsAt: string; endsAt: string }[]) {
    const normal = meetings.map((m) => ({ startsAt: new Date(m.startsAt).toISOString(), endsAt: new Date(m.endsAt).toISOString() }))
    const problem = courseMeetingsProblem(normal, ctx.clock())
    if (problem) throw fieldError('meetings', problem)
    return sortMeetings(normal)
  }

  /** Staff manage every course; a center's administrators those at their centers (not onsite ones). */
  async function requireManage(actor: Actor | null, offering: OfferingRow) {
    const who = requireRole(actor, 'program_staff', 'center_admin')
    if (hasRole(who, 'program_staff')) return who
    if (offering.center_id && (await deps.centers.isMember(offering.center_id, who.userId))) return who
    throw new AppError('FORBIDDEN', "Only program staff and the center's administrators manage this course.")
  }

  async function requireOffering(id: string) {
    const offering = await findOffering(db, id)
    if (!offering) throw notFound('The course')
    return offering
  }

  const viewOf = async (id: string): Promise<CourseView> => (await deps.views.views([(await findOffering(db, id))!]))[0]!

  /**
   * After a change is committed: everyone holding or offered a seat is emailed what changed that they
   * would act on (the meetings, the trainer, the title), with the meetings as they now are. Seats, fee
   * and skills tell a learner nothing to do, so they send nothing.
   */
  async function tellLearnersWhatChanged(before: CourseView, after: CourseView) {
    const changes = courseChanges(before, after)
    if (changes.length === 0) return
    const seats = await enrolmentsOfOffering(db, after.id)
    const contacts = await deps.users.contactsOf(seats.map((e) => e.learner_id).filter((x): x is string => !!x))
    for (const e of seats) {
      const c = e.learner_id ? contacts.get(e.learner_id) : undefined
      const to = c?.email ?? e.invitee_email
      if (to) await deps.notifications.send({ to, ...trainingEmails.courseChanged(c?.first_name ?? 'there', after, changes) })
    }
  }

  async function managedViews(rows: OfferingRow[]): Promise<ManagedCourseView[]> {
    const [views, counts] = await Promise.all([deps.views.views(rows), countsByOffering(db, rows.map((r) => r.id))])
    return views.map((v) => ({ ...v, enrolled: counts.get(v.id)?.enrolled ?? 0, invited: counts.get(v.id)?.invited ?? 0 }))
  }

  const service = {
    /** Course titles by id, for the audit log's names (the caller checked staff). */
    titlesOf: async (ids: readonly string[]) => new Map((await findOfferings(db, ids)).map((o) => [o.id, o.title])),

    async create(actor: Actor | null, input: CreateCourseBody): Promise<CourseView> {
      const who = requireRole(actor, 'program_staff', 'center_admin')
      if ((input.centerId === undefined) === (input.onsite === undefined)) throw fieldError('centerId', 'Hold the course at a certified center or onsite at an employer: choose one.')
      checkSkills(input.module, input.skills)
      const meetings = checkMeetings(input.meetings)
      const lastEndsAt = meetings[meetings.length - 1]!.endsAt
      let place: { center_id: string | null; employer_id: string | null; place_name: string | null; address: string | null; city: string; state: string; time_zone: string }
      if (input.centerId !== undefined) {
        const center = await deps.centers.find(input.centerId)
        if (!center) throw notFound('The center')
        if (!hasRole(who, 'program_staff') && !(await deps.centers.isMember(center.id, who.userId))) {
          throw new AppError('FORBIDDEN', "Only program staff and the center's administrators schedule its courses.")
        }
        if (!centerRunsCourses(center, ctx.clock(), lastEndsAt)) {
          throw new AppError('CENTER_NOT_CERTIFIED', "Courses run at a certified assessment center whose certification covers the course's last meeting.", { certifiedUntil: center.certified_until })
        }
        place = { center_id: center.id, employer_id: null, place_name: null, address: null, city: center.city, state: center.state, time_zone: center.time_zone }
      } else {
        const onsite = input.onsite!
        if (!hasRole(who, 'program_staff')) throw new AppError('FORBIDDEN', 'Program staff schedule onsite courses at an employer.')
        const employer = await deps.users.findById(onsite.employerId)
        if (!employer || !employer.roles.includes('employer')) throw fieldError('onsite', 'Choose an employer account for an onsite course.')
        place = {
          center_id: null, employer_id: employer.id, place_name: onsite.companyName.trim(), address: `${onsite.addressLine1}, ${onsite.city}, ${onsite.state.toUpperCase()} ${onsite.postalCode}`,
          city: onsite.city, state: onsite.state.toUpperCase(), time_zone: requireTimeZone(onsite.timeZone, 'onsite'),
        }
      }
      await deps.trainers.assertCanTeach(db, input.trainerId, lastEndsAt)
      const id = newId()
      const at = now()
      await inTransaction(db, async (trx) => {
        await insertOffering(trx, {
          id, title: input.title.trim(), module: input.module, skills: JSON.stringify(input.skills), trainer_id: input.trainerId, ...place,
          seats: input.seats, fee_cents: input.feeCents ? input.feeCents : null, currency: deps.program.definition.fees.currency, status: 'scheduled', cancel_reason: null,
          first_starts_at: meetings[0]!.startsAt, last_ends_at: lastEndsAt, created_at: at, created_by: who.userId, updated_at: at,
        })
        await insertMeetings(trx, meetings.map((m) => ({ id: newId(), offering_id: id, starts_at: m.startsAt, ends_at: m.endsAt })))
        await deps.audit.record(trx, { actorId: who.userId, action: 'course.created', entityType: 'course', entityId: id, details: { ...input } })
      })
      return viewOf(id)
    },

    async update(actor: Actor | null, id: string, change: UpdateCourseBody): Promise<CourseView> {
      const offering = await requireOffering(id)
      const who = await requireManage(actor, offering)
      if (offering.status !== 'scheduled') throw new AppError('CONFLICT', `The course is ${offering.status}.`)
      const trainerChanges = change.trainerId !== undefined && change.trainerId !== offering.trainer_id
      if ((trainerChanges || change.meetings !== undefined) && (await offeringHasAttendance(db, id))) {
        throw new AppError('ATTENDANCE_RECORDED', 'Attendance has been recorded for this course: its trainer and meetings stay as they were taught.')
      }
      if (change.skills) checkSkills(offering.module, change.skills)
      const meetings = change.meetings ? checkMeetings(change.meetings) : undefined
      const lastEndsAt = meetings ? meetings[meetings.length - 1]!.endsAt : offering.last_ends_at
      if (trainerChanges || meetings) await deps.trainers.assertCanTeach(db, change.trainerId ?? offering.trainer_id, lastEndsAt)
      if (meetings && offering.center_id) {
        const center = await deps.centers.find(offering.center_id)
        if (!center || !centerRunsCourses(center, ctx.clock(), lastEndsAt)) throw new AppError('CENTER_NOT_CERTIFIED', "The center's certification does not cover the course's last meeting.", { certifiedUntil: center?.certified_until ?? null })
      }
      const at = now()
      const before = await viewOf(id)
      await inTransaction(db, async (trx) => {
        const revised = await reviseScheduledOffering(trx, id, {
          ...(change.title !== undefined ? { title: change.title.trim() } : {}),
          ...(change.skills ? { skills: JSON.stringify(change.skills) } : {}),
          ...(change.trainerId !== undefined ? { trainer_id: change.trainerId } : {}),
          ...(change.feeCents !== undefined ? { fee_cents: change.feeCents ? change.feeCents : null } : {}),
          ...(meetings ? { first_starts_at: meetings[0]!.startsAt, last_ends_at: lastEndsAt } : {}),
          updated_at: at,
        })
        if (!revised) throw new AppError('CONFLICT', 'The course was cancelled or completed meanwhile.')
        if (change.seats !== undefined && !(await setSeats(trx, id, change.seats, at))) {
          throw new AppError('RULE_VIOLATION', `${revised.seats_taken} seats are taken: the course cannot have fewer.`, [{ field: 'seats', message: `${revised.seats_taken} seats are taken: the course cannot have fewer.` }])
        }
        if (meetings) await replaceMeetings(trx, id, meetings.map((m) => ({ id: newId(), offering_id: id, starts_at: m.startsAt, ends_at: m.endsAt })))
        await deps.audit.record(trx, { actorId: who.userId, action: 'course.updated', entityType: 'course', entityId: id, details: { ...change } })
      })
      const after = await viewOf(id)
      await tellLearnersWhatChanged(before, after)
      return after
    },

    /** The trainer or staff close a course once its last meeting has started. */
    async complete(actor: Actor | null, id: string): Promise<CourseView> {
      const who = requireRole(actor, 'trainer', 'program_staff')
      const offering = await requireOffering(id)
      if (!hasRole(who, 'program_staff') && offering.trainer_id !== who.userId) throw new AppError('FORBIDDEN', "Only the course's trainer and program staff mark it completed.")
      const meetings = await meetingsOf(db, [id])
      const last = meetings[meetings.length - 1]
      if (!last || Date.parse(last.starts_at) > ctx.clock().getTime()) throw new AppError('RULE_VIOLATION', 'A course is completed once its last meeting has started.')
      await inTransaction(db, async (trx) => {
        if (!(await closeOffering(trx, id, 'completed', now(), null))) throw new AppError('CONFLICT', `The course is ${(await findOffering(trx, id))?.status ?? 'gone'}.`)
        await deps.audit.record(trx, { actorId: who.userId, action: 'course.completed', entityType: 'course', entityId: id })
      })
      return viewOf(id)
    },

    /**
     * One course. A public one (at a center) to anyone; an onsite one only to staff, its trainer, its
     * employer and people enrolled in it: to anyone else it does not exist.
     */
    async get(actor: Actor | null, id: string): Promise<CourseView> {
      const offering = await findOffering(db, id)
      if (!offering) throw notFound('The course')
      if (offering.employer_id !== null) {
        const ok = actor && (hasRole(actor, 'program_staff') || actor.userId === offering.trainer_id || actor.userId === offering.employer_id
          || (await enrolmentsOfLearner(db, actor.userId)).some((e) => e.offering_id === id))
        if (!ok) throw notFound('The course')
      }
      return viewOf(id)
    },

    /**
     * The public course finder: scheduled courses at certified centers still to run, soonest first, with
     * seats left. An employer also sees its own onsite courses, which it fills by sponsoring seats.
     */
    async find(actor: Actor | null, query: CourseFinderQuery) {
      const limit = query.limit ?? 50
      const rows = await listPublicOfferings(db, {
        state: query.state, module: query.module, skill: query.skill, centerIds: await deps.centers.publicIds(), now: now(), after: decodeCursor(query.cursor), limit,
        employerId: actor && hasRole(actor, 'employer') ? actor.userId : undefined,
      })
      const page = rows.slice(0, limit)
      const last = page[page.length - 1]
      return { items: await deps.views.views(page), nextCursor: rows.length > limit && last ? encodeCursor({ value: last.first_starts_at, id: last.id }) : null }
    },

    /** Courses for those who run them: every course (staff) or those at the centers one administers. */
    async managed(actor: Actor | null) {
      const who = requireRole(actor, 'program_staff', 'center_admin')
      const rows = hasRole(who, 'program_staff') ? await managedOfferings(db, { all: true }) : await managedOfferings(db, { centerIds: await deps.centers.idsOfMember(who.userId) })
      return { items: await managedViews(rows), nextCursor: null }
    },

    /** The trainer's own courses. */
    async ofTrainer(actor: Actor | null) {
      const who = requireRole(actor, 'trainer')
      return { items: await managedViews(await managedOfferings(db, { trainerId: who.userId })), nextCursor: null }
    },

    requireOffering,
    requireManage,
    meetingsOf: (ids: readonly string[]) => meetingsOf(db, ids),
    viewOf,
  }
  return service
}

export type CoursesService = ReturnType<typeof createCoursesService>
