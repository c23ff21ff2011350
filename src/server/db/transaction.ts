// Runs a unit of work in one transaction, again from the start when PostgreSQL aborts it for a
// deadlock (40P01) or a serialization failure (40001): with several processes, two transactions can
// take the same rows (a session's seat counter, a candidate's lock) in opposite orders, and running
// the loser again is the documented remedy. The work must therefore only touch the database through
// the transaction it is given (emails and other effects go after the commit).
import type { Db, Tx } from './database.js'

const MAX_ATTEMPTS = 5

export const isRetryableTransactionError = (err: unknown): boolean => {
  const code = (err as { code?: unknown } | null)?.code
  return code === '40P01' || code === '40001'
}

export async function inTransaction<T>(db: Db, work: (trx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work)
    } catch (err) {
      if (!isRetryableTransactionError(err) || attempt >= MAX_ATTEMPTS) throw err
    }
  }
}
