// Program analytics (issue 15, item 4) reads results by the moment they were scored and awards by
// their date over a period of up to three years: indexes so those reads seek to the period instead of
// scanning every result and certificate ever recorded. No table changes.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('results_scored_at_idx').on('results').columns(['scored_at', 'module']).execute()
  await db.schema.createIndex('credentials_issued_on_idx').on('credentials').columns(['issued_on', 'type']).execute()
}
