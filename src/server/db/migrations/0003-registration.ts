// Scheduling and registration: proctor certification and conflicts, the candidate profile (NCRC),
// a seat counter on sessions (updated atomically so seats are never oversold), registrations with
// their waitlist and holds, the fee schedule, vouchers and invoices.
import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'

  await db.schema.alterTable('test_sessions').addColumn('seats_taken', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('test_sessions').addColumn('cancel_reason', 'text').execute()

  await db.schema
    .createTable('proctor_certifications')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('training_completed_on', ts, (c) => c.notNull())
    .addColumn('agreement_signed_on', ts, (c) => c.notNull())
    .addColumn('coi_declared_on', ts, (c) => c.notNull())
    .addColumn('certified_until', ts, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute()

  await db.schema
    .createTable('proctor_conflicts')
    .addColumn('proctor_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('declared_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('proctor_conflicts_pk', ['proctor_id', 'candidate_id'])
    .execute()

  await db.schema
    .createTable('candidate_profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('ncrc_level', 'text')
    .addColumn('ncrc_number', 'text')
    .addColumn('state', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('test_sessions.id'))
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('modules', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('holds_seat', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hold_expires_at', ts)
    .addColumn('payment_method', 'text')
    .addColumn('voucher_id', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('cancelled_at', ts)
    .addColumn('reminder_sent_at', ts)
    // Arrival order, from the counters table: strictly increasing even for simultaneous requests.
    .addColumn('queue_no', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute()
  await db.insertInto('counters').values({ name: 'registration_queue', value: 0 }).execute()
  // One live registration per candidate and session, enforced by the database under any concurrency.
  await db.schema
    .createIndex('registrations_one_live_idx')
    .on('registrations')
    .columns(['session_id', 'candidate_id'])
    .unique()
    .where(sql.ref('status'), 'in', ['pending_payment', 'confirmed', 'waitlisted'])
    .execute()
  await db.schema.createIndex('registrations_session_idx').on('registrations').columns(['session_id', 'status', 'queue_no']).execute()
  await db.schema.createIndex('registrations_candidate_idx').on('registrations').columns(['candidate_id', 'session_id']).execute()

  await db.schema
    .createTable('fee_schedule')
    .addColumn('module', 'text', (c) => c.primaryKey())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute()

  await db.schema
    .createTable('vouchers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('modules', 'text', (c) => c.notNull())
    .addColumn('purchased_by', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('registration_id', 'text')
    .addColumn('redeemed_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts)
    .execute()

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id'))
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issued_at', ts, (c) => c.notNull())
    .addColumn('paid_at', ts)
    .addColumn('marked_by', 'text', (c) => c.references('users.id'))
    .execute()
}
