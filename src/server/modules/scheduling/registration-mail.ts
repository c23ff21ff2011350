// What a registration tells its candidate, always after the transaction that changed it has
// committed: the seat confirmed (with a calendar invitation), held until payment, waitlisted,
// promoted, cancelled, or a reminder. The wording is registration-emails.ts.
import type { ServerContext } from '../../context.js'
import type { UserDirectory } from '../accounts/users.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { PaymentsService } from './payments.service.js'
import { calendarInvite, registrationEmails, type SessionPlace } from './registration-emails.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import { waitlistPosition, type RegistrationRow } from './registrations.repository.js'
import { sessionPlace } from './session-centers.js'

export function createRegistrationMail(ctx: ServerContext, deps: { notifications: NotificationsService; payments: PaymentsService; users: UserDirectory; centers: CenterDirectory }) {
  const { db } = ctx

  async function place(sessionId: string): Promise<SessionPlace> {
    const row = await sessionPlace(db, deps.centers, sessionId)
    return { sessionId, startsAt: row.starts_at, endsAt: row.ends_at, centerName: row.name, address: `${row.address_line1}, ${row.city}, ${row.state} ${row.postal_code}`, timeZone: row.time_zone }
  }

  async function tell(candidateId: string, message: (name: string, where: SessionPlace) => { subject: string; text: string }, sessionId: string, invite?: { modules: string[]; registrationId: string }) {
    const user = await deps.users.findById(candidateId)
    if (!user) return
    const where = await place(sessionId)
    const { subject, text } = message(user.first_name, where)
    const ics = invite ? await calendarInvite(where, invite.modules, invite.registrationId) : undefined
    await deps.notifications.send({
      to: user.email, subject, text,
      ...(ics !== undefined ? { attachments: [{ filename: 'mt1-assessment.ics', content: ics, contentType: 'text/calendar; method=PUBLISH; charset=utf-8' }] } : {}),
    })
  }

  /** Tells the candidate what their registration now is: confirmed, held until payment, or waitlisted. */
  async function announce(row: RegistrationRow) {
    const modules = JSON.parse(row.modules) as string[]
    if (row.status === 'confirmed') await tell(row.candidate_id, (n, w) => registrationEmails.confirmed(n, w, modules, row.confirmation_number), row.session_id, { modules, registrationId: row.id })
    else if (row.status === 'pending_payment') {
      // A seat moved with its open invoice has no hold to announce: the invoice stands.
      if (!row.hold_expires_at) return
      const due = await deps.payments.amountDue(db, modules)
      await tell(row.candidate_id, (n, w) => registrationEmails.held(n, w, modules, row.hold_expires_at!, due.label, row.confirmation_number), row.session_id)
    } else if (row.status === 'waitlisted') {
      const position = await waitlistPosition(db, row.session_id, Number(row.queue_no))
      await tell(row.candidate_id, (n, w) => registrationEmails.waitlisted(n, w, position, row.confirmation_number), row.session_id)
    }
  }

  return { tell, announce }
}
