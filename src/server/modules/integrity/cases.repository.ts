// SQL of the integrity module: irregularity cases, the results and incidents linked to them, and
// their timeline. Every change of a case is a conditional update of its one row (the statuses it may
// move from, and the version the caller read), so two staff members, or staff and the candidate,
// cannot both change the same case: the second update matches no row.
import type { Updateable } from 'kysely'
import type { DbOrTx, Tx } from '../../db/database.js'
import { pastCursor, type CursorKey } from '../../db/pagination.js'
import type { IrregularityCaseEventsTable, IrregularityCasesTable } from '../../db/schema.js'

export type CaseRow = IrregularityCasesTable

export async function insertCase(trx: Tx, row: IrregularityCasesTable): Promise<void> {
  await trx.insertInto('irregularity_cases').values(row).execute()
}

/** Links results to a case; false when one of them is in a case already (the unique index refuses it). */
export async function linkResults(trx: Tx, rows: { case_id: string; attempt_id: string; module: string; session_id: string }[]): Promise<boolean> {
  const inserted = await trx.insertInto('irregularity_case_results').values(rows).onConflict((oc) => oc.column('attempt_id').doNothing()).returning('attempt_id').execute()
  return inserted.length === rows.length
}

/** Links incidents to a case; false when one of them is in a case already. */
export async function linkIncidents(trx: Tx, rows: { case_id: string; incident_id: string }[]): Promise<boolean> {
  if (rows.length === 0) return true
  const inserted = await trx.insertInto('irregularity_case_incidents').values(rows).onConflict((oc) => oc.column('incident_id').doNothing()).returning('incident_id').execute()
  return inserted.length === rows.length
}

export async function findCase(db: DbOrTx, id: string) {
  return db.selectFrom('irregularity_cases').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * Changes a case only if it is still as the caller read it (its version) and in one of `from`;
 * bumps the version. Returns the row as changed, or undefined when the guard failed.
 */
export async function changeCaseIf(trx: Tx, id: string, guard: { version: number; from: readonly IrregularityCasesTable['status'][]; appeal?: readonly (IrregularityCasesTable['appeal_status'])[] }, change: Updateable<IrregularityCasesTable>) {
  let q = trx.updateTable('irregularity_cases').set({ ...change, version: guard.version + 1 })
    .where('id', '=', id).where('version', '=', guard.version).where('status', 'in', [...guard.from])
  if (guard.appeal) {
    const statuses = guard.appeal.filter((s) => s !== null)
    q = q.where((w) => w.or([
      ...(guard.appeal!.includes(null) ? [w('appeal_status', 'is', null)] : []),
      ...(statuses.length > 0 ? [w('appeal_status', 'in', statuses)] : []),
    ]))
  }
  return q.returningAll().executeTakeFirst()
}

/** Results of one case, in the order they were linked. */
export async function resultsOfCase(db: DbOrTx, caseId: string) {
  return db.selectFrom('irregularity_case_results').selectAll().where('case_id', '=', caseId).execute()
}

export async function incidentIdsOfCase(db: DbOrTx, caseId: string): Promise<string[]> {
  const rows = await db.selectFrom('irregularity_case_incidents').select('incident_id').where('case_id', '=', caseId).execute()
  return rows.map((r) => r.incident_id)
}

/** The case (id and status) each of these incidents is in. */
export async function casesOfIncidents(db: DbOrTx, incidentIds: readonly string[]) {
  if (incidentIds.length === 0) return []
  return db.selectFrom('irregularity_case_incidents')
    .innerJoin('irregularity_cases', 'irregularity_cases.id', 'irregularity_case_incidents.case_id')
    .select(['irregularity_case_incidents.incident_id', 'irregularity_cases.id as case_id', 'irregularity_cases.status'])
    .where('irregularity_case_incidents.incident_id', 'in', incidentIds).execute()
}

/** The case each of these attempts is in. */
export async function casesOfAttempts(db: DbOrTx, attemptIds: readonly string[]) {
  if (attemptIds.length === 0) return []
  return db.selectFrom('irregularity_case_results').select(['attempt_id', 'case_id']).where('attempt_id', 'in', attemptIds).execute()
}

/** The candidate's results in a case that holds them. */
/** How many cases hold results now, and how many appeals wait for a decision (the staff dashboard). */
export async function countCasesNeedingStaff(db: DbOrTx): Promise<{ held: number; appealsPending: number }> {
  const row = await db.selectFrom('irregularity_cases')
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when('status', '=', 'held').then(1).else(0).end()).as('held'),
      eb.fn.sum<number>(eb.case().when('appeal_status', '=', 'pending').then(1).else(0).end()).as('appeals'),
    ])
    .executeTakeFirstOrThrow()
  return { held: Number(row.held ?? 0), appealsPending: Number(row.appeals ?? 0) }
}

