// Testing sessions as the public sees them: when and where a candidate can sit which modules. The
// public sees no user ids: who proctors a session is for program staff, the center's administrators
// and the session's own proctors.
import type { ServerContext } from '../../context.js'
import { AppError } from '../../errors.js'
import { decodeCursor, toPage } from '../../db/pagination.js'
import { hasRole, type Actor } from '../accounts/actor.js'
import { isCenterAdmin, listPublicSessions } from './sessions.repository.js'

export function createSessionsService(ctx: ServerContext) {
  return {
    /** A session's details for this caller: without its proctors' user ids unless the caller runs or administers it. */
    async visibleDetail<T extends { centerId: string; proctorIds: string[] }>(actor: Actor | null, detail: T): Promise<T | Omit<T, 'proctorIds'>> {
      const { proctorIds, ...rest } = detail
      if (!actor) return rest
      if (hasRole(actor, 'program_staff') || proctorIds.includes(actor.userId)) return detail
      if (hasRole(actor, 'center_admin') && (await isCenterAdmin(ctx.db, detail.centerId, actor.userId))) return detail
      return rest
    },

    async listPublic(filter: { from?: string | undefined; to?: string | undefined; centerId?: string | undefined; limit: number; cursor?: string | undefined }) {
      const from = filter.from ?? ctx.clock().toISOString()
      if (filter.to && Date.parse(filter.to) < Date.parse(from)) {
        throw new AppError('VALIDATION', '"to" must not be before "from".')
      }
      const rows = await listPublicSessions(ctx.db, {
        from: new Date(from).toISOString(),
        to: filter.to ? new Date(filter.to).toISOString() : undefined,
        centerId: filter.centerId,
        limit: filter.limit,
        after: decodeCursor(filter.cursor),
      })
      return toPage(rows, filter.limit, (r) => ({
        id: r.id,
        centerId: r.center_id,
        centerName: r.center_name,
        city: r.city,
        state: r.state,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        seatsAvailable: Math.max(0, r.seats - Number(r.seats_taken)),
        modules: JSON.parse(r.modules) as string[],
        status: r.status,
      }), (r) => r.starts_at)
    },
  }
}

export type SessionsService = ReturnType<typeof createSessionsService>
