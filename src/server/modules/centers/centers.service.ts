// Certified assessment centers (and onsite company events) as the public sees them.
import type { ServerContext } from '../../context.js'
import { listCertifiedCenters, toCenterDto } from './centers.repository.js'

export function createCentersService(ctx: ServerContext) {
  return {
    async listPublic(filter: { state?: string | undefined; city?: string | undefined }) {
      const rows = await listCertifiedCenters(ctx.db, { ...filter, now: ctx.clock().toISOString() })
      return { items: rows.map(toCenterDto), nextCursor: null }
    },
  }
}

export type CentersService = ReturnType<typeof createCentersService>
