// Modified-Angoff standard setting (issue 15, item 4): a study of one module's operational items
// (the exact versions frozen when it was created), its panelists (a membership, not a role: a panelist
// sees only their own study's rating pages), each panelist's rating per item per round, and each closed
// round's recommended cut, kept with staff's decision as the documentation of the program's standard.
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'

  await db.schema
    .createTable('standard_setting_studies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // The day of the panel meeting (YYYY-MM-DD): the year a study documents.
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('training_note', 'text', (c) => c.notNull())
    // `pool`: every active operational item; `form`: one form drawn by the blueprint.
    .addColumn('item_source', 'text', (c) => c.notNull())
    // JSON array of {itemId, version}: the versions rated, fixed for every round.
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision_note', 'text')
    .addColumn('decided_at', ts)
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('standard_setting_studies_module_idx').on('standard_setting_studies').columns(['module', 'meeting_date']).execute()

  await db.schema
    .createTable('standard_setting_panelists')
    .addColumn('study_id', 'text', (c) => c.notNull().references('standard_setting_studies.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('added_at', ts, (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('standard_setting_panelists_pk', ['study_id', 'user_id'])
    .execute()
  await db.schema.createIndex('standard_setting_panelists_user_idx').on('standard_setting_panelists').columns(['user_id']).execute()

  await db.schema
    .createTable('standard_setting_ratings')
    .addColumn('study_id', 'text', (c) => c.notNull().references('standard_setting_studies.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('panelist_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('saved_at', ts, (c) => c.notNull())
    // One rating per (round, panelist, item): a save again replaces it.
    .addPrimaryKeyConstraint('standard_setting_ratings_pk', ['study_id', 'round', 'panelist_id', 'item_id'])
    .execute()

  await db.schema
    .createTable('standard_setting_rounds')
    .addColumn('study_id', 'text', (c) => c.notNull().references('standard_setting_studies.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('opened_at', ts, (c) => c.notNull())
    .addColumn('closed_at', ts)
    // Set when the round closes: the recommended cut, its SD and SE across panelists, how many rated.
    .addColumn('cut_percent', 'real')
    .addColumn('sd', 'real')
    .addColumn('se', 'real')
    .addColumn('panelists', 'integer')
    .addPrimaryKeyConstraint('standard_setting_rounds_pk', ['study_id', 'round'])
    .execute()
}