export async function heldAttemptIdsOf(db: DbOrTx, candidateId: string): Promise<string[]> {
  const rows = await db.selectFrom('irregularity_case_results')
    .innerJoin('irregularity_cases', 'irregularity_cases.id', 'irregularity_case_results.case_id')
    .select('irregularity_case_results.attempt_id')
    .where('irregularity_cases.candidate_id', '=', candidateId)
    .where('irregularity_cases.status', '=', 'held')
    .execute()
  return rows.map((r) => r.attempt_id)
}

/** heldAttemptIdsOf for many candidates (a batch of at most a thousand), with whose each is. */
export async function heldAttemptIdsOfCandidates(db: DbOrTx, candidateIds: readonly string[]) {
  if (candidateIds.length === 0) return []
  return db.selectFrom('irregularity_case_results')
    .innerJoin('irregularity_cases', 'irregularity_cases.id', 'irregularity_case_results.case_id')
    .select(['irregularity_case_results.attempt_id', 'irregularity_cases.candidate_id'])
    .where('irregularity_cases.candidate_id', 'in', candidateIds)
    .where('irregularity_cases.status', '=', 'held')
    .execute()
}

export async function casesOfCandidate(db: DbOrTx, candidateId: string) {
  return db.selectFrom('irregularity_cases').selectAll().where('candidate_id', '=', candidateId).orderBy('opened_at', 'desc').execute()
}

/** Cases newest first, optionally by status or appeal status. */
export async function listCases(db: DbOrTx, filter: { status?: IrregularityCasesTable['status'] | undefined; appeal?: IrregularityCasesTable['appeal_status'] | undefined; after?: CursorKey | undefined; limit: number }) {
  let q = db.selectFrom('irregularity_cases').selectAll()
  if (filter.status) q = q.where('status', '=', filter.status)
  if (filter.appeal) q = q.where('appeal_status', '=', filter.appeal)
  if (filter.after) q = q.where(pastCursor('opened_at', 'id', filter.after, 'desc'))
  return q.orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute()
}

export async function resultsOfCases(db: DbOrTx, caseIds: readonly string[]) {
  if (caseIds.length === 0) return []
  return db.selectFrom('irregularity_case_results').selectAll().where('case_id', 'in', caseIds).execute()
}

export async function insertCaseEvent(trx: Tx, row: IrregularityCaseEventsTable): Promise<void> {
  await trx.insertInto('irregularity_case_events').values(row).execute()
}

export async function eventsOfCase(db: DbOrTx, caseId: string) {
  return db.selectFrom('irregularity_case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute()
}

/** Every result held for review now, whoever's (few: a hold lasts until staff decide the case). */
export async function allHeldAttemptIds(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectFrom('irregularity_case_results')
    .innerJoin('irregularity_cases', 'irregularity_cases.id', 'irregularity_case_results.case_id')
    .select('irregularity_case_results.attempt_id')
    .where('irregularity_cases.status', '=', 'held')
    .execute()
  return rows.map((r) => r.attempt_id)
}
