// SQL of the credentials the registry owns, as other modules need them: awarding and withdrawing
// (results, in its transaction), a holder's certificates (results, documents, Open Badges) and the
// status list's bits (credentials). Lookups, search and revocation are in registry.repository.ts.
import { sql, type Insertable, type Updateable } from 'kysely'
import type { DbOrTx } from '../../db/database.js'
import type { CredentialsTable } from '../../db/schema.js'

export async function credentialsOfCandidate(db: DbOrTx, candidateId: string) {
  return db.selectFrom('credentials').selectAll().where('candidate_id', '=', candidateId).orderBy('created_at').execute()
}

/** Every credential of these candidates (a batch of at most a thousand), oldest first. */
export async function credentialsOfCandidates(db: DbOrTx, candidateIds: readonly string[]) {
  if (candidateIds.length === 0) return []
  return db.selectFrom('credentials').selectAll().where('candidate_id', 'in', candidateIds).orderBy('created_at').execute()
}

export async function credentialByNumber(db: DbOrTx, certificateNumber: string) {
  return db
    .selectFrom('credentials')
    .select(['certificate_number', 'candidate_id', 'type', 'issued_on', 'status', 'status_index'])
    .where('certificate_number', '=', certificateNumber)
    .executeTakeFirst()
}

/** Many credentials by canonical number (a page of requests resting on them); unknown numbers are left out. */
export async function credentialsByNumbers(db: DbOrTx, certificateNumbers: readonly string[]) {
  if (certificateNumbers.length === 0) return []
  return db.selectFrom('credentials').selectAll().where('certificate_number', 'in', [...new Set(certificateNumbers)]).execute()
}

export async function insertCredential(db: DbOrTx, row: Insertable<CredentialsTable>): Promise<void> {
  await db.insertInto('credentials').values(row).execute()
}

/** Many credentials in a few multi-row inserts (10 parameters a row). */
export async function insertCredentials(db: DbOrTx, rows: readonly Insertable<CredentialsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('credentials').values(rows.slice(i, i + 500)).execute()
}

/** The same change to many credentials (one statement per thousand numbers). */
export async function setCredentialsStatus(db: DbOrTx, certificateNumbers: readonly string[], change: Updateable<CredentialsTable>): Promise<void> {
  for (let i = 0; i < certificateNumbers.length; i += 1000) {
    await db.updateTable('credentials').set(change).where('certificate_number', 'in', certificateNumbers.slice(i, i + 1000)).execute()
  }
}

export async function setCredentialStatus(db: DbOrTx, certificateNumber: string, change: Updateable<CredentialsTable>): Promise<void> {
  await db.updateTable('credentials').set(change).where('certificate_number', '=', certificateNumber).execute()
}

/** The status indexes whose bit is set: every credential not active (revoked, withdrawn). */
export async function inactiveStatusIndexes(db: DbOrTx): Promise<number[]> {
  // Served by the partial index credentials_not_active_idx (migration 0009): only those rows are read.
  // The literal (not a parameter) is what lets both planners match the index's predicate.
  const rows = await db.selectFrom('credentials').select('status_index').where('status', '<>', sql.lit('active')).execute()
  return rows.map((r) => Number(r.status_index))
}

/** The highest status index given out (the unique index answers it), or null before the first award. */
export async function highestStatusIndex(db: DbOrTx): Promise<number | null> {
  const row = await db.selectFrom('credentials').select((eb) => eb.fn.max('status_index').as('max')).executeTakeFirst()
  return row?.max === null || row?.max === undefined ? null : Number(row.max)
}

/** Credentials dated in [from, to] (YYYY-MM-DD, by the issued_on index), withdrawn ones excluded: the analytics' awards. */
export async function awardsDatedBetween(db: DbOrTx, from: string, to: string) {
  return db.selectFrom('credentials')
    .select(['candidate_id', 'type', 'issued_on'])
    .where('issued_on', '>=', from)
    .where('issued_on', '<=', to)
    .where('status', '<>', 'withdrawn')
    .execute()
}
