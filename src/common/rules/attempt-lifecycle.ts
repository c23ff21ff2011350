// The attempt state machine and its clock. An attempt runs, may pause (no proctor present, a break,
// a proctor's decision) and resume, and ends submitted (then scored) or voided. Paused time does not
// count: on resume the deadline moves by the length of the pause.

export const ATTEMPT_STATUSES = ['in_progress', 'paused', 'submitted', 'scored', 'voided'] as const
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number]

const TRANSITIONS: Record<AttemptStatus, readonly AttemptStatus[]> = {
  in_progress: ['paused', 'submitted', 'voided'],
  paused: ['in_progress', 'submitted', 'voided'],
  submitted: ['scored', 'voided'],
  scored: ['voided'],
  voided: [],
}

export const canMoveAttempt = (from: AttemptStatus, to: AttemptStatus): boolean => TRANSITIONS[from].includes(to)

/** The statuses an attempt may be in to move to `to`. */
export const statusesMovingTo = (to: AttemptStatus): AttemptStatus[] => ATTEMPT_STATUSES.filter((from) => canMoveAttempt(from, to))

/** Responses can be saved only while the attempt runs and its deadline has not passed. */
export function acceptsResponses(status: AttemptStatus, deadlineAt: string, now: Date): boolean {
  return status === 'in_progress' && now.getTime() <= Date.parse(deadlineAt)
}

/** Time left: frozen while paused. */
export function remainingMs(attempt: { status: AttemptStatus; deadlineAt: string; pausedAt: string | null }, now: Date): number {
  const reference = attempt.status === 'paused' && attempt.pausedAt ? Date.parse(attempt.pausedAt) : now.getTime()
  return Math.max(0, Date.parse(attempt.deadlineAt) - reference)
}

/** The deadline after a pause that began at pausedAt ends at resumedAt. */
export function deadlineAfterPause(deadlineAt: string, pausedAt: string, resumedAt: Date): string {
  return new Date(Date.parse(deadlineAt) + Math.max(0, resumedAt.getTime() - Date.parse(pausedAt))).toISOString()
}

/** The deadline of a new attempt: the module's time limit times the accommodation factor. */
export function initialDeadline(startedAt: Date, timeLimitMinutes: number, timeFactor: number): string {
  return new Date(startedAt.getTime() + Math.round(timeLimitMinutes * timeFactor * 60_000)).toISOString()
}
