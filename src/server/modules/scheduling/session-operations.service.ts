// Running sessions from the web: program staff list them across every center; staff and a center's
// administrators read one and edit it (every registered candidate, waitlisted too, is told what
// changed); an employer reads their onsite event with who registered. Cancelling is
// session-cancellation.ts; the edit rules themselves are session-admin.service.ts.
import { DEFAULT_TIME_ZONE } from '../../../common/time-zones.js'
import type { ServerContext } from '../../context.js'
import { decodeCursor, toPage } from '../../db/pagination.js'
import type { CentersTable } from '../../db/schema.js'
import { AppError, notFound } from '../../errors.js'
import { hasRole, requireRole, type Actor } from '../accounts/actor.js'
import type { UserDirectory } from '../accounts/users.service.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import { organisesSession } from './event-access.js'
import { liveRegistrationsOfSession, rosterOfSession } from './registrations.repository.js'
import type { SessionAdminService, SessionInput } from './session-admin.service.js'
import { describeSessionChange, sessionChangeEmails, type SessionFacts, type SessionWhere } from './session-change-emails.js'
import { withCenter } from './session-centers.js'
import { listStaffSessions, proctorsOfSessions, registrationCounts } from './session-operations.repository.js'
import { findSession } from './sessions.repository.js'

type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>

/** The center's IANA zone once centers carry one (the time-zone stream's migration), else the program's default. */
export function centerTimeZone(center: CentersTable | undefined): string {
  const zone = (center as { time_zone?: string | null } | undefined)?.time_zone
  return zone ?? DEFAULT_TIME_ZONE
}

export const centerAddress = (c: CentersTable) => `${c.address_line1}, ${c.city}, ${c.state} ${c.postal_code}`

const facts = (s: SessionRow): SessionFacts => ({ startsAt: s.starts_at, endsAt: s.ends_at, modules: JSON.parse(s.modules) as string[] })

