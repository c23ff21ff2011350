import { describe, expect, it } from 'vitest'
import { checkinOpen, checkinWindow } from './checkin-window.js'

describe('the check-in window', () => {
  const startsAt = '2026-12-10T14:00:00.000Z'
  const endsAt = '2026-12-10T18:00:00.000Z'
  const window = checkinWindow(startsAt, endsAt, 60)
  const at = (iso: string, deltaMs = 0) => new Date(Date.parse(iso) + deltaMs)

  it('opens the configured minutes before the start and closes at the end', () => {
    expect(window.opensAt.toISOString()).toBe('2026-12-10T13:00:00.000Z')
    expect(window.closesAt.toISOString()).toBe(endsAt)
    expect(checkinWindow(startsAt, endsAt, 0).opensAt.toISOString()).toBe(startsAt)
  })

  it('is closed a millisecond before it opens, open at the opening and until the last millisecond of the session', () => {
    expect(checkinOpen(at('2026-12-10T13:00:00.000Z', -1), window)).toBe(false)
    expect(checkinOpen(at('2026-12-10T13:00:00.000Z'), window)).toBe(true)
    expect(checkinOpen(at(startsAt), window)).toBe(true)
    expect(checkinOpen(at(endsAt, -1), window)).toBe(true)
  })

  it('is closed at and after the session\'s end', () => {
    expect(checkinOpen(at(endsAt), window)).toBe(false)
    expect(checkinOpen(at(endsAt, 86_400_000), window)).toBe(false)
  })
})
