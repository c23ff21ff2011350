// The psychometrics module's tables: a period's snapshots (per module and per conjunctive decision),
// item statistics per version, and candidates' voluntary demographics.
import type { DbOrTx } from '../../db/database.js'
import type { IrtCalibrationsTable, IrtFormComparabilityTable, IrtItemParametersTable, ItemStatisticsTable, PsychometricSnapshotsTable } from '../../db/schema.js'

/** Replaces a period's snapshots and item statistics for these scopes (an idempotent re-run). */
export async function replacePeriod(trx: DbOrTx, year: number, scopes: readonly string[], modules: readonly string[], snapshots: PsychometricSnapshotsTable[], items: ItemStatisticsTable[]) {
  if (scopes.length > 0) await trx.deleteFrom('psychometric_snapshots').where('year', '=', year).where('scope', 'in', scopes).execute()
  if (modules.length > 0) await trx.deleteFrom('item_statistics').where('year', '=', year).where('module', 'in', modules).execute()
  if (snapshots.length > 0) await trx.insertInto('psychometric_snapshots').values(snapshots).execute()
  // Chunks keep each statement under the databases' bound-parameter limits.
  for (let i = 0; i < items.length; i += 500) await trx.insertInto('item_statistics').values(items.slice(i, i + 500)).execute()
}

export async function snapshotsOfYear(db: DbOrTx, year: number) {
  return db.selectFrom('psychometric_snapshots').selectAll().where('year', '=', year).orderBy('scope').execute()
}

export async function snapshotOf(db: DbOrTx, scope: string, year: number) {
  return db.selectFrom('psychometric_snapshots').selectAll().where('scope', '=', scope).where('year', '=', year).executeTakeFirst()
}

export async function statisticsOfItem(db: DbOrTx, itemId: string) {
  return db.selectFrom('item_statistics').selectAll().where('item_id', '=', itemId).orderBy('year', 'desc').orderBy('version', 'desc').execute()
}

export async function statisticsOfModuleYear(db: DbOrTx, module: string, year: number) {
  return db.selectFrom('item_statistics').selectAll().where('module', '=', module).where('year', '=', year).orderBy('item_id').orderBy('version').execute()
}

export async function flaggedOfYear(db: DbOrTx, year: number) {
  return db.selectFrom('item_statistics').selectAll().where('year', '=', year).where('flags', '<>', '[]').orderBy('item_id').execute()
}

/** Demographic answers of these candidates (the job reads them only to group examinees). */
export async function demographicsOf(db: DbOrTx, userIds: readonly string[]) {
  const out: { user_id: string; answers: string }[] = []
  const unique = [...new Set(userIds)]
  for (let i = 0; i < unique.length; i += 500) {
    out.push(...await db.selectFrom('candidate_demographics').select(['user_id', 'answers']).where('user_id', 'in', unique.slice(i, i + 500)).execute())
  }
  return out
}

export async function findDemographics(db: DbOrTx, userId: string) {
  return db.selectFrom('candidate_demographics').selectAll().where('user_id', '=', userId).executeTakeFirst()
}

export async function saveDemographics(db: DbOrTx, row: { user_id: string; answers: string; consented_at: string; updated_at: string }) {
  await db.insertInto('candidate_demographics').values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ answers: row.answers, updated_at: row.updated_at }))
    .execute()
}

export async function deleteDemographics(db: DbOrTx, userId: string): Promise<boolean> {
  const r = await db.deleteFrom('candidate_demographics').where('user_id', '=', userId).executeTakeFirst()
  return Number(r.numDeletedRows) > 0
}

/** Replaces a period's IRT calibration, item parameters and form comparability for these modules. */
export async function replaceIrtPeriod(trx: DbOrTx, year: number, modules: readonly string[], rows: { calibrations: IrtCalibrationsTable[]; items: IrtItemParametersTable[]; forms: IrtFormComparabilityTable[] }) {
  if (modules.length === 0) return
  for (const table of ['irt_form_comparability', 'irt_item_parameters', 'irt_calibrations'] as const) {
    await trx.deleteFrom(table).where('year', '=', year).where('module', 'in', modules).execute()
  }
  if (rows.calibrations.length > 0) await trx.insertInto('irt_calibrations').values(rows.calibrations).execute()
  for (let i = 0; i < rows.items.length; i += 500) await trx.insertInto('irt_item_parameters').values(rows.items.slice(i, i + 500)).execute()
  for (let i = 0; i < rows.forms.length; i += 500) await trx.insertInto('irt_form_comparability').values(rows.forms.slice(i, i + 500)).execute()
}

export async function irtCalibrationOf(db: DbOrTx, module: string, year: number) {
  return db.selectFrom('irt_calibrations').selectAll().where('module', '=', module).where('year', '=', year).executeTakeFirst()
}

export async function irtItemsOf(db: DbOrTx, module: string, year: number) {
  return db.selectFrom('irt_item_parameters').selectAll().where('module', '=', module).where('year', '=', year).orderBy('item_id').orderBy('version').execute()
}

export async function irtFormsOf(db: DbOrTx, module: string, year: number) {
  return db.selectFrom('irt_form_comparability').selectAll().where('module', '=', module).where('year', '=', year).orderBy('expected_percent').orderBy('form_key').execute()
}
