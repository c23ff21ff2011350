// Named counters in the `counters` table: the row lock of the increment makes the numbers strictly
// increasing and unique across transactions and processes, on SQLite and PostgreSQL.
import { sql } from 'kysely'
import type { Tx } from './database.js'

export type CounterName = 'registration_queue' | 'credential_status_index'

export async function nextCounter(trx: Tx, name: CounterName): Promise<number> {
  const row = await trx.updateTable('counters').set({ value: sql`value + 1` }).where('name', '=', name).returning('value').executeTakeFirstOrThrow()
  return Number(row.value)
}

/** The next `n` values of a counter in one increment (n ≥ 1): returns the first; the others follow it. */
export async function nextCounters(trx: Tx, name: CounterName, n: number): Promise<number> {
  const row = await trx.updateTable('counters').set({ value: sql`value + ${n}` }).where('name', '=', name).returning('value').executeTakeFirstOrThrow()
  return Number(row.value) - n + 1
}

/**
 * The next value of a counter that is created on first use (one per year: `invoice_number_2026`).
 * The insert that creates it and the increment are in the caller's transaction, so a rolled-back
 * transaction gives its number back: the numbers have no gaps and no repeats under concurrency.
 */
export async function nextCreatedCounter(trx: Tx, name: string): Promise<number> {
  await trx.insertInto('counters').values({ name, value: 0 }).onConflict((oc) => oc.column('name').doNothing()).execute()
  const row = await trx.updateTable('counters').set({ value: sql`value + 1` }).where('name', '=', name).returning('value').executeTakeFirstOrThrow()
  return Number(row.value)
}
