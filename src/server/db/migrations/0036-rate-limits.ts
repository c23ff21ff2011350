// Shared rate-limit counters (issue 16, stateless stream): on PostgreSQL every instance counts a
// client's public requests in one row per (route, client) so a limit means the same with one process
// or ten. The window is stored with the count: the upsert that counts a request also starts a new
// window once the old one has ended. Created on SQLite too (one schema for both), where the one
// process keeps its counters in memory instead.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('rate_limit_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    // Milliseconds since the epoch: compared and subtracted on every request, no date parsing.
    .addColumn('window_ends_ms', 'bigint', (c) => c.notNull())
    .execute()
  // The cleanup deletes ended windows by this.
  await db.schema.createIndex('rate_limit_counters_ends_idx').on('rate_limit_counters').column('window_ends_ms').execute()
}
