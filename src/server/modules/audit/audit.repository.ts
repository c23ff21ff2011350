import type { DbOrTx } from '../../db/database.js'
import { decodeCursor, pastCursor, toPage } from '../../db/pagination.js'
import type { AuditLogTable } from '../../db/schema.js'

export async function insertAuditEntry(db: DbOrTx, entry: AuditLogTable): Promise<void> {
  await db.insertInto('audit_log').values(entry).execute()
}

export interface AuditFilter {
  action?: string | undefined
  actorId?: string | undefined
  entityType?: string | undefined
  entityId?: string | undefined
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
  if (after) query = query.where(pastCursor('audit_log.created_at', 'audit_log.id', after))
  const rows = await query
    .orderBy('audit_log.created_at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(filter.limit + 1)
    .execute()
  return toPage(rows, filter.limit, (r) => ({
    id: r.id,
    actorId: r.actor_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    reason: r.reason,
    details: r.details === null ? null : (JSON.parse(r.details) as unknown),
    createdAt: r.created_at,
  }))
}
