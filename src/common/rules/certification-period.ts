// Certification periods of centers and proctors (and, later, trainers): when a renewal ends, whether
// a certification is current, and which expiry reminders are due. One place, so the server's
// enforcement, the reminders and the staff pages agree.

const DAY_MS = 86_400_000

/** Certified (not suspended or merely applied) and not past its end. A missing end never lapses. */
export function certificationCurrent(status: string, certifiedUntil: string | null, now: Date): boolean {
  return status === 'certified' && (certifiedUntil === null || Date.parse(certifiedUntil) > now.getTime())
}

/** `months` calendar months after `from` (UTC), kept on the last day of a shorter month (31 Jan + 1 = 28/29 Feb). */
export function addMonths(from: Date, months: number): Date {
  const target = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 1, from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds()))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay))
  return target
}

/**
 * The end of a renewal by the program's period: a certification still running is extended from its
 * end (renewing early loses nothing); a lapsed one, or a first one, runs from now.
 */
export function renewedUntil(currentUntil: string | null, now: Date, periodMonths: number): string {
  const current = currentUntil === null ? Number.NaN : Date.parse(currentUntil)
  const from = Number.isFinite(current) && current > now.getTime() ? new Date(current) : now
  return addMonths(from, periodMonths).toISOString()
}

/** Whole days from now until the certification ends (0 on its last day, negative once lapsed). */
export function daysUntil(certifiedUntil: string, now: Date): number {
  return Math.floor((Date.parse(certifiedUntil) - now.getTime()) / DAY_MS)
}

/**
 * The reminder leads (days before the end) whose moment has come while the certification still runs,
 * most urgent first. A certification recorded with 20 days left has both 60 and 30 due: the caller
 * sends one reminder (the first) and records them all, so nobody gets two at once.
 */
export function dueReminderLeads(certifiedUntil: string, now: Date, leadsDays: readonly number[]): number[] {
  const end = Date.parse(certifiedUntil)
  if (!(end > now.getTime())) return []
  return [...new Set(leadsDays)].filter((d) => now.getTime() >= end - d * DAY_MS).sort((a, b) => a - b)
}
