// A session together with the facts of its center that scheduling needs (its kind, its employer,
// where it is). The centers module owns centers; scheduling asks it through its directory instead of
// joining the centers tables, in the caller's transaction when there is one.
import type { DbOrTx } from '../../db/database.js'
import type { CentersTable } from '../../db/schema.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import { findSession } from './sessions.repository.js'

type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>

export interface SessionWithCenter extends SessionRow {
  center_kind: CentersTable['kind']
  center_applied_by: string | null
  center_name: string
  city: string
  state: string
  center_status: CentersTable['status']
  center_certified_until: string | null
  /** The center's IANA zone: the session's times are shown in it. */
  time_zone: string
}

/** When and where a session is, for the registration emails and the roster. */
export interface SessionPlaceRow {
  starts_at: string
  ends_at: string
  name: string
  address_line1: string
  city: string
  state: string
  postal_code: string
  time_zone: string
}

export function withCenter(session: SessionRow, center: CentersTable): SessionWithCenter {
  // An employer's event held at a certified center is as private as one at the company's address,
  // and that employer organises it (issue 12, session operations).
  if (session.private_employer_id) {
    return { ...session, center_kind: 'onsite', center_applied_by: session.private_employer_id, center_name: center.name, city: center.city, state: center.state, center_status: center.status, center_certified_until: center.certified_until, time_zone: center.time_zone }
  }
  return { ...session, center_kind: center.kind, center_applied_by: center.applied_by ?? null, center_name: center.name, city: center.city, state: center.state, center_status: center.status, center_certified_until: center.certified_until, time_zone: center.time_zone }
}

/** A session with what decides who may see and book it: its center's kind and, for an onsite event, its employer. */
export async function findSessionWithCenter(db: DbOrTx, centers: CenterDirectory, id: string): Promise<SessionWithCenter | undefined> {
  const session = await findSession(db, id)
  if (!session) return undefined
  const center = await centers.find(session.center_id, db)
  return center ? withCenter(session, center) : undefined
}

export async function sessionPlace(db: DbOrTx, centers: CenterDirectory, sessionId: string): Promise<SessionPlaceRow> {
  const session = await findSession(db, sessionId)
  const center = session ? await centers.find(session.center_id, db) : undefined
  // Callers ask for a session they have just read or written: a missing one is a bug, not a 404.
  if (!session || !center) throw new Error(`session ${sessionId} or its center is missing`)
  return { starts_at: session.starts_at, ends_at: session.ends_at, name: center.name, address_line1: center.address_line1, city: center.city, state: center.state, postal_code: center.postal_code, time_zone: center.time_zone }
}
