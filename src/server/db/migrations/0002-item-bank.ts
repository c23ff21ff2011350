// The item bank: items with their lifecycle, immutable versions (the QTI source and the parsed
// model), and figures stored by content hash.
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'
  const blob = dialect === 'postgres' ? 'bytea' : 'blob'

  await db.schema
    .createTable('items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('identifier', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('module', 'text')
    .addColumn('skill', 'text')
    .addColumn('pool', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('scoring_mode', 'text', (c) => c.notNull())
    .addColumn('active_version', 'integer')
    .addColumn('latest_version', 'integer', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id'))
    .addColumn('reviewer_id', 'text', (c) => c.references('users.id'))
    .addColumn('exposure_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('items_pool_idx').on('items').columns(['module', 'skill', 'pool', 'status']).execute()
  await db.schema.createIndex('items_created_idx').on('items').columns(['created_at', 'id']).execute()

  await db.schema
    .createTable('item_versions')
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('qti_xml', 'text', (c) => c.notNull())
    .addColumn('model_json', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('item_versions_pk', ['item_id', 'version'])
    .execute()

  await db.schema
    .createTable('item_assets')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', blob, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
}
