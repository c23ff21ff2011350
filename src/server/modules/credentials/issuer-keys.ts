// The issuer's Ed25519 signing keys, in the database (table issuer_keys) with the secret key sealed
// under the key-encryption key (crypto/envelope.ts), so every instance on one database signs with the
// same key and a rotation from any of them holds for all at their next signature. Rotation adds a key
// and retires the other: retired keys sign nothing new but stay published, so every credential signed
// before still verifies. At most one key is current (a unique index): of two instances generating or
// rotating at once, one wins and the other reads its key.
import { randomBytes } from 'node:crypto'
import type { Clock } from '../../context.js'
import type { Envelope } from '../../crypto/envelope.js'
import type { Db } from '../../db/database.js'
import { inTransaction } from '../../db/transaction.js'
import {
  allIssuerKeys, currentIssuerKey, findIssuerKey, insertIssuerKeyIfAbsent, issuerKeysUnderOtherKeks,
  resealIssuerKey, retireCurrentIssuerKeys, type IssuerKeyRow,
} from './issuer-keys.repository.js'
import { importFileKeys, isKeyRace, KeysRaced } from './issuer-key-files.js'
import { KEY_ID, type IssuerKey, type PublishedKey } from './issuer-key.js'
import { lazyImport } from '../../lazy-import.js'

// The key library loads with the first key generated or opened, not at start: start-up time, issue 16.
export const loadEd25519Multikey = lazyImport(() => import('@digitalbazaar/ed25519-multikey'))

export { KEY_ID, type IssuerKey, type PublishedKey } from './issuer-key.js'

/** The start cannot go on: the stored keys do not fit the KEK this process holds. */
export class IssuerKeysUnavailableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'IssuerKeysUnavailableError'
  }
}

const published = (row: IssuerKeyRow): PublishedKey => ({ id: row.id, publicKeyMultibase: row.public_key_multibase, createdAt: row.created_at, retiredAt: row.retired_at })
const sealContext = (id: string) => `issuer_keys:${id}`
const MAX_ATTEMPTS = 5

