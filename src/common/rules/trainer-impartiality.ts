// ISO/IEC 17024 keeps training apart from examination: a trainer may not proctor a session in which a
// candidate they trained within `policies.trainerImpartialityMonths` before it sits. One rule, used
// when proctors are assigned, when a candidate registers and at check-in, so the three never disagree.
import { addMonths } from './certification-period.js'

export interface TrainingMeeting {
  startsAt: string
  endsAt: string
  /** Whether this learner was recorded present at it. */
  present: boolean
}

/** One learner's enrolment in one offering, as the impartiality rule needs it. */
export interface TrainingRecord {
  trainerId: string
  learnerId: string
  meetings: readonly TrainingMeeting[]
  /** The trainer marked the learner's course completed. */
  completed: boolean
}

/** The start of the period that counts before a session: `months` calendar months before it starts. */
export function impartialityPeriodStart(sessionStartsAt: string, months: number): Date {
  return addMonths(new Date(sessionStartsAt), -months)
}

/**
 * Whether the enrolment is training within the period before the session: the offering met in the
 * period (a meeting that began before the session and ended after the period began), and the learner
 * took part in it (present at a meeting, or completed it). An enrolment nobody attended trains nobody;
 * a course whose meetings all lie outside the period is history. Conservative by design: a learner who
 * attended any meeting of an offering that met in the period counts as trained in it.
 */
export function trainedWithin(record: TrainingRecord, sessionStartsAt: string, months: number): boolean {
  const sessionStart = Date.parse(sessionStartsAt)
  const periodStart = impartialityPeriodStart(sessionStartsAt, months).getTime()
  const metInPeriod = record.meetings.some((m) => Date.parse(m.startsAt) < sessionStart && Date.parse(m.endsAt) > periodStart)
  if (!metInPeriod) return false
  return record.completed || record.meetings.some((m) => m.present && Date.parse(m.startsAt) < sessionStart)
}

/** The (trainer, learner) pairs among the records that break impartiality for a session, each once. */
export function impartialityConflicts(records: readonly TrainingRecord[], sessionStartsAt: string, months: number): { trainerId: string; learnerId: string }[] {
  const seen = new Set<string>()
  const out: { trainerId: string; learnerId: string }[] = []
  for (const r of records) {
    const key = `${r.trainerId} ${r.learnerId}`
    if (seen.has(key) || !trainedWithin(r, sessionStartsAt, months)) continue
    seen.add(key)
    out.push({ trainerId: r.trainerId, learnerId: r.learnerId })
  }
  return out
}
