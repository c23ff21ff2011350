// The check-in window: a proctor may check candidates in from `opensMinutesBefore` (the program's
// checkinOpensMinutesBefore policy) before the session starts until the session ends. The window is
// half-open: open at exactly opensAt, closed at exactly the session's end.

const MINUTE_MS = 60_000

export interface CheckinWindow {
  opensAt: Date
  closesAt: Date
}

export function checkinWindow(sessionStartsAt: Date | string, sessionEndsAt: Date | string, opensMinutesBefore: number): CheckinWindow {
  return {
    opensAt: new Date(new Date(sessionStartsAt).getTime() - opensMinutesBefore * MINUTE_MS),
    closesAt: new Date(new Date(sessionEndsAt).getTime()),
  }
}

export function checkinOpen(at: Date, window: CheckinWindow): boolean {
  return at.getTime() >= window.opensAt.getTime() && at.getTime() < window.closesAt.getTime()
}
