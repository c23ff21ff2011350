// Issue 16, item 2: a candidate's form is drawn and rendered when they are checked in, so Start only
// starts the clock. One row per registration and module, held by the check-in itself (deleting the
// check-in deletes its prepared forms), and consumed by Start in the transaction that creates the attempt.
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'
  await db.schema
    .createTable('prepared_forms')
    .addColumn('registration_id', 'text', (c) => c.notNull().references('checkins.registration_id').onDelete('cascade'))
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.notNull())
    .addColumn('seed', 'bigint', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('seen_overlap', 'integer', (c) => c.notNull())
    .addColumn('prepared_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('prepared_forms_pk', ['registration_id', 'module'])
    .execute()
}
