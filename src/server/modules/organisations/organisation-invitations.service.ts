// Invitations to an organisation (issue 14), like a sponsored training seat's: staff invite a new
// organisation's first owner, owners invite colleagues, each by email with a 256-bit token stored as
// its SHA-256 hash. The invitee opens the link logged in with the address it was sent to (accounts do
// not verify email, so the token is the proof and the address keeps a forwarded link from admitting
// someone else; without an account they sign up first). Accepting makes them a member and grants the
// platform role of the organisation's kind (employer, college partner) in one transaction.
import { invitationExpiry, invitationState, roleOfKind, type OrganisationRole } from '../../../common/rules/organisations.js'
import type { InviteToOrganisationBody, OrganisationInvitationList, OrganisationInvitationOffer, OrganisationInvitationView, MyOrganisationView } from '../../../common/schemas/organisations.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx, Tx } from '../../db/database.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { newId, newSecret, sha256 } from '../../ids.js'
import { requireActor, requireRole, type Actor } from '../accounts/actor.js'
import { normalizeEmail } from '../accounts/auth.service.js'
import type { UserDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import { organisationEmails } from './organisation-emails.js'
import { organisationView } from './organisation-view.js'
import {
  acceptInvitation, findInvitation, findInvitationByTokenHash, findOrganisation, insertInvitation, insertMember, membershipOf, unansweredInvitation,
  unansweredInvitations, withdrawInvitation, type InvitationRow, type MemberRow, type OrganisationRow,
} from './organisations.repository.js'

type Access = (actor: Actor | null, id: string) => Promise<{ who: Actor; org: OrganisationRow; membership: MemberRow | undefined; staff: boolean }>

/** An invitation written in a transaction, to be emailed once it commits. */
export interface PendingInvitation { to: string; subject: string; text: string }

export function createOrganisationInvitations(
  ctx: ServerContext,
  deps: { audit: AuditService; notifications: NotificationsService; users: UserDirectory; manage: Access; access: Access },
) {
  const { db } = ctx
  const nameOf = async (id: string | null, within: DbOrTx = db) => {
    if (!id) return null
    const c = (await deps.users.contactsOf([id], within)).get(id)
    return c ? `${c.first_name} ${c.last_name}` : null
  }

  const view = (r: InvitationRow, names: Map<string, string>): OrganisationInvitationView => ({
    id: r.id, email: r.email, role: r.role, status: invitationState(r, ctx.clock()), invitedBy: r.invited_by ? (names.get(r.invited_by) ?? null) : null,
    createdAt: r.created_at, expiresAt: r.expires_at,
  })

  /** The invitation a token names, for the account of the address it was sent to (anyone else: as if unknown). */
  async function invitationFor(who: Actor, token: string): Promise<{ inv: InvitationRow; org: OrganisationRow }> {
    const inv = await findInvitationByTokenHash(db, sha256(token))
    const org = inv ? await findOrganisation(db, inv.organisation_id) : undefined
    if (!inv || !org || inv.email !== normalizeEmail(who.email)) {
      throw new AppError('INVITATION_INVALID', 'This invitation is not valid for your account. Log in with the email address it was sent to.')
    }
    return { inv, org }
  }

  const invitations = {
    /**
     * Writes an invitation in the caller's transaction and returns the email to send after the commit.
     * A member already, or an invitation still open for the address: refused. An expired one is replaced.
     */
    async inviteIn(trx: Tx, inviter: Actor, org: OrganisationRow, rawEmail: string, role: OrganisationRole): Promise<PendingInvitation> {
      const email = normalizeEmail(rawEmail)
      const account = await deps.users.findByEmail(email, trx)
      if (account && (await membershipOf(trx, org.id, account.id))) throw new AppError('CONFLICT', `${email} is already a member of ${org.name}.`, { field: 'email' })
      const at = ctx.clock()
      const waiting = await unansweredInvitation(trx, org.id, email)
      if (waiting && invitationState(waiting, at) === 'open') {
        throw new AppError('CONFLICT', `An invitation to ${email} is already waiting: withdraw it first to send a new one.`, { field: 'email', invitationId: waiting.id })
      }
      if (waiting) await withdrawInvitation(trx, waiting.id, at.toISOString())
      const token = newSecret()
      const row: InvitationRow = {
        id: newId(), organisation_id: org.id, email, role, token_hash: sha256(token), invited_by: inviter.userId,
        created_at: at.toISOString(), expires_at: invitationExpiry(at), accepted_at: null, accepted_by: null, withdrawn_at: null,
      }
      await insertInvitation(trx, row)
      await deps.audit.record(trx, { actorId: inviter.userId, action: 'organisation.invited', entityType: 'organisation', entityId: org.id, details: { invitationId: row.id, email, role } })
      const link = `${ctx.config.publicUrl}/organisations/invitation?token=${encodeURIComponent(token)}`
      const inviterName = (await nameOf(inviter.userId, trx)) ?? 'The MT1 program'
      return { to: email, ...organisationEmails.invitation({ organisation: org.name, kind: org.kind, role, inviter: inviterName, link, expiresOn: row.expires_at.slice(0, 10) }) }
    },

    async deliver(sent: PendingInvitation): Promise<void> {
      await deps.notifications.send(sent)
    },

    /** Staff invite someone by email to any organisation (its first owner by default). */
    async staffInvite(actor: Actor | null, organisationId: string, input: InviteToOrganisationBody): Promise<OrganisationInvitationView> {
      requireRole(actor, 'program_staff')
      return invitations.invite(actor, organisationId, { ...input, role: input.role ?? 'owner' })
    },

    /** Staff or an owner invites someone by email (a member by default). */
    async invite(actor: Actor | null, organisationId: string, input: InviteToOrganisationBody): Promise<OrganisationInvitationView> {
      const { who, org } = await deps.manage(actor, organisationId)
      const role = input.role ?? 'member'
      const email = normalizeEmail(input.email)
      const sent = await inTransaction(db, (trx) => invitations.inviteIn(trx, who, org, email, role)).catch(async (err: unknown) => {
        // The one-open-invitation index decides between two invitations of one address at once.
        if (!(err instanceof AppError) && (await unansweredInvitation(db, org.id, email))) throw new AppError('CONFLICT', `An invitation to ${email} is already waiting.`, { field: 'email' })
        throw err
      })
      await invitations.deliver(sent)
      const row = (await unansweredInvitation(db, org.id, email))!
      return view(row, new Map([[who.userId, (await nameOf(who.userId)) ?? '']]))
    },

    /** The invitations not yet accepted or withdrawn (expired ones too, marked), to staff and owners. */
    async list(actor: Actor | null, organisationId: string): Promise<OrganisationInvitationList> {
      await deps.manage(actor, organisationId)
      const rows = await unansweredInvitations(db, organisationId)
      const contacts = await deps.users.contactsOf(rows.map((r) => r.invited_by).filter((x): x is string => !!x))
      const names = new Map([...contacts].map(([id, c]) => [id, `${c.first_name} ${c.last_name}`]))
      return { items: rows.map((r) => view(r, names)), nextCursor: null }
    },

    /** Staff or an owner withdraws an invitation not yet accepted: its link stops working at once. */
    async withdraw(actor: Actor | null, organisationId: string, invitationId: string): Promise<void> {
      const { who } = await deps.manage(actor, organisationId)
      const inv = await findInvitation(db, invitationId)
      if (!inv || inv.organisation_id !== organisationId) throw notFound('The invitation')
      await inTransaction(db, async (trx) => {
        if (!(await withdrawInvitation(trx, inv.id, ctx.clock().toISOString()))) throw new AppError('CONFLICT', 'This invitation was already accepted or withdrawn.')
        await deps.audit.record(trx, { actorId: who.userId, action: 'organisation.invitation_withdrawn', entityType: 'organisation', entityId: organisationId, details: { invitationId: inv.id, email: inv.email } })
      })
    },

    /** What an invitation offers, to the account of the address it was sent to. */
    async lookup(actor: Actor | null, token: string): Promise<OrganisationInvitationOffer> {
      const who = requireActor(actor)
      const { inv, org } = await invitationFor(who, token)
      return {
        invitationId: inv.id, organisation: organisationView(org),
        role: inv.role, email: inv.email, invitedBy: await nameOf(inv.invited_by), status: invitationState(inv, ctx.clock()), expiresAt: inv.expires_at,
      }
    },

    /** The invitee joins: a member with the invitation's role and the platform role of the organisation's kind. */
    async accept(actor: Actor | null, token: string): Promise<MyOrganisationView> {
      const who = requireActor(actor)
      const { inv, org } = await invitationFor(who, token)
      const state = invitationState(inv, ctx.clock())
      if (state === 'accepted') throw new AppError('CONFLICT', 'This invitation was already accepted.')
      if (state !== 'open') throw new AppError('INVITATION_INVALID', state === 'expired' ? 'This invitation has expired: ask for a new one.' : 'This invitation was withdrawn.')
      if (await membershipOf(db, org.id, who.userId)) throw new AppError('CONFLICT', `You are already a member of ${org.name}.`)
      const at = ctx.clock().toISOString()
      await inTransaction(db, async (trx) => {
        if (!(await acceptInvitation(trx, inv.id, who.userId, at))) throw new AppError('CONFLICT', 'This invitation is no longer open.')
        await insertMember(trx, { organisation_id: org.id, user_id: who.userId, role: inv.role, joined_at: at })
        await deps.users.grantRole(trx, who.userId, roleOfKind(org.kind), inv.invited_by ?? who.userId)
        await deps.audit.record(trx, { actorId: who.userId, action: 'organisation.joined', entityType: 'organisation', entityId: org.id, details: { invitationId: inv.id, role: inv.role } })
      }).catch(async (err: unknown) => {
        // The membership's primary key decides between two acceptances at once.
        if (!(err instanceof AppError) && (await membershipOf(db, org.id, who.userId))) throw new AppError('CONFLICT', `You are already a member of ${org.name}.`)
        throw err
      })
      return { organisation: organisationView(org), role: inv.role }
    },
  }
  return invitations
}

export type OrganisationInvitations = ReturnType<typeof createOrganisationInvitations>
