// Revocation and reinstatement by program staff. The change, its audit entry (with the reason) and
// nothing else happen in one transaction; the registry and the published status list both read
// credentials.status, so they show the change as soon as it commits. The holder is emailed after.
//
// Revoking a module certificate does not revoke the MS or MT1 built on it: the reasons differ
// (misconduct in one sitting, a mistaken award, identity fraud), staff may want to keep one and not
// the other, and reinstating would then have to undo a cascade it cannot see. Staff revoke each
// credential explicitly; the staff view lists the holder's other credentials beside the one at hand.
import type { ServerContext } from '../../context.js'
import { AppError } from '../../errors.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { ContactDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { ProgramService } from '../program/program.service.js'
import { changeCredentialStatus, credentialForStaff, credentialsOfHolder } from './registry.repository.js'
import { canonicalNumber, holderName, publicStatus } from './registry.service.js'

type Change = 'revoke' | 'reinstate'

const CHANGES = {
  revoke: { from: 'active', to: 'revoked', action: 'credential.revoked', verb: 'revoked' },
  reinstate: { from: 'revoked', to: 'active', action: 'credential.reinstated', verb: 'reinstated' },
} as const

export function createRevocationService(ctx: ServerContext, deps: { audit: AuditService; notifications: NotificationsService; program: ProgramService; contacts: ContactDirectory }) {
  const { db } = ctx
  const program = deps.program.definition

  const credentialName = (type: string) =>
    program.credentials.find((c) => c.code === type)?.name ?? program.modules.find((m) => m.code === type)?.name ?? type

  async function change(actor: Actor | null, input: string, reason: string, kind: Change) {
    const staff = requireRole(actor, 'program_staff')
    const number = canonicalNumber(input)
    reason = reason.trim()
    if (!reason) throw new AppError('VALIDATION', 'Give the reason: the holder is told it and the audit log keeps it.')
    const rule = CHANGES[kind]
    const at = ctx.clock().toISOString()
    const changed = await db.transaction().execute(async (trx) => {
      const row = await changeCredentialStatus(trx, number, { from: rule.from, to: rule.to, reason, at })
      if (!row) {
        const current = await credentialForStaff(trx, number)
        if (!current) throw new AppError('NOT_FOUND', 'No certificate has this number.')
        throw new AppError('CONFLICT', current.status === 'withdrawn'
          ? 'This certificate was withdrawn when its module was rescored; it cannot be revoked or reinstated here.'
          : `This certificate is already ${current.status}.`, { status: current.status })
      }
      await deps.audit.record(trx, { actorId: staff.userId, action: rule.action, entityType: 'credential', entityId: number, reason, details: { type: row.type, candidateId: row.candidate_id } })
      return row
    })
    // The holder's email and name are the accounts module's: asked for after the commit.
    const holder = (await deps.contacts.contactsOf([changed.candidate_id])).get(changed.candidate_id)
    if (holder) {
      const what = `${credentialName(changed.type)} (${changed.type}) certificate ${number}`
      await deps.notifications.send({
        to: holder.email,
        subject: kind === 'revoke' ? 'Your MT1 certificate has been revoked' : 'Your MT1 certificate has been reinstated',
        text: kind === 'revoke'
          ? `Hello ${holder.first_name},\n\nYour ${what} has been revoked by the program. The national registry now shows it as revoked.\n\nReason: ${reason}\n\nIf you believe this is a mistake, reply to this email or contact the program.\n`
          : `Hello ${holder.first_name},\n\nYour ${what} has been reinstated. The national registry shows it as active again.\n\nReason: ${reason}\n`,
      })
    }
    return { certificateNumber: number, status: rule.to, reason, changedAt: at }
  }

  return {
    revoke: (actor: Actor | null, certificateNumber: string, reason: string) => change(actor, certificateNumber, reason, 'revoke'),
    reinstate: (actor: Actor | null, certificateNumber: string, reason: string) => change(actor, certificateNumber, reason, 'reinstate'),

    /** One credential as staff see it, with the holder's other credentials and its status history. */
    async detail(actor: Actor | null, input: string) {
      requireRole(actor, 'program_staff')
      const number = canonicalNumber(input)
      const row = await credentialForStaff(db, number)
      if (!row) throw new AppError('NOT_FOUND', 'No certificate has this number.')
      const [all, history, contacts] = await Promise.all([
        credentialsOfHolder(db, row.candidate_id),
        deps.audit.list(actor, { entityType: 'credential', entityId: number, limit: 50 }),
        deps.contacts.contactsOf([row.candidate_id]),
      ])
      const contact = contacts.get(row.candidate_id)
      return {
        certificateNumber: row.certificate_number, type: row.type, typeName: credentialName(row.type), issuedOn: row.issued_on,
        status: row.status, publicStatus: publicStatus(row.status), statusReason: row.status_reason, statusChangedAt: row.status_changed_at,
        holder: { id: row.candidate_id, name: contact ? holderName(contact) : '', email: contact?.email ?? '', state: row.state ?? null },
        otherCredentials: all.filter((c) => c.certificate_number !== number).map((c) => ({
          certificateNumber: c.certificate_number, type: c.type, typeName: credentialName(c.type), issuedOn: c.issued_on, status: c.status, statusReason: c.status_reason,
        })),
        history: history.items.map((h) => ({ action: h.action, actorEmail: h.actorEmail, reason: h.reason, at: h.createdAt })),
      }
    },
  }
}

export type RevocationService = ReturnType<typeof createRevocationService>
