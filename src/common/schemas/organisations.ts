// Organisations (issue 14): employers and colleges with owners and members, invited by email.
import { Type, type Static } from 'typebox'
import { ORGANISATION_KINDS, ORGANISATION_ROLES } from '../rules/organisations.js'
import { Email, Id, Nullable, PrintableText, Strict, StringEnum } from './common.js'

/** Each list below answers in one page: `nextCursor` is always null. */
const OnePage = { nextCursor: Type.Null() }

export const OrganisationKind = StringEnum(ORGANISATION_KINDS)
export const OrganisationRole = StringEnum(ORGANISATION_ROLES)
const Website = Type.String({ minLength: 8, maxLength: 300, pattern: '^https?://[^\\s<>"]+$' })
const State = Type.String({ pattern: '^[A-Za-z]{2}$' })

export const CreateOrganisationBody = Type.Object({
  kind: OrganisationKind,
  name: PrintableText(200),
  website: Type.Optional(Website),
  city: Type.Optional(PrintableText(100)),
  state: Type.Optional(State),
  /** The first owner, invited by email at once (or later, with an invitation of its own). */
  ownerEmail: Type.Optional(Email),
}, Strict)
export type CreateOrganisationBody = Static<typeof CreateOrganisationBody>

export const OrganisationView = Type.Object({
  id: Type.String(),
  kind: OrganisationKind,
  name: Type.String(),
  website: Nullable(Type.String()),
  city: Nullable(Type.String()),
  state: Nullable(Type.String()),
  createdAt: Type.String(),
})
export type OrganisationView = Static<typeof OrganisationView>

/** Staff's list: each organisation with how many members and waiting invitations it has. */
export const AdminOrganisationView = Type.Object({
  ...OrganisationView.properties,
  members: Type.Integer(),
  openInvitations: Type.Integer(),
})
export type AdminOrganisationView = Static<typeof AdminOrganisationView>
export const AdminOrganisationList = Type.Object({ items: Type.Array(AdminOrganisationView), ...OnePage })
export type AdminOrganisationList = Static<typeof AdminOrganisationList>
export const OrganisationsQuery = Type.Object({ kind: Type.Optional(OrganisationKind) }, Strict)
export type OrganisationsQuery = Static<typeof OrganisationsQuery>

export const OrganisationIdParams = Type.Object({ id: Id }, Strict)
export const OrganisationMemberParams = Type.Object({ id: Id, userId: Id }, Strict)
export const OrganisationInvitationParams = Type.Object({ id: Id, invitationId: Id }, Strict)

/** One of my organisations, with my role in it. */
export const MyOrganisationView = Type.Object({ organisation: OrganisationView, role: OrganisationRole })
export type MyOrganisationView = Static<typeof MyOrganisationView>
export const MyOrganisationList = Type.Object({ items: Type.Array(MyOrganisationView), ...OnePage })
export type MyOrganisationList = Static<typeof MyOrganisationList>

export const OrganisationMemberView = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  email: Type.String(),
  role: OrganisationRole,
  joinedAt: Type.String(),
})
export type OrganisationMemberView = Static<typeof OrganisationMemberView>
export const OrganisationMemberList = Type.Object({ items: Type.Array(OrganisationMemberView), ...OnePage })
export type OrganisationMemberList = Static<typeof OrganisationMemberList>

export const InviteToOrganisationBody = Type.Object({
  email: Email,
  role: Type.Optional(OrganisationRole),
}, Strict)
export type InviteToOrganisationBody = Static<typeof InviteToOrganisationBody>

export const OrganisationInvitationView = Type.Object({
  id: Type.String(),
  email: Type.String(),
  role: OrganisationRole,
  status: StringEnum(['open', 'accepted', 'withdrawn', 'expired'] as const),
  invitedBy: Nullable(Type.String()),
  createdAt: Type.String(),
  expiresAt: Type.String(),
})
export type OrganisationInvitationView = Static<typeof OrganisationInvitationView>
export const OrganisationInvitationList = Type.Object({ items: Type.Array(OrganisationInvitationView), ...OnePage })
export type OrganisationInvitationList = Static<typeof OrganisationInvitationList>

/** An invitation's token, as the emailed link carries it. */
export const OrganisationTokenBody = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) }, Strict)
export type OrganisationTokenBody = Static<typeof OrganisationTokenBody>

/** What an invitation offers, to the account of the address it was sent to. */
export const OrganisationInvitationOffer = Type.Object({
  invitationId: Type.String(),
  organisation: OrganisationView,
  role: OrganisationRole,
  email: Type.String(),
  invitedBy: Nullable(Type.String()),
  status: StringEnum(['open', 'accepted', 'withdrawn', 'expired'] as const),
  expiresAt: Type.String(),
})
export type OrganisationInvitationOffer = Static<typeof OrganisationInvitationOffer>
