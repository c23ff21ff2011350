// No-shows and a person's trail. A no-show is a registration status (`no_show`, set by staff after
// the session ended without a check-in): the status column is free text, so it needs no change.
// What does need one is the audit log's reads by person: a person's record asks for what they did
// (actor) and what was done to their records (entity ids, whatever the type), and the audit log page
// filters by actor; neither is served by the (created_at, id) or (entity_type, entity_id) indexes.
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'created_at']).execute()
  await db.schema.createIndex('audit_log_entity_id_idx').on('audit_log').columns(['entity_id', 'created_at']).execute()
}
