import type { DbOrTx } from '../../db/database.js'
import { decodeCursor, pastCursor, toPage } from '../../db/pagination.js'
import type { AuditLogTable } from '../../db/schema.js'

export async function insertAuditEntry(db: DbOrTx, entry: AuditLogTable): Promise<void> {
  await db.insertInto('audit_log').values(entry).execute()
}

/** Many entries in a few multi-row inserts (8 parameters a row: 500 rows stay far inside both drivers' limits). */
export async function insertAuditEntries(db: DbOrTx, entries: readonly AuditLogTable[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) await db.insertInto('audit_log').values(entries.slice(i, i + 500)).execute()
}

export interface AuditFilter {
  action?: string | undefined
  actorId?: string | undefined
  entityType?: string | undefined
  entityId?: string | undefined
  /** Entries at or after this instant (ISO). */
  from?: string | undefined
  /** Entries before this instant (ISO). */
  to?: string | undefined
  limit: number
  cursor?: string | undefined
}

export async function listAuditEntries(db: DbOrTx, filter: AuditFilter) {
  const after = decodeCursor(filter.cursor)
  let query = db
    .selectFrom('audit_log')
    .select([
      'audit_log.id',
      'audit_log.actor_id',
      'audit_log.action',
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.reason',
      'audit_log.details',
      'audit_log.created_at',
    ])
  if (filter.action) query = query.where('audit_log.action', '=', filter.action)
  if (filter.actorId) query = query.where('audit_log.actor_id', '=', filter.actorId)
  if (filter.entityType) query = query.where('audit_log.entity_type', '=', filter.entityType)
  if (filter.entityId) query = query.where('audit_log.entity_id', '=', filter.entityId)
  if (filter.from) query = query.where('audit_log.created_at', '>=', filter.from)
  if (filter.to) query = query.where('audit_log.created_at', '<', filter.to)
  if (after) query = query.where(pastCursor('audit_log.created_at', 'audit_log.id', after))
  const rows = await query
    .orderBy('audit_log.created_at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(filter.limit + 1)
    .execute()
  return toPage(rows, filter.limit, toEntry)
}

type EntryRow = Pick<AuditLogTable, 'id' | 'actor_id' | 'action' | 'entity_type' | 'entity_id' | 'reason' | 'details' | 'created_at'>

const toEntry = (r: EntryRow) => ({
  id: r.id,
  actorId: r.actor_id,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  reason: r.reason,
  details: r.details === null ? null : (JSON.parse(r.details) as unknown),
  createdAt: r.created_at,
})

/**
 * A person's trail, newest first: what they did, and what was done to their own records (the ids
 * given: their account, registrations, attempts, requests…). At most `limit` entries.
 */
export async function trailEntries(db: DbOrTx, personId: string, recordIds: readonly string[], limit: number) {
  const ids = [...new Set([personId, ...recordIds])].slice(0, 1000)
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'actor_id', 'action', 'entity_type', 'entity_id', 'reason', 'details', 'created_at'])
    .where((eb) => eb.or([eb('actor_id', '=', personId), eb('entity_id', 'in', ids)]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toEntry)
}
