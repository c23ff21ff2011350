// Incidents as staff see them in the queue and on a case: each with its session (and the session's
// center and time zone), its candidate and reporter named through the accounts directory, and the case
// it is in. Everything is read in a few batched calls per page: sessions and registrations by id (a
// page names few of them), people and cases in one call each.
import type { IncidentCategory } from '../../../common/schemas/delivery.js'
import type { PersonRef, QueueIncident } from '../../../common/schemas/integrity.js'
import type { DbOrTx } from '../../db/database.js'
import type { ContactDirectory } from '../accounts/users.service.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import type { IncidentRecord } from '../delivery/irregularity-records.service.js'
import type { RegistrationsService } from '../scheduling/registrations.service.js'
import type { SessionAdminService } from '../scheduling/session-admin.service.js'
import { casesOfIncidents } from './cases.repository.js'

export interface IncidentViewDeps {
  contacts: ContactDirectory
  centers: CenterDirectory
  sessions: Pick<SessionAdminService, 'find'>
  registrations: Pick<RegistrationsService, 'find'>
}

export type SessionRow = NonNullable<Awaited<ReturnType<SessionAdminService['find']>>>

/** Looks each distinct key up once. */
async function lookUp<T>(keys: Iterable<string>, find: (key: string) => Promise<T | undefined>): Promise<Map<string, T>> {
  const distinct = [...new Set(keys)]
  const found = await Promise.all(distinct.map(find))
  return new Map(distinct.flatMap((k, i) => (found[i] === undefined ? [] : [[k, found[i]!] as const])))
}

/** The names of these people, as references for a view. */
export async function peopleRefs(contacts: ContactDirectory, ids: Iterable<string | null>, within?: DbOrTx): Promise<(id: string | null) => PersonRef | null> {
  const wanted = [...new Set([...ids].filter((x): x is string => x !== null))]
  const found = wanted.length > 0 ? await contacts.contactsOf(wanted, ...(within ? [within] : [])) : new Map()
  return (id) => {
    if (id === null) return null
    const c = found.get(id)
    return { id, name: c ? `${c.first_name} ${c.last_name}`.trim() : 'Unknown person', email: c?.email ?? '' }
  }
}

/** The sessions and their centers of these session ids. */
export async function sessionsWithCenters(deps: IncidentViewDeps, sessionIds: Iterable<string>) {
  const sessions = await lookUp(sessionIds, (id) => deps.sessions.find(id))
  const centers = await deps.centers.findMany([...new Set([...sessions.values()].map((s) => s.center_id))])
  return { sessions, centers }
}

/** A center's IANA zone (null only for a session whose center is gone). */
const zoneOf = (center: { time_zone: string } | undefined): string | null => center?.time_zone ?? null

export async function describeIncidents(db: DbOrTx, deps: IncidentViewDeps, rows: readonly IncidentRecord[]): Promise<QueueIncident[]> {
  if (rows.length === 0) return []
  const [{ sessions, centers }, registrations, cases] = await Promise.all([
    sessionsWithCenters(deps, rows.map((r) => r.session_id)),
    lookUp(rows.flatMap((r) => (r.registration_id ? [r.registration_id] : [])), (id) => deps.registrations.find(id)),
    casesOfIncidents(db, rows.map((r) => r.id)),
  ])
  const caseOf = new Map(cases.map((c) => [c.incident_id, c]))
  const candidateOf = (r: IncidentRecord) => (r.registration_id ? (registrations.get(r.registration_id)?.candidate_id ?? null) : null)
  const person = await peopleRefs(deps.contacts, rows.flatMap((r) => [candidateOf(r), r.reported_by]))
  return rows.map((r) => {
    const session = sessions.get(r.session_id)
    const center = session ? centers.get(session.center_id) : undefined
    const inCase = caseOf.get(r.id)
    return {
      id: r.id, category: r.category as IncidentCategory, occurredAt: r.occurred_at, endedAt: r.ended_at, narrative: r.narrative, actionTaken: r.action_taken,
      automatic: Number(r.automatic) === 1,
      session: { id: r.session_id, startsAt: session?.starts_at ?? '', endsAt: session?.ends_at ?? '', timeZone: zoneOf(center) },
      center: center ? { id: center.id, name: center.name } : null,
      candidate: person(candidateOf(r)),
      reportedBy: person(r.reported_by),
      caseId: inCase?.case_id ?? null,
      status: inCase?.status ?? 'awaiting',
    }
  })
}
