// The rest of a sitting and its outcome: attempts learn their device, flags, added time and the
// candidate's last contact; sessions can be closed; incidents are recorded per session; results are
// stored per attempt, pinned to the item versions it drew; credentials are awarded once per candidate
// and type, each with an unguessable certificate number and a status-list index.
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'

  await db.schema.alterTable('attempts').addColumn('device_id', 'text').execute()
  await db.schema.alterTable('attempts').addColumn('readmit_allowed', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('attempts').addColumn('awaiting_readmit', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('attempts').addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]')).execute()
  await db.schema.alterTable('attempts').addColumn('extra_minutes', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('attempts').addColumn('last_seen_at', ts).execute()
  await db.schema.createIndex('attempts_deadline_idx').on('attempts').columns(['status', 'deadline_at']).execute()

  await db.schema.alterTable('test_sessions').addColumn('closed_at', ts).execute()

  await db.schema
    .createTable('session_incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('test_sessions.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('occurred_at', ts, (c) => c.notNull())
    .addColumn('ended_at', ts)
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('action_taken', 'text', (c) => c.notNull())
    .addColumn('registration_id', 'text', (c) => c.references('registrations.id'))
    .addColumn('reported_by', 'text', (c) => c.references('users.id'))
    .addColumn('automatic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('session_incidents_session_idx').on('session_incidents').columns(['session_id', 'occurred_at']).execute()

  await db.schema
    .createTable('results')
    .addColumn('attempt_id', 'text', (c) => c.primaryKey().references('attempts.id'))
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('module', 'text', (c) => c.notNull())
    // Points in millionths of an item, so sums and the pass comparison are exact integers.
    .addColumn('earned_micro', 'bigint', (c) => c.notNull())
    .addColumn('possible_micro', 'bigint', (c) => c.notNull())
    .addColumn('percent', 'real', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('item_scores', 'text', (c) => c.notNull())
    .addColumn('scored_at', ts, (c) => c.notNull())
    .addColumn('passed_on', 'text')
    .execute()
  await db.schema.createIndex('results_candidate_idx').on('results').columns(['candidate_id', 'module']).execute()

  await db.schema
    .createTable('credentials')
    .addColumn('certificate_number', 'text', (c) => c.primaryKey())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_index', 'integer', (c) => c.notNull().unique())
    .addColumn('status_reason', 'text')
    .addColumn('status_changed_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  // Each credential is awarded once per candidate, whatever races to award it.
  // Each credential's bit in the published status list (revocation).
  await db.insertInto('counters').values({ name: 'credential_status_index', value: 0 }).execute()
  await db.schema.createIndex('credentials_one_per_type_idx').on('credentials').columns(['candidate_id', 'type']).unique().execute()
}
