// Corrections to how an item version is scored, decided by staff after candidates saw it: score it
// with a corrected version's key, or drop it from the module (it then counts for nobody). Every
// result that drew that version is rescored.
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'
  await db.schema
    .createTable('scoring_corrections')
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('replacement_version', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('scoring_corrections_pk', ['item_id', 'version'])
    .execute()
}
