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

// ---------- Employers as organisations: sponsored candidates and consent (issue 14, item 2) ----------

export const CONSENT_SCOPES = ['results'] as const
export const ConsentScope = StringEnum(CONSENT_SCOPES)

/** Assign one code of an exam voucher batch bought by a member to a person by email. */
export const SponsorVoucherBody = Type.Object({ voucherBatchId: Id, email: Email }, Strict)
export type SponsorVoucherBody = Static<typeof SponsorVoucherBody>

/** One thing an organisation sponsored for a person: an exam voucher, or a seat in a course or a Learning Lab. */
export const SponsorshipView = Type.Object({
  id: Type.String(),
  kind: StringEnum(['voucher', 'course', 'learning_lab'] as const),
  title: Type.String(),
  email: Type.String(),
  /** A voucher: available, redeemed, void. A seat: invited, pending_payment, confirmed, cancelled. */
  status: Type.String(),
  voucherCode: Nullable(Type.String()),
  createdAt: Type.String(),
})
export type SponsorshipView = Static<typeof SponsorshipView>

export const SharedResultView = Type.Object({ module: Type.String(), moduleName: Type.String(), percent: Type.Number(), passed: Type.Boolean(), scoredAt: Type.String() })
export type SharedResultView = Static<typeof SharedResultView>
export const SharedCertificateView = Type.Object({ certificateNumber: Type.String(), type: Type.String(), issuedOn: Type.String(), status: Type.String() })
export type SharedCertificateView = Static<typeof SharedCertificateView>

/** A sponsored person as the organisation sees them: results and certificates only while their consent stands. */
export const SponsoredCandidateView = Type.Object({
  email: Type.String(),
  /** Their name once they have an account with that address. */
  name: Nullable(Type.String()),
  sponsorships: Type.Array(SponsorshipView),
  sharing: StringEnum(['shared', 'not_shared'] as const),
  sharedSince: Nullable(Type.String()),
  results: Nullable(Type.Array(SharedResultView)),
  certificates: Nullable(Type.Array(SharedCertificateView)),
})
export type SponsoredCandidateView = Static<typeof SponsoredCandidateView>
export const SponsoredCandidateList = Type.Object({ items: Type.Array(SponsoredCandidateView), ...OnePage })
export type SponsoredCandidateList = Static<typeof SponsoredCandidateList>

export const ConsentView = Type.Object({
  id: Type.String(),
  organisationId: Type.String(),
  scope: ConsentScope,
  grantedAt: Type.String(),
  withdrawnAt: Nullable(Type.String()),
})
export type ConsentView = Static<typeof ConsentView>

export const GrantConsentBody = Type.Object({ organisationId: Id, scope: ConsentScope }, Strict)
export type GrantConsentBody = Static<typeof GrantConsentBody>
export const ConsentIdParams = Type.Object({ id: Id }, Strict)

/** An organisation that sponsors me, what it sponsored, and whether I share my results with it. */
export const MySponsorView = Type.Object({
  organisation: OrganisationView,
  sponsorships: Type.Array(SponsorshipView),
  consent: Nullable(ConsentView),
})
export type MySponsorView = Static<typeof MySponsorView>
export const MySponsorList = Type.Object({ items: Type.Array(MySponsorView), ...OnePage })
export type MySponsorList = Static<typeof MySponsorList>
