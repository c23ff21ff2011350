// Advanced standing (issue 14, item 1): articulation agreements between the program and partner
// institutions (organisations of kind 'college', migration 0027), holders' requests for credit under
// them, and each holder's running total at each institution, which keeps the six-credit cap exact.
// Effective dates are calendar days (YYYY-MM-DD text on both databases), not moments.
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'

  await db.schema
    .createTable('articulation_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('organisations.id'))
    // A module code (MM, SRMT, QBA) or a certification (MS, MT1) of program.json.
    .addColumn('credential', 'text', (c) => c.notNull())
    .addColumn('program_name', 'text', (c) => c.notNull())
    .addColumn('program_code', 'text')
    // JSON array of { code, title, credits }: the institution's courses the credential stands for.
    .addColumn('courses', 'text', (c) => c.notNull())
    .addColumn('credits', 'integer', (c) => c.notNull())
    .addColumn('earned_within_years', 'integer')
    .addColumn('conditions', 'text')
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('effective_to', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('articulation_agreements_institution_idx').on('articulation_agreements').columns(['institution_id', 'effective_from']).execute()

  await db.schema
    .createTable('advanced_standing_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('articulation_agreements.id'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('holder_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('certificate_number', 'text', (c) => c.notNull().references('credentials.certificate_number'))
    .addColumn('credential_type', 'text', (c) => c.notNull())
    .addColumn('credits_requested', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('credits_granted', 'integer')
    // JSON array of the institution's course equivalents granted (strings).
    .addColumn('course_equivalents', 'text')
    .addColumn('decline_reason', 'text')
    // What the server found when the holder applied: the signed credential verified, the registry's status.
    .addColumn('signature_verified', 'integer', (c) => c.notNull())
    .addColumn('registry_status', 'text', (c) => c.notNull())
    .addColumn('verified_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('decided_at', ts)
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .execute()
  await db.schema.createIndex('advanced_standing_requests_institution_idx').on('advanced_standing_requests').columns(['institution_id', 'created_at']).execute()
  await db.schema.createIndex('advanced_standing_requests_holder_idx').on('advanced_standing_requests').columns(['holder_id', 'created_at']).execute()
  await db.schema.createIndex('advanced_standing_requests_certificate_idx').on('advanced_standing_requests').column('certificate_number').execute()

  // Like test_sessions.seats_taken: `committed` (granted plus pending credits) only moves by a
  // conditional update inside the request's transaction, so it never passes the cap.
  await db.schema
    .createTable('advanced_standing_totals')
    .addColumn('holder_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('committed', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('advanced_standing_totals_pk', ['holder_id', 'institution_id'])
    .execute()
}
