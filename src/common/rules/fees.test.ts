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

describe('voucher batch price and invoice numbers', () => {
  it('prices a batch from the fees of its modules, or not at all when one has no fee', async () => {
    const { voucherBatchPrice } = await import('./fees.js')
    const fees = new Map<string, number | null>([['MM', 5000], ['SRMT', 7000], ['QBA', null]])
    expect(voucherBatchPrice(fees, ['MM', 'SRMT', 'MM'], 3)).toEqual({ unitCents: 12000, totalCents: 36000 })
    expect(voucherBatchPrice(fees, ['MM', 'QBA'], 3)).toBeNull()
    expect(voucherBatchPrice(new Map(), ['MM'], 1)).toBeNull()
  })

  it('numbers invoices with six digits per year', async () => {
    const { invoiceNumber } = await import('./fees.js')
    expect(invoiceNumber(2026, 123)).toBe('INV-2026-000123')
    expect(invoiceNumber(2027, 1234567)).toBe('INV-2027-1234567')
  })
})
