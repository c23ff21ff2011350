import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db, Tx } from './database.js'
import { inTransaction, isRetryableTransactionError } from './transaction.js'

describe('inTransaction on a real SQLite file', () => {
  let db: Db
  beforeEach(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-tx-'))
    db = new Kysely({ dialect: new SqliteDialect({ database: new SQLite(path.join(dir, 't.sqlite')) }) }) as unknown as Db
    await (db as unknown as Kysely<any>).schema.createTable('t').addColumn('k', 'text', (c) => c.primaryKey()).execute()
  })
  afterEach(async () => db.destroy())

  const rows = async () => (await (db as unknown as Kysely<any>).selectFrom('t').select('k').execute()).map((r: { k: string }) => r.k)
  const insert = (trx: Tx, k: string) => (trx as unknown as Kysely<any>).insertInto('t').values({ k }).execute()

  it('keeps every step of a unit, or none when a step fails', async () => {
    await inTransaction(db, async (trx) => {
      await insert(trx, 'a')
      await insert(trx, 'b')
    })
    await expect(inTransaction(db, async (trx) => {
      await insert(trx, 'c')
      await insert(trx, 'a')
    })).rejects.toThrow()
    expect(await rows()).toEqual(['a', 'b'])
  })

  it('runs a unit again only for a deadlock or a serialization failure', async () => {
    let runs = 0
    await inTransaction(db, async (trx) => {
      runs++
      await insert(trx, `k${runs}`)
      if (runs < 3) throw Object.assign(new Error('deadlock detected'), { code: '40P01' })
    })
    expect([runs, await rows()]).toEqual([3, ['k3']])
    expect(isRetryableTransactionError(Object.assign(new Error('x'), { code: '40001' }))).toBe(true)
    expect(isRetryableTransactionError(Object.assign(new Error('x'), { code: '23505' }))).toBe(false)
  })

  it('is the only way to hand a function that needs a transaction its handle: the database itself does not type-check', () => {
    const needsTransaction = (_trx: Tx) => undefined
    // @ts-expect-error a plain database handle is not a transaction (Kysely's Transaction has members Kysely lacks)
    const refused = () => needsTransaction(db)
    expect(typeof refused).toBe('function')
  })
})
