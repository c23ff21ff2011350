// Named counters in the `counters` table: the row lock of the increment makes the numbers strictly
// increasing and unique across transactions and processes, on SQLite and PostgreSQL.
import { sql } from 'kysely'
import type { Tx } from './database.js'

export type CounterName = 'registration_queue' | 'credential_status_index'

export async function nextCounter(trx: Tx, name: CounterName): Promise<number> {
  const row = await trx.updateTable('counters').set({ value: sql`value + 1` }).where('name', '=', name).returning('value').executeTakeFirstOrThrow()
  return Number(row.value)
}
