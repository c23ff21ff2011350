// Cancelling a session (program staff, or an administrator of its center) with a required reason.
// One transaction: the session is marked cancelled only while it is still open (so two cancels, or a
// cancel racing the proctor's close, cannot both win), every live registration is cancelled with it,
// releasing its seat, giving its voucher back and voiding its open invoice, and each step is audited.
// After the commit every candidate who was registered, waitlisted too, is told the reason and what
// happens to what they paid.
import type { ServerContext } from '../../context.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { hasRole, requireRole, type Actor } from '../accounts/actor.js'
import type { UserDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { RegistrationsService } from './registrations.service.js'
import { paymentFate, sessionChangeEmails } from './session-change-emails.js'
import { cancelOpenSession } from './session-operations.repository.js'
import type { SessionAdminService } from './session-admin.service.js'
import { centerAddress, centerTimeZone } from './session-operations.service.js'
import { findSession } from './sessions.repository.js'

export function createSessionCancellation(
  ctx: ServerContext,
  deps: { audit: AuditService; centers: CenterDirectory; users: UserDirectory; notifications: NotificationsService; registrations: RegistrationsService; sessionAdmin: SessionAdminService },
) {
  const { db } = ctx

  return async function cancelSession(actor: Actor | null, id: string, reason: string) {
    const who = requireRole(actor, 'program_staff', 'center_admin')
    const session = await findSession(db, id)
    if (!session) throw notFound('The session')
    if (!hasRole(who, 'program_staff') && !(await deps.centers.isMember(session.center_id, who.userId))) {
      throw new AppError('FORBIDDEN', "Only this center's administrators and program staff manage its sessions.")
    }
    const why = reason.trim()
    if (why.length < 3) throw new AppError('VALIDATION', 'Give the reason for cancelling (at least 3 characters).', [{ field: 'reason', message: 'Give the reason for cancelling (at least 3 characters).' }])
    if (session.status === 'cancelled' || session.status === 'closed') throw new AppError('SESSION_CLOSED', `The session is already ${session.status}.`)
    const ended = await inTransaction(db, async (trx) => {
      if (!(await cancelOpenSession(trx, id, why))) throw new AppError('SESSION_CLOSED', 'The session was cancelled or closed meanwhile.')
      await deps.audit.record(trx, { actorId: who.userId, action: 'session.cancelled', entityType: 'session', entityId: id, reason: why })
      return deps.registrations.cancelAllIn(trx, id, why, who.userId)
    })
    const center = await deps.centers.find(session.center_id)
    const where = { centerName: center?.name ?? '', address: center ? centerAddress(center) : '', timeZone: centerTimeZone(center) }
    const when = { startsAt: session.starts_at, endsAt: session.ends_at, modules: JSON.parse(session.modules) as string[] }
    const contacts = await deps.users.contactsOf(ended.map((r) => r.candidate_id))
    for (const r of ended) {
      const c = contacts.get(r.candidate_id)
      if (c) await deps.notifications.send({ to: c.email, ...sessionChangeEmails.cancelled(c.first_name, where, when, why, paymentFate(r)) })
    }
    return deps.sessionAdmin.get(id)
  }
}
