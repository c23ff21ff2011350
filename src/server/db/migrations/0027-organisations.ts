// Organisations (issue 14): employers and colleges as organisations with several users. Staff create
// an organisation and invite its first owner by email; owners invite members; an invitation is a
// 256-bit token stored as its SHA-256 hash, accepted by the account of the address it was sent to.
import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('city', 'text')
    .addColumn('state', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .execute()
  await db.schema.createIndex('organisations_kind_name_idx').on('organisations').columns(['kind', 'name']).execute()

  await db.schema
    .createTable('organisation_members')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('joined_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('organisation_members_pk', ['organisation_id', 'user_id'])
    .execute()
  await db.schema.createIndex('organisation_members_user_idx').on('organisation_members').column('user_id').execute()

  await db.schema
    .createTable('organisation_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('accepted_at', ts)
    .addColumn('accepted_by', 'text', (c) => c.references('users.id'))
    .addColumn('withdrawn_at', ts)
    .execute()
  await db.schema.createIndex('organisation_invitations_token_idx').on('organisation_invitations').column('token_hash').unique().execute()
  // One waiting invitation per address and organisation (an expired one is withdrawn when it is replaced).
  await db.schema.createIndex('organisation_invitations_one_open_idx').on('organisation_invitations').columns(['organisation_id', 'email']).unique()
    .where(sql.ref('accepted_at'), 'is', null).where(sql.ref('withdrawn_at'), 'is', null).execute()

  // ---- Employers as organisations (issue 14, item 2): sponsored candidates and their consent.
  // A candidate shares their results with a sponsoring organisation only while a consent stands;
  // withdrawing it keeps the row (the record of what was shared when) and hides the results at once.
  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('granted_at', ts, (c) => c.notNull())
    .addColumn('withdrawn_at', ts)
    .execute()
  // One standing consent per candidate, organisation and scope.
  await db.schema.createIndex('consents_one_standing_idx').on('consents').columns(['candidate_id', 'organisation_id', 'scope']).unique()
    .where(sql.ref('withdrawn_at'), 'is', null).execute()
  await db.schema.createIndex('consents_organisation_idx').on('consents').columns(['organisation_id', 'candidate_id']).execute()

  // The training module's sponsored seats and the scheduling module's vouchers learn the organisation
  // that sponsors them (their tables; their repositories write them). A voucher is assigned to a
  // person by email, who is sent its code.
  await db.schema.alterTable('training_enrolments').addColumn('organisation_id', 'text').execute()
  await db.schema.createIndex('training_enrolments_organisation_idx').on('training_enrolments').columns(['organisation_id', 'created_at']).execute()
  await db.schema.alterTable('vouchers').addColumn('organisation_id', 'text').execute()
  await db.schema.alterTable('vouchers').addColumn('assigned_email', 'text').execute()
  await db.schema.alterTable('vouchers').addColumn('assigned_at', ts).execute()
  await db.schema.alterTable('vouchers').addColumn('assigned_by', 'text').execute()
  await db.schema.createIndex('vouchers_organisation_idx').on('vouchers').columns(['organisation_id', 'assigned_at']).execute()
  await db.schema.createIndex('vouchers_assigned_email_idx').on('vouchers').column('assigned_email').execute()
}
