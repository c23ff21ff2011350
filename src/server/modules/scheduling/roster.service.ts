// The roster of a session, for its center's administrators, its proctors and program staff:
// candidates, modules, registration status and approved accommodation adjustments (never the
// documentation behind them).
import { DEFAULT_TIME_ZONE, formatZonedRange } from '../../../common/time-zones.js'
import { ADJUSTMENT_LABELS, type Adjustment } from '../../../common/rules/accommodations.js'
import type { ServerContext } from '../../context.js'
import { toCsv } from '../../csv.js'
import { AppError, notFound } from '../../errors.js'
import { hasRole, requireActor, type Actor } from '../accounts/actor.js'
import type { AccommodationsService } from '../accommodations/accommodations.service.js'
import { rosterPdf } from './roster-pdf.js'
import type { ContactDirectory } from '../accounts/users.service.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import { rosterOfSession } from './registrations.repository.js'
import { sessionPlace } from './session-centers.js'
import { findSession, proctorsOfSession } from './sessions.repository.js'

export function createRosterService(ctx: ServerContext, deps: { accommodations: AccommodationsService; centers: CenterDirectory; users: ContactDirectory }) {
  const { db } = ctx

  async function requireRosterRight(actor: Actor | null, sessionId: string) {
    const who = requireActor(actor)
    const session = await findSession(db, sessionId)
    if (!session) throw notFound('The session')
    const allowed = hasRole(who, 'program_staff')
      || (hasRole(who, 'center_admin') && (await deps.centers.isMember(session.center_id, who.userId)))
      || (hasRole(who, 'proctor') && (await proctorsOfSession(db, sessionId)).includes(who.userId))
    if (!allowed) throw new AppError('FORBIDDEN', 'Only the center\'s administrators, the session\'s proctors and program staff see its roster.')
    return session
  }

  return {
    async roster(actor: Actor | null, sessionId: string) {
      const session = await requireRosterRight(actor, sessionId)
      const registrations = await rosterOfSession(db, sessionId)
      const contacts = await deps.users.contactsOf(registrations.map((r) => r.candidate_id))
      // By name, as a proctor calls the room: last name, then first.
      const rows = registrations
        .flatMap((r) => { const c = contacts.get(r.candidate_id); return c ? [{ ...r, ...c }] : [] })
        .sort((a, b) => a.last_name.localeCompare(b.last_name) || a.first_name.localeCompare(b.first_name))
      const adjustments = await deps.accommodations.adjustmentsFor(rows.map((r) => r.candidate_id))
      return {
        session: {
          id: session.id, startsAt: session.starts_at, endsAt: session.ends_at, seats: session.seats, status: session.status,
          timeZone: (await deps.centers.find(session.center_id))?.time_zone ?? DEFAULT_TIME_ZONE,
        },
        items: rows.map((r) => ({
          registrationId: r.id, candidateId: r.candidate_id, name: `${r.last_name}, ${r.first_name}`, email: r.email,
          modules: JSON.parse(r.modules) as string[], status: r.status, accommodations: adjustments.get(r.candidate_id) ?? [],
        })),
      }
    },

    async rosterPdf(actor: Actor | null, sessionId: string) {
      const { session, items } = await this.roster(actor, sessionId)
      const center = await sessionPlace(db, deps.centers, sessionId)
      return rosterPdf({
        title: `Roster: ${center.name}`,
        subtitle: `${center.city}, ${center.state} — ${formatZonedRange(session.startsAt, session.endsAt, center.time_zone)} — ${items.length} candidates, ${session.seats} seats`,
        rows: items.map((i) => ({ name: i.name, email: i.email, modules: i.modules.join(' '), status: i.status, accommodations: i.accommodations.map((a) => ADJUSTMENT_LABELS[a as Adjustment] ?? a).join(', ') })),
      })
    },

    async rosterCsv(actor: Actor | null, sessionId: string) {
      const { items } = await this.roster(actor, sessionId)
      return toCsv(
        ['Candidate', 'Email', 'Modules', 'Registration', 'Accommodations'],
        items.map((i) => [i.name, i.email, i.modules.join(' '), i.status, i.accommodations.map((a) => ADJUSTMENT_LABELS[a as Adjustment] ?? a).join('; ')]),
      )
    },
  }
}

export type RosterService = ReturnType<typeof createRosterService>
