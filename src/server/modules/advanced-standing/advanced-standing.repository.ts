// SQL of advanced standing (issue 14): articulation agreements, requests and each holder's running
// total at each institution. Nothing here reads another module's tables.
import type { Insertable, Updateable } from 'kysely'
import type { DbOrTx, Tx } from '../../db/database.js'
import type { AdvancedStandingRequestsTable, AdvancedStandingStatus, ArticulationAgreementsTable } from '../../db/schema.js'

export type AgreementRow = ArticulationAgreementsTable
export type RequestRow = AdvancedStandingRequestsTable

export async function insertAgreement(db: DbOrTx, row: Insertable<ArticulationAgreementsTable>): Promise<void> {
  await db.insertInto('articulation_agreements').values(row).execute()
}

export async function updateAgreement(db: DbOrTx, id: string, change: Updateable<ArticulationAgreementsTable>): Promise<void> {
  await db.updateTable('articulation_agreements').set(change).where('id', '=', id).execute()
}

export async function agreementById(db: DbOrTx, id: string): Promise<AgreementRow | undefined> {
  return db.selectFrom('articulation_agreements').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Agreements, of some institutions only when `institutionIds` is given; in effect on `onDay` (YYYY-MM-DD) when given. */
export async function listAgreements(db: DbOrTx, filter: { institutionIds?: readonly string[]; onDay?: string } = {}): Promise<AgreementRow[]> {
  if (filter.institutionIds?.length === 0) return []
  let q = db.selectFrom('articulation_agreements').selectAll()
  if (filter.institutionIds) q = q.where('institution_id', 'in', [...filter.institutionIds])
  if (filter.onDay) {
    const day = filter.onDay
    q = q.where('effective_from', '<=', day).where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', day)]))
  }
  return q.orderBy('institution_id').orderBy('credential').orderBy('program_name').orderBy('id').execute()
}

export async function insertRequest(db: DbOrTx, row: Insertable<AdvancedStandingRequestsTable>): Promise<void> {
  await db.insertInto('advanced_standing_requests').values(row).execute()
}

export async function requestById(db: DbOrTx, id: string): Promise<RequestRow | undefined> {
  return db.selectFrom('advanced_standing_requests').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Requests to some institutions, or of one holder, newest first. */
export async function listRequests(db: DbOrTx, filter: { institutionIds?: readonly string[]; holderId?: string; status?: AdvancedStandingStatus }): Promise<RequestRow[]> {
  if (filter.institutionIds?.length === 0) return []
  let q = db.selectFrom('advanced_standing_requests').selectAll()
  if (filter.institutionIds) q = q.where('institution_id', 'in', [...filter.institutionIds])
  if (filter.holderId) q = q.where('holder_id', '=', filter.holderId)
  if (filter.status) q = q.where('status', '=', filter.status)
  return q.orderBy('created_at', 'desc').orderBy('id').execute()
}

/** Closes a request still pending (a decision, or the holder's withdrawal); false when it was closed meanwhile. */
export async function decideRequest(trx: Tx, id: string, change: Updateable<AdvancedStandingRequestsTable>): Promise<boolean> {
  const result = await trx.updateTable('advanced_standing_requests').set(change).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Adds `credits` to what the holder has granted or pending at the institution, unless that would
 * pass `cap`: one conditional update, which the row lock makes exact under any concurrency. Returns
 * whether it was added.
 */
export async function reserveCredits(trx: Tx, holderId: string, institutionId: string, credits: number, cap: number): Promise<boolean> {
  await trx.insertInto('advanced_standing_totals').values({ holder_id: holderId, institution_id: institutionId, committed: 0 })
    .onConflict((oc) => oc.columns(['holder_id', 'institution_id']).doNothing()).execute()
  const result = await trx.updateTable('advanced_standing_totals')
    .set((eb) => ({ committed: eb('committed', '+', credits) }))
    .where('holder_id', '=', holderId).where('institution_id', '=', institutionId)
    .where((eb) => eb(eb('committed', '+', credits), '<=', cap))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Gives back credits a decision did not grant (a decline, or a grant of fewer than asked), or a withdrawn request held. */
export async function releaseCredits(trx: Tx, holderId: string, institutionId: string, credits: number): Promise<void> {
  if (credits <= 0) return
  await trx.updateTable('advanced_standing_totals')
    .set((eb) => ({ committed: eb('committed', '-', credits) }))
    .where('holder_id', '=', holderId).where('institution_id', '=', institutionId)
    .execute()
}

export async function committedCredits(db: DbOrTx, holderId: string, institutionId: string): Promise<number> {
  const row = await db.selectFrom('advanced_standing_totals').select('committed')
    .where('holder_id', '=', holderId).where('institution_id', '=', institutionId).executeTakeFirst()
  return row ? Number(row.committed) : 0
}
