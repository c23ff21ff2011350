// All SQL of candidate profiles (NCRC with its verification, home state, registry opt-in) and of the
// uploaded NCRC certificates (issue 14).
import type { DbOrTx } from '../../db/database.js'
import type { CandidateProfilesTable, NcrcCertificatesTable, NcrcVerification } from '../../db/schema.js'

export async function findProfile(db: DbOrTx, userId: string) {
  return db.selectFrom('candidate_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst()
}

export type ProfileRow = Pick<CandidateProfilesTable, 'ncrc_level' | 'ncrc_number' | 'ncrc_date' | 'state' | 'updated_at' | 'ncrc_verification_reason' | 'ncrc_verified_by' | 'ncrc_verified_at'> & {
  registry_listed: number
  ncrc_verification: NcrcVerification
}

export async function upsertProfile(db: DbOrTx, userId: string, profile: ProfileRow): Promise<void> {
  await db
    .insertInto('candidate_profiles')
    .values({ user_id: userId, ...profile })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(profile))
    .execute()
}

/**
 * Staff's verdict on the NCRC as it was when they read it: matched on the profile's updated_at, so a
 * candidate's change in between (which resets verification) is not verified by mistake. Whether a row changed.
 */
export async function setNcrcVerification(
  db: DbOrTx, userId: string, readAt: string,
  verdict: { ncrc_verification: NcrcVerification; ncrc_verification_reason: string | null; ncrc_verified_by: string; ncrc_verified_at: string },
): Promise<boolean> {
  const result = await db.updateTable('candidate_profiles').set(verdict)
    .where('user_id', '=', userId).where('updated_at', '=', readAt).where('ncrc_level', 'is not', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export type NcrcCertificateMeta = Omit<NcrcCertificatesTable, 'bytes' | 'user_id'>

export async function findNcrcCertificateMeta(db: DbOrTx, userId: string): Promise<NcrcCertificateMeta | undefined> {
  return db.selectFrom('ncrc_certificates').select(['file_name', 'content_type', 'size', 'sha256', 'uploaded_at']).where('user_id', '=', userId).executeTakeFirst()
}

export async function readNcrcCertificate(db: DbOrTx, userId: string) {
  return db.selectFrom('ncrc_certificates').selectAll().where('user_id', '=', userId).executeTakeFirst()
}

/** One certificate per candidate: a new upload replaces the last. */
export async function putNcrcCertificate(db: DbOrTx, row: NcrcCertificatesTable): Promise<void> {
  const { user_id: _id, ...rest } = row
  await db.insertInto('ncrc_certificates').values(row).onConflict((oc) => oc.column('user_id').doUpdateSet(rest)).execute()
}
