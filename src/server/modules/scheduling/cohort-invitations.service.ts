// A cohort upload never registers an account that already exists: its holder may not know the center,
// and the account may not even be a candidate's. Instead the person is emailed an invitation (a 256-bit
// token stored as its SHA-256 hash, valid for seven days and never past the session's start) and is
// registered only when they accept it, logged in, with the account it was sent to. The uploader's
// report says "invited" for every existing account, whatever its roles, so an upload tells nobody
// which addresses belong to proctors or staff.
import { formatZonedDateTime, formatZonedRange } from '../../../common/time-zones.js'
import type { ServerContext } from '../../context.js'
import { AppError, notFound } from '../../errors.js'
import { newId, newSecret, sha256 } from '../../ids.js'
import { requireActor, requireRole, type Actor } from '../accounts/actor.js'
import type { AuditService } from '../audit/audit.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import {
  deleteOpenCohortInvitations, findCohortInvitationByHash, insertCohortInvitation, markCohortInvitationAccepted,
} from './cohort-invitations.repository.js'
import type { RegistrationsService } from './registrations.service.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import { findSessionWithCenter } from './session-centers.js'

export const COHORT_INVITATION_TTL_MS = 7 * 86_400_000

const invalid = () => new AppError('INVITATION_INVALID', 'This invitation is not valid for your account, or it has expired. Ask the assessment center to invite you again.')

export function createCohortInvitations(
  ctx: ServerContext,
  deps: { audit: AuditService; notifications: NotificationsService; registrations: RegistrationsService; centers: CenterDirectory },
) {
  const { db } = ctx

  /** The invitation a token names, for the account it was sent to (anyone else: as if unknown). */
  async function forHolder(actor: Actor, token: string) {
    const invitation = await findCohortInvitationByHash(db, sha256(token))
    if (!invitation || invitation.user_id !== actor.userId) throw invalid()
    return invitation
  }

  return {
    /** Records an invitation and emails it. Called for a cohort row whose email has an account. */
    async invite(input: { createdBy: string; sessionId: string; user: { id: string; email: string; first_name: string }; modules: string[] }): Promise<void> {
      const session = await findSessionWithCenter(db, deps.centers, input.sessionId)
      if (!session) throw new AppError('NOT_FOUND', 'The session was not found.')
      const token = newSecret()
      const id = newId()
      const now = ctx.clock().getTime()
      const expiresAt = new Date(Math.min(now + COHORT_INVITATION_TTL_MS, Date.parse(session.starts_at))).toISOString()
      await db.transaction().execute(async (trx) => {
        await deleteOpenCohortInvitations(trx, input.user.id, input.sessionId)
        await insertCohortInvitation(trx, {
          id, token_hash: sha256(token), session_id: input.sessionId, user_id: input.user.id, modules: JSON.stringify(input.modules),
          created_by: input.createdBy, created_at: new Date(now).toISOString(), expires_at: expiresAt, accepted_at: null, registration_id: null,
        })
        await deps.audit.record(trx, {
          actorId: input.createdBy, action: 'cohort_invitation.created', entityType: 'session', entityId: input.sessionId,
          details: { invitationId: id, userId: input.user.id, modules: input.modules, expiresAt },
        })
      })
      const link = `${ctx.config.publicUrl}/cohort-invitation?token=${encodeURIComponent(token)}`
      await deps.notifications.send({
        to: input.user.email,
        subject: 'An invitation to register for MT1 assessment',
        text: `Hello ${input.user.first_name},\n\n${session.center_name} (${session.city}, ${session.state}) asked to register you for MT1 assessment on ${formatZonedRange(session.starts_at, session.ends_at, session.time_zone)}, modules ${input.modules.join(', ')}.\n\nYou already have an MT1 Certification account, so nothing is booked until you accept. To accept, open this link and log in with this email address (the link works until ${formatZonedDateTime(expiresAt, session.time_zone)}):\n\n${link}\n\nIf you do not want to sit this session, ignore this email: nothing happens unless you accept.\n`,
      })
    },

    /** What an invitation offers, to the person it was sent to. */
    async lookup(actor: Actor | null, token: string) {
      const who = requireActor(actor)
      const invitation = await forHolder(who, token)
      const expired = Date.parse(invitation.expires_at) <= ctx.clock().getTime()
      const center = await deps.centers.find(invitation.center_id)
      if (!center) throw notFound('The center')
      return {
        sessionId: invitation.session_id, centerId: invitation.center_id, centerName: center.name, city: center.city, state: center.state,
        startsAt: invitation.starts_at, endsAt: invitation.ends_at, modules: JSON.parse(invitation.modules) as string[], expiresAt: invitation.expires_at,
        status: invitation.accepted_at ? ('accepted' as const) : expired || invitation.session_status === 'cancelled' ? ('expired' as const) : ('open' as const),
        registrationId: invitation.registration_id, timeZone: center.time_zone,
      }
    },

    /**
     * The invited person accepts: they are registered as if the center had registered them (every
     * registration rule applies: eligibility, seats with the waitlist, fees). The registration's
     * one-live-per-candidate index keeps two clicks from registering twice.
     */
    async accept(actor: Actor | null, token: string) {
      const who = requireRole(actor, 'candidate')
      const invitation = await forHolder(who, token)
      if (invitation.accepted_at) {
        throw new AppError('CONFLICT', 'You have already accepted this invitation.', { registrationId: invitation.registration_id })
      }
      if (Date.parse(invitation.expires_at) <= ctx.clock().getTime()) throw invalid()
      const modules = JSON.parse(invitation.modules) as string[]
      const registration = await deps.registrations.registerOnBehalf(who.userId, who.userId, { sessionId: invitation.session_id, modules, waitlist: true })
      const at = ctx.clock().toISOString()
      await db.transaction().execute(async (trx) => {
        if (await markCohortInvitationAccepted(trx, invitation.id, at, registration.id)) {
          await deps.audit.record(trx, {
            actorId: who.userId, action: 'cohort_invitation.accepted', entityType: 'session', entityId: invitation.session_id,
            details: { invitationId: invitation.id, registrationId: registration.id },
          })
        }
      })
      return registration
    },
  }
}

export type CohortInvitations = ReturnType<typeof createCohortInvitations>
