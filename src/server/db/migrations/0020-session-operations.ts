// Session operations: an employer's onsite event may be held at a certified center instead of the
// company's address. The session then belongs to that center but stays private (not listed, not
// open to public registration) and is organised by the employer who asked for it, whose id it keeps.
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('test_sessions').addColumn('private_employer_id', 'text', (c) => c.references('users.id')).execute()
}
