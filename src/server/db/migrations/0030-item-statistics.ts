// Item statistics (issue 15, item 4): what the nightly `psychometrics` job computed for a module (or a
// conjunctive credential decision, MS and MT1) and a calendar year, replaced whole on each run; the
// per-item-version figures beside it; and candidates' voluntary, self-reported demographics, kept
// only for DIF in aggregate (withdrawing consent deletes the row).
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'

  await db.schema
    .createTable('psychometric_snapshots')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('job_id', 'text', (c) => c.notNull())
    // Who started the statistics: the nightly refresh runs on their behalf.
    .addColumn('started_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('computed_at', ts, (c) => c.notNull())
    .addColumn('candidates', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('psychometric_snapshots_pk', ['scope', 'year'])
    .execute()

  await db.schema
    .createTable('item_statistics')
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('computed_at', ts, (c) => c.notNull())
    .addColumn('exposure', 'integer', (c) => c.notNull())
    .addColumn('p', 'double precision', (c) => c.notNull())
    .addColumn('flags', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_statistics_pk', ['module', 'year', 'item_id', 'version'])
    .execute()
  await db.schema.createIndex('item_statistics_item').on('item_statistics').columns(['item_id', 'year']).execute()

  await db.schema
    .createTable('candidate_demographics')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('consented_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('candidate_demographics').execute()
  await db.schema.dropTable('item_statistics').execute()
  await db.schema.dropTable('psychometric_snapshots').execute()
}
