// SQL of the results module: results and scoring corrections. Attempts are delivery's and
// credentials the registry's; the services ask those modules for them.
import { sql } from 'kysely'
import type { DbOrTx } from '../../db/database.js'
import type { ResultsTable } from '../../db/schema.js'

/** Inserts a result unless the attempt already has one; returns whether this call stored it. */
export async function insertResult(db: DbOrTx, row: ResultsTable): Promise<boolean> {
  const r = await db.insertInto('results').values(row).onConflict((oc) => oc.column('attempt_id').doNothing()).returning('attempt_id').executeTakeFirst()
  return r !== undefined
}

export async function findResult(db: DbOrTx, attemptId: string) {
  return db.selectFrom('results').selectAll().where('attempt_id', '=', attemptId).executeTakeFirst()
}

/** Every result of the candidate, newest first (the attempts they rest on are delivery's: the service asks for those). */
export async function resultsOfCandidate(db: DbOrTx, candidateId: string) {
  return db
    .selectFrom('results')
    .select(['attempt_id', 'module', 'percent', 'passed', 'skills', 'scored_at', 'passed_on'])
    .where('candidate_id', '=', candidateId)
    .orderBy('scored_at', 'desc')
    .execute()
}

/** The passed results of these candidates (a batch of at most a thousand), with whose each is (the service keeps those whose attempts still stand). */
export async function passedResultsOfCandidates(db: DbOrTx, candidateIds: readonly string[]) {
  if (candidateIds.length === 0) return []
  return db.selectFrom('results').select(['attempt_id', 'candidate_id', 'module', 'passed_on']).where('candidate_id', 'in', candidateIds).where('passed', '=', 1).execute()
}

export async function correctionsFor(db: DbOrTx, itemIds: readonly string[]) {
  if (itemIds.length === 0) return []
  return db.selectFrom('scoring_corrections').selectAll().where('item_id', 'in', itemIds).execute()
}

/** issue 15, standard setting: a module's most recent stored results with their item scores (impact data, p-values). */
export async function recentResultsOfModule(db: DbOrTx, module: string, limit: number) {
  return db
    .selectFrom('results')
    .select(['attempt_id', 'percent', 'item_scores'])
    .where('module', '=', module)
    .orderBy('scored_at', 'desc')
    .orderBy('attempt_id', 'desc')
    .limit(limit)
    .execute()
}

/** A module's results scored in [from, to) with their item scores (the psychometrics job's input), in attempt order. */
export async function resultsOfModuleScoredBetween(db: DbOrTx, module: string, from: string, to: string) {
  return db
    .selectFrom('results')
    .select(['attempt_id', 'candidate_id', 'passed', 'percent', 'item_scores', 'scored_at'])
    .where('module', '=', module)
    .where('scored_at', '>=', from)
    .where('scored_at', '<', to)
    .orderBy('attempt_id')
    .execute()
}

// ---- issue 15: program analytics (aggregated by the analytics module; no candidate is shown) ----

/**
 * Results scored in [from, to) (by the scored_at index), of one module when asked: their pass, skills
 * feedback and whether the candidate had an earlier result in the module (a retake), read by one
 * correlated look-up on the (candidate_id, module) index per result rather than a query per candidate.
 */
export async function resultsScoredBetween(db: DbOrTx, from: string, to: string, module: string | undefined) {
  let q = db.selectFrom('results as r')
    .select(['r.attempt_id', 'r.candidate_id', 'r.module', 'r.passed', 'r.skills', 'r.scored_at'])
    .select(sql<number>`case when exists (select 1 from results e where e.candidate_id = r.candidate_id and e.module = r.module and e.scored_at < r.scored_at) then 1 else 0 end`.as('retake'))
    .where('r.scored_at', '>=', from)
    .where('r.scored_at', '<', to)
  if (module !== undefined) q = q.where('r.module', '=', module)
  return q.execute()
}

/** Each candidate's first scored result (the start of their time to a credential), grouped in the database. */
export async function firstResultTimes(db: DbOrTx, candidateIds: readonly string[]) {
  if (candidateIds.length === 0) return []
  return db.selectFrom('results')
    .select('candidate_id')
    .select((eb) => eb.fn.min<string>('scored_at').as('first_at'))
    .where('candidate_id', 'in', [...candidateIds])
    .groupBy('candidate_id')
    .execute()
}
