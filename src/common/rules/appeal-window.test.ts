import { describe, expect, it } from 'vitest'
import { appealDeadline, appealRefusal } from './appeal-window.js'

describe('appeal window', () => {
  const noticedAt = '2026-03-01T12:00:00.000Z'
  it('ends the given number of days after the notice', () => {
    expect(appealDeadline(noticedAt, 30)).toBe('2026-03-31T12:00:00.000Z')
    expect(appealDeadline(null, 30)).toBeNull()
  })
  it('takes an appeal on a held or voided result until the deadline, and not a millisecond after', () => {
    expect(appealRefusal({ status: 'held', appealStatus: null, noticedAt }, 30, new Date('2026-03-31T12:00:00.000Z'))).toBeNull()
    expect(appealRefusal({ status: 'voided', appealStatus: null, noticedAt }, 30, new Date('2026-03-02T00:00:00.000Z'))).toBeNull()
    expect(appealRefusal({ status: 'held', appealStatus: null, noticedAt }, 30, new Date('2026-03-31T12:00:00.001Z'))).toBe('window_closed')
  })
  it('refuses a second appeal and an appeal on a case that holds nothing', () => {
    expect(appealRefusal({ status: 'held', appealStatus: 'denied', noticedAt }, 30, new Date(noticedAt))).toBe('appeal_exists')
    expect(appealRefusal({ status: 'open', appealStatus: null, noticedAt: null }, 30, new Date(noticedAt))).toBe('not_appealable')
    expect(appealRefusal({ status: 'released', appealStatus: null, noticedAt }, 30, new Date(noticedAt))).toBe('not_appealable')
  })
})
