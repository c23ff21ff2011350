// The registry's own view of its holders: the name the public sees, the state and whether the
// holder opted in to the name search. Accounts own the users and profiles; the registry keeps this
// copy (kept current by the accounts module through the registry's holders service) so that its
// lookups and searches join only its own tables. One row per candidate who has a profile or a
// credential. Filled here from the accounts tables: a migration is schema, not a module.
import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('registry_holders')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('state', 'text')
    .addColumn('listed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  await db
    .insertInto('registry_holders')
    .columns(['user_id', 'first_name', 'last_name', 'state', 'listed'])
    .expression((eb: any) =>
      eb.selectFrom('users')
        .leftJoin('candidate_profiles', 'candidate_profiles.user_id', 'users.id')
        .select(['users.id', 'users.first_name', 'users.last_name', 'candidate_profiles.state', eb.fn.coalesce('candidate_profiles.registry_listed', sql.lit(0)).as('listed')])
        .where((w: any) => w.or([
          w('candidate_profiles.user_id', 'is not', null),
          w.exists(w.selectFrom('credentials').select('credentials.certificate_number').whereRef('credentials.candidate_id', '=', 'users.id')),
        ])))
    .execute()

  // The same byte-ordered prefix-search keys as migration 0008 had on users ("C" collation on
  // PostgreSQL, so both databases compare bytes alike), and the opted-in holders by state.
  const key = dialect === 'postgres' ? sql`(lower(last_name) collate "C")` : sql`lower(last_name)`
  await sql`create index registry_holders_last_name_idx on registry_holders (${key}, user_id)`.execute(db)
  await db.schema.createIndex('registry_holders_listed_idx').on('registry_holders').columns(['state', 'user_id']).where(sql.ref('listed'), '=', 1).execute()
}
