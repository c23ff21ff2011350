// The issuer's Ed25519 signing keys, one JSON file per key under DATA_DIR/issuer-keys (mode 0600).
// Files, not database rows, so a database dump or a replica never carries the secret key. Rotation
// adds a key and retires the others: retired keys sign nothing new but stay published, so every
// credential signed before still verifies.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import type { Clock } from '../../context.js'

export interface IssuerKey {
  /** Short id, the last segment of the verification method URL. */
  id: string
  publicKeyMultibase: string
  secretKeyMultibase: string
  createdAt: string
  retiredAt: string | null
}

export const KEY_ID = /^\d{8}-[0-9a-f]{8}$/

export function createIssuerKeyStore(dir: string, clock: Clock) {
  const fileOf = (id: string) => path.join(dir, `${id}.json`)

  /** Writes beside the target, then renames, so a reader never sees half a key. */
  function write(key: IssuerKey): void {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
    const tmp = `${fileOf(key.id)}.${process.pid}.tmp`
    fs.writeFileSync(tmp, JSON.stringify(key, null, 2) + '\n', { mode: 0o600, flag: 'w' })
    fs.renameSync(tmp, fileOf(key.id))
  }

  /**
   * Every key, oldest first. Read from disk each time (a handful of small files): another process
   * on the same DATA_DIR (or `mt1 keys rotate`) may have rotated since.
   */
  function list(): IssuerKey[] {
    if (!fs.existsSync(dir)) return []
    return fs.readdirSync(dir)
      .filter((f) => f.endsWith('.json') && KEY_ID.test(f.slice(0, -5)))
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as IssuerKey)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
  }

  /** The signing key: the newest one not retired (two first starts racing leave two; both verify). */
  function current(): IssuerKey | undefined {
    return list().filter((k) => k.retiredAt === null).at(-1)
  }

  async function generate(): Promise<IssuerKey> {
    const now = clock().toISOString()
    const pair = await Ed25519Multikey.generate()
    const key: IssuerKey = {
      id: `${now.slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`,
      publicKeyMultibase: pair.publicKeyMultibase,
      secretKeyMultibase: pair.secretKeyMultibase!,
      createdAt: now,
      retiredAt: null,
    }
    write(key)
    return key
  }

  return {
    dir,
    list,
    current,
    get: (id: string): IssuerKey | undefined => (KEY_ID.test(id) ? list().find((k) => k.id === id) : undefined),

    /** The current key, generated on first start. */
    async ensure(): Promise<IssuerKey> {
      return current() ?? generate()
    },

    /** A new current key; the previous ones are retired (kept and published, never used to sign). */
    async rotate(): Promise<{ current: IssuerKey; retired: IssuerKey[] }> {
      // The new key is in place before the old ones retire, so there is always a key to sign with.
      const next = await generate()
      const retiredAt = clock().toISOString()
      const retired = list().filter((k) => k.retiredAt === null && k.id !== next.id).map((k) => ({ ...k, retiredAt }))
      for (const k of retired) write(k)
      return { current: next, retired }
    },
  }
}

export type IssuerKeyStore = ReturnType<typeof createIssuerKeyStore>
