import { describe, expect, it } from 'vitest'
import { isRegistrationInTime, registrationDeadline } from './registration-window.js'

const startsAt = new Date('2026-12-10T13:00:00.000Z')
const minutesBefore = (m: number) => new Date(startsAt.getTime() - m * 60_000)

describe('the 48-hour registration rule', () => {
  it('accepts a registration exactly 48 hours ahead', () => {
    expect(isRegistrationInTime(minutesBefore(48 * 60), startsAt, 48)).toBe(true)
  })
  it('refuses 47 hours 59 minutes ahead', () => {
    expect(isRegistrationInTime(minutesBefore(48 * 60 - 1), startsAt, 48)).toBe(false)
  })
  it('refuses one millisecond late', () => {
    expect(isRegistrationInTime(new Date(startsAt.getTime() - 48 * 3_600_000 + 1), startsAt, 48)).toBe(false)
  })
  it('accepts well ahead and refuses after the start', () => {
    expect(isRegistrationInTime(minutesBefore(14 * 24 * 60), startsAt, 48)).toBe(true)
    expect(isRegistrationInTime(minutesBefore(-5), startsAt, 48)).toBe(false)
  })
  it('names the deadline', () => {
    expect(registrationDeadline(startsAt, 48).toISOString()).toBe('2026-12-08T13:00:00.000Z')
  })
})
