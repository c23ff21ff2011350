// Testing sessions as the public sees them: when and where a candidate can sit which modules.
import type { ServerContext } from '../../context.js'
import { AppError } from '../../errors.js'
import { listPublicSessions } from './sessions.repository.js'

function decodeStartCursor(cursor: string | undefined) {
  if (!cursor) return undefined
  try {
    const [startsAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[]
    if (typeof startsAt === 'string' && typeof id === 'string') return { startsAt, id }
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION', 'The cursor is not one this server issued.')
}

export function createSessionsService(ctx: ServerContext) {
  return {
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
        after: decodeStartCursor(filter.cursor),
      })
      const more = rows.length > filter.limit
      const page = more ? rows.slice(0, filter.limit) : rows
      const last = page[page.length - 1]
      return {
        items: page.map((r) => ({
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
        })),
        nextCursor: more && last ? Buffer.from(JSON.stringify([last.starts_at, last.id])).toString('base64url') : null,
      }
    },
  }
}

export type SessionsService = ReturnType<typeof createSessionsService>
