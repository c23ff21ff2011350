// SQL of certification expiry reminders: the centers and proctor certifications ending within the
// reminder window, the centers' administrators, and the reminders already sent (claimed once).
import type { DbOrTx, Tx } from '../../db/database.js'

/**
 * Certified assessment centers whose certification ends after `now` and by `until`. An onsite
 * company event's "center" is certified to the day after its event: nothing to renew or remind of.
 */
export async function centersEndingBetween(db: DbOrTx, now: string, until: string) {
  return db.selectFrom('centers').select(['id', 'name', 'certified_until', 'email'])
    .where('status', '=', 'certified').where('kind', '=', 'center').where('certified_until', '>', now).where('certified_until', '<=', until)
    .orderBy('certified_until').orderBy('id').execute()
}

/** Certified proctors whose certification ends after `now` and by `until`. */
export async function proctorsEndingBetween(db: DbOrTx, now: string, until: string) {
  return db.selectFrom('proctor_certifications').select(['user_id', 'certified_until'])
    .where('status', '=', 'certified').where('certified_until', '>', now).where('certified_until', '<=', until)
    .orderBy('certified_until').orderBy('user_id').execute()
}

export async function centerAdministratorIds(db: DbOrTx, centerId: string): Promise<string[]> {
  return (await db.selectFrom('center_members').select('user_id').where('center_id', '=', centerId).where('role', '=', 'admin').execute()).map((r) => r.user_id)
}

/**
 * Records that the reminder of this lead was sent for this certification period; false when it was
 * already (by this or another instance), so each goes out once.
 */
export async function claimReminder(trx: Tx, row: { subject_kind: 'center' | 'proctor' | 'trainer'; subject_id: string; certified_until: string; days_before: number; sent_at: string }): Promise<boolean> {
  const result = await trx.insertInto('certification_reminders_sent').values(row)
    .onConflict((oc) => oc.columns(['subject_kind', 'subject_id', 'certified_until', 'days_before']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1
}
