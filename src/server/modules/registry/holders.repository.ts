// SQL of the registry's holders (registry_holders, migration 0015): the public name, state and
// search opt-in of each candidate with a profile or a credential, copied from the accounts module.
import type { DbOrTx } from '../../db/database.js'
import type { RegistryHoldersTable } from '../../db/schema.js'

type HolderRow = Omit<RegistryHoldersTable, 'listed' | 'ncrc_verified'> & { listed: number; ncrc_verified: number }

export async function holderExists(db: DbOrTx, userId: string): Promise<boolean> {
  return (await db.selectFrom('registry_holders').select('user_id').where('user_id', '=', userId).executeTakeFirst()) !== undefined
}

/** Which of these users are holders already (a batch of at most a thousand). */
export async function existingHolders(db: DbOrTx, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return []
  return (await db.selectFrom('registry_holders').select('user_id').where('user_id', 'in', userIds).execute()).map((r) => r.user_id)
}

/** Adds many holders, leaving out those already there (7 parameters a row). */
export async function insertHolders(db: DbOrTx, rows: readonly HolderRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto('registry_holders').values(rows.slice(i, i + 500)).onConflict((oc) => oc.column('user_id').doNothing()).execute()
  }
}

/** Adds a holder unless one is there already (a profile change may have added them first). */
export async function insertHolder(db: DbOrTx, row: HolderRow): Promise<void> {
  await db.insertInto('registry_holders').values(row).onConflict((oc) => oc.column('user_id').doNothing()).execute()
}

/** Adds the holder, or sets the state, opt-in and NCRC of the one there (names stay as they are). */
export async function upsertHolderProfile(db: DbOrTx, row: HolderRow): Promise<void> {
  await db.insertInto('registry_holders').values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ state: row.state, listed: row.listed, ncrc_level: row.ncrc_level, ncrc_verified: row.ncrc_verified }))
    .execute()
}

/** Sets the holder's name; nothing when the person is no holder (they get their name when they become one). */
export async function renameHolder(db: DbOrTx, userId: string, name: { first_name: string; last_name: string }): Promise<void> {
  await db.updateTable('registry_holders').set(name).where('user_id', '=', userId).execute()
}
