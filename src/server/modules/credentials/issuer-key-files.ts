// The one-time move of the file keys of before (DATA_DIR/issuer-keys/<id>.json, mode 0600) into the
// database. Same ids, created and retired times kept, so every credential signed before still verifies.
// Run at every start and idempotent: a key already in the database is skipped, and after the import each
// file is renamed <id>.json.imported, kept beside rather than deleted, because until a database backup
// holds the imported keys the file is their only other copy; it is never read again (the log says it
// may be deleted). Two processes starting together on one DATA_DIR insert-if-absent, and the one whose
// insert conflicts goes again and finds the keys there.
import fs from 'node:fs'
import path from 'node:path'
import type { Db } from '../../db/database.js'
import { inTransaction } from '../../db/transaction.js'
import { allIssuerKeys, insertIssuerKeyIfAbsent, retireCurrentIssuerKeys, type IssuerKeyRow } from './issuer-keys.repository.js'
import { KEY_ID, type IssuerKey } from './issuer-key.js'

export const IMPORTED_SUFFIX = '.imported'

/** The key files of a DATA_DIR/issuer-keys folder; a file that is not a key is left alone and reported. */
export function readKeyFiles(dir: string): { keys: { key: IssuerKey; file: string }[]; unreadable: string[] } {
  if (!fs.existsSync(dir)) return { keys: [], unreadable: [] }
  const keys: { key: IssuerKey; file: string }[] = []
  const unreadable: string[] = []
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json') && KEY_ID.test(f.slice(0, -5)))) {
    const file = path.join(dir, name)
    try {
      const key = JSON.parse(fs.readFileSync(file, 'utf8')) as IssuerKey
      const valid = key.id === name.slice(0, -5) && typeof key.publicKeyMultibase === 'string' && typeof key.secretKeyMultibase === 'string' &&
        typeof key.createdAt === 'string' && (key.retiredAt === null || typeof key.retiredAt === 'string')
      if (valid) keys.push({ key, file })
      else unreadable.push(file)
    } catch {
      unreadable.push(file)
    }
  }
  return { keys, unreadable }
}

const newer = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  a.createdAt.localeCompare(b.createdAt) > 0 || (a.createdAt === b.createdAt && a.id > b.id)

class ImportRaced extends Error {}

/**
 * Lost a race with another process over the keys: its insert won (ours conflicted), or on SQLite its
 * write transaction committed after ours had read, which SQLite refuses at once (SQLITE_BUSY*) rather
 * than waiting. Either way going again from the start sees what it wrote.
 */
export const isKeyRace = (err: unknown): boolean => err instanceof ImportRaced || err instanceof KeysRaced || /^SQLITE_BUSY/.test(String((err as { code?: unknown } | null)?.code ?? ''))

/** Thrown inside a key transaction whose insert lost to another process's; the caller goes again. */
export class KeysRaced extends Error {}

export async function importFileKeys(dir: string, deps: {
  db: Db
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void }
  now: () => string
  seal: (key: IssuerKey) => IssuerKeyRow
}): Promise<{ imported: string[]; keptAside: string[] }> {
  const { keys: files, unreadable } = readKeyFiles(dir)
  for (const file of unreadable) deps.log.warn({ file }, 'Not an issuer key file: left where it is and not imported.')
  if (files.length === 0) return { imported: [], keptAside: [] }

  let imported: string[] = []
  for (let attempt = 1; ; attempt++) {
    try {
      imported = await inTransaction(deps.db, async (trx) => {
        const stored = await allIssuerKeys(trx)
        const storedIds = new Set(stored.map((k) => k.id))
        const fresh = files.map((f) => f.key).filter((k) => !storedIds.has(k.id))
        if (fresh.length === 0) return []
        // The file store's rule, kept: the newest key not retired signs. Across the database's current key
        // and the files' unretired keys that one stays current and the others are retired now (they
        // stay published, so what they signed verifies), whatever order installs are imported in.
        const storedCurrent = stored.filter((k) => k.retired_at === null).map((k) => ({ id: k.id, createdAt: k.created_at }))
        let winner: { id: string; createdAt: string } | undefined
        for (const k of [...storedCurrent, ...fresh.filter((f) => f.retiredAt === null)]) if (!winner || newer(k, winner)) winner = k
        const now = deps.now()
        if (winner && !storedIds.has(winner.id)) await retireCurrentIssuerKeys(trx, now)
        for (const key of fresh) {
          const retiredAt = key.retiredAt ?? (key.id === winner?.id ? null : now)
          if (!(await insertIssuerKeyIfAbsent(trx, deps.seal({ ...key, retiredAt })))) throw new ImportRaced()
        }
        return fresh.map((k) => k.id)
      })
      break
    } catch (err) {
      // Another process imported (some of) the same keys meanwhile: read again, the rest is skipped.
      if (!isKeyRace(err) || attempt >= 5) throw err
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt))
    }
  }

  // Set aside only the files whose key the database now holds with the same public key.
  const stored = new Map((await allIssuerKeys(deps.db)).map((k) => [k.id, k.public_key_multibase]))
  const keptAside: string[] = []
  for (const { key, file } of files) {
    if (stored.get(key.id) !== key.publicKeyMultibase) {
      deps.log.warn({ file, keyId: key.id }, 'The database holds another key under this key file\'s id: the file is left in place and not used.')
      continue
    }
    try {
      fs.renameSync(file, `${file}${IMPORTED_SUFFIX}`)
      keptAside.push(file)
    } catch (err) {
      // The other process starting together renamed it first.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
  }
  if (imported.length > 0 || keptAside.length > 0) {
    deps.log.info({ imported, dir },
      `Issuer keys moved into the database (encrypted); the files were renamed *.json${IMPORTED_SUFFIX}. They still hold the secret keys in plain text: ` +
      'delete them once a database backup includes the issuer_keys table.')
  }
  return { imported, keptAside }
}
