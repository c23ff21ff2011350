// Learning records (issue 13): every lesson view, practice answer, completion, enrolment and course
// attendance is kept as an xAPI 1.0.3 statement. The statement is stored whole (JSON, as an LRS
// would return it); the columns beside it are what the progress and reporting screens filter on.
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'
  await db.schema
    .createTable('learning_statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('verb', 'text', (c) => c.notNull())
    .addColumn('object_kind', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('skill', 'text')
    .addColumn('module', 'text')
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('timestamp', ts, (c) => c.notNull())
    .addColumn('stored_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('learning_statements_user_idx').on('learning_statements').columns(['user_id', 'stored_at']).execute()
  await db.schema.createIndex('learning_statements_verb_idx').on('learning_statements').columns(['verb', 'stored_at']).execute()
}
