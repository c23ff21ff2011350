// SQL of trainers' certification records (issue 13): the same shape and upsert as a proctor's.
import type { DbOrTx } from '../../db/database.js'
import type { TrainerCertificationsTable } from '../../db/schema.js'

export async function upsertTrainerCertification(db: DbOrTx, row: TrainerCertificationsTable): Promise<void> {
  await db
    .insertInto('trainer_certifications')
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

export async function trainerCertificationsOf(db: DbOrTx, userIds: readonly string[]) {
  if (userIds.length === 0) return []
  return db.selectFrom('trainer_certifications').selectAll().where('user_id', 'in', [...new Set(userIds)]).execute()
}

export async function listTrainerCertifications(db: DbOrTx) {
  return db.selectFrom('trainer_certifications').selectAll().execute()
}

/** Certified trainers whose certification ends after `from` and by `to` (expiry reminders). */
export async function trainersEndingBetween(db: DbOrTx, from: string, to: string) {
  return db.selectFrom('trainer_certifications').select(['user_id', 'certified_until'])
    .where('status', '=', 'certified').where('certified_until', '>', from).where('certified_until', '<=', to)
    .orderBy('certified_until').orderBy('user_id').execute()
}
