// SQL of rescoring: scoring corrections and the results they change. The attempts, their forms and
// responses are delivery's (attempt-records.service.ts); names and emails the accounts module's.
import type { Insertable, Updateable } from 'kysely'
import type { DbOrTx } from '../../db/database.js'
import type { ResultsTable, ScoringCorrectionsTable } from '../../db/schema.js'

export async function upsertCorrection(db: DbOrTx, row: Insertable<ScoringCorrectionsTable>): Promise<void> {
  await db
    .insertInto('scoring_corrections')
    .values(row)
    .onConflict((oc) => oc.columns(['item_id', 'version']).doUpdateSet({ action: row.action, replacement_version: row.replacement_version, reason: row.reason, created_by: row.created_by, created_at: row.created_at }))
    .execute()
}

/** The stored results of these attempts, as a rescoring compares them (a batch of a few hundred). */
export async function resultsOfAttempts(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db.selectFrom('results').select(['attempt_id', 'earned_micro', 'possible_micro', 'percent', 'passed']).where('attempt_id', 'in', ids).execute()
}

export async function updateResult(db: DbOrTx, attemptId: string, change: Updateable<ResultsTable>): Promise<void> {
  await db.updateTable('results').set(change).where('attempt_id', '=', attemptId).execute()
}
