// Accounts hardening: API tokens get scopes and an expiry (tokens issued before this migration keep
// what they could do, the admin scope, and expire a year after it); password-reset links are found by
// user (so a newer link or a password change can end the others); cohort invitations let a center
// ask an existing account to join a session instead of registering it without consent.
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

const YEAR_MS = 365 * 24 * 60 * 60 * 1000

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'

  // No column default: a token row written without scopes can do nothing, never everything.
  await db.schema.alterTable('api_tokens').addColumn('scopes', 'text').execute()
  await db.schema.alterTable('api_tokens').addColumn('expires_at', ts).execute()
  await db
    .updateTable('api_tokens')
    .set({ scopes: JSON.stringify(['admin']), expires_at: new Date(Date.now() + YEAR_MS).toISOString() })
    .where('scopes', 'is', null)
    .execute()

  await db.schema.createIndex('password_resets_user_idx').on('password_resets').columns(['user_id', 'used_at']).execute()

  await db.schema
    .createTable('cohort_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('session_id', 'text', (c) => c.notNull().references('test_sessions.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('modules', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('accepted_at', ts)
    .addColumn('registration_id', 'text')
    .execute()
  await db.schema.createIndex('cohort_invitations_user_idx').on('cohort_invitations').columns(['user_id', 'session_id']).execute()
}
