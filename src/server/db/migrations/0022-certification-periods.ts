// Certification periods (issue 12): the expiry reminders already sent, so each goes out once per
// person or center, period and lead time (keyed by the certification end, so a renewal earns a new
// set); and the record of each key correction with the result changes its rescoring made, for the
// item page to show (the audit log keeps the same facts, but not in a shape a screen can page).
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'
  await db.schema
    .createTable('certification_reminders_sent')
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('certified_until', ts, (c) => c.notNull())
    .addColumn('days_before', 'integer', (c) => c.notNull())
    .addColumn('sent_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('certification_reminders_sent_pk', ['subject_kind', 'subject_id', 'certified_until', 'days_before'])
    .execute()

  await db.schema
    .createTable('scoring_correction_runs')
    .addColumn('job_id', 'text', (c) => c.primaryKey().references('jobs.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('replacement_version', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('scoring_correction_runs_item_idx').on('scoring_correction_runs').columns(['item_id', 'created_at']).execute()

  await db.schema
    .createTable('rescoring_changes')
    .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id'))
    .addColumn('attempt_id', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.notNull())
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('before_percent', 'real', (c) => c.notNull())
    .addColumn('after_percent', 'real', (c) => c.notNull())
    .addColumn('before_passed', 'integer', (c) => c.notNull())
    .addColumn('after_passed', 'integer', (c) => c.notNull())
    // JSON arrays of certificate numbers (with their type) the candidate gained or lost in this change's batch.
    .addColumn('awarded', 'text', (c) => c.notNull())
    .addColumn('withdrawn', 'text', (c) => c.notNull())
    .addColumn('changed_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('rescoring_changes_pk', ['job_id', 'attempt_id'])
    .execute()
}
