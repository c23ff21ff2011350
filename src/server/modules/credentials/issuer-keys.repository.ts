// SQL for the issuer's signing keys (migration 0034). Ordered oldest first, ties by id, so every
// instance lists the same keys in the same order.
import type { DbOrTx } from '../../db/database.js'
import type { IssuerKeysTable } from '../../db/schema.js'

export type IssuerKeyRow = IssuerKeysTable

export function allIssuerKeys(db: DbOrTx): Promise<IssuerKeyRow[]> {
  return db.selectFrom('issuer_keys').selectAll().orderBy('created_at', 'asc').orderBy('id', 'asc').execute()
}

export function findIssuerKey(db: DbOrTx, id: string): Promise<IssuerKeyRow | undefined> {
  return db.selectFrom('issuer_keys').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The one key not retired (a unique index allows no second), read by that index. */
export function currentIssuerKey(db: DbOrTx): Promise<IssuerKeyRow | undefined> {
  return db.selectFrom('issuer_keys').selectAll().where('retired_at', 'is', null).executeTakeFirst()
}

/** The KEK ids keys are sealed under other than `kekId`, with how many keys each. */
export function issuerKeysUnderOtherKeks(db: DbOrTx, kekId: string) {
  return db.selectFrom('issuer_keys').select(['kek_id', (eb) => eb.fn.countAll<number>().as('keys')]).where('kek_id', '!=', kekId).groupBy('kek_id').execute()
}

/**
 * Inserts the key unless its id exists, or (for a current key) unless another key is current: the
 * unique index on the current key makes the second of two racing instances a no-op. True when inserted.
 */
export async function insertIssuerKeyIfAbsent(db: DbOrTx, row: IssuerKeyRow): Promise<boolean> {
  const inserted = await db.insertInto('issuer_keys').values(row).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst()
  return inserted !== undefined
}

/** Retires every key still current; returns their ids. */
export async function retireCurrentIssuerKeys(db: DbOrTx, retiredAt: string): Promise<string[]> {
  const rows = await db.updateTable('issuer_keys').set({ retired_at: retiredAt }).where('retired_at', 'is', null).returning('id').execute()
  return rows.map((r) => r.id)
}

/** Re-seals one key under another KEK (`mt1 keys rewrap`), only if it is still under the old one. */
export async function resealIssuerKey(db: DbOrTx, id: string, fromKekId: string, sealed: Pick<IssuerKeyRow, 'secret_ciphertext' | 'secret_iv' | 'secret_tag' | 'kek_id'>): Promise<boolean> {
  const row = await db.updateTable('issuer_keys').set(sealed).where('id', '=', id).where('kek_id', '=', fromKekId).returning('id').executeTakeFirst()
  return row !== undefined
}
