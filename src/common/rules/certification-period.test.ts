import { describe, expect, it } from 'vitest'
import { addMonths, certificationCurrent, daysUntil, dueReminderLeads, renewedUntil } from './certification-period.js'

const now = new Date('2026-03-15T10:00:00.000Z')

describe('a certification period', () => {
  it('is current while certified and before its end', () => {
    expect(certificationCurrent('certified', '2026-03-16T00:00:00.000Z', now)).toBe(true)
    expect(certificationCurrent('certified', '2026-03-15T10:00:00.000Z', now)).toBe(false)
    expect(certificationCurrent('suspended', '2027-01-01T00:00:00.000Z', now)).toBe(false)
    expect(certificationCurrent('applied', null, now)).toBe(false)
    expect(certificationCurrent('certified', null, now)).toBe(true)
  })

  it('adds calendar months, keeping to the end of a shorter month', () => {
    expect(addMonths(new Date('2026-01-31T12:00:00.000Z'), 1).toISOString()).toBe('2026-02-28T12:00:00.000Z')
    expect(addMonths(new Date('2026-03-15T10:00:00.000Z'), 24).toISOString()).toBe('2028-03-15T10:00:00.000Z')
  })

  it('renews from the current end while it runs, and from now once lapsed', () => {
    expect(renewedUntil('2026-05-01T00:00:00.000Z', now, 24)).toBe('2028-05-01T00:00:00.000Z')
    expect(renewedUntil('2026-01-01T00:00:00.000Z', now, 24)).toBe('2028-03-15T10:00:00.000Z')
    expect(renewedUntil(null, now, 12)).toBe('2027-03-15T10:00:00.000Z')
  })

  it('counts whole days left', () => {
    expect(daysUntil('2026-04-14T10:00:00.000Z', now)).toBe(30)
    expect(daysUntil('2026-04-14T09:59:59.000Z', now)).toBe(29)
    expect(daysUntil('2026-03-14T10:00:00.000Z', now)).toBe(-1)
  })
})

describe('expiry reminders', () => {
  const leads = [60, 30]
  it('are due from their lead until the end, most urgent first', () => {
    expect(dueReminderLeads('2026-05-15T10:00:00.000Z', now, leads)).toEqual([])
    expect(dueReminderLeads('2026-05-14T10:00:00.000Z', now, leads)).toEqual([60])
    expect(dueReminderLeads('2026-04-14T10:00:00.000Z', now, leads)).toEqual([30, 60])
    expect(dueReminderLeads('2026-03-15T10:00:00.000Z', now, leads)).toEqual([])
  })
})
