// SQL of standard-setting studies (issue 15, item 4): studies, panelists, ratings and rounds.
import type { Insertable } from 'kysely'
import type { DbOrTx } from '../../db/database.js'
import type { StandardSettingStudiesTable } from '../../db/schema.js'

export type StudyRow = StandardSettingStudiesTable

export async function insertStudy(db: DbOrTx, row: Insertable<StandardSettingStudiesTable>): Promise<void> {
  await db.insertInto('standard_setting_studies').values(row).execute()
}

export async function findStudy(db: DbOrTx, id: string): Promise<StudyRow | undefined> {
  return db.selectFrom('standard_setting_studies').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listStudies(db: DbOrTx): Promise<StudyRow[]> {
  return db.selectFrom('standard_setting_studies').selectAll().orderBy('meeting_date', 'desc').orderBy('created_at', 'desc').orderBy('id').limit(500).execute()
}

export async function studiesOfPanelist(db: DbOrTx, userId: string): Promise<StudyRow[]> {
  return db.selectFrom('standard_setting_studies')
    .innerJoin('standard_setting_panelists', 'standard_setting_panelists.study_id', 'standard_setting_studies.id')
    .selectAll('standard_setting_studies')
    .where('standard_setting_panelists.user_id', '=', userId)
    .orderBy('meeting_date', 'desc').orderBy('id').limit(500).execute()
}

/** Completed studies of a module whose meeting fell in a year, latest meeting first. */
export async function completedStudiesIn(db: DbOrTx, module: string, year: number): Promise<StudyRow[]> {
  return db.selectFrom('standard_setting_studies').selectAll()
    .where('module', '=', module).where('status', '=', 'completed')
    .where('meeting_date', '>=', `${year}-01-01`).where('meeting_date', '<=', `${year}-12-31`)
    .orderBy('meeting_date', 'desc').orderBy('decided_at', 'desc').orderBy('id', 'desc').execute()
}

/**
 * Moves a study from one status to the next only if it is still in the first: two staff pressing the
 * same button at once change it once (the loser sees 0 rows and is refused).
 */
export async function moveStatus(db: DbOrTx, id: string, from: StudyRow['status'], to: StudyRow['status'], at: string, decision?: { note: string; by: string }): Promise<boolean> {
  const result = await db.updateTable('standard_setting_studies')
    .set({ status: to, updated_at: at, ...(decision ? { decision_note: decision.note, decided_at: at, decided_by: decision.by } : {}) })
    .where('id', '=', id).where('status', '=', from)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function insertPanelist(db: DbOrTx, row: { study_id: string; user_id: string; added_at: string; added_by: string }): Promise<boolean> {
  const result = await db.insertInto('standard_setting_panelists').values(row).onConflict((oc) => oc.columns(['study_id', 'user_id']).doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

export async function panelistIds(db: DbOrTx, studyId: string): Promise<string[]> {
  return (await db.selectFrom('standard_setting_panelists').select('user_id').where('study_id', '=', studyId).orderBy('added_at').orderBy('user_id').execute()).map((r) => r.user_id)
}

export async function panelistCounts(db: DbOrTx, studyIds: readonly string[]): Promise<Map<string, number>> {
  if (studyIds.length === 0) return new Map()
  const rows = await db.selectFrom('standard_setting_panelists').select(['study_id', db.fn.countAll<string | number>().as('n')])
    .where('study_id', 'in', [...studyIds]).groupBy('study_id').execute()
  return new Map(rows.map((r) => [r.study_id, Number(r.n)]))
}

export async function isPanelist(db: DbOrTx, studyId: string, userId: string): Promise<boolean> {
  return !!(await db.selectFrom('standard_setting_panelists').select('user_id').where('study_id', '=', studyId).where('user_id', '=', userId).executeTakeFirst())
}

export async function upsertRating(db: DbOrTx, row: { study_id: string; round: number; panelist_id: string; item_id: string; rating: number; saved_at: string }): Promise<void> {
  await db.insertInto('standard_setting_ratings').values(row)
    .onConflict((oc) => oc.columns(['study_id', 'round', 'panelist_id', 'item_id']).doUpdateSet({ rating: row.rating, saved_at: row.saved_at }))
    .execute()
}

export async function ratingsOf(db: DbOrTx, studyId: string, round?: number, panelistId?: string) {
  let q = db.selectFrom('standard_setting_ratings').select(['round', 'panelist_id', 'item_id', 'rating', 'saved_at']).where('study_id', '=', studyId)
  if (round !== undefined) q = q.where('round', '=', round)
  if (panelistId !== undefined) q = q.where('panelist_id', '=', panelistId)
  return (await q.orderBy('round').orderBy('panelist_id').orderBy('item_id').execute()).map((r) => ({ ...r, round: Number(r.round), rating: Number(r.rating) }))
}

export async function insertRound(db: DbOrTx, studyId: string, round: number, at: string): Promise<void> {
  await db.insertInto('standard_setting_rounds').values({ study_id: studyId, round, opened_at: at, closed_at: null, cut_percent: null, sd: null, se: null, panelists: null }).execute()
}

export async function closeRound(db: DbOrTx, studyId: string, round: number, at: string, result: { cut: number; sd: number | null; se: number | null; panelists: number }): Promise<void> {
  await db.updateTable('standard_setting_rounds')
    .set({ closed_at: at, cut_percent: result.cut, sd: result.sd, se: result.se, panelists: result.panelists })
    .where('study_id', '=', studyId).where('round', '=', round).execute()
}

export async function roundsOf(db: DbOrTx, studyIds: readonly string[]) {
  if (studyIds.length === 0) return []
  const rows = await db.selectFrom('standard_setting_rounds').selectAll().where('study_id', 'in', [...studyIds]).orderBy('study_id').orderBy('round').execute()
  return rows.map((r) => ({
    ...r, round: Number(r.round), cut_percent: r.cut_percent === null ? null : Number(r.cut_percent), sd: r.sd === null ? null : Number(r.sd),
    se: r.se === null ? null : Number(r.se), panelists: r.panelists === null ? null : Number(r.panelists),
  }))
}