export function createIssuerKeyStore(db: Db, secrets: Envelope, clock: Clock) {
  function sealed(key: IssuerKey, envelope: Envelope = secrets): IssuerKeyRow {
    const s = envelope.seal(key.secretKeyMultibase, sealContext(key.id))
    return {
      id: key.id, public_key_multibase: key.publicKeyMultibase,
      secret_ciphertext: s.ciphertext, secret_iv: s.iv, secret_tag: s.tag, kek_id: s.kekId,
      created_at: key.createdAt, retired_at: key.retiredAt,
    }
  }

  function opened(row: IssuerKeyRow): IssuerKey {
    const secretKeyMultibase = secrets.open(
      { kekId: row.kek_id, iv: row.secret_iv, tag: row.secret_tag, ciphertext: row.secret_ciphertext },
      sealContext(row.id), `Issuer key ${row.id}`,
    )
    return { ...published(row), secretKeyMultibase }
  }

  async function generate(): Promise<IssuerKey> {
    const now = clock().toISOString()
    const Ed25519Multikey = await loadEd25519Multikey()
    const pair = await Ed25519Multikey.generate()
    return {
      id: `${now.slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`,
      publicKeyMultibase: pair.publicKeyMultibase,
      secretKeyMultibase: pair.secretKeyMultibase!,
      createdAt: now,
      retiredAt: null,
    }
  }

  /** The current key, generated if there is none (the first start of a database). */
  async function ensure(): Promise<PublishedKey> {
    for (let attempt = 1; ; attempt++) {
      const row = await currentIssuerKey(db)
      if (row) return published(row)
      // Another instance may insert its own first: then ours is not inserted and we read theirs.
      await insertIssuerKeyIfAbsent(db, sealed(await generate()))
      if (attempt >= MAX_ATTEMPTS) throw new Error('No current issuer key after generating one: the issuer_keys table refuses inserts.')
    }
  }

  return {
    /** Every key, oldest first (read each time: another instance may have rotated since). */
    async list(): Promise<PublishedKey[]> {
      return (await allIssuerKeys(db)).map(published)
    },

    async get(id: string): Promise<PublishedKey | undefined> {
      if (!KEY_ID.test(id)) return undefined
      const row = await findIssuerKey(db, id)
      return row && published(row)
    },

    /** The current key's public part, read from the database at each call: one primary-key-sized read. */
    async current(): Promise<PublishedKey | undefined> {
      const row = await currentIssuerKey(db)
      return row && published(row)
    },

    /** A key with its secret opened (throws KekMismatchError or SealBrokenError when it cannot be). */
    async withSecret(id: string): Promise<IssuerKey | undefined> {
      const row = await findIssuerKey(db, id)
      return row && opened(row)
    },

    ensure,

    /**
     * Refuses (IssuerKeysUnavailableError) when stored keys are sealed under another KEK, or the current
     * one does not open under ours, before anything is written: a wrong KEK changes nothing.
     */
    async check(): Promise<void> {
      const others = await issuerKeysUnderOtherKeks(db, secrets.kekId)
      if (others.length > 0) {
        const list = others.map((o) => `${Number(o.keys)} under ${o.kek_id}`).join(', ')
        throw new IssuerKeysUnavailableError(
          `The issuer keys in the database are encrypted under another key-encryption key (${list}) than the one this process holds, ${secrets.kekId} (${secrets.source}). ` +
          'Start every instance with the same MT1_KEY_ENCRYPTION_KEY (the one the keys were encrypted under), or re-encrypt them with `mt1 keys rewrap`. Nothing was changed.')
      }
      const row = await currentIssuerKey(db)
      if (row) {
        try {
          opened(row)
        } catch (err) {
          throw new IssuerKeysUnavailableError(`${(err as Error).message} Nothing was changed.`)
        }
      }
    },

    /** Imports DATA_DIR/issuer-keys (the file store of before), once; see issuer-key-files.ts. */
    importFiles(dir: string, log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void }) {
      return importFileKeys(dir, { db, log, now: () => clock().toISOString(), seal: (key) => sealed(key) })
    },

    /** A new current key; the previous one is retired (kept and published, never used to sign). */
    async rotate(): Promise<{ current: PublishedKey; retired: PublishedKey[] }> {
      const next = await generate()
      for (let attempt = 1; ; attempt++) {
        // One transaction: there is a current key before and after, never none. A rotation racing this
        // one makes our insert a no-op (the index allows one current key): we roll back and go again,
        // so the last rotation to commit wins and the others' keys are retired.
        const result = await inTransaction(db, async (trx) => {
          const retiredAt = clock().toISOString()
          const before = (await allIssuerKeys(trx)).filter((k) => k.retired_at === null)
          const retiredIds = await retireCurrentIssuerKeys(trx, retiredAt)
          if (!(await insertIssuerKeyIfAbsent(trx, sealed(next)))) throw new KeysRaced()
          return { current: published(sealed(next)), retired: before.filter((k) => retiredIds.includes(k.id)).map((k) => ({ ...published(k), retiredAt })) }
        }).catch(async (err: unknown) => {
          if (!isKeyRace(err) || attempt >= MAX_ATTEMPTS) throw err
          await new Promise((resolve) => setTimeout(resolve, 20 * attempt))
          return undefined
        })
        if (result) return result
      }
    },

    /**
     * `mt1 keys rewrap`: re-seals every key sealed under this process's KEK under `to` (the new KEK).
     * Each row changes only if it is still under this KEK, so running it twice, or on two instances,
     * is harmless. Returns the ids re-sealed.
     */
    async rewrap(to: Envelope): Promise<string[]> {
      const done: string[] = []
      for (const row of await allIssuerKeys(db)) {
        if (row.kek_id !== secrets.kekId) continue
        const { secret_ciphertext, secret_iv, secret_tag, kek_id } = sealed(opened(row), to)
        if (await resealIssuerKey(db, row.id, secrets.kekId, { secret_ciphertext, secret_iv, secret_tag, kek_id })) done.push(row.id)
      }
      return done
    },
  }
}

export type IssuerKeyStore = ReturnType<typeof createIssuerKeyStore>
