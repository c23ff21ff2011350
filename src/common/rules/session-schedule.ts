// Scheduling rules: a proctor is in one session at a time, and a center schedules only within its
// certification.

export interface TimeRange {
  startsAt: string
  endsAt: string
}

/**
 * Whether two sessions' times overlap. Ranges are half-open, so a session that ends exactly when
 * the other starts does not overlap it (a proctor may run both, back to back).
 */
export function sessionsOverlap(a: TimeRange, b: TimeRange): boolean {
  return Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt)
}

/** A center certified with no end date covers any session; otherwise the session must end by then. */
export function centerCertificationCovers(certifiedUntil: string | null, sessionEndsAt: string): boolean {
  return certifiedUntil === null || Date.parse(certifiedUntil) >= Date.parse(sessionEndsAt)
}

/**
 * The longest a session may last: one day's sitting. Modules are timed in minutes and a room runs
 * one day at a time, so a longer session is a typing error (and an unbounded one could push dates the
 * server derives from it, such as an onsite center's certification, past what it can store).
 */
export const MAX_SESSION_HOURS = 24

/** How far ahead a session may be scheduled: two years, longer than any center's planning. */
export const MAX_SCHEDULE_AHEAD_DAYS = 730

/** Why a session's times cannot be scheduled now, or null when they can. */
export function sessionTimesProblem(range: TimeRange, now: Date): string | null {
  const starts = Date.parse(range.startsAt)
  const ends = Date.parse(range.endsAt)
  if (ends <= starts) return 'The session must end after it starts.'
  if (ends - starts > MAX_SESSION_HOURS * 3_600_000) return `A session lasts at most ${MAX_SESSION_HOURS} hours.`
  if (starts > now.getTime() + MAX_SCHEDULE_AHEAD_DAYS * 86_400_000) return `A session is scheduled at most ${MAX_SCHEDULE_AHEAD_DAYS} days ahead.`
  return null
}
