// Instructor-led courses and Learning Lab seats (issue 13): what a training enrolment is for and what
// it costs, when a course's meetings can be scheduled, and when enrolment, attendance and completion
// are open. Pure rules, shared by the server and the web.
import type { ProgramTrainingFees } from '../program/program-schema.js'
import { MAX_SCHEDULE_AHEAD_DAYS, sessionsOverlap, type TimeRange } from './session-schedule.js'

/** What an enrolment is a seat in: one course offering, or one module's Learning Lab. */
export type TrainingSubject = { kind: 'course'; offeringId: string } | { kind: 'learning_lab'; module: string }

/**
 * The subject as one string ("course:<offering id>", "lab:MM"): the key of the one-live-enrolment
 * index, and what a training voucher is bought for (it pays for that subject and nothing else).
 */
export function subjectKey(subject: TrainingSubject): string {
  return subject.kind === 'course' ? `course:${subject.offeringId}` : `lab:${subject.module}`
}

export function parseSubjectKey(key: string): TrainingSubject | null {
  const [kind, ref] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)]
  if (!ref) return null
  if (kind === 'course') return { kind: 'course', offeringId: ref }
  if (kind === 'lab') return { kind: 'learning_lab', module: ref }
  return null
}

/** A module's Learning Lab seat price from the program's training fees; 0 when none is set (free). */
export function learningLabFeeCents(fees: ProgramTrainingFees | undefined, module: string): number {
  return fees?.learningLabPerModuleCents[module] ?? 0
}

/** The longest one meeting of a course may be: a training day. */
export const MAX_MEETING_HOURS = 12
/** Meetings in one offering: a course of a few weeks, not a year of evenings. */
export const MAX_COURSE_MEETINGS = 40

/** Meetings in time order. */
export function sortMeetings<T extends TimeRange>(meetings: readonly T[]): T[] {
  return [...meetings].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
}

/**
 * Why a course's meetings cannot be scheduled, or null when they can: each ends after it starts and
 * lasts a training day at most, none overlaps another, none is more than two years ahead, and (for a
 * new schedule) every meeting ends in the future: a meeting may already be running when the course is
 * entered (the first morning), but a course is not recorded after the fact.
 */
export function courseMeetingsProblem(meetings: readonly TimeRange[], now: Date): string | null {
  if (meetings.length === 0) return 'A course has at least one meeting.'
  if (meetings.length > MAX_COURSE_MEETINGS) return `A course has at most ${MAX_COURSE_MEETINGS} meetings.`
  for (const [i, m] of meetings.entries()) {
    const starts = Date.parse(m.startsAt)
    const ends = Date.parse(m.endsAt)
    const which = `Meeting ${i + 1}`
    if (ends <= starts) return `${which} must end after it starts.`
    if (ends - starts > MAX_MEETING_HOURS * 3_600_000) return `${which} lasts more than ${MAX_MEETING_HOURS} hours.`
    if (ends <= now.getTime()) return `${which} has already ended: a course is scheduled before it is taught.`
    if (starts > now.getTime() + MAX_SCHEDULE_AHEAD_DAYS * 86_400_000) return `${which} is more than ${MAX_SCHEDULE_AHEAD_DAYS} days ahead.`
  }
  const sorted = sortMeetings(meetings)
  for (let i = 1; i < sorted.length; i++) {
    if (sessionsOverlap(sorted[i - 1]!, sorted[i]!)) return 'Two meetings of the course overlap.'
  }
  return null
}

/**
 * Self-enrolment stays open until the first meeting ends: a learner may still join on the first day,
 * not after the course is under way.
 */
export function enrolmentOpen(meetings: readonly TimeRange[], now: Date): boolean {
  const first = sortMeetings(meetings)[0]
  return first !== undefined && Date.parse(first.endsAt) > now.getTime()
}

/** Attendance for a meeting is recorded once it has started (and may be corrected afterwards). */
export function attendanceOpen(meeting: TimeRange, now: Date): boolean {
  return Date.parse(meeting.startsAt) <= now.getTime()
}

/** Completion is decided once the course has begun (its first meeting started). */
export function completionOpen(meetings: readonly TimeRange[], now: Date): boolean {
  const first = sortMeetings(meetings)[0]
  return first !== undefined && Date.parse(first.startsAt) <= now.getTime()
}

/** Seats left in an offering. */
export const seatsLeft = (o: { seats: number; seatsTaken: number }): number => Math.max(0, o.seats - o.seatsTaken)
