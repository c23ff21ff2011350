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

/**
 * Scored attempts whose form drew this item version. The form is stored as JSON written by this
 * server (`{"itemId":…,"version":…,"skill":…}`), so a text match finds them without a row per item.
 */
export async function affectedAttemptIds(db: DbOrTx, itemId: string, version: number): Promise<string[]> {
  const rows = await db
    .selectFrom('attempts')
    .select('id')
    .where('status', '=', 'scored')
    .where('form', 'like', `%"itemId":"${itemId}","version":${version},%`)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.id)
}

export async function attemptsForRescoring(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('attempts')
    .innerJoin('results', 'results.attempt_id', 'attempts.id')
    .innerJoin('users', 'users.id', 'attempts.candidate_id')
    .select(['attempts.id', 'attempts.candidate_id', 'attempts.module', 'attempts.form', 'attempts.submitted_at', 'users.email', 'results.earned_micro', 'results.possible_micro', 'results.percent', 'results.passed'])
    .where('attempts.id', 'in', ids)
    .where('attempts.status', '=', 'scored')
    .execute()
}

export async function responsesOfAttempts(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db.selectFrom('attempt_responses').select(['attempt_id', 'item_id', 'response']).where('attempt_id', 'in', ids).execute()
}

export async function updateResult(db: DbOrTx, attemptId: string, change: Updateable<ResultsTable>): Promise<void> {
  await db.updateTable('results').set(change).where('attempt_id', '=', attemptId).execute()
}
