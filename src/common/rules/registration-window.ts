// The registration window: a registration must be received at least `leadHours` (48) before the
// session starts. Exactly 48 hours ahead is in time; 47h59m is too late.

const HOUR_MS = 3_600_000

export function isRegistrationInTime(receivedAt: Date, sessionStartsAt: Date, leadHours: number): boolean {
  return sessionStartsAt.getTime() - receivedAt.getTime() >= leadHours * HOUR_MS
}

/** The last moment a registration for a session starting at `sessionStartsAt` is accepted. */
export function registrationDeadline(sessionStartsAt: Date, leadHours: number): Date {
  return new Date(sessionStartsAt.getTime() - leadHours * HOUR_MS)
}

/** The earliest session start a registration received at `now` can still reach. */
export function earliestRegistrableStart(now: Date, leadHours: number): Date {
  return new Date(now.getTime() + leadHours * HOUR_MS)
}
