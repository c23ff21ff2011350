// Fees, as the program sets them: what a registration's modules cost (a module with no fee set costs
// nothing online: the program's own "contact us" arrangement applies), whether a voucher covers a
// registration, and how long an unpaid seat is held. Pure rules: the payments module stores fees,
// vouchers and invoices; the registrations module decides what a registration becomes.

/** The sum of the modules' fees; a module without a fee adds nothing. */
export function amountDue(fees: ReadonlyMap<string, number>, modules: readonly string[]): number {
  return [...new Set(modules)].reduce((sum, m) => sum + (fees.get(m) ?? 0), 0)
}

export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100)
}

/** A voucher code as typed or read aloud: case and spaces do not matter. */
export const normalizeVoucherCode = (code: string): string => code.trim().toUpperCase().replace(/\s+/g, '')

/** A voucher pays for a registration only if it covers every one of its modules. */
export function voucherCovers(covered: readonly string[], modules: readonly string[]): boolean {
  return modules.every((m) => covered.includes(m))
}

/** An unpaid seat is held for `holdHours`, never past the session's start. */
export function holdExpiresAt(now: Date, holdHours: number, sessionStartsAt: string): string {
  return new Date(Math.min(now.getTime() + holdHours * 3_600_000, Date.parse(sessionStartsAt))).toISOString()
}

/**
 * The price of a voucher batch from the fee schedule: one voucher costs the fees of the modules it
 * covers; null when a module has no fee set (the program's "contact us": staff enter the price).
 */
export function voucherBatchPrice(fees: ReadonlyMap<string, number | null>, modules: readonly string[], quantity: number): { unitCents: number; totalCents: number } | null {
  const unique = [...new Set(modules)]
  if (unique.some((m) => fees.get(m) == null)) return null
  const unitCents = unique.reduce((sum, m) => sum + (fees.get(m) ?? 0), 0)
  return { unitCents, totalCents: unitCents * quantity }
}

/** An invoice's human number: INV-2026-000123, sequential per year of issue. */
export function invoiceNumber(year: number, sequence: number): string {
  return `INV-${year}-${String(sequence).padStart(6, '0')}`
}
