// Practice in the Learning Lab (issue 13, practice stream): practice sets per skill and full-length
// practice tests, drawn only from the practice pool; every answer the learner gives in either (the
// mastery rule reads the latest of them per skill); the first time each skill was mastered; and
// study plans made from a result or a practice diagnostic.
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'

  // A few items of one skill with their versions, in the order shown; the seed (secret, never sent)
  // draws the set's option order and opaque identifiers, as an attempt's does.
  await db.schema
    .createTable('practice_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('seed', 'bigint', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('completed_at', ts)
    .execute()
  await db.schema.createIndex('practice_sets_user_skill_idx').on('practice_sets').columns(['user_id', 'skill', 'created_at']).execute()

  await db.schema
    .createTable('practice_tests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('seed', 'bigint', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('timed', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('deadline_at', ts)
    .addColumn('submitted_at', ts)
    .addColumn('submitted_by', 'text')
    // The diagnostic (a module result: percent, would-have-passed, per-skill subscores), JSON.
    .addColumn('result', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('practice_tests_user_idx').on('practice_tests').columns(['user_id', 'started_at']).execute()

  await db.schema
    .createTable('practice_test_responses')
    .addColumn('test_id', 'text', (c) => c.notNull().references('practice_tests.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('saved_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('practice_test_responses_pk', ['test_id', 'item_id'])
    .execute()

  // One row per answer given (in a set, or in a practice test at its submission); one answer per item
  // and source, which the unique index decides when two answers race.
  await db.schema
    .createTable('practice_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('item_version', 'integer', (c) => c.notNull())
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    // The item's one point in millionths, as module results count it (common/rules/module-result.ts).
    .addColumn('score_micro', 'integer', (c) => c.notNull())
    .addColumn('correct', 'integer', (c) => c.notNull())
    .addColumn('answered_at', ts, (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('practice_answers_source_item_uq').on('practice_answers').columns(['source_kind', 'source_id', 'item_id']).unique().execute()
  await db.schema.createIndex('practice_answers_user_skill_idx').on('practice_answers').columns(['user_id', 'skill', 'answered_at', 'seq']).execute()

  await db.schema
    .createTable('skill_masteries')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('mastered_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('skill_masteries_pk', ['user_id', 'skill'])
    .execute()

  await db.schema
    .createTable('study_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    // The skills below standard, in the result's order (JSON array of codes).
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('completed_at', ts)
    .addColumn('invited_at', ts)
    .execute()
  await db.schema.createIndex('study_plans_source_uq').on('study_plans').columns(['user_id', 'source_kind', 'source_id']).unique().execute()
  await db.schema.createIndex('study_plans_user_idx').on('study_plans').columns(['user_id', 'created_at']).execute()
}
