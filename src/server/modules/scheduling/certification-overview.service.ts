// The certification watch for staff: every center's, proctor's and trainer's certification period with the days
// left, and the upcoming sessions a lapsed or shortened certification no longer covers. Those are
// flagged, not cancelled: staff decide (assign another proctor, move or cancel the session).
import { certificationCurrent, daysUntil } from '../../../common/rules/certification-period.js'
import { DEFAULT_TIME_ZONE } from '../../../common/time-zones.js'
import { certificationShortfall } from '../../../common/rules/proctoring.js'
import { centerCertificationCovers } from '../../../common/rules/session-schedule.js'
import type { CertificationOverview, CertificationPeriodView, FlaggedSessionView } from '../../../common/schemas/centers.js'
import type { ServerContext } from '../../context.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import type { ProctorsService } from '../centers/proctors.service.js'
import { upcomingSessionsWithProctors } from './certification-sessions.repository.js'

const SHORTFALL_WORDS = { not_certified: 'has no certification', suspended: 'is suspended', lapses_before_end: 'is certified only until before the session ends' } as const

/** What the watch reads of trainers (the training module's). */
export interface TrainerCertificationWatch {
  trainerCertifications(actor: Actor | null): Promise<{ items: { userId: string; name: string; status: string; certifiedUntil: string | null; certifiedNow: boolean; daysLeft: number | null }[] }>
  coursesNotCovered(): Promise<Map<string, number>>
}

export function createCertificationOverviewService(ctx: ServerContext, deps: { centers: CenterDirectory; proctors: ProctorsService; trainers: TrainerCertificationWatch }) {
  return {
    async overview(actor: Actor | null): Promise<CertificationOverview> {
      requireRole(actor, 'program_staff')
      const now = ctx.clock()
      const [centers, proctors, sessions, trainers, coursesAtRisk] = await Promise.all([
        deps.centers.listAll(), deps.proctors.list(actor), upcomingSessionsWithProctors(ctx.db, now.toISOString()),
        deps.trainers.trainerCertifications(actor), deps.trainers.coursesNotCovered(),
      ])
      const proctorById = new Map(proctors.items.map((p) => [p.userId, p]))
      const centerById = new Map(centers.map((c) => [c.id, c]))
      const atRisk = new Map<string, number>()
      const flaggedSessions: FlaggedSessionView[] = []
      for (const s of sessions) {
        const reasons: string[] = []
        const center = centerById.get(s.center_id)
        if (center && (center.status !== 'certified' || !centerCertificationCovers(center.certified_until, s.ends_at))) {
          reasons.push(center.status !== 'certified' ? `The center is ${center.status}.` : `The center's certification ends ${center.certified_until}.`)
          atRisk.set(`center:${center.id}`, (atRisk.get(`center:${center.id}`) ?? 0) + 1)
        }
        for (const id of s.proctorIds) {
          const p = proctorById.get(id)
          const shortfall = certificationShortfall(p?.certifiedUntil && p.status !== 'none' ? { status: p.status, certifiedUntil: p.certifiedUntil } : undefined, s.ends_at)
          if (shortfall) {
            reasons.push(`Proctor ${p?.name ?? id} ${SHORTFALL_WORDS[shortfall]}.`)
            atRisk.set(`proctor:${id}`, (atRisk.get(`proctor:${id}`) ?? 0) + 1)
          }
        }
        if (reasons.length > 0) {
          flaggedSessions.push({ sessionId: s.id, centerId: s.center_id, centerName: center?.name ?? '', startsAt: s.starts_at, endsAt: s.ends_at, timeZone: center?.time_zone ?? DEFAULT_TIME_ZONE, reasons })
        }
      }
      const items: CertificationPeriodView[] = [
        // Onsite events' centers last as long as their event: they are watched through their sessions only.
        ...centers.filter((c) => c.status !== 'applied' && c.kind === 'center').map((c) => ({
          kind: 'center' as const, id: c.id, name: c.name, status: c.status, certifiedUntil: c.certified_until,
          current: certificationCurrent(c.status, c.certified_until, now), daysLeft: c.certified_until ? daysUntil(c.certified_until, now) : null,
          sessionsAtRisk: atRisk.get(`center:${c.id}`) ?? 0, coursesAtRisk: 0,
        })),
        ...proctors.items.map((p) => ({
          kind: 'proctor' as const, id: p.userId, name: p.name, status: p.status, certifiedUntil: p.certifiedUntil, current: p.certifiedNow, daysLeft: p.daysLeft,
          sessionsAtRisk: atRisk.get(`proctor:${p.userId}`) ?? 0, coursesAtRisk: 0,
        })),
        // Trainers (issue 13) are certified like proctors; what they put at risk is their courses.
        ...trainers.items.map((t) => ({
          kind: 'trainer' as const, id: t.userId, name: t.name, status: t.status, certifiedUntil: t.certifiedUntil, current: t.certifiedNow, daysLeft: t.daysLeft,
          sessionsAtRisk: atRisk.get(`proctor:${t.userId}`) ?? 0, coursesAtRisk: coursesAtRisk.get(t.userId) ?? 0,
        })),
      ]
      return { items, flaggedSessions, nextCursor: null }
    },
  }
}

export type CertificationOverviewService = ReturnType<typeof createCertificationOverviewService>
