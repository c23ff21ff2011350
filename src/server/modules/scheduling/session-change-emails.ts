// What a candidate is told when staff or the center change or cancel their session: what changed
// (old and new, at the center's time), or the reason and what happens to what they paid. Times are
// the center's wall clock with its abbreviation, as every time a person sees.
import { formatZonedRange } from '../../../common/time-zones.js'

export interface SessionFacts {
  startsAt: string
  endsAt: string
  modules: string[]
}

export interface SessionWhere {
  centerName: string
  address: string
  timeZone: string
}

/** The changes a candidate needs to hear about, one sentence each; empty when nothing they see changed. */
export function describeSessionChange(before: SessionFacts, after: SessionFacts, zone: string): string[] {
  const lines: string[] = []
  if (before.startsAt !== after.startsAt || before.endsAt !== after.endsAt) {
    lines.push(`The time changed from ${formatZonedRange(before.startsAt, before.endsAt, zone)} to ${formatZonedRange(after.startsAt, after.endsAt, zone)}.`)
  }
  const added = after.modules.filter((m) => !before.modules.includes(m))
  const removed = before.modules.filter((m) => !after.modules.includes(m))
  if (added.length) lines.push(`The session now also offers ${added.join(', ')}.`)
  if (removed.length) lines.push(`The session no longer offers ${removed.join(', ')}; if you booked it, contact the program to move that module to another session.`)
  return lines
}

/** What became of a cancelled registration's payment. */
export type PaymentFate = 'voucher_returned' | 'invoice_voided' | 'invoice_paid' | 'waived' | 'nothing_paid'

export function paymentFate(r: { payment_method: string | null; voucher_id: string | null; paid_at: string | null }): PaymentFate {
  if (r.payment_method === 'voucher' && r.voucher_id) return 'voucher_returned'
  if (r.payment_method === 'waived') return 'waived'
  if (r.payment_method === 'invoice') return r.paid_at ? 'invoice_paid' : 'invoice_voided'
  return 'nothing_paid'
}

const FATE_TEXT: Record<PaymentFate, string> = {
  voucher_returned: 'The voucher you paid with is available again: use the same code to book another session.',
  invoice_voided: 'Your open invoice is void: you owe nothing for this session.',
  invoice_paid: 'Your invoice was paid. Contact the program to have it refunded or applied to another session.',
  waived: 'Your fee was waived, so nothing was charged.',
  nothing_paid: 'Nothing was charged for this registration.',
}

export const sessionChangeEmails = {
  changed: (name: string, where: SessionWhere, after: SessionFacts, changes: string[]) => ({
    subject: 'Your MT1 session has changed',
    text:
      `Hello ${name},\n\nThe MT1 session you are registered for at ${where.centerName}, ${where.address} has changed:\n\n` +
      `${changes.map((c) => `- ${c}`).join('\n')}\n\n` +
      `The session is now ${formatZonedRange(after.startsAt, after.endsAt, where.timeZone)} and offers ${after.modules.join(', ')}. ` +
      'Your registration stands. If the new time does not suit you, you can move or cancel it from your dashboard.\n',
  }),
  cancelled: (name: string, where: SessionWhere, session: SessionFacts, reason: string, fate: PaymentFate) => ({
    subject: 'Your MT1 session is cancelled',
    text:
      `Hello ${name},\n\nThe MT1 session at ${where.centerName} on ${formatZonedRange(session.startsAt, session.endsAt, where.timeZone)} is cancelled, ` +
      `and your registration with it.\n\nReason: ${reason}\n\n${FATE_TEXT[fate]}\n\nYou can register for another session from your dashboard.\n`,
  }),
}
