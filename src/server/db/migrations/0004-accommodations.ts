// Special accommodations: requests for documented disabilities in reading, eyesight and/or
// computer operation, their documentation (stored in the database, never under a public path) and
// the staff decision.
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'
  const blob = dialect === 'postgres' ? 'bytea' : 'blob'

  await db.schema
    .createTable('accommodation_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('adjustments', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('approved_adjustments', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('accommodation_requests_candidate_idx').on('accommodation_requests').columns(['candidate_id', 'created_at']).execute()
  await db.schema.createIndex('accommodation_requests_status_idx').on('accommodation_requests').columns(['status', 'created_at']).execute()

  await db.schema
    .createTable('accommodation_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('accommodation_requests.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', blob, (c) => c.notNull())
    .addColumn('uploaded_at', ts, (c) => c.notNull())
    .execute()
}
