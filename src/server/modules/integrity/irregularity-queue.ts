// The staff irregularity queue: every incident of every session, newest first, filtered by date in
// SQL and by status (its case's) and center after it has been described. Filters that live in other
// modules' tables cannot be joined, so a page is filled by scanning batches in keyset order until it
// has `limit` matches, the incidents end, or a scan budget is spent; the cursor is the last incident
// looked at, so the next page carries on from there and nothing is skipped or shown twice.
import type { IrregularityQueuePage, IrregularityQueueQuery, QueueIncident } from '../../../common/schemas/integrity.js'
import type { Db } from '../../db/database.js'
import { decodeCursor, encodeCursor, type CursorKey } from '../../db/pagination.js'
import type { IrregularityRecordsService } from '../delivery/irregularity-records.service.js'
import { describeIncidents, type IncidentViewDeps } from './incident-views.js'

const BATCH = 200
/** Batches one page may scan before it answers with what it found and a cursor to go on. */
const SCAN_BUDGET = 10

export async function irregularityQueue(db: Db, deps: IncidentViewDeps & { records: IrregularityRecordsService }, query: IrregularityQueueQuery): Promise<IrregularityQueuePage> {
  const limit = query.limit ?? 50
  const wanted = (i: QueueIncident) => (!query.status || i.status === query.status) && (!query.centerId || i.center?.id === query.centerId)
  let after: CursorKey | undefined = decodeCursor(query.cursor)
  const items: QueueIncident[] = []
  for (let scans = 0; scans < SCAN_BUDGET; scans++) {
    const rows = await deps.records.incidentsPage({ from: query.from, to: query.to, after, limit: BATCH })
    const described = await describeIncidents(db, deps, rows)
    for (let i = 0; i < rows.length; i++) {
      after = { value: rows[i]!.occurred_at, id: rows[i]!.id }
      if (!wanted(described[i]!)) continue
      items.push(described[i]!)
      if (items.length === limit) {
        // More may follow unless this was the very last incident.
        const last = i === rows.length - 1 && rows.length < BATCH
        return { items, nextCursor: last ? null : encodeCursor(after) }
      }
    }
    if (rows.length < BATCH) return { items, nextCursor: null }
  }
  return { items, nextCursor: after ? encodeCursor(after) : null }
}
