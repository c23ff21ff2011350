// Test delivery: check-ins (photo ID verified, admitted), proctor presence heartbeats, attempts
// with the form they drew and their server-side clock, responses (one row per item, with the
// client's sequence number), and the attempt's event history.
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'

  await db.schema
    .createTable('checkins')
    .addColumn('registration_id', 'text', (c) => c.primaryKey().references('registrations.id'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('test_sessions.id'))
    .addColumn('checked_in_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('checked_in_at', ts, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('proctor_presence')
    .addColumn('session_id', 'text', (c) => c.notNull().references('test_sessions.id'))
    .addColumn('proctor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('last_seen_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('proctor_presence_pk', ['session_id', 'proctor_id'])
    .execute()

  await db.schema
    .createTable('attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('test_sessions.id'))
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('seed', 'bigint', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('time_factor', 'real', (c) => c.notNull())
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('deadline_at', ts, (c) => c.notNull())
    .addColumn('paused_at', ts)
    .addColumn('pause_reason', 'text')
    .addColumn('submitted_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('attempts_one_per_module_idx').on('attempts').columns(['registration_id', 'module']).unique().execute()
  await db.schema.createIndex('attempts_session_idx').on('attempts').columns(['session_id', 'status']).execute()

  await db.schema
    .createTable('attempt_responses')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('saved_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('attempt_responses_pk', ['attempt_id', 'item_id'])
    .execute()

  await db.schema
    .createTable('attempt_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('attempt_events_attempt_idx').on('attempt_events').columns(['attempt_id', 'at']).execute()
}
