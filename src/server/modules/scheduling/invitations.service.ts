// Invitation links to a private session: an onsite company event is never listed nor bookable by the
// public; its employer, its center's administrators or program staff hand out a link whose token lets
// a candidate register through the normal registration (every other rule still applies). The token is
// a 256-bit secret shown once and stored only as its SHA-256 hash; a link lasts until it expires (by
// default 30 days, never past the session's start) and may be used by everyone it is given to.
import type { ServerContext } from '../../context.js'
import { AppError, notFound } from '../../errors.js'
import { newId, newSecret, sha256 } from '../../ids.js'
import { requireActor, type Actor } from '../accounts/actor.js'
import type { AuditService } from '../audit/audit.service.js'
import { organisesSession } from './event-access.js'
import { findInvitationByHash, insertInvitation } from './invitations.repository.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import { findSessionWithCenter } from './session-centers.js'

const DAY = 86_400_000
export const INVITATION_DEFAULT_DAYS = 30

export function createInvitationsService(ctx: ServerContext, deps: { audit: AuditService; centers: CenterDirectory }) {
  const { db } = ctx

  /** The invitation a token names, if it is current (unknown and expired tokens are alike). */
  async function current(token: string) {
    const invitation = await findInvitationByHash(db, sha256(token))
    return invitation && Date.parse(invitation.expires_at) > ctx.clock().getTime() ? invitation : undefined
  }

  return {
    async create(actor: Actor | null, sessionId: string, input: { expiresInDays?: number | undefined }) {
      const who = requireActor(actor)
      const session = await findSessionWithCenter(db, deps.centers, sessionId)
      if (!session) throw notFound('The session')
      if (!(await organisesSession(db, deps.centers, who, session))) {
        throw new AppError('FORBIDDEN', "Only the event's employer, its center's administrators and program staff invite candidates to it.")
      }
      if (session.center_kind !== 'onsite') throw new AppError('RULE_VIOLATION', 'Invitation links are for onsite company events; public sessions are open to every candidate.')
      const now = ctx.clock().getTime()
      if (session.status === 'cancelled' || session.status === 'closed' || Date.parse(session.starts_at) <= now) {
        throw new AppError('SESSION_CLOSED', 'The session has started, closed or been cancelled: nobody can be invited to it now.')
      }
      const token = newSecret()
      const id = newId()
      const expiresAt = new Date(Math.min(now + (input.expiresInDays ?? INVITATION_DEFAULT_DAYS) * DAY, Date.parse(session.starts_at))).toISOString()
      await db.transaction().execute(async (trx) => {
        await insertInvitation(trx, { id, session_id: sessionId, token_hash: sha256(token), created_by: who.userId, created_at: new Date(now).toISOString(), expires_at: expiresAt })
        await deps.audit.record(trx, { actorId: who.userId, action: 'session.invitation_created', entityType: 'session', entityId: sessionId, details: { invitationId: id, expiresAt } })
      })
      return { id, sessionId, token, url: `${ctx.config.publicUrl}/invitation?token=${encodeURIComponent(token)}`, expiresAt }
    },

    /** What an invitation link offers: the session as a candidate sees it in the session finder. */
    async lookup(token: string) {
      const invitation = await current(token)
      const session = invitation ? await findSessionWithCenter(db, deps.centers, invitation.session_id) : undefined
      if (!invitation || !session || session.status === 'cancelled') throw new AppError('NOT_FOUND', 'This invitation link is not valid, or it has expired. Ask the organiser of the event for a new one.')
      return {
        sessionId: session.id, centerId: session.center_id, centerName: session.center_name, city: session.city, state: session.state,
        startsAt: session.starts_at, endsAt: session.ends_at, seatsAvailable: Math.max(0, session.seats - Number(session.seats_taken)),
        modules: JSON.parse(session.modules) as string[], status: session.status, expiresAt: invitation.expires_at, timeZone: session.time_zone,
      }
    },

    /** The current invitation to this session a token names; refuses any other token. */
    async forRegistration(token: string, sessionId: string) {
      const invitation = await current(token)
      if (!invitation || invitation.session_id !== sessionId) {
        throw new AppError('INVITATION_INVALID', 'This invitation link is not valid for this session, or it has expired. Ask the organiser of the event for a new one.')
      }
      return invitation
    },
  }
}

export type InvitationsService = ReturnType<typeof createInvitationsService>
