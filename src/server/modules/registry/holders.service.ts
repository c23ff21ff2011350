// The registry's copy of its holders' names, states and search opt-in. The accounts module owns
// people and profiles and tells the registry of every change through the two functions below; the
// registry's lookups, searches, exports and figures then read only the registry's own tables, as
// fast as the one join they always were. A candidate enters when they set a profile or are awarded
// a first credential, whichever comes first, with the name their account has at that moment.
import type { DbOrTx, Tx } from '../../db/database.js'
import type { ContactDirectory } from '../accounts/users.service.js'
import { readInBatches } from '../../db/id-batches.js'
import { existingHolders, holderExists, insertHolder, insertHolders, renameHolder, upsertHolderProfile } from './holders.repository.js'

/** What the registry keeps of a profile: state and opt-in (the name search), NCRC level and verification (the stack). */
export interface HolderProfile { state: string | null; listed: boolean; ncrcLevel: string | null; ncrcVerified: boolean }

export function createRegistryHoldersService(deps: { contacts: ContactDirectory }) {
  async function nameOf(userId: string, within: DbOrTx) {
    const contact = (await deps.contacts.contactsOf([userId], within)).get(userId)
    if (!contact) throw new Error(`no account ${userId} for the registry`)
    return { first_name: contact.first_name, last_name: contact.last_name }
  }

  return {
    /** Makes sure a candidate being awarded a credential is a holder, in the award's transaction. */
    async ensure(trx: Tx, userId: string): Promise<void> {
      if (await holderExists(trx, userId)) return
      await insertHolder(trx, { user_id: userId, ...(await nameOf(userId, trx)), state: null, listed: 0, ncrc_level: null, ncrc_verified: 0 })
    },

    /** ensure() for many candidates at once (a rescoring batch's awards): one read and a few inserts. */
    async ensureMany(trx: Tx, userIds: readonly string[]): Promise<void> {
      const present = new Set(await readInBatches(userIds, (slice) => existingHolders(trx, slice)))
      const missing = [...new Set(userIds)].filter((id) => !present.has(id))
      if (missing.length === 0) return
      const contacts = await deps.contacts.contactsOf(missing, trx)
      await insertHolders(trx, missing.map((id) => {
        const contact = contacts.get(id)
        if (!contact) throw new Error(`no account ${id} for the registry`)
        return { user_id: id, first_name: contact.first_name, last_name: contact.last_name, state: null, listed: 0, ncrc_level: null, ncrc_verified: 0 }
      }))
    },

    /**
     * The accounts module calls this after a candidate's profile is written (state, registry
     * opt-in), in the same transaction when it has one: the name search shows the change at once.
     */
    async profileChanged(within: DbOrTx, userId: string, profile: HolderProfile): Promise<void> {
      await upsertHolderProfile(within, {
        user_id: userId, ...(await nameOf(userId, within)), state: profile.state, listed: profile.listed ? 1 : 0,
        ncrc_level: profile.ncrcLevel, ncrc_verified: profile.ncrcVerified ? 1 : 0,
      })
    },

    /**
     * The accounts module calls this after an account's name changes, with the transaction that
     * changed it when there is one: lookups, searches and exports print the current name.
     */
    async nameChanged(within: DbOrTx, userId: string): Promise<void> {
      await renameHolder(within, userId, await nameOf(userId, within))
    },
  }
}

export type RegistryHoldersService = ReturnType<typeof createRegistryHoldersService>
