// Certified assessment centers (and onsite company events) as the public sees them.
import type { ServerContext } from '../../context.js'
import { AppError } from '../../errors.js'
import { listCertifiedCenters, toCenterDto } from './centers.repository.js'

function decodeNameCursor(cursor: string | undefined): { name: string; id: string } | undefined {
  if (!cursor) return undefined
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[]
    if (typeof name === 'string' && typeof id === 'string') return { name, id }
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION', 'The cursor is not one this server issued.')
}

export function createCentersService(ctx: ServerContext) {
  return {
    /** Certified centers in name order, a page at a time. */
    async listPublic(filter: { state?: string | undefined; city?: string | undefined; limit: number; cursor?: string | undefined }) {
      const after = decodeNameCursor(filter.cursor)
      const rows = await listCertifiedCenters(ctx.db, { ...filter, after, now: ctx.clock().toISOString() })
      const more = rows.length > filter.limit
      const page = more ? rows.slice(0, filter.limit) : rows
      const last = page[page.length - 1]
      return {
        items: page.map(toCenterDto),
        nextCursor: more && last ? Buffer.from(JSON.stringify([last.name, last.id])).toString('base64url') : null,
      }
    },
  }
}

export type CentersService = ReturnType<typeof createCentersService>
