// The national certificant registry: a holder appears in the name search only after opting in on
// their profile (certificate-number lookup needs no consent: the number is what the holder hands
// out). The search runs on last-name prefixes, so the lower-cased last name is indexed; opted-in
// profiles get a small partial index by state.
import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('candidate_profiles').addColumn('registry_listed', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.createIndex('candidate_profiles_registry_idx').on('candidate_profiles').columns(['state', 'user_id']).where(sql.ref('registry_listed'), '=', 1).execute()
  // Prefix search compares lower(last_name) with a range; on PostgreSQL the "C" collation makes the
  // range byte-ordered like SQLite's, so one query text finds the same rows on both.
  const key = dialect === 'postgres' ? sql`(lower(last_name) collate "C")` : sql`lower(last_name)`
  await sql`create index users_last_name_lower_idx on users (${key}, id)`.execute(db)
}
