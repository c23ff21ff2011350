// The reads the verifiable credentials need from `credentials` (awarded by the results module,
// revoked by the registry's revocation): one certificate of one holder, and the status list's bits.
import { sql } from 'kysely'
import type { DbOrTx } from '../../db/database.js'

export async function heldCredential(db: DbOrTx, certificateNumber: string, candidateId: string) {
  return db
    .selectFrom('credentials')
    .select(['certificate_number', 'type', 'issued_on', 'status', 'status_index'])
    .where('certificate_number', '=', certificateNumber)
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst()
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
