// The backfill of migration 0017 on a table of registrations made before confirmation numbers:
// every row gets a well-formed number, no two alike, and the unique index then refuses a duplicate.
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { CONFIRMATION_NUMBER_PATTERN } from '../../../common/rules/confirmation-number.js'
import { up } from './0017-confirmation-numbers.js'

describe('migration 0017: confirmation numbers', () => {
  let db: Kysely<any> | undefined
  afterEach(async () => db?.destroy())

  it('backfills a unique number for every existing registration and indexes them uniquely', async () => {
    db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) })
    await db.schema.createTable('registrations').addColumn('id', 'text', (c) => c.primaryKey()).execute()
    await db.insertInto('registrations').values(Array.from({ length: 300 }, (_, i) => ({ id: `r${i}` }))).execute()

    await up(db, 'sqlite')

    const rows = (await db.selectFrom('registrations').select(['id', 'confirmation_number']).execute()) as { id: string; confirmation_number: string }[]
    expect(rows).toHaveLength(300)
    for (const r of rows) expect(r.confirmation_number).toMatch(new RegExp(CONFIRMATION_NUMBER_PATTERN))
    expect(new Set(rows.map((r) => r.confirmation_number)).size).toBe(300)
    await expect(db.insertInto('registrations').values({ id: 'dup', confirmation_number: rows[0]!.confirmation_number }).execute()).rejects.toThrow(/UNIQUE/)
  })
})
