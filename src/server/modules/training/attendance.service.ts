// Attendance and completion (issue 13, items 4 and 6): the course's trainer (or staff) records who
// was present at each meeting (one save per meeting, once it has started) and marks each learner's
// completion with a note; the center's administrators read the same roster. Each save is one
// transaction with its audit entry and the xAPI statements (`attended` for each newly present learner,
// `completed` when a learner's completion becomes completed).
import type { LearningEvent } from '../../../common/learning/xapi-statements.js'
import { attendanceOpen, completionOpen } from '../../../common/rules/training.js'
import type { AttendanceBody, CompletionBody, CourseRosterView } from '../../../common/schemas/training.js'
import type { ServerContext } from '../../context.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { fieldError } from '../../field-errors.js'
import { hasRole, requireActor, type Actor } from '../accounts/actor.js'
import type { ContactDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import type { LearningRecordsService } from '../learning-records/learning-records.service.js'
import type { LearnerProgressReader } from '../learning/learner-progress.js'
import type { CourseViews } from './course-views.js'
import { findOffering, meetingsOf, type OfferingRow } from './courses.repository.js'
import { attendanceAtMeeting, attendanceOf, enrolmentsOfOffering, findEnrolment, setCompletion, upsertAttendance } from './enrolments.repository.js'

export function createAttendanceService(
  ctx: ServerContext,
  deps: { audit: AuditService; users: ContactDirectory; centers: CenterDirectory; learningRecords: LearningRecordsService; views: CourseViews; learnerProgress: LearnerProgressReader },
) {
  const { db } = ctx
  const now = () => ctx.clock().toISOString()

  /** Who may see the roster (staff, the trainer, the center's administrators) and who may record on it (staff and the trainer). */
  async function access(actor: Actor | null, offering: OfferingRow): Promise<{ who: Actor; canRecord: boolean }> {
    const who = requireActor(actor)
    if (hasRole(who, 'program_staff') || offering.trainer_id === who.userId) return { who, canRecord: true }
    if (hasRole(who, 'center_admin') && offering.center_id && (await deps.centers.isMember(offering.center_id, who.userId))) return { who, canRecord: false }
    throw new AppError('FORBIDDEN', "Only the course's trainer, program staff and the center's administrators see its roster.")
  }

  async function requireRecorder(actor: Actor | null, offeringId: string) {
    const offering = await findOffering(db, offeringId)
    if (!offering) throw notFound('The course')
    const { who, canRecord } = await access(actor, offering)
    if (!canRecord) throw new AppError('FORBIDDEN', "Only the course's trainer and program staff record attendance and completion; the center's administrators read them.")
    if (offering.status === 'cancelled') throw new AppError('CONFLICT', 'The course is cancelled.')
    return { who, offering }
  }

  async function rosterOf(offering: OfferingRow, canRecord: boolean): Promise<CourseRosterView> {
    const meetings = await meetingsOf(db, [offering.id])
    const [course] = await deps.views.views([offering], db, meetings)
    const enrolments = await enrolmentsOfOffering(db, offering.id)
    const learnerIds = enrolments.map((e) => e.learner_id).filter((x): x is string => !!x)
    const [contacts, marks, progress] = await Promise.all([
      deps.users.contactsOf([...enrolments.flatMap((e) => [e.learner_id, e.sponsor_id])].filter((x): x is string => !!x)),
      attendanceOf(db, enrolments.map((e) => e.id)),
      deps.learnerProgress(db, learnerIds, JSON.parse(offering.skills) as string[]),
    ])
    const present = new Map(marks.map((a) => [`${a.enrolment_id} ${a.meeting_id}`, a.present === 1]))
    const at = ctx.clock()
    const started = meetings.filter((m) => attendanceOpen({ startsAt: m.starts_at, endsAt: m.ends_at }, at))
    const learners = enrolments.map((e) => {
      const c = e.learner_id ? contacts.get(e.learner_id) : undefined
      const s = e.sponsor_id ? contacts.get(e.sponsor_id) : undefined
      const attendance = Object.fromEntries(meetings.map((m) => [m.id, present.get(`${e.id} ${m.id}`) ?? null]))
      return {
        enrolmentId: e.id, learnerId: e.learner_id, name: c ? `${c.first_name} ${c.last_name}` : (e.invitee_email ?? ''), email: c?.email ?? e.invitee_email ?? '',
        status: e.status, sponsor: s ? `${s.first_name} ${s.last_name}` : null, attendance,
        attended: started.filter((m) => attendance[m.id] === true).length, completion: e.completion, completionNote: e.completion_note,
        progress: e.learner_id ? (progress.get(e.learner_id) ?? null) : null,
      }
    })
    learners.sort((a, b) => a.name.localeCompare(b.name) || a.enrolmentId.localeCompare(b.enrolmentId))
    return {
      course: course!, canRecord, openMeetingIds: started.map((m) => m.id),
      completionOpen: completionOpen(meetings.map((m) => ({ startsAt: m.starts_at, endsAt: m.ends_at })), at), learners,
    }
  }

  return {
    async roster(actor: Actor | null, offeringId: string): Promise<CourseRosterView> {
      const offering = await findOffering(db, offeringId)
      if (!offering) throw notFound('The course')
      const { canRecord } = await access(actor, offering)
      return rosterOf(offering, canRecord)
    },

    /** One meeting's attendance, saved at once: each confirmed learner present or absent. */
    async recordAttendance(actor: Actor | null, offeringId: string, meetingId: string, input: AttendanceBody): Promise<CourseRosterView> {
      const { who, offering } = await requireRecorder(actor, offeringId)
      const meetings = await meetingsOf(db, [offeringId])
      const index = meetings.findIndex((m) => m.id === meetingId)
      const meeting = meetings[index]
      if (!meeting) throw notFound('The meeting of this course')
      if (!attendanceOpen({ startsAt: meeting.starts_at, endsAt: meeting.ends_at }, ctx.clock())) throw new AppError('RULE_VIOLATION', 'Attendance is recorded once the meeting has started.')
      const ids = input.entries.map((e) => e.enrolmentId)
      if (new Set(ids).size !== ids.length) throw fieldError('entries', 'Each learner may be listed once.')
      const confirmed = new Map((await enrolmentsOfOffering(db, offeringId, ['confirmed'])).map((e) => [e.id, e]))
      const strangers = ids.filter((id) => !confirmed.has(id))
      if (strangers.length) throw fieldError('entries', `${strangers.length} of the listed enrolments ${strangers.length === 1 ? 'is' : 'are'} not a confirmed seat in this course.`)
      const at = now()
      await inTransaction(db, async (trx) => {
        const before = new Map((await attendanceAtMeeting(trx, meetingId)).map((a) => [a.enrolment_id, a.present === 1]))
        const events: LearningEvent[] = []
        for (const entry of input.entries) {
          await upsertAttendance(trx, { meeting_id: meetingId, enrolment_id: entry.enrolmentId, present: entry.present ? 1 : 0, recorded_at: at, recorded_by: who.userId })
          // One `attended` per learner and meeting: a repeated save of "present" records nothing new.
          if (entry.present && before.get(entry.enrolmentId) !== true) {
            events.push({
              userId: confirmed.get(entry.enrolmentId)!.learner_id!, verb: 'attended', module: offering.module,
              object: { kind: 'course_meeting', ref: meetingId, name: `${offering.title}, meeting ${index + 1}` },
              parent: { kind: 'course', ref: offering.id, name: offering.title },
            })
          }
        }
        if (events.length) await deps.learningRecords.record(trx, events)
        await deps.audit.record(trx, {
          actorId: who.userId, action: 'course.attendance_recorded', entityType: 'course', entityId: offeringId,
          details: { meetingId, present: input.entries.filter((e) => e.present).length, absent: input.entries.filter((e) => !e.present).length },
        })
      })
      return rosterOf((await findOffering(db, offeringId))!, true)
    },

    /** A learner's completion (completed or not, with a note), once the course has begun. */
    async setCompletion(actor: Actor | null, enrolmentId: string, input: CompletionBody): Promise<CourseRosterView> {
      const enrolment = await findEnrolment(db, enrolmentId)
      if (!enrolment || !enrolment.offering_id) throw notFound('The enrolment')
      const { who, offering } = await requireRecorder(actor, enrolment.offering_id)
      if (enrolment.status !== 'confirmed') throw new AppError('CONFLICT', 'Only a confirmed seat is marked completed or not.')
      const meetings = await meetingsOf(db, [offering.id])
      if (!completionOpen(meetings.map((m) => ({ startsAt: m.starts_at, endsAt: m.ends_at })), ctx.clock())) throw new AppError('RULE_VIOLATION', 'Completion is marked once the course has begun.')
      const at = now()
      const completion = input.completed ? 'completed' as const : 'not_completed' as const
      await inTransaction(db, async (trx) => {
        const row = await setCompletion(trx, enrolmentId, { completion, completion_note: input.note?.trim() || null, completion_at: at, completion_by: who.userId, updated_at: at })
        if (!row) throw new AppError('CONFLICT', 'This seat is no longer confirmed.')
        if (completion === 'completed' && enrolment.completion !== 'completed') {
          await deps.learningRecords.record(trx, {
            userId: enrolment.learner_id!, verb: 'completed', module: offering.module,
            object: { kind: 'course', ref: offering.id, name: offering.title }, result: { completion: true },
          })
        }
        await deps.audit.record(trx, { actorId: who.userId, action: 'enrolment.completion_set', entityType: 'enrolment', entityId: enrolmentId, details: { completion, note: input.note ?? null } })
      })
      return rosterOf(offering, true)
    },
  }
}

export type AttendanceService = ReturnType<typeof createAttendanceService>
