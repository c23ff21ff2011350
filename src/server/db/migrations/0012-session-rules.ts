// Sessions that keep their rules: invitation links to a private (onsite) session, kept only as
// SHA-256 hashes of their tokens, and an index to find a proctor's other sessions (the overlap rule).
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'
  await db.schema
    .createTable('session_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('test_sessions.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('session_invitations_session_idx').on('session_invitations').column('session_id').execute()
  await db.schema.createIndex('session_proctors_user_idx').on('session_proctors').columns(['user_id', 'session_id']).execute()
}
