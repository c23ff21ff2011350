// Forwarding learning records (issue 13): the external learning record stores program staff configure
// (for the whole program, a center or an employer), and the delivery queue, one row per statement and
// endpoint, filled in the transaction that records the statement and emptied by the dispatcher after
// the commit. The endpoint's secret is stored as typed for now: encryption at rest comes with the
// key-encryption key of issue 16 (docs/ARCHITECTURE.md).
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'
  await db.schema
    .createTable('lrs_endpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // 'program' (every statement), 'center' or 'employer' (the statements of their learners).
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('auth_key', 'text', (c) => c.notNull())
    .addColumn('auth_secret', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('last_test_at', ts)
    .addColumn('last_test_ok', 'integer')
    .addColumn('last_test_detail', 'text')
    .execute()
  await db.schema.createIndex('lrs_endpoints_active_idx').on('lrs_endpoints').columns(['active', 'owner_kind']).execute()

  await db.schema
    .createTable('lrs_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('statement_id', 'text', (c) => c.notNull().references('learning_statements.id'))
    .addColumn('endpoint_id', 'text', (c) => c.notNull().references('lrs_endpoints.id'))
    // pending → sent, or failed after the last attempt (or at once for an answer no retry can change).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', ts, (c) => c.notNull())
    // A dispatcher's claim on the row while it sends it, so two instances never send it at once.
    .addColumn('locked_until', ts)
    .addColumn('last_error', 'text')
    .addColumn('last_attempt_at', ts)
    .addColumn('sent_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('lrs_deliveries_statement_endpoint_uq', ['statement_id', 'endpoint_id'])
    .execute()
  await db.schema.createIndex('lrs_deliveries_due_idx').on('lrs_deliveries').columns(['status', 'next_attempt_at']).execute()
  await db.schema.createIndex('lrs_deliveries_endpoint_idx').on('lrs_deliveries').columns(['endpoint_id', 'status', 'last_attempt_at']).execute()

  // Learning Lab use over a period (the staff page) reads statements by their stored time.
  await db.schema.createIndex('learning_statements_stored_idx').on('learning_statements').columns(['stored_at']).execute()
}
