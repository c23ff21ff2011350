// Proctoring rules: how many certified proctors a session needs, and whether a proctor's
// certification covers a session.

/** One certified proctor per `seatsPerProctor` seats, and never fewer than one. */
export function proctorsRequired(seats: number, seatsPerProctor: number): number {
  return Math.max(1, Math.ceil(seats / seatsPerProctor))
}

export interface ProctorCertification {
  status: 'certified' | 'suspended'
  certifiedUntil: string
}

/** Certified, not suspended, and still certified when the session ends. */
export function certificationCovers(cert: ProctorCertification | undefined, sessionEndsAt: string): boolean {
  return certificationShortfall(cert, sessionEndsAt) === null
}

/**
 * Why a certification does not cover a session, or null when it does: no certification, a
 * suspension, or a certification that lapses before the session ends (ending exactly then covers it).
 */
export function certificationShortfall(cert: ProctorCertification | undefined, sessionEndsAt: string): 'not_certified' | 'suspended' | 'lapses_before_end' | null {
  if (!cert) return 'not_certified'
  if (cert.status !== 'certified') return 'suspended'
  return Date.parse(cert.certifiedUntil) >= Date.parse(sessionEndsAt) ? null : 'lapses_before_end'
}
