// Center applications (who applied), onsite company testing requests, and background jobs (bulk
// cohort registration) whose progress the web shows.
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'

  await db.schema.alterTable('centers').addColumn('applied_by', 'text').execute()
  await db.schema.alterTable('centers').addColumn('status_reason', 'text').execute()

  await db.schema
    .createTable('onsite_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('employer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('company_name', 'text', (c) => c.notNull())
    .addColumn('address_line1', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('preferred_date', ts, (c) => c.notNull())
    .addColumn('candidates', 'integer', (c) => c.notNull())
    .addColumn('modules', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('processed', 'integer', (c) => c.notNull())
    .addColumn('report', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .execute()
}
