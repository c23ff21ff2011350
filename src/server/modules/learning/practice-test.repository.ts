// SQL of practice tests (issue 13, practice stream): the test, its saved responses, its submission.
import type { DbOrTx } from '../../db/database.js'
import type { PracticeTestsTable } from '../../db/schema.js'

export async function insertTest(db: DbOrTx, row: PracticeTestsTable): Promise<void> {
  await db.insertInto('practice_tests').values(row).execute()
}

export async function findTest(db: DbOrTx, id: string) {
  const row = await db.selectFrom('practice_tests').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? { ...row, seed: Number(row.seed), timed: Number(row.timed) } : undefined
}

/** A learner's practice tests, newest first. */
export async function testsOf(db: DbOrTx, userId: string, limit: number) {
  const rows = await db.selectFrom('practice_tests').selectAll().where('user_id', '=', userId).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
  return rows.map((row) => ({ ...row, seed: Number(row.seed), timed: Number(row.timed) }))
}

/** A learner's timed tests still running past their deadline (to submit as of it). */
export async function expiredTestIds(db: DbOrTx, userId: string, now: string): Promise<string[]> {
  const rows = await db.selectFrom('practice_tests').select('id').where('user_id', '=', userId).where('status', '=', 'in_progress')
    .where('deadline_at', 'is not', null).where('deadline_at', '<', now).execute()
  return rows.map((r) => r.id)
}

/**
 * Takes the running test for a save, in the caller's transaction: touches it only while it runs
 * and, when timed, before its deadline (a row lock on PostgreSQL, so a submission waits for the save
 * and a save after the submission's commit finds nothing). False when it no longer takes answers.
 */
export async function holdRunningTest(db: DbOrTx, id: string, now: string): Promise<boolean> {
  const row = await db.updateTable('practice_tests').set({ updated_at: now }).where('id', '=', id).where('status', '=', 'in_progress')
    .where((eb) => eb.or([eb('deadline_at', 'is', null), eb('deadline_at', '>=', now)])).returning('id').executeTakeFirst()
  return row !== undefined
}

export async function upsertResponse(db: DbOrTx, testId: string, itemId: string, response: string, at: string): Promise<void> {
  await db.insertInto('practice_test_responses').values({ test_id: testId, item_id: itemId, response, saved_at: at })
    .onConflict((oc) => oc.columns(['test_id', 'item_id']).doUpdateSet({ response, saved_at: at })).execute()
}

export async function responsesOf(db: DbOrTx, testId: string) {
  return db.selectFrom('practice_test_responses').select(['item_id', 'response', 'saved_at']).where('test_id', '=', testId).execute()
}

/** Moves a running test to submitted once; false when it was not running. */
export async function submitTest(db: DbOrTx, id: string, change: { submitted_at: string; submitted_by: 'learner' | 'deadline'; updated_at: string }): Promise<boolean> {
  const row = await db.updateTable('practice_tests').set({ status: 'submitted', ...change }).where('id', '=', id).where('status', '=', 'in_progress').returning('id').executeTakeFirst()
  return row !== undefined
}

export async function storeDiagnostic(db: DbOrTx, id: string, result: string): Promise<void> {
  await db.updateTable('practice_tests').set({ result }).where('id', '=', id).execute()
}
