import type { Insertable, Updateable } from 'kysely'
import type { DbOrTx } from '../../db/database.js'
import type { CredentialsTable, ResultsTable } from '../../db/schema.js'

/** Inserts a result unless the attempt already has one; returns whether this call stored it. */
export async function insertResult(db: DbOrTx, row: ResultsTable): Promise<boolean> {
  const r = await db.insertInto('results').values(row).onConflict((oc) => oc.column('attempt_id').doNothing()).returning('attempt_id').executeTakeFirst()
  return r !== undefined
}

export async function findResult(db: DbOrTx, attemptId: string) {
  return db.selectFrom('results').selectAll().where('attempt_id', '=', attemptId).executeTakeFirst()
}

export async function resultsOfCandidate(db: DbOrTx, candidateId: string) {
  return db
    .selectFrom('results')
    .innerJoin('attempts', 'attempts.id', 'results.attempt_id')
    .select(['results.attempt_id', 'results.module', 'results.percent', 'results.passed', 'results.skills', 'results.scored_at', 'results.passed_on', 'attempts.session_id', 'attempts.submitted_at'])
    .where('results.candidate_id', '=', candidateId)
    .where('attempts.status', '=', 'scored')
    .orderBy('results.scored_at', 'desc')
    .execute()
}

export async function credentialsOfCandidate(db: DbOrTx, candidateId: string) {
  return db.selectFrom('credentials').selectAll().where('candidate_id', '=', candidateId).orderBy('created_at').execute()
}

export async function insertCredential(db: DbOrTx, row: Insertable<CredentialsTable>): Promise<void> {
  await db.insertInto('credentials').values(row).execute()
}

export async function setCredentialStatus(db: DbOrTx, certificateNumber: string, change: Updateable<CredentialsTable>): Promise<void> {
  await db.updateTable('credentials').set(change).where('certificate_number', '=', certificateNumber).execute()
}

/** The candidate's passed results of scored attempts: what their certificates rest on. */
export async function passedResultsOf(db: DbOrTx, candidateId: string) {
  return db
    .selectFrom('results')
    .innerJoin('attempts', 'attempts.id', 'results.attempt_id')
    .select(['results.module', 'results.passed_on'])
    .where('results.candidate_id', '=', candidateId)
    .where('results.passed', '=', 1)
    .where('attempts.status', 'in', ['submitted', 'scored'])
    .execute()
}

export async function correctionsFor(db: DbOrTx, itemIds: readonly string[]) {
  if (itemIds.length === 0) return []
  return db.selectFrom('scoring_corrections').selectAll().where('item_id', 'in', itemIds).execute()
}

/** Every attempt of the candidate with its result so far (none until scored): what the retake rules read. */
export async function attemptHistoryOf(db: DbOrTx, candidateId: string) {
  return db
    .selectFrom('attempts')
    .leftJoin('results', 'results.attempt_id', 'attempts.id')
    .select(['attempts.registration_id', 'attempts.module', 'attempts.status', 'attempts.started_at', 'results.passed'])
    .where('attempts.candidate_id', '=', candidateId)
    .execute()
}
