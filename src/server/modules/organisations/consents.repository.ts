// SQL of candidates' consents to share their results with an organisation (issue 14).
import type { DbOrTx, Tx } from '../../db/database.js'
import type { ConsentsTable } from '../../db/schema.js'

export type ConsentRow = ConsentsTable

export async function insertConsent(trx: Tx, row: ConsentRow): Promise<void> {
  await trx.insertInto('consents').values(row).execute()
}

export async function findConsent(db: DbOrTx, id: string): Promise<ConsentRow | undefined> {
  return db.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Consents by id (the audit log names them). */
export async function consentsByIds(db: DbOrTx, ids: readonly string[]): Promise<ConsentRow[]> {
  if (ids.length === 0) return []
  return db.selectFrom('consents').selectAll().where('id', 'in', [...new Set(ids)]).execute()
}

/** The candidate's consents still standing, to any organisation. */
export async function standingConsentsOfCandidate(db: DbOrTx, candidateId: string): Promise<ConsentRow[]> {
  return db.selectFrom('consents').selectAll().where('candidate_id', '=', candidateId).where('withdrawn_at', 'is', null).execute()
}

/** The consents standing now for an organisation, of these candidates. */
export async function standingConsentsFor(db: DbOrTx, organisationId: string, candidateIds: readonly string[]): Promise<ConsentRow[]> {
  if (candidateIds.length === 0) return []
  return db.selectFrom('consents').selectAll().where('organisation_id', '=', organisationId).where('candidate_id', 'in', [...new Set(candidateIds)])
    .where('withdrawn_at', 'is', null).execute()
}

/** Withdraws a standing consent once; the row, or undefined when it was already withdrawn. */
export async function withdrawConsent(trx: Tx, id: string, at: string): Promise<ConsentRow | undefined> {
  return trx.updateTable('consents').set({ withdrawn_at: at }).where('id', '=', id).where('withdrawn_at', 'is', null).returningAll().executeTakeFirst()
}
