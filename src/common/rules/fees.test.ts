import { describe, expect, it } from 'vitest'
import { amountDue, formatMoney, holdExpiresAt, normalizeVoucherCode, voucherCovers } from './fees.js'

describe('fees', () => {
  const fees = new Map([['MM', 5000], ['SRMT', 7500]])

  it('adds the fees of the modules, a module without a fee adding nothing, each module once', () => {
    expect(amountDue(fees, ['MM', 'SRMT'])).toBe(12_500)
    expect(amountDue(fees, ['QBA'])).toBe(0)
    expect(amountDue(fees, ['MM', 'MM'])).toBe(5000)
    expect(amountDue(new Map(), ['MM'])).toBe(0)
  })

  it('formats cents in the program currency', () => {
    expect(formatMoney(12_550, 'USD')).toBe('$125.50')
  })

  it('reads voucher codes whatever their case and spacing', () => {
    expect(normalizeVoucherCode('  mt1-abcd - efgh ')).toBe('MT1-ABCD-EFGH')
  })

  it('lets a voucher pay only for registrations whose every module it covers', () => {
    expect(voucherCovers(['MM', 'SRMT'], ['MM'])).toBe(true)
    expect(voucherCovers(['MM'], ['MM', 'QBA'])).toBe(false)
  })

  it('holds an unpaid seat for the policy hours, never past the start', () => {
    const now = new Date('2026-05-01T10:00:00.000Z')
    expect(holdExpiresAt(now, 72, '2026-06-01T10:00:00.000Z')).toBe('2026-05-04T10:00:00.000Z')
    expect(holdExpiresAt(now, 72, '2026-05-02T09:00:00.000Z')).toBe('2026-05-02T09:00:00.000Z')
  })
})
