// Organisations (issue 14): employers and colleges with owners and members. Staff create them; an
// owner invites colleagues by email (organisation-invitations.service.ts), lists members and removes
// them, never the last owner. Other modules ask here whether a person belongs to an organisation and
// which organisations a person belongs to; access to an organisation's pages follows membership, so
// someone outside it (another organisation's member included) is told it does not exist.
import type { OrganisationKind, OrganisationRole } from '../../../common/rules/organisations.js'
import { mayRemoveMember } from '../../../common/rules/organisations.js'
import type {
  AdminOrganisationList, CreateOrganisationBody, MyOrganisationList, OrganisationMemberList, OrganisationView,
} from '../../../common/schemas/organisations.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx } from '../../db/database.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { hasRole, requireActor, requireRole, type Actor } from '../accounts/actor.js'
import type { UserDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import { createOrganisationInvitations } from './organisation-invitations.service.js'
import { organisationView } from './organisation-view.js'
import {
  deleteMember, findOrganisation, findOrganisations, insertOrganisation, listOrganisations, lockOrganisation, memberCounts, membersOf,
  membershipOf, membershipsOfUser, openInvitationCounts, type MemberRow, type OrganisationRow,
} from './organisations.repository.js'


export function createOrganisationsService(ctx: ServerContext, deps: { audit: AuditService; notifications: NotificationsService; users: UserDirectory }) {
  const { db } = ctx
  const now = () => ctx.clock().toISOString()

  /** The organisation and the caller's membership, to staff and its members; to anyone else it does not exist. */
  async function access(actor: Actor | null, id: string): Promise<{ who: Actor; org: OrganisationRow; membership: MemberRow | undefined; staff: boolean }> {
    const who = requireActor(actor)
    const org = await findOrganisation(db, id)
    const staff = hasRole(who, 'program_staff')
    const membership = org ? await membershipOf(db, id, who.userId) : undefined
    if (!org || (!staff && !membership)) throw notFound('The organisation')
    return { who, org, membership, staff }
  }

  /** Staff and the organisation's owners manage it; its other members are refused. */
  async function manage(actor: Actor | null, id: string) {
    const a = await access(actor, id)
    if (!a.staff && a.membership?.role !== 'owner') throw new AppError('FORBIDDEN', "Only the organisation's owners can do this.")
    return a
  }

  /** The organisations a person belongs to (of one kind when asked), with their role, by name. */
  async function organisationsOf(within: DbOrTx, userId: string, kind?: OrganisationKind): Promise<{ organisation: OrganisationRow; role: OrganisationRole }[]> {
    const memberships = await membershipsOfUser(within, userId)
    const orgs = new Map((await findOrganisations(within, memberships.map((m) => m.organisation_id))).map((o) => [o.id, o]))
    return memberships
      .flatMap((m) => {
        const organisation = orgs.get(m.organisation_id)
        return organisation && (!kind || organisation.kind === kind) ? [{ organisation, role: m.role }] : []
      })
      .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name) || a.organisation.id.localeCompare(b.organisation.id))
  }

  const invitations = createOrganisationInvitations(ctx, { ...deps, manage, access })

  return {
    invitations,
    /** Access checks for modules that show an organisation's pages (sponsorships, consents, agreements). */
    access,
    manage,

    // ---------- What other modules ask ----------

    get(within: DbOrTx, id: string): Promise<OrganisationRow | undefined> {
      return findOrganisation(within, id)
    },

    async many(within: DbOrTx, ids: readonly string[]): Promise<Map<string, OrganisationRow>> {
      return new Map((await findOrganisations(within, ids)).map((o) => [o.id, o]))
    },

    async isMember(within: DbOrTx, organisationId: string, userId: string): Promise<boolean> {
      return !!(await membershipOf(within, organisationId, userId))
    },

    /** The person's role in the organisation, or null when they are not a member. */
    async roleIn(within: DbOrTx, organisationId: string, userId: string): Promise<OrganisationRole | null> {
      return (await membershipOf(within, organisationId, userId))?.role ?? null
    },

    organisationsOf,

    membersOf(within: DbOrTx, organisationId: string): Promise<MemberRow[]> {
      return membersOf(within, organisationId)
    },

    // ---------- HTTP flows ----------

    /** Staff create an organisation; with `ownerEmail` its first owner is invited at once. */
    async create(actor: Actor | null, input: CreateOrganisationBody): Promise<OrganisationView> {
      const staff = requireRole(actor, 'program_staff')
      const row: OrganisationRow = {
        id: newId(), kind: input.kind, name: input.name.trim(), website: input.website ?? null, city: input.city?.trim() ?? null,
        state: input.state?.toUpperCase() ?? null, created_at: now(), created_by: staff.userId,
      }
      const sent = await inTransaction(db, async (trx) => {
        await insertOrganisation(trx, row)
        await deps.audit.record(trx, { actorId: staff.userId, action: 'organisation.created', entityType: 'organisation', entityId: row.id, details: { kind: row.kind, name: row.name } })
        return input.ownerEmail ? invitations.inviteIn(trx, staff, row, input.ownerEmail, 'owner') : null
      })
      if (sent) await invitations.deliver(sent)
      return organisationView(row)
    },

    /** Staff's list of organisations (of one kind when asked), with members and waiting invitations. */
    async list(actor: Actor | null, kind?: OrganisationKind): Promise<AdminOrganisationList> {
      requireRole(actor, 'program_staff')
      const [orgs, members, open] = await Promise.all([listOrganisations(db, kind), memberCounts(db), openInvitationCounts(db, now())])
      return { items: orgs.map((o) => ({ ...organisationView(o), members: members.get(o.id) ?? 0, openInvitations: open.get(o.id) ?? 0 })), nextCursor: null }
    },

    /** One organisation, to staff and its members. */
    async view(actor: Actor | null, id: string): Promise<OrganisationView> {
      return organisationView((await access(actor, id)).org)
    },

    /** The caller's organisations with their role in each. */
    async mine(actor: Actor | null): Promise<MyOrganisationList> {
      const who = requireActor(actor)
      const items = await organisationsOf(db, who.userId)
      return { items: items.map((x) => ({ organisation: organisationView(x.organisation), role: x.role })), nextCursor: null }
    },

    /** The members, owners first then by name, to staff and every member. */
    async members(actor: Actor | null, id: string): Promise<OrganisationMemberList> {
      await access(actor, id)
      const rows = await membersOf(db, id)
      const contacts = await deps.users.contactsOf(rows.map((r) => r.user_id))
      const items = rows.map((r) => {
        const c = contacts.get(r.user_id)
        return { userId: r.user_id, name: c ? `${c.first_name} ${c.last_name}` : '', email: c?.email ?? '', role: r.role, joinedAt: r.joined_at }
      })
      items.sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId) : a.role === 'owner' ? -1 : 1))
      return { items, nextCursor: null }
    },

    /** An owner (or staff) removes a member; a member may leave. Never the last owner. */
    async removeMember(actor: Actor | null, id: string, userId: string): Promise<void> {
      const a = await access(actor, id)
      const self = a.who.userId === userId
      if (!self && !a.staff && a.membership?.role !== 'owner') throw new AppError('FORBIDDEN', "Only the organisation's owners can remove a colleague.")
      await inTransaction(db, async (trx) => {
        await lockOrganisation(trx, id, ctx.dialect)
        const members = (await membersOf(trx, id)).map((m) => ({ userId: m.user_id, role: m.role }))
        if (!members.some((m) => m.userId === userId)) throw notFound('The member')
        if (!mayRemoveMember(members, userId)) {
          throw new AppError('RULE_VIOLATION', 'An organisation keeps at least one owner: make another member an owner (invite them as owner) first.')
        }
        await deleteMember(trx, id, userId)
        await deps.audit.record(trx, { actorId: a.who.userId, action: 'organisation.member_removed', entityType: 'organisation', entityId: id, details: { userId } })
      })
    },
  }
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>
/** What other modules may ask of organisations. */
export type OrganisationDirectory = Pick<OrganisationsService, 'get' | 'many' | 'isMember' | 'roleIn' | 'organisationsOf' | 'membersOf' | 'access' | 'manage'>
