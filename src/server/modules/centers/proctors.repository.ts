import type { DbOrTx, Tx } from '../../db/database.js'
import type { ProctorCertificationsTable } from '../../db/schema.js'

export async function upsertCertification(db: DbOrTx, row: ProctorCertificationsTable): Promise<void> {
  await db
    .insertInto('proctor_certifications')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({
      training_completed_on: row.training_completed_on,
      agreement_signed_on: row.agreement_signed_on,
      coi_declared_on: row.coi_declared_on,
      certified_until: row.certified_until,
      status: row.status,
      updated_at: row.updated_at,
      updated_by: row.updated_by,
    }))
    .execute()
}

export async function certificationsOf(db: DbOrTx, userIds: readonly string[]) {
  if (userIds.length === 0) return []
  return db.selectFrom('proctor_certifications').selectAll().where('user_id', 'in', userIds).execute()
}

/**
 * Row-locks these proctors' certifications until the transaction ends (PostgreSQL; SQLite runs one
 * transaction at a time), one row at a time in id order so two assignments never deadlock. Every
 * session assignment takes it before looking for the proctor's other sessions, so two at once of
 * one proctor run one after the other and the second sees the first.
 */
export async function lockCertifications(db: Tx, userIds: readonly string[], dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect !== 'postgres') return
  for (const id of [...new Set(userIds)].sort()) {
    await db.selectFrom('proctor_certifications').select('user_id').where('user_id', '=', id).forUpdate().execute()
  }
}

export async function listCertifications(db: DbOrTx) {
  return db
    .selectFrom('proctor_certifications')
    .selectAll()
    .execute()
}

export async function insertConflict(db: DbOrTx, proctorId: string, candidateId: string, reason: string, at: string) {
  await db
    .insertInto('proctor_conflicts')
    .values({ proctor_id: proctorId, candidate_id: candidateId, reason, declared_at: at })
    .onConflict((oc) => oc.columns(['proctor_id', 'candidate_id']).doUpdateSet({ reason, declared_at: at }))
    .execute()
}

/** Conflicts between any of the proctors and any of the candidates. */
export async function conflictsBetween(db: DbOrTx, proctorIds: readonly string[], candidateIds: readonly string[]) {
  if (proctorIds.length === 0 || candidateIds.length === 0) return []
  return db.selectFrom('proctor_conflicts').selectAll().where('proctor_id', 'in', proctorIds).where('candidate_id', 'in', candidateIds).execute()
}

/** Certified proctors whose certification ends between two moments (the staff dashboard). */
export async function countProctorsCertifiedUntilBetween(db: DbOrTx, from: string, to: string): Promise<number> {
  const row = await db.selectFrom('proctor_certifications').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'certified').where('certified_until', '>=', from).where('certified_until', '<=', to).executeTakeFirstOrThrow()
  return Number(row.n)
}
