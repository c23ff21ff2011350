// Public lookups that arrive together share one query. Each SQLite read costs a transaction with its
// WAL locks (system calls) and a trip through the query executor, whatever it reads; under load the
// lookups waiting in the same turn of the event loop are read with one `IN (...)` query instead of
// one query each (the DataLoader pattern). A lone lookup waits only for the current turn to end.
import { CompiledQuery } from 'kysely'
import type { DbOrTx } from '../../db/database.js'
import { registryRowsWhereNumberIn, type RegistryRow } from './registry.repository.js'

const MAX_BATCH = 64

interface Waiting {
  number: string
  resolve: (row: RegistryRow | undefined) => void
  reject: (err: unknown) => void
}

export function createLookupBatcher(db: DbOrTx) {
  // SQL text per batch size, compiled once each (at most MAX_BATCH shapes).
  const compiled = new Map<number, string>()
  const sqlFor = (size: number) => {
    let text = compiled.get(size)
    if (!text) compiled.set(size, (text = registryRowsWhereNumberIn(db, Array<string>(size).fill('')).compile().sql))
    return text
  }
  let waiting: Waiting[] = []

  async function flush() {
    const batch = waiting
    waiting = []
    for (let i = 0; i < batch.length; i += MAX_BATCH) {
      const part = batch.slice(i, i + MAX_BATCH)
      const numbers = [...new Set(part.map((w) => w.number))]
      try {
        const result = await db.executeQuery<RegistryRow>(CompiledQuery.raw(sqlFor(numbers.length), numbers))
        const found = new Map(result.rows.map((r) => [r.certificate_number, r]))
        for (const w of part) w.resolve(found.get(w.number))
      } catch (err) {
        for (const w of part) w.reject(err)
      }
    }
  }

  /** One credential with its holder's name, by canonical certificate number. */
  return (number: string): Promise<RegistryRow | undefined> =>
    new Promise((resolve, reject) => {
      waiting.push({ number, resolve, reject })
      if (waiting.length === 1) setImmediate(() => void flush())
    })
}
