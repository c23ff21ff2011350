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
}
