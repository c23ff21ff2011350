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
  return !!cert && cert.status === 'certified' && Date.parse(cert.certifiedUntil) >= Date.parse(sessionEndsAt)
}
