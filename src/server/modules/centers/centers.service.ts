// Certified assessment centers (and onsite company events) as the public sees them.
import type { ServerContext } from '../../context.js'
import { decodeCursor, toPage } from '../../db/pagination.js'
import { listCertifiedCenters, toCenterDto } from './centers.repository.js'

export function createCentersService(ctx: ServerContext) {
  return {
    /** Certified centers in name order, a page at a time. */
    async listPublic(filter: { state?: string | undefined; city?: string | undefined; limit: number; cursor?: string | undefined }) {
      const rows = await listCertifiedCenters(ctx.db, { ...filter, after: decodeCursor(filter.cursor), now: ctx.clock().toISOString() })
      return toPage(rows, filter.limit, toCenterDto, (c) => c.name)
    },
  }
}

export type CentersService = ReturnType<typeof createCentersService>
