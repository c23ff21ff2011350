import { describe, expect, it } from 'vitest'
import { booksModule, moduleEligibility, retakeAllowedFrom, twelveMonthsAfter, type AttemptRecord, type ModuleHistory, type RegistrationRecord, type RetakePolicy } from './eligibility.js'

const DAY = 86_400_000
const T = Date.parse('2026-03-02T14:00:00.000Z')
const at = (days: number) => new Date(T + days * DAY).toISOString()
const now = new Date(T + 1 * DAY)
const none: RetakePolicy = { waitDaysAfterAttempt: [], maxAttemptsPer12Months: null }
const waits: RetakePolicy = { waitDaysAfterAttempt: [15, 30, 60], maxAttemptsPer12Months: null }

let seq = 0
function registration(modules: string[], startsInDays: number, over: Partial<RegistrationRecord> = {}, sessionStatus = 'scheduled'): RegistrationRecord {
  return { id: `r${seq++}`, modules, status: 'confirmed', session: { startsAt: at(startsInDays), endsAt: at(startsInDays + 0.25), status: sessionStatus }, ...over }
}
function attempt(module: string, days: number, outcome: AttemptRecord['outcome'], registrationId = `r${seq++}`): AttemptRecord {
  return { registrationId, module, startedAt: at(days), outcome }
}
const history = (registrations: RegistrationRecord[] = [], attempts: AttemptRecord[] = []): ModuleHistory => ({ registrations, attempts })

describe('one live booking per module', () => {
  it('refuses a module booked in a live registration of a session still to come, whatever its status', () => {
    for (const status of ['pending_payment', 'confirmed', 'waitlisted']) {
      const h = history([registration(['MM', 'QBA'], 7, { status })])
      expect(moduleEligibility('MM', at(20), h, none, now)).toEqual({ module: 'MM', eligible: false, reason: 'MODULE_ALREADY_BOOKED', nextEligibleAt: null })
      expect(moduleEligibility('SRMT', at(20), h, none, now).eligible).toBe(true)
    }
  })

  it('frees the module once that registration is cancelled or expired, or its session cancelled or closed', () => {
    for (const status of ['cancelled', 'expired']) expect(moduleEligibility('MM', at(20), history([registration(['MM'], 7, { status })]), none, now).eligible).toBe(true)
    for (const s of ['cancelled', 'closed']) expect(moduleEligibility('MM', at(20), history([registration(['MM'], 7, {}, s)]), none, now).eligible).toBe(true)
  })

  it('frees the module once it was sat in that registration, and holds it while the attempt runs', () => {
    const r = registration(['MM', 'SRMT'], 0, {}, 'in_progress')
    const during = new Date(T + 2 * 3_600_000)
    expect(moduleEligibility('MM', at(20), history([r], [attempt('MM', 0, 'pending', r.id)]), none, during).reason).toBe('MODULE_ALREADY_BOOKED')
    expect(moduleEligibility('MM', at(20), history([r], [attempt('MM', 0, 'failed', r.id)]), none, during).eligible).toBe(true)
    // SRMT, not sat yet in the running session, stays booked.
    expect(moduleEligibility('SRMT', at(20), history([r], [attempt('MM', 0, 'failed', r.id)]), none, during).reason).toBe('MODULE_ALREADY_BOOKED')
  })

  it('counts a session whose end has passed without an attempt as over (a missed sitting)', () => {
    const r = registration(['MM'], 0)
    expect(booksModule(r, 'MM', [], new Date(Date.parse(r.session.endsAt) - 1))).toBe(true)
    expect(booksModule(r, 'MM', [], new Date(Date.parse(r.session.endsAt)))).toBe(false)
  })

  it('does not count the registration being moved', () => {
    const r = registration(['MM'], 7)
    expect(moduleEligibility('MM', at(20), history([r]), none, now, r.id).eligible).toBe(true)
  })

  it('holds a module whose attempt is still running or waiting to be scored, even outside a live booking', () => {
    expect(moduleEligibility('MM', at(20), history([], [attempt('MM', 0, 'pending')]), none, now).reason).toBe('MODULE_ALREADY_BOOKED')
  })
})

describe('a module already passed', () => {
  it('is refused for good, before any other rule', () => {
    const h = history([registration(['MM'], 7)], [attempt('MM', -30, 'failed'), attempt('MM', -10, 'passed')])
    expect(moduleEligibility('MM', at(400), h, waits, now)).toEqual({ module: 'MM', eligible: false, reason: 'MODULE_ALREADY_PASSED', nextEligibleAt: null })
  })
})

