// What advanced standing asks of the organisations module (issue 14): partner institutions are its
// organisations of kind 'college', and a college partner belongs to an institution as its member.
// Wired in services.ts to the organisations service; every call takes the caller's transaction.
import type { DbOrTx } from '../../db/database.js'

export interface Institution {
  id: string
  name: string
  city: string | null
  state: string | null
  website: string | null
}

export interface InstitutionDirectory {
  /** A college organisation by id (undefined for another kind, or none). */
  college(within: DbOrTx, id: string): Promise<Institution | undefined>
  /** Many college organisations at once, keyed by id. */
  colleges(within: DbOrTx, ids: readonly string[]): Promise<Map<string, Institution>>
  /** The college organisations a user belongs to (owner or member). */
  collegesOf(within: DbOrTx, userId: string): Promise<Institution[]>
  /** The user ids of a college's members (its college partners), told of requests to it; none for another kind. */
  memberIds(within: DbOrTx, institutionId: string): Promise<string[]>
}

/** The organisations module's answers this module builds on (its OrganisationsService). */
interface OrganisationRecord extends Institution {
  kind: string
}
export interface OrganisationDirectory {
  get(within: DbOrTx, id: string): Promise<OrganisationRecord | undefined>
  many(within: DbOrTx, ids: readonly string[]): Promise<Map<string, OrganisationRecord>>
  organisationsOf(within: DbOrTx, userId: string, kind?: 'college'): Promise<{ organisation: OrganisationRecord }[]>
  membersOf(within: DbOrTx, organisationId: string): Promise<{ user_id: string }[]>
}

const institutionOf = (o: OrganisationRecord): Institution => ({ id: o.id, name: o.name, city: o.city, state: o.state, website: o.website })

/** Partner institutions are the organisations of kind 'college'; an employer is never one. */
export function collegeDirectory(organisations: OrganisationDirectory): InstitutionDirectory {
  return {
    async college(within, id) {
      const o = await organisations.get(within, id)
      return o?.kind === 'college' ? institutionOf(o) : undefined
    },
    async colleges(within, ids) {
      const found = await organisations.many(within, [...new Set(ids)])
      return new Map([...found.values()].filter((o) => o.kind === 'college').map((o) => [o.id, institutionOf(o)]))
    },
    async collegesOf(within, userId) {
      return (await organisations.organisationsOf(within, userId, 'college')).map((m) => institutionOf(m.organisation))
    },
    async memberIds(within, institutionId) {
      if ((await organisations.get(within, institutionId))?.kind !== 'college') return []
      return (await organisations.membersOf(within, institutionId)).map((m) => m.user_id)
    },
  }
}
