// The books of registration, read straight from the database, so a test can say whether they balance
// after a race: every session's seat counter equals the registrations holding a seat; a registration
// holds a seat exactly while it is pending payment or confirmed; a voucher pays for at most one live
// registration, and is redeemed exactly when one does (or when the no-show it paid for spent it); a
// registration has at most one open invoice,
// only while it waits for payment; and a live registration that was paid was paid once.
import type { Kysely } from 'kysely'
import type { Database } from '../../src/server/db/schema.js'

const LIVE = ['pending_payment', 'confirmed', 'waitlisted']

export async function bookProblems(db: Kysely<Database>): Promise<string[]> {
  const problems: string[] = []
  const sessions = await db.selectFrom('test_sessions').select(['id', 'seats', 'seats_taken']).execute()
  const registrations = await db.selectFrom('registrations').selectAll().execute()
  for (const s of sessions) {
    const held = registrations.filter((r) => r.session_id === s.id && Number(r.holds_seat) === 1).length
    if (Number(s.seats_taken) !== held) problems.push(`session ${s.id}: seats_taken ${s.seats_taken}, but ${held} registrations hold a seat`)
    if (Number(s.seats_taken) > Number(s.seats)) problems.push(`session ${s.id}: ${s.seats_taken} seats taken of ${s.seats}`)
  }
  for (const r of registrations) {
    const holding = r.status === 'pending_payment' || r.status === 'confirmed'
    if ((Number(r.holds_seat) === 1) !== holding) problems.push(`registration ${r.id} is ${r.status} with holds_seat ${r.holds_seat}`)
  }
  // A no-show forfeits its fee: the voucher that paid for it stays redeemed, spent on it.
  const spent = registrations.filter((r) => LIVE.includes(r.status) || r.status === 'no_show')
  for (const v of await db.selectFrom('vouchers').selectAll().execute()) {
    const paying = spent.filter((r) => r.voucher_id === v.id)
    if (paying.length > 1) problems.push(`voucher ${v.code} pays for ${paying.length} live registrations`)
    if (v.status === 'redeemed' && (paying.length !== 1 || v.registration_id !== paying[0]!.id)) {
      problems.push(`voucher ${v.code} is redeemed for ${v.registration_id}, but pays for [${paying.map((r) => `${r.id} (${r.status})`).join(', ')}]`)
    }
    if (v.status === 'available' && paying.length > 0) problems.push(`voucher ${v.code} is available, but pays for ${paying[0]!.id}`)
  }
  const invoices = await db.selectFrom('invoices').selectAll().execute()
  for (const r of registrations) {
    const open = invoices.filter((i) => i.registration_id === r.id && i.status === 'open')
    if (open.length > 1) problems.push(`registration ${r.id} has ${open.length} open invoices`)
    if (open.length > 0 && r.status !== 'pending_payment') problems.push(`registration ${r.id} is ${r.status} with an open invoice`)
    if (!LIVE.includes(r.status)) continue
    const payments = (r.voucher_id ? 1 : 0) + invoices.filter((i) => i.registration_id === r.id && i.status === 'paid').length + (r.payment_method === 'waived' ? 1 : 0)
    if (r.status === 'confirmed' && r.payment_method !== 'none' && payments !== 1) problems.push(`registration ${r.id} is confirmed (${r.payment_method}) with ${payments} payments`)
    if (r.status === 'pending_payment' && payments !== 0) problems.push(`registration ${r.id} waits for payment but has ${payments}`)
  }
  return problems
}
