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

/** The breaks an approved "extra breaks" accommodation allows in one attempt (program data). */
export interface BreakPolicy {
  /** How many breaks one attempt may take. */
  perAttempt: number
  /** How long one break may stop the clock; time beyond it counts. */
  maxMinutes: number
}

/** Whether another break may start, given how many this attempt has taken. */
export const mayTakeBreak = (taken: number, policy: BreakPolicy): boolean => taken < policy.perAttempt

/** When a break that began at pausedAt stops stopping the clock. */
export const breakEndsAt = (pausedAt: string, policy: BreakPolicy): Date => new Date(Date.parse(pausedAt) + policy.maxMinutes * 60_000)

/**
 * The deadline after a break: the break's time does not count, up to the policy's length; a
 * candidate who comes back later loses the time beyond it.
 */
export function deadlineAfterBreak(deadlineAt: string, pausedAt: string, endedAt: Date, policy: BreakPolicy): string {
  const counted = Math.min(endedAt.getTime(), breakEndsAt(pausedAt, policy).getTime())
  return deadlineAfterPause(deadlineAt, pausedAt, new Date(counted))
}
