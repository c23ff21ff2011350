import { describe, expect, it } from 'vitest'
import { centerCertificationCovers, sessionTimesProblem, sessionsOverlap } from './session-schedule.js'

describe('two sessions of one proctor', () => {
  const morning = { startsAt: '2026-12-10T09:00:00.000Z', endsAt: '2026-12-10T12:00:00.000Z' }
  it('overlap when one starts before the other ends, whichever is given first', () => {
    const late = { startsAt: '2026-12-10T11:59:59.999Z', endsAt: '2026-12-10T15:00:00.000Z' }
    expect(sessionsOverlap(morning, late)).toBe(true)
    expect(sessionsOverlap(late, morning)).toBe(true)
    const inside = { startsAt: '2026-12-10T10:00:00.000Z', endsAt: '2026-12-10T11:00:00.000Z' }
    expect(sessionsOverlap(morning, inside)).toBe(true)
    expect(sessionsOverlap(inside, morning)).toBe(true)
    expect(sessionsOverlap(morning, morning)).toBe(true)
  })
  it('do not overlap when one ends exactly when the other starts, or later', () => {
    const afternoon = { startsAt: '2026-12-10T12:00:00.000Z', endsAt: '2026-12-10T15:00:00.000Z' }
    expect(sessionsOverlap(morning, afternoon)).toBe(false)
    expect(sessionsOverlap(afternoon, morning)).toBe(false)
    expect(sessionsOverlap(morning, { startsAt: '2026-12-11T09:00:00.000Z', endsAt: '2026-12-11T12:00:00.000Z' })).toBe(false)
  })
})

describe("a center's certification", () => {
  const end = '2026-12-10T17:00:00.000Z'
  it('covers a session that ends on or before the certification ends, or any session without an end', () => {
    expect(centerCertificationCovers(end, end)).toBe(true)
    expect(centerCertificationCovers('2027-01-01T00:00:00.000Z', end)).toBe(true)
    expect(centerCertificationCovers(null, end)).toBe(true)
  })
  it('does not cover a session that ends after it', () => {
    expect(centerCertificationCovers('2026-12-10T16:59:59.999Z', end)).toBe(false)
    expect(centerCertificationCovers('2026-12-09T17:00:00.000Z', end)).toBe(false)
  })
})

describe('sessionTimesProblem', () => {
  const now = new Date('2027-03-01T12:00:00.000Z')
  const at = (iso: string) => iso
  it('accepts a day session and refuses one that ends before it starts', () => {
    expect(sessionTimesProblem({ startsAt: at('2027-03-10T08:00:00.000Z'), endsAt: at('2027-03-10T16:00:00.000Z') }, now)).toBeNull()
    expect(sessionTimesProblem({ startsAt: at('2027-03-10T08:00:00.000Z'), endsAt: at('2027-03-10T08:00:00.000Z') }, now)).toMatch(/end after it starts/)
  })
  it('refuses a session longer than a day', () => {
    expect(sessionTimesProblem({ startsAt: '2027-03-10T08:00:00.000Z', endsAt: '2027-03-11T08:00:00.000Z' }, now)).toBeNull()
    expect(sessionTimesProblem({ startsAt: '2027-03-10T08:00:00.000Z', endsAt: '2027-03-11T08:00:00.001Z' }, now)).toMatch(/at most 24 hours/)
  })
  it('refuses a session more than two years ahead, such as one at the end of year 9999', () => {
    expect(sessionTimesProblem({ startsAt: '2029-02-28T12:00:00.000Z', endsAt: '2029-02-28T14:00:00.000Z' }, now)).toBeNull()
    expect(sessionTimesProblem({ startsAt: '2029-03-01T12:00:00.001Z', endsAt: '2029-03-01T14:00:00.000Z' }, now)).toMatch(/730 days ahead/)
    expect(sessionTimesProblem({ startsAt: '9999-12-31T20:00:00.000Z', endsAt: '9999-12-31T23:59:59.999Z' }, now)).toMatch(/730 days ahead/)
  })
})
