// Certified assessment centers (and onsite company events) as the public sees them.
import type { ServerContext } from '../../context.js'
import type { DbOrTx } from '../../db/database.js'
import { decodeCursor, toPage } from '../../db/pagination.js'
import type { CentersTable } from '../../db/schema.js'
import { centerIdsInState, centerIdsOfMember, countCentersCertifiedUntilBetween, findCenter, findCenters, isCenterMember, listCenters, listCertifiedCenters, publicCenterIds, toCenterDto } from './centers.repository.js'

/**
 * What other modules (scheduling, delivery) may ask about centers: they call these instead of joining
 * the centers tables. Each reads in the caller's transaction when one is given.
 */
export type CenterDirectory = Pick<CentersService, 'find' | 'findMany' | 'isMember' | 'idsOfMember' | 'publicIds' | 'idsInState' | 'listAll'>

export function createCentersService(ctx: ServerContext) {
  const { db } = ctx
  return {
    /** Certified assessment centers whose certification ends between two moments (the staff dashboard). */
    certificationsEndingBetween: (from: string, to: string) => countCentersCertifiedUntilBetween(db, from, to),

    find(id: string, within: DbOrTx = db): Promise<CentersTable | undefined> {
      return findCenter(within, id)
    },

    async findMany(ids: readonly string[], within: DbOrTx = db): Promise<Map<string, CentersTable>> {
      return new Map((await findCenters(within, ids)).map((c) => [c.id, c]))
    },

    /** Every center, any status, in name order (the certification watch). */
    listAll(within: DbOrTx = db): Promise<CentersTable[]> {
      return listCenters(within)
    },

    /** Whether the person administers the center. */
    isMember(centerId: string, userId: string, within: DbOrTx = db): Promise<boolean> {
      return isCenterMember(within, centerId, userId)
    },

    /** The centers a person administers. */
    idsOfMember(userId: string, within: DbOrTx = db): Promise<string[]> {
      return centerIdsOfMember(within, userId)
    },

    /** Certified assessment centers whose certification has not lapsed: their sessions are listed publicly. */
    publicIds(within: DbOrTx = db): Promise<string[]> {
      return publicCenterIds(within, ctx.clock().toISOString())
    },

    /** Every center in a state, whatever its kind or status (staff's session filter). */
    idsInState(state: string, within: DbOrTx = db): Promise<string[]> {
      return centerIdsInState(within, state)
    },

    /** Certified centers in name order, a page at a time. */
    async listPublic(filter: { state?: string | undefined; city?: string | undefined; limit: number; cursor?: string | undefined }) {
      const rows = await listCertifiedCenters(ctx.db, { ...filter, after: decodeCursor(filter.cursor), now: ctx.clock().toISOString() })
      return toPage(rows, filter.limit, toCenterDto, (c) => c.name)
    },
  }
}

export type CentersService = ReturnType<typeof createCentersService>