export function createSessionOperationsService(
  ctx: ServerContext,
  deps: { centers: CenterDirectory; users: UserDirectory; notifications: NotificationsService; sessionAdmin: SessionAdminService },
) {
  const { db } = ctx

  /** Program staff, or an administrator of the session's center; anyone else is refused. */
  async function requireRunner(actor: Actor | null, session: SessionRow) {
    const who = requireRole(actor, 'program_staff', 'center_admin')
    if (hasRole(who, 'program_staff') || (await deps.centers.isMember(session.center_id, who.userId))) return who
    throw new AppError('FORBIDDEN', "Only program staff and this center's administrators run its sessions.")
  }

  async function summaries(rows: SessionRow[]) {
    const [centers, proctorIds] = await Promise.all([deps.centers.findMany(rows.map((r) => r.center_id)), proctorsOfSessions(db, rows.map((r) => r.id))])
    const names = await deps.users.contactsOf([...new Set([...proctorIds.values()].flat())])
    return (r: SessionRow) => {
      const center = centers.get(r.center_id)
      return {
        id: r.id, centerId: r.center_id, centerName: center?.name ?? '', city: center?.city ?? '', state: center?.state ?? '',
        timeZone: center ? centerTimeZone(center) : null, privateEvent: withCenterKind(r, center) === 'onsite',
        startsAt: r.starts_at, endsAt: r.ends_at, seats: r.seats, seatsTaken: Number(r.seats_taken), modules: JSON.parse(r.modules) as string[], status: r.status,
        proctors: (proctorIds.get(r.id) ?? [])
          .map((id) => { const c = names.get(id); return { id, name: c ? `${c.first_name} ${c.last_name}` : '' } })
          .sort((a, b) => a.name.localeCompare(b.name)),
        cancelReason: r.cancel_reason,
      }
    }
  }

  const withCenterKind = (r: SessionRow, center: CentersTable | undefined) => (center ? withCenter(r, center).center_kind : 'center')

  async function where(sessionId: string): Promise<SessionWhere> {
    const session = (await findSession(db, sessionId))!
    const center = await deps.centers.find(session.center_id)
    return { centerName: center?.name ?? '', address: center ? centerAddress(center) : '', timeZone: centerTimeZone(center) }
  }

  const service = {
    /** Sessions across every center, filtered, by start, a page at a time (program staff). */
    async list(actor: Actor | null, q: { centerId?: string | undefined; state?: string | undefined; status?: SessionRow['status'] | undefined; module?: string | undefined; from?: string | undefined; to?: string | undefined; limit: number; cursor?: string | undefined }) {
      requireRole(actor, 'program_staff')
      if (q.from && q.to && Date.parse(q.to) < Date.parse(q.from)) throw new AppError('VALIDATION', '"to" must not be before "from".', [{ field: 'to', message: 'The end of the range must not be before its start.' }])
      let centerIds: string[] | undefined
      if (q.state) centerIds = await deps.centers.idsInState(q.state)
      if (q.centerId) centerIds = centerIds ? centerIds.filter((id) => id === q.centerId) : [q.centerId]
      const rows = await listStaffSessions(db, {
        centerIds, status: q.status, module: q.module, limit: q.limit, after: decodeCursor(q.cursor),
        from: q.from ? new Date(q.from).toISOString() : undefined, to: q.to ? new Date(q.to).toISOString() : undefined,
      })
      const view = await summaries(rows.slice(0, q.limit))
      return toPage(rows, q.limit, view, (r) => r.starts_at)
    },

    /** One session for staff or its center's administrators: where, who proctors, how full, what may be done. */
    async detail(actor: Actor | null, id: string) {
      const session = await findSession(db, id)
      if (!session) throw notFound('The session')
      await requireRunner(actor, session)
      const [view, center, counts] = await Promise.all([summaries([session]), deps.centers.find(session.center_id), registrationCounts(db, id)])
      const open = session.status === 'scheduled' || session.status === 'in_progress'
      return {
        ...view(session),
        address: center ? centerAddress(center) : '',
        registrations: { confirmed: counts.get('confirmed') ?? 0, pendingPayment: counts.get('pending_payment') ?? 0, waitlisted: counts.get('waitlisted') ?? 0 },
        canEdit: open, canCancel: open,
      }
    },

    /**
     * Edits a session under every scheduling rule (session-admin's update checks the actor's right to
     * it), then tells each candidate registered in it, waitlisted ones too, what changed for them: the
     * times or the modules. Seats and proctors change nothing a candidate has to act on.
     */
    async edit(actor: Actor | null, id: string, change: Partial<Omit<SessionInput, 'centerId'>>) {
      const before = await findSession(db, id)
      if (!before) throw notFound('The session')
      const updated = await deps.sessionAdmin.update(actor, id, change)
      const after = (await findSession(db, id))!
      const place = await where(id)
      const changes = describeSessionChange(facts(before), facts(after), place.timeZone)
      if (changes.length > 0) {
        const registrations = await liveRegistrationsOfSession(db, id)
        const contacts = await deps.users.contactsOf(registrations.map((r) => r.candidate_id))
        for (const r of registrations) {
          const c = contacts.get(r.candidate_id)
          if (!c) continue
          await deps.notifications.send({ to: c.email, ...sessionChangeEmails.changed(c.first_name, place, facts(after), changes) })
        }
      }
      return updated
    },

    /** An employer's onsite event (or, for staff and its center's administrators, any private event) with who registered. */
    async employerEvent(actor: Actor | null, id: string) {
      const who = requireRole(actor, 'employer', 'program_staff', 'center_admin')
      const session = await findSession(db, id)
      if (!session) throw notFound('The event')
      const center = await deps.centers.find(session.center_id)
      if (!center) throw notFound('The event')
      const full = withCenter(session, center)
      if (full.center_kind !== 'onsite' || !(await organisesSession(db, deps.centers, who, full))) {
        throw new AppError('FORBIDDEN', 'Only the employer who asked for this onsite event (and program staff) see it.')
      }
      const rows = await rosterOfSession(db, id)
      const contacts = await deps.users.contactsOf(rows.map((r) => r.candidate_id))
      const registrants = rows
        .flatMap((r) => { const c = contacts.get(r.candidate_id); return c ? [{ r, c }] : [] })
        .sort((a, b) => a.c.last_name.localeCompare(b.c.last_name) || a.c.first_name.localeCompare(b.c.first_name))
        .map(({ r, c }) => ({ registrationId: r.id, name: `${c.last_name}, ${c.first_name}`, email: c.email, modules: JSON.parse(r.modules) as string[], status: r.status }))
      return {
        id, centerName: center.name, address: centerAddress(center), timeZone: centerTimeZone(center), startsAt: session.starts_at, endsAt: session.ends_at,
        seats: session.seats, seatsTaken: Number(session.seats_taken), modules: JSON.parse(session.modules) as string[], status: session.status,
        cancelReason: session.cancel_reason, registrants,
      }
    },
  }
  return service
}

export type SessionOperationsService = ReturnType<typeof createSessionOperationsService>
