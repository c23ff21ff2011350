// Skills training, instructor-led (issue 13): trainers certified by staff for a period (like proctors),
// course offerings at a certified center or onsite at an employer with their meetings, enrolments in
// a course or a module's Learning Lab (self-enrolled, or a seat an employer sponsors for a named
// employee, who accepts it by an emailed link), attendance per meeting and completion.
// Training is paid through the scheduling module's payments, never a second system: an invoice gets
// a third subject (an enrolment, billed to the learner), and a voucher a purpose: `registration` (all
// vouchers so far) or `training`, bought for one training subject ("lab:MM", "course:<id>") and
// redeemed by an enrolment.
import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'

  await db.schema
    .createTable('trainer_certifications')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('training_completed_on', ts, (c) => c.notNull())
    .addColumn('agreement_signed_on', ts, (c) => c.notNull())
    .addColumn('coi_declared_on', ts, (c) => c.notNull())
    .addColumn('certified_until', ts, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute()

  await db.schema
    .createTable('course_offerings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('module', 'text', (c) => c.notNull())
    // JSON array of the skill codes it covers (a subset of the module's).
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('trainer_id', 'text', (c) => c.notNull().references('users.id'))
    // At a certified center, or onsite at an employer (then private: its employees come sponsored).
    .addColumn('center_id', 'text', (c) => c.references('centers.id'))
    .addColumn('employer_id', 'text', (c) => c.references('users.id'))
    // Onsite: the company's name and address (one line); at a center its own name and address stand.
    .addColumn('place_name', 'text')
    .addColumn('address', 'text')
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    // Like test_sessions.seats_taken: only ever moved by a conditional update, so never above seats.
    .addColumn('seats_taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fee_cents', 'integer')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cancel_reason', 'text')
    // The first meeting's start and the last one's end, kept with the meetings (finder order, windows).
    .addColumn('first_starts_at', ts, (c) => c.notNull())
    .addColumn('last_ends_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('course_offerings_start_idx').on('course_offerings').columns(['first_starts_at', 'id']).execute()
  await db.schema.createIndex('course_offerings_trainer_idx').on('course_offerings').columns(['trainer_id', 'first_starts_at']).execute()
  await db.schema.createIndex('course_offerings_center_idx').on('course_offerings').columns(['center_id', 'first_starts_at']).execute()

  await db.schema
    .createTable('course_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('offering_id', 'text', (c) => c.notNull().references('course_offerings.id'))
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('ends_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('course_meetings_offering_idx').on('course_meetings').columns(['offering_id', 'starts_at']).execute()

  await db.schema
    .createTable('training_enrolments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('offering_id', 'text', (c) => c.references('course_offerings.id'))
    .addColumn('module', 'text', (c) => c.notNull())
    // Null while a sponsored seat waits for its employee to accept it.
    .addColumn('learner_id', 'text', (c) => c.references('users.id'))
    .addColumn('invitee_email', 'text')
    .addColumn('invitation_token_hash', 'text')
    .addColumn('sponsor_id', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('holds_seat', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fee_cents', 'integer', (c) => c.notNull())
    .addColumn('payment_method', 'text')
    .addColumn('voucher_id', 'text')
    .addColumn('paid_at', ts)
    .addColumn('completion', 'text')
    .addColumn('completion_note', 'text')
    .addColumn('completion_at', ts)
    .addColumn('completion_by', 'text', (c) => c.references('users.id'))
    .addColumn('accepted_at', ts)
    .addColumn('cancelled_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()
  // One live enrolment per learner and subject, and one open sponsored seat per invited address and subject.
  await db.schema.createIndex('training_enrolments_one_live_idx').on('training_enrolments').columns(['learner_id', 'subject']).unique()
    .where(sql.ref('status'), '<>', 'cancelled').execute()
  await db.schema.createIndex('training_enrolments_one_invited_idx').on('training_enrolments').columns(['invitee_email', 'subject']).unique()
    .where(sql.ref('status'), '=', 'invited').execute()
  await db.schema.createIndex('training_enrolments_token_idx').on('training_enrolments').column('invitation_token_hash').unique().execute()
  await db.schema.createIndex('training_enrolments_offering_idx').on('training_enrolments').columns(['offering_id', 'status']).execute()
  await db.schema.createIndex('training_enrolments_learner_idx').on('training_enrolments').columns(['learner_id', 'created_at']).execute()
  await db.schema.createIndex('training_enrolments_sponsor_idx').on('training_enrolments').columns(['sponsor_id', 'created_at']).execute()

  await db.schema
    .createTable('course_attendance')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('course_meetings.id'))
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('training_enrolments.id'))
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('course_attendance_pk', ['meeting_id', 'enrolment_id'])
    .execute()
  await db.schema.createIndex('course_attendance_enrolment_idx').on('course_attendance').column('enrolment_id').execute()

  // ---- The scheduling module's payments learn training (its tables; its repositories write them).
  await db.schema.alterTable('invoices').addColumn('enrolment_id', 'text').execute()
  await db.schema.alterTable('invoices').addColumn('bill_to_id', 'text', (c) => c.references('users.id')).execute()
  await db.schema.createIndex('invoices_one_open_enrolment_idx').on('invoices').column('enrolment_id').unique().where(sql.ref('status'), '=', 'open').execute()
  await db.schema.alterTable('vouchers').addColumn('purpose', 'text', (c) => c.notNull().defaultTo('registration')).execute()
  await db.schema.alterTable('vouchers').addColumn('training_subject', 'text').execute()
  await db.schema.alterTable('vouchers').addColumn('enrolment_id', 'text').execute()
  await db.schema.createIndex('vouchers_enrolment_idx').on('vouchers').column('enrolment_id').execute()
  await db.schema.alterTable('voucher_batches').addColumn('purpose', 'text', (c) => c.notNull().defaultTo('registration')).execute()
  await db.schema.alterTable('voucher_batches').addColumn('training_subject', 'text').execute()
}
