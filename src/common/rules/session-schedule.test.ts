import { describe, expect, it } from 'vitest'
import { centerCertificationCovers, sessionsOverlap } from './session-schedule.js'

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
