// Retakes: how many items of an attempt's form the candidate had already seen in earlier attempts of
// the module (null for attempts started before it was recorded), and an index for a candidate's
// attempts, which the registration rules and retake form assembly read.
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('attempts').addColumn('seen_overlap', 'integer').execute()
  await db.schema.createIndex('attempts_candidate_module_idx').on('attempts').columns(['candidate_id', 'module']).execute()
}
