// A registration's receipt and calendar invitation, for its candidate (and program staff): what was
// booked, where, when, the amount and how it is paid, under its confirmation number. Read-only; the
// registration, its session and its payment are the registrations and payments services' to change.
import type { ServerContext } from '../../context.js'
import { AppError, notFound } from '../../errors.js'
import { hasRole, requireActor, type Actor } from '../accounts/actor.js'
import type { UserDirectory } from '../accounts/users.service.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { PaymentsService } from './payments.service.js'
import { calendarInvite } from './registration-emails.js'
import { findRegistration } from './registrations.repository.js'
import { sessionPlace } from './session-centers.js'

export function createReceiptsService(ctx: ServerContext, deps: { payments: PaymentsService; program: ProgramService; users: UserDirectory; centers: CenterDirectory }) {
  const { db } = ctx

  /** The registration if the actor may see it: its own candidate or program staff; anyone else is told it does not exist. */
  async function readable(actor: Actor | null, id: string) {
    const who = requireActor(actor)
    const r = await findRegistration(db, id)
    if (!r || (r.candidate_id !== who.userId && !hasRole(who, 'program_staff'))) throw notFound('The registration')
    return r
  }

  return {
    async receipt(actor: Actor | null, id: string) {
      const r = await readable(actor, id)
      const modules = JSON.parse(r.modules) as string[]
      const [place, candidate, amount] = await Promise.all([sessionPlace(db, deps.centers, r.session_id), deps.users.findById(r.candidate_id), deps.payments.receiptAmount(r.id, modules)])
      const fees = new Map(amount.lines.map((l) => [l.module, l.amountCents]))
      return {
        registrationId: r.id, confirmationNumber: r.confirmation_number, status: r.status, bookedAt: r.created_at,
        candidateName: candidate ? `${candidate.first_name} ${candidate.last_name}` : '', candidateEmail: candidate?.email ?? '',
        modules: modules.map((code) => ({ code, name: deps.program.module(code)?.name ?? code, amountCents: fees.get(code) ?? null })),
        centerName: place.name, address: `${place.address_line1}, ${place.city}, ${place.state} ${place.postal_code}`, startsAt: place.starts_at, endsAt: place.ends_at, timeZone: place.time_zone,
        amountCents: amount.amountCents, currency: amount.currency, paymentMethod: r.payment_method, paidAt: r.paid_at, invoice: amount.invoice,
      }
    },

    /** The .ics invitation of a confirmed seat (the same one the confirmation email attaches). */
    async calendar(actor: Actor | null, id: string): Promise<{ filename: string; ics: string }> {
      const r = await readable(actor, id)
      if (r.status !== 'confirmed') throw new AppError('CONFLICT', 'A calendar invitation is given for a confirmed seat only.')
      const place = await sessionPlace(db, deps.centers, r.session_id)
      const ics = await calendarInvite(
        { sessionId: r.session_id, startsAt: place.starts_at, endsAt: place.ends_at, centerName: place.name, address: `${place.address_line1}, ${place.city}, ${place.state} ${place.postal_code}`, timeZone: place.time_zone },
        JSON.parse(r.modules) as string[], r.id,
      )
      return { filename: `mt1-${r.confirmation_number}.ics`, ics }
    },
  }
}

export type ReceiptsService = ReturnType<typeof createReceiptsService>
