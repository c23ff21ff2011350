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
