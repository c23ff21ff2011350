// Who may book a module for a session, from their own history and the program's retake policy:
// one live booking per module (until that sitting is over, cancelled or expired), nothing for a
// module already passed, and the retake policy's waits after attempts that did not pass and its cap
// on attempts in any 12 months. Pure: the server and the web judge with the same function.

const DAY_MS = 86_400_000

export interface RetakePolicy {
  /** The wait after the 1st, 2nd, … attempt that did not pass; the last entry applies to later ones ([] = none). */
  waitDaysAfterAttempt: readonly number[]
  /** Attempts of one module in any 12 months (null = no cap). */
  maxAttemptsPer12Months: number | null
}

export type EligibilityReason = 'MODULE_ALREADY_BOOKED' | 'MODULE_ALREADY_PASSED' | 'RETAKE_TOO_SOON'

export interface RegistrationRecord {
  id: string
  modules: readonly string[]
  status: string
  session: { startsAt: string; endsAt: string; status: string }
}

export interface AttemptRecord {
  registrationId: string
  module: string
  /** When the sitting started (ISO). */
  startedAt: string
  /**
   * `pending` while it runs or waits to be scored. A voided attempt counts as one that did not pass:
   * it was a sitting, and a void is the proctor's answer to an irregularity (staff override when the
   * candidate was not at fault).
   */
  outcome: 'passed' | 'failed' | 'voided' | 'pending'
}

export interface ModuleHistory {
  registrations: readonly RegistrationRecord[]
  attempts: readonly AttemptRecord[]
}

export interface Eligibility {
  module: string
  eligible: boolean
  reason: EligibilityReason | null
  /** With RETAKE_TOO_SOON: the earliest session start the rules allow (ISO). */
  nextEligibleAt: string | null
}

const LIVE = new Set(['pending_payment', 'confirmed', 'waitlisted'])
const OPEN_SESSION = new Set(['scheduled', 'in_progress'])

/**
 * Whether the registration still books the module: it is live, its session is neither over nor
 * closed or cancelled, and the module has not been sat in it (an attempt that ended: scored,
 * voided). A session that ended without an attempt was missed: the booking is over.
 */
export function booksModule(registration: RegistrationRecord, module: string, attempts: readonly AttemptRecord[], now: Date): boolean {
  if (!LIVE.has(registration.status) || !registration.modules.includes(module)) return false
  if (!OPEN_SESSION.has(registration.session.status) || Date.parse(registration.session.endsAt) <= now.getTime()) return false
  return !attempts.some((a) => a.registrationId === registration.id && a.module === module && a.outcome !== 'pending')
}

/** The same UTC date and time twelve months later (29 February moves to 1 March). */
export function twelveMonthsAfter(iso: string): Date {
  const date = new Date(iso)
  date.setUTCFullYear(date.getUTCFullYear() + 1)
  return date
}

/**
 * The earliest moment a retake of the module may start under the policy, from its attempts that did
 * not pass; null when nothing holds it back.
 */
export function retakeAllowedFrom(attempts: readonly AttemptRecord[], policy: RetakePolicy): Date | null {
  const sat = attempts.map((a) => a.startedAt).sort()
  const notPassed = attempts.filter((a) => a.outcome === 'failed' || a.outcome === 'voided').map((a) => a.startedAt).sort()
  let from: number | null = null
  const waits = policy.waitDaysAfterAttempt
  if (notPassed.length > 0 && waits.length > 0) {
    const wait = waits[Math.min(notPassed.length, waits.length) - 1]!
    from = Date.parse(notPassed[notPassed.length - 1]!) + wait * DAY_MS
  }
  const cap = policy.maxAttemptsPer12Months
  if (cap !== null && sat.length >= cap) {
    // With `cap` attempts inside the window no more fit: the next may start when the oldest of the
    // last `cap` attempts has left it.
    const leaves = twelveMonthsAfter(sat[sat.length - cap]!).getTime()
    from = from === null ? leaves : Math.max(from, leaves)
  }
  return from === null ? null : new Date(from)
}

/**
 * Whether the candidate may book `module` for a session starting at `sessionStartsAt`. Checked in this
 * order: passed, booked (a live booking, or an attempt still running), then the retake policy.
 * `replacing` names a registration being moved to the new session: its own booking does not count.
 */
export function moduleEligibility(
  module: string,
  sessionStartsAt: string,
  history: ModuleHistory,
  policy: RetakePolicy,
  now: Date,
  replacing?: string,
): Eligibility {
  const attempts = history.attempts.filter((a) => a.module === module)
  const refuse = (reason: EligibilityReason, nextEligibleAt: string | null = null): Eligibility => ({ module, eligible: false, reason, nextEligibleAt })
  if (attempts.some((a) => a.outcome === 'passed')) return refuse('MODULE_ALREADY_PASSED')
  const booked = history.registrations.some((r) => r.id !== replacing && booksModule(r, module, attempts, now))
  if (booked || attempts.some((a) => a.outcome === 'pending')) return refuse('MODULE_ALREADY_BOOKED')
  const from = retakeAllowedFrom(attempts, policy)
  if (from !== null && Date.parse(sessionStartsAt) < from.getTime()) return refuse('RETAKE_TOO_SOON', from.toISOString())
  return { module, eligible: true, reason: null, nextEligibleAt: null }
}
