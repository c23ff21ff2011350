// Group commit: units of work that arrive together share one transaction, so one durable commit
// (an fsync on SQLite, a WAL flush on PostgreSQL) serves all of them, and each unit is still
// answered only after the commit that holds its writes. A unit that fails is rolled back alone and
// its caller gets its error; the others commit. Units first run without savepoints (each savepoint
// and its release is two more round trips per unit on PostgreSQL); when one fails, the batch is
// rolled back and run again with each unit in its own savepoint.
//
// A batch starts on the next turn of the event loop (setImmediate), once the requests that arrived
// together have had their turn to join; units that arrive during a commit go in the next one.
// A unit must use only the transaction it is given (on SQLite's one connection, touching the
// database any other way inside a unit would wait for the batch itself), and may run more than once:
// a batch the database aborts for a deadlock is run again from the start.
//
// Units may name the row they lock (a candidate, an attempt): a batch runs its units in the order of
// those keys, so two batches (two processes on PostgreSQL) take the same rows in the same order and
// cannot deadlock on them. A rerun in the arrival order met the same cycle again, often enough to use
// up its retries under load.
//
// When the database goes away (the connection is terminated, refused or times out), the batch's
// transaction is lost with it: every waiting unit is rejected with that error (the error plugin
// answers 503 DATABASE_UNAVAILABLE), none is left waiting, and none is answered as saved.
import type { ControlledTransaction } from 'kysely'
import type { Db, Tx } from './database.js'
import { databaseFault } from './database-errors.js'

type Unit<T> = (trx: Tx) => Promise<T>

/**
 * PostgreSQL's deadlock (40P01) and serialization failure (40001): with several processes, two
 * batches can take the same rows (a candidate, a counter) in opposite orders. The database aborts
 * one; running that batch again in a new transaction is the documented remedy.
 */
const isRetryable = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code
  return code === '40P01' || code === '40001'
}
const MAX_ATTEMPTS = 5
interface Waiting {
  unit: Unit<unknown>
  /** The row the unit locks first, by which a batch orders its units (unkeyed units keep their place before keyed ones). */
  lockKey: string
  resolve: (value: unknown) => void
  reject: (err: unknown) => void
}

export class GroupCommit {
  private queue: Waiting[] = []
  private running = 0
  private scheduled = false

  /**
   * @param concurrency transactions in flight at once (SQLite runs one at a time whatever this says)
   * @param maxBatch units per transaction at most, so one commit does not hold the writer too long
   */
  constructor(
    private readonly db: Db,
    private readonly concurrency = 1,
    private readonly maxBatch = 256,
  ) {}

  run<T>(unit: Unit<T>, lockKey = ''): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ unit, lockKey, resolve: resolve as (v: unknown) => void, reject })
      this.schedule()
    })
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.pump()
    })
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      // Array.prototype.sort is stable: units with the same key keep their arrival order.
      const batch = this.queue.splice(0, this.maxBatch).sort((a, b) => (a.lockKey < b.lockKey ? -1 : a.lockKey > b.lockKey ? 1 : 0))
      this.running++
      this.commit(batch).finally(() => {
        this.running--
        if (this.queue.length > 0) this.schedule()
      })
    }
  }

  private async commit(batch: Waiting[]): Promise<void> {
    let outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = []
    // Optimistic first: no savepoints. A unit's own failure sends the batch round again with them.
    let isolated = false
    for (let attempt = 1; ; attempt++) {
      let trx: ControlledTransaction<any> | undefined
      outcomes = []
      try {
        trx = await this.db.startTransaction().execute()
        for (const w of batch) {
          if (!isolated) {
            try {
              outcomes.push({ ok: true, value: await w.unit(trx as unknown as Tx) })
            } catch (error) {
              if (isRetryable(error) || databaseFault(error) === 'unreachable') throw error
              throw new UnitFailed()
            }
            continue
          }
          const sp = await trx.savepoint('unit').execute()
          try {
            outcomes.push({ ok: true, value: await w.unit(sp as unknown as Tx) })
            await sp.releaseSavepoint('unit').execute()
          } catch (error) {
            // A deadlock or serialization failure is the batch's, not the unit's: retry it all.
            // A lost connection is the batch's too: its transaction is gone, nothing can be rolled
            // back to a savepoint, and every unit fails with it.
            if (isRetryable(error) || databaseFault(error) === 'unreachable') throw error
            await sp.rollbackToSavepoint('unit').execute()
            await sp.releaseSavepoint('unit').execute()
            outcomes.push({ ok: false, error })
          }
        }
        await trx.commit().execute()
        break
      } catch (err) {
        if (trx) await trx.rollback().execute().catch(() => undefined)
        if (err instanceof UnitFailed) {
          // Not a try of the batch: the same units again, each in its own savepoint.
          isolated = true
          attempt--
          continue
        }
        if (isRetryable(err) && attempt < MAX_ATTEMPTS) continue
        for (const w of batch) w.reject(err)
        return
      }
    }
    batch.forEach((w, i) => {
      const o = outcomes[i]!
      if (o.ok) w.resolve(o.value)
      else w.reject(o.error)
    })
  }
}

/** A unit failed in a batch run without savepoints: the batch runs again with them. */
class UnitFailed extends Error {}
