// Organisations (issue 14): employers and colleges with several users. Pure rules shared by the
// server and the web: what a membership grants, how long an invitation stays open, and that an
// organisation always keeps an owner (someone who can invite and remove members).
import type { Role } from '../roles.js'

export const ORGANISATION_KINDS = ['employer', 'college'] as const
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]
export const ORGANISATION_ROLES = ['owner', 'member'] as const
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number]

/** An invitation's link works for two weeks; after that the owner sends a new one. */
export const ORGANISATION_INVITATION_TTL_DAYS = 14

/** The platform role a member of an organisation of this kind needs to use its pages. */
export function roleOfKind(kind: OrganisationKind): Role {
  return kind === 'employer' ? 'employer' : 'college_partner'
}

export type InvitationState = 'open' | 'accepted' | 'withdrawn' | 'expired'

export function invitationState(inv: { accepted_at: string | null; withdrawn_at: string | null; expires_at: string }, now: Date): InvitationState {
  if (inv.accepted_at) return 'accepted'
  if (inv.withdrawn_at) return 'withdrawn'
  return Date.parse(inv.expires_at) <= now.getTime() ? 'expired' : 'open'
}

export function invitationExpiry(createdAt: Date): string {
  return new Date(createdAt.getTime() + ORGANISATION_INVITATION_TTL_DAYS * 86_400_000).toISOString()
}

/** Whether removing this person leaves the organisation with an owner (the last owner cannot go). */
export function mayRemoveMember(members: readonly { userId: string; role: OrganisationRole }[], userId: string): boolean {
  const leaving = members.find((m) => m.userId === userId)
  if (!leaving) return false
  return leaving.role !== 'owner' || members.some((m) => m.role === 'owner' && m.userId !== userId)
}
