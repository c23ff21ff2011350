// NCRC stacking (issue 14): the candidate's NCRC certificate date, its uploaded copy (one per
// candidate, replaced by a new upload) and staff's verification of it; and the registry's copy of the
// NCRC level and whether it is verified, so the public lookup states the stack with the one join it
// always made. Verification is 'unverified' (nothing decided, or the NCRC changed since),
// 'verified', or 'not_verified' (with the reason staff gave).
import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'
  const blob = dialect === 'postgres' ? 'bytea' : 'blob'
  await db.schema.alterTable('candidate_profiles').addColumn('ncrc_date', 'text').execute()
  await db.schema.alterTable('candidate_profiles').addColumn('ncrc_verification', 'text', (c) => c.notNull().defaultTo('unverified')).execute()
  await db.schema.alterTable('candidate_profiles').addColumn('ncrc_verification_reason', 'text').execute()
  await db.schema.alterTable('candidate_profiles').addColumn('ncrc_verified_by', 'text', (c) => c.references('users.id')).execute()
  await db.schema.alterTable('candidate_profiles').addColumn('ncrc_verified_at', ts).execute()

  await db.schema
    .createTable('ncrc_certificates')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', blob, (c) => c.notNull())
    .addColumn('uploaded_at', ts, (c) => c.notNull())
    .execute()

  await db.schema.alterTable('registry_holders').addColumn('ncrc_level', 'text').execute()
  await db.schema.alterTable('registry_holders').addColumn('ncrc_verified', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  // Holders who recorded a level before this migration: the level is copied, none is verified yet.
  await sql`update registry_holders set ncrc_level = (select p.ncrc_level from candidate_profiles p where p.user_id = registry_holders.user_id)`.execute(db)
}
