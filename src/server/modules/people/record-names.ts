// How the audit log names the records its entries touch: "Registration of Ana Ruiz at Pittsburgh
// Center, Mar 10, 2026, 9:00 AM EDT", "Session at Pittsburgh Center, …", a person by name and email.
// One page of entries is named in one batched read per kind of record, each through the module that
// owns it (never its tables), then one read of every person named.
import { DEFAULT_TIME_ZONE, formatZonedShort } from '../../../common/time-zones.js'
import type { ContactDirectory } from '../accounts/users.service.js'
import { recordKey, type RecordName } from '../audit/audit.service.js'
import type { CentersTable } from '../../db/schema.js'
import type { AccommodationsService } from '../accommodations/accommodations.service.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import type { AttemptRecordsService } from '../delivery/attempt-records.service.js'
import type { RegistrationsService } from '../scheduling/registrations.service.js'
import type { SessionsService } from '../scheduling/sessions.service.js'

export interface RecordNameSources {
  contacts: ContactDirectory
  centers: CenterDirectory
  registrations: Pick<RegistrationsService, 'describe'>
  sessions: Pick<SessionsService, 'describe'>
  attempts: Pick<AttemptRecordsService, 'many'>
  accommodations: Pick<AccommodationsService, 'candidatesOf'>
  /** Organisations by id (their name), consents (whose, to which organisation), invoices (their number), courses (their title). */
  organisations: { namesOf(ids: readonly string[]): Promise<Map<string, string>> }
  consents: { describe(ids: readonly string[]): Promise<{ id: string; candidateId: string; organisationId: string }[]> }
  invoices: { numbersOf(ids: readonly string[]): Promise<Map<string, string | null>> }
  courses: { titlesOf(ids: readonly string[]): Promise<Map<string, string>> }
}

/** A center's IANA zone (migration 0016 adds the column); the program's default until it exists. */
const zoneOf = (center: CentersTable | undefined): string =>
  center && 'time_zone' in center && typeof center.time_zone === 'string' ? center.time_zone : DEFAULT_TIME_ZONE

const place = (center: CentersTable | undefined, startsAt: string) =>
  `${center ? `at ${center.name}` : 'at a session'}, ${formatZonedShort(startsAt, zoneOf(center))}`

export function createRecordNames(sources: RecordNameSources) {
  return async function describe(refs: readonly { type: string; id: string }[]): Promise<Map<string, RecordName>> {
    const idsOf = (type: string) => [...new Set(refs.filter((r) => r.type === type).map((r) => r.id))]
    const [registrations, sessions, attempts, requests, consents, invoices, courses] = await Promise.all([
      sources.registrations.describe(idsOf('registration')),
      sources.sessions.describe(idsOf('session')),
      sources.attempts.many(idsOf('attempt')),
      sources.accommodations.candidatesOf(idsOf('accommodation_request')),
      sources.consents.describe(idsOf('consent')),
      sources.invoices.numbersOf(idsOf('invoice')),
      sources.courses.titlesOf(idsOf('course')),
    ])
    const organisations = await sources.organisations.namesOf([...idsOf('organisation'), ...consents.map((c) => c.organisationId)])
    const centers = await sources.centers.findMany([...registrations.map((r) => r.center_id), ...idsOf('center')])
    const people = await sources.contacts.contactsOf([
      ...idsOf('user'), ...registrations.map((r) => r.candidate_id), ...attempts.map((a) => a.candidate_id), ...requests.map((r) => r.candidate_id), ...consents.map((c) => c.candidateId),
    ])
    const nameOf = (id: string) => {
      const c = people.get(id)
      return c ? `${c.first_name} ${c.last_name}`.trim() : 'an unknown person'
    }

    const names = new Map<string, RecordName>()
    for (const id of idsOf('user')) {
      const c = people.get(id)
      if (c) names.set(recordKey('user', id), { label: `${nameOf(id)} (${c.email})`, personId: id })
    }
    for (const r of registrations) {
      names.set(recordKey('registration', r.id), { label: `Registration of ${nameOf(r.candidate_id)} ${place(centers.get(r.center_id), r.starts_at)}`, personId: r.candidate_id })
    }
    for (const s of sessions) names.set(recordKey('session', s.id), { label: `Session ${place(s.center, s.startsAt)}`, personId: null })
    for (const a of attempts) names.set(recordKey('attempt', a.id), { label: `${a.module} attempt of ${nameOf(a.candidate_id)}`, personId: a.candidate_id })
    for (const r of requests) names.set(recordKey('accommodation_request', r.id), { label: `Accommodation request of ${nameOf(r.candidate_id)}`, personId: r.candidate_id })
    for (const id of idsOf('center')) {
      const c = centers.get(id)
      if (c) names.set(recordKey('center', id), { label: c.name, personId: null })
    }
    for (const id of idsOf('organisation')) {
      const name = organisations.get(id)
      if (name) names.set(recordKey('organisation', id), { label: name, personId: null })
    }
    for (const c of consents) {
      names.set(recordKey('consent', c.id), { label: `Consent of ${nameOf(c.candidateId)} to share results with ${organisations.get(c.organisationId) ?? 'an organisation'}`, personId: c.candidateId })
    }
    for (const [id, number] of invoices) names.set(recordKey('invoice', id), { label: number ? `Invoice ${number}` : 'Invoice (unnumbered)', personId: null })
    for (const [id, title] of courses) names.set(recordKey('course', id), { label: `Course “${title}”`, personId: null })
    // Certificates are named by their number, which is their id.
    for (const id of idsOf('credential')) names.set(recordKey('credential', id), { label: `Certificate ${id}`, personId: null })
    return names
  }
}
