import { describe, expect, it } from 'vitest'
import { describeSessionChange, paymentFate, sessionChangeEmails } from './session-change-emails.js'

const NY = 'America/New_York'
const base = { startsAt: '2027-03-13T14:00:00.000Z', endsAt: '2027-03-13T18:00:00.000Z', modules: ['MM', 'SRMT'] }

describe('what a candidate is told when their session changes', () => {
  it('says nothing when neither the times nor the modules changed', () => {
    expect(describeSessionChange(base, { ...base, modules: ['SRMT', 'MM'] }, NY)).toEqual([])
  })

  it("names the old and new times at the center's clock, across a daylight-saving change", () => {
    // Moved a day on, over the spring-forward night: EST before, EDT after.
    const moved = { ...base, startsAt: '2027-03-14T13:00:00.000Z', endsAt: '2027-03-14T17:00:00.000Z' }
    expect(describeSessionChange(base, moved, NY)).toEqual([
      'The time changed from Saturday, March 13, 2027, 9:00 AM – 1:00 PM EST to Sunday, March 14, 2027, 9:00 AM – 1:00 PM EDT.',
    ])
  })

  it('names modules added and removed, and what to do about a removed one', () => {
    const lines = describeSessionChange(base, { ...base, modules: ['MM', 'QBA'] }, NY)
    expect(lines).toEqual([
      'The session now also offers QBA.',
      'The session no longer offers SRMT; if you booked it, contact the program to move that module to another session.',
    ])
  })
})

describe('what became of a cancelled registration’s payment', () => {
  it.each([
    [{ payment_method: 'voucher', voucher_id: 'v1', paid_at: '2027-01-01T00:00:00Z' }, 'voucher_returned'],
    [{ payment_method: 'invoice', voucher_id: null, paid_at: null }, 'invoice_voided'],
    [{ payment_method: 'invoice', voucher_id: null, paid_at: '2027-01-01T00:00:00Z' }, 'invoice_paid'],
    [{ payment_method: 'waived', voucher_id: null, paid_at: '2027-01-01T00:00:00Z' }, 'waived'],
    [{ payment_method: null, voucher_id: null, paid_at: null }, 'nothing_paid'],
    [{ payment_method: 'none', voucher_id: null, paid_at: null }, 'nothing_paid'],
  ] as const)('%o is %s', (registration, fate) => {
    expect(paymentFate(registration)).toBe(fate)
  })

  it('puts the reason and the payment outcome in the email', () => {
    const mail = sessionChangeEmails.cancelled('Ada', { centerName: 'Demo Center', address: '1 Main St', timeZone: NY }, base, 'Flooded', 'voucher_returned')
    expect(mail.subject).toBe('Your MT1 session is cancelled')
    expect(mail.text).toContain('Reason: Flooded')
    expect(mail.text).toContain('Saturday, March 13, 2027, 9:00 AM – 1:00 PM EST')
    expect(mail.text).toContain('The voucher you paid with is available again')
  })
})
