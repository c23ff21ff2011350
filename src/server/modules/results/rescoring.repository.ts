// SQL of rescoring: scoring corrections and the results they change. The attempts, their forms and
// responses are delivery's (attempt-records.service.ts); names and emails the accounts module's.
import type { Insertable, Updateable } from 'kysely'
import type { DbOrTx } from '../../db/database.js'
import type { RescoringChangesTable, ResultsTable, ScoringCorrectionRunsTable, ScoringCorrectionsTable } from '../../db/schema.js'

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

/** Each attempt's new result, in the caller's transaction (the statement is prepared once and reused). */
export async function updateResults(db: DbOrTx, changes: readonly { attemptId: string; change: Updateable<ResultsTable> }[]): Promise<void> {
  for (const { attemptId, change } of changes) await db.updateTable('results').set(change).where('attempt_id', '=', attemptId).execute()
}

// ---------- The key-correction screen (issue 12): every correction made, and the changes its rescoring made ----------

export async function insertCorrectionRun(db: DbOrTx, row: Insertable<ScoringCorrectionRunsTable>): Promise<void> {
  await db.insertInto('scoring_correction_runs').values(row).execute()
}

export async function correctionRunsOfItem(db: DbOrTx, itemId: string) {
  return db.selectFrom('scoring_correction_runs').selectAll().where('item_id', '=', itemId).orderBy('created_at', 'desc').orderBy('job_id', 'desc').execute()
}

export async function findCorrectionRun(db: DbOrTx, jobId: string) {
  return db.selectFrom('scoring_correction_runs').selectAll().where('job_id', '=', jobId).executeTakeFirst()
}

export async function correctionOfVersion(db: DbOrTx, itemId: string, version: number) {
  return db.selectFrom('scoring_corrections').selectAll().where('item_id', '=', itemId).where('version', '=', version).executeTakeFirst()
}

/** Records changed results once per job (a resumed job that meets one again changes nothing); 12 parameters a row. */
export async function insertRescoringChanges(db: DbOrTx, rows: readonly Insertable<RescoringChangesTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto('rescoring_changes').values(rows.slice(i, i + 500)).onConflict((oc) => oc.columns(['job_id', 'attempt_id']).doNothing()).execute()
  }
}

export async function countRescoringChanges(db: DbOrTx, jobIds: readonly string[]): Promise<Map<string, number>> {
  if (jobIds.length === 0) return new Map()
  const rows = await db.selectFrom('rescoring_changes').select(['job_id', (eb) => eb.fn.countAll<number>().as('n')]).where('job_id', 'in', jobIds).groupBy('job_id').execute()
  return new Map(rows.map((r) => [r.job_id, Number(r.n)]))
}

/** A page of a job's changes in attempt id order, after `afterAttemptId`. */
export async function rescoringChangesPage(db: DbOrTx, jobId: string, limit: number, afterAttemptId?: string) {
  let q = db.selectFrom('rescoring_changes').selectAll().where('job_id', '=', jobId)
  if (afterAttemptId !== undefined) q = q.where('attempt_id', '>', afterAttemptId)
  return q.orderBy('attempt_id').limit(limit + 1).execute()
}

/** The distinct candidates whose results these attempts are (a dry run's count), in batches the drivers accept. */
export async function candidatesOfAttempts(db: DbOrTx, ids: readonly string[]): Promise<number> {
  const candidates = new Set<string>()
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db.selectFrom('results').select('candidate_id').where('attempt_id', 'in', ids.slice(i, i + 1000)).execute()
    for (const r of rows) candidates.add(r.candidate_id)
  }
  return candidates.size
}
