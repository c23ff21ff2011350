// Who organises a session's candidates (its roster upload, its invitation links): program staff,
// an administrator of its center, and, for an onsite company event, the employer who asked for it.
import type { DbOrTx } from '../../db/database.js'
import { hasRole, type Actor } from '../accounts/actor.js'
import type { CenterDirectory } from '../centers/centers.service.js'

export interface SessionOwnership {
  center_id: string
  center_kind: 'center' | 'onsite'
  center_applied_by?: string | null | undefined
}

export async function organisesSession(db: DbOrTx, centers: CenterDirectory, who: Actor, session: SessionOwnership): Promise<boolean> {
  if (hasRole(who, 'program_staff')) return true
  if (hasRole(who, 'center_admin') && (await centers.isMember(session.center_id, who.userId, db))) return true
  return hasRole(who, 'employer') && session.center_kind === 'onsite' && !!session.center_applied_by && session.center_applied_by === who.userId
}
