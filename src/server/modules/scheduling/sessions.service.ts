// Testing sessions as the public sees them: when and where a candidate can sit which modules. The
// public sees no user ids: who proctors a session is for program staff, the center's administrators
// and the session's own proctors.
import { DEFAULT_TIME_ZONE } from '../../../common/time-zones.js'
import type { ServerContext } from '../../context.js'
import { AppError } from '../../errors.js'
import { decodeCursor, toPage } from '../../db/pagination.js'
import { hasRole, type Actor } from '../accounts/actor.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import { activityByCenter, findSessions, listPublicSessions } from './sessions.repository.js'
import { readInBatches } from '../../db/id-batches.js'

export function createSessionsService(ctx: ServerContext, deps: { centers: CenterDirectory }) {
  /** The centers among these in the state and city asked for (the city compared without regard to case or outer spaces). */
  async function centersIn(ids: string[], state: string | undefined, city: string | undefined): Promise<string[]> {
    if (state === undefined && city === undefined) return ids
    const wanted = city?.trim().toLocaleLowerCase('en-US')
    const centers = await deps.centers.findMany(ids)
    return ids.filter((id) => {
      const c = centers.get(id)
      return c !== undefined && (state === undefined || c.state === state) && (wanted === undefined || c.city.trim().toLocaleLowerCase('en-US') === wanted)
    })
  }

  return {
    // ---- issue 15: program analytics
    /** Per center, sessions starting in [from, to) (cancelled ones left out) and their standing registrations. */
    activityByCenter: (from: string, to: string, centerId?: string) => activityByCenter(ctx.db, from, to, centerId),

    /** The center of each of these sessions, by session id. */
    async centersOf(sessionIds: readonly string[]): Promise<Map<string, string>> {
      const rows = await readInBatches(sessionIds, (batch) => findSessions(ctx.db, batch))
      return new Map(rows.map((r) => [r.id, r.center_id]))
    },

    /** Sessions by id with their center, as the audit log names them (one page at a time). */
    async describe(ids: readonly string[]) {
      const rows = await findSessions(ctx.db, ids)
      const centers = await deps.centers.findMany(rows.map((r) => r.center_id))
      return rows.map((r) => ({ id: r.id, startsAt: r.starts_at, center: centers.get(r.center_id) }))
    },

    /** A session's details for this caller: without its proctors' user ids unless the caller runs or administers it. */
    async visibleDetail<T extends { centerId: string; proctorIds: string[] }>(actor: Actor | null, detail: T): Promise<T | Omit<T, 'proctorIds'>> {
      const { proctorIds, ...rest } = detail
      if (!actor) return rest
      if (hasRole(actor, 'program_staff') || proctorIds.includes(actor.userId)) return detail
      if (hasRole(actor, 'center_admin') && (await deps.centers.isMember(detail.centerId, actor.userId))) return detail
      return rest
    },

    async listPublic(filter: {
      from?: string | undefined; to?: string | undefined; centerId?: string | undefined; state?: string | undefined; city?: string | undefined
      module?: string | undefined; limit: number; cursor?: string | undefined
    }) {
      const from = filter.from ?? ctx.clock().toISOString()
      if (filter.to && Date.parse(filter.to) < Date.parse(from)) {
        throw new AppError('VALIDATION', '"to" must not be before "from".')
      }
      // Only certified assessment centers list their sessions: an onsite company event is private
      // (its candidates reach it through its roster or an invitation).
      const publicIds = await centersIn(await deps.centers.publicIds(), filter.state, filter.city)
      const rows = await listPublicSessions(ctx.db, {
        centerIds: filter.centerId ? publicIds.filter((id) => id === filter.centerId) : publicIds,
        from: new Date(from).toISOString(),
        to: filter.to ? new Date(filter.to).toISOString() : undefined,
        module: filter.module,
        limit: filter.limit,
        after: decodeCursor(filter.cursor),
      })
      const centers = await deps.centers.findMany(rows.map((r) => r.center_id))
      return toPage(rows, filter.limit, (r) => ({
        id: r.id,
        centerId: r.center_id,
        centerName: centers.get(r.center_id)?.name ?? '',
        city: centers.get(r.center_id)?.city ?? '',
        state: centers.get(r.center_id)?.state ?? '',
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        seatsAvailable: Math.max(0, r.seats - Number(r.seats_taken)),
        modules: JSON.parse(r.modules) as string[],
        status: r.status,
        timeZone: centers.get(r.center_id)?.time_zone ?? DEFAULT_TIME_ZONE,
      }), (r) => r.starts_at)
    },
  }
}

export type SessionsService = ReturnType<typeof createSessionsService>