describe('the wait after an attempt that did not pass', () => {
  it('allows any retake with the shipped policy (no wait, no cap)', () => {
    expect(moduleEligibility('MM', at(0.5), history([], [attempt('MM', 0, 'failed'), attempt('MM', 0.2, 'failed')]), none, now).eligible).toBe(true)
  })

  it('refuses on day 14 after a first fail with a 15-day wait, naming day 15; accepts day 15 exactly', () => {
    const h = history([], [attempt('MM', 0, 'failed')])
    expect(moduleEligibility('MM', new Date(T + 15 * DAY - 1).toISOString(), h, waits, now)).toEqual({ module: 'MM', eligible: false, reason: 'RETAKE_TOO_SOON', nextEligibleAt: at(15) })
    expect(moduleEligibility('MM', at(14), h, waits, now).nextEligibleAt).toBe(at(15))
    expect(moduleEligibility('MM', at(15), h, waits, now).eligible).toBe(true)
    // Other modules are not held back.
    expect(moduleEligibility('QBA', at(1), h, waits, now).eligible).toBe(true)
  })

  it('waits by the count of attempts that did not pass, from the latest, the last entry applying after', () => {
    const second = [attempt('MM', 0, 'failed'), attempt('MM', 20, 'failed')]
    expect(retakeAllowedFrom(second, waits)?.toISOString()).toBe(at(50))
    const third = [...second, attempt('MM', 60, 'failed')]
    expect(retakeAllowedFrom(third, waits)?.toISOString()).toBe(at(120))
    expect(moduleEligibility('MM', new Date(T + 120 * DAY - 1).toISOString(), history([], third), waits, now).reason).toBe('RETAKE_TOO_SOON')
    expect(moduleEligibility('MM', at(120), history([], third), waits, now).eligible).toBe(true)
    const fifth = [...third, attempt('MM', 130, 'failed'), attempt('MM', 200, 'failed')]
    expect(retakeAllowedFrom(fifth, waits)?.toISOString()).toBe(at(260))
  })

  it('counts a voided attempt as one that did not pass, whatever order the attempts come in', () => {
    const h = [attempt('MM', 20, 'voided'), attempt('MM', 0, 'failed')]
    expect(retakeAllowedFrom(h, waits)?.toISOString()).toBe(at(50))
  })

  it('waits nothing when a wait is zero', () => {
    expect(retakeAllowedFrom([attempt('MM', 0, 'failed')], { waitDaysAfterAttempt: [0, 30], maxAttemptsPer12Months: null })?.toISOString()).toBe(at(0))
    expect(retakeAllowedFrom([], waits)).toBeNull()
  })
})

describe('the cap on attempts in any 12 months', () => {
  const cap2: RetakePolicy = { waitDaysAfterAttempt: [], maxAttemptsPer12Months: 2 }

  it('refuses the third attempt inside 12 months of the oldest counted, until that one leaves the window', () => {
    const h = history([], [attempt('MM', 0, 'failed'), attempt('MM', 40, 'failed')])
    const leaves = twelveMonthsAfter(at(0)).toISOString()
    expect(leaves).toBe('2027-03-02T14:00:00.000Z')
    expect(moduleEligibility('MM', new Date(Date.parse(leaves) - 1).toISOString(), h, cap2, now)).toEqual({ module: 'MM', eligible: false, reason: 'RETAKE_TOO_SOON', nextEligibleAt: leaves })
    expect(moduleEligibility('MM', leaves, h, cap2, now).eligible).toBe(true)
  })

  it('allows attempts under the cap, and counts only the last `cap` attempts', () => {
    expect(moduleEligibility('MM', at(1), history([], [attempt('MM', 0, 'failed')]), cap2, now).eligible).toBe(true)
    const three = [attempt('MM', -400, 'failed'), attempt('MM', -100, 'failed'), attempt('MM', 0, 'failed')]
    expect(retakeAllowedFrom(three, cap2)?.toISOString()).toBe(twelveMonthsAfter(at(-100)).toISOString())
  })

  it('takes the later of the wait and the cap', () => {
    const both: RetakePolicy = { waitDaysAfterAttempt: [400], maxAttemptsPer12Months: 2 }
    const h = [attempt('MM', 0, 'failed'), attempt('MM', 10, 'failed')]
    expect(retakeAllowedFrom(h, both)?.toISOString()).toBe(at(410))
    const shortWait: RetakePolicy = { waitDaysAfterAttempt: [5], maxAttemptsPer12Months: 2 }
    expect(retakeAllowedFrom(h, shortWait)?.toISOString()).toBe(twelveMonthsAfter(at(0)).toISOString())
  })

  it('moves 29 February to 1 March', () => {
    expect(twelveMonthsAfter('2028-02-29T10:00:00.000Z').toISOString()).toBe('2029-03-01T10:00:00.000Z')
  })
})
