import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from './database.js'
import { DatabaseUnavailableError } from './database-errors.js'
import { GroupCommit } from './group-commit.js'

describe('GroupCommit on a real SQLite file', () => {
  let db: Kysely<any>
  let commits = 0
  beforeEach(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-group-'))
    const connection = new SQLite(path.join(dir, 'g.sqlite'))
    connection.pragma('journal_mode = WAL')
    // Count commits as SQLite sees them: every COMMIT statement passes through prepare.
    const counting = { prepare: (sql: string) => { if (/^commit/i.test(sql)) commits++; return connection.prepare(sql) }, close: () => connection.close() }
    db = new Kysely<any>({ dialect: new SqliteDialect({ database: counting }) })
    await db.schema.createTable('t').addColumn('k', 'text', (c) => c.primaryKey()).addColumn('v', 'integer').execute()
    commits = 0
  })
  afterEach(async () => db.destroy())

  const insert = (k: string, v = 1) => (trx: any) => trx.insertInto('t').values({ k, v }).execute().then(() => k)

  it('commits units that arrive together once, and answers each after that commit', async () => {
    const group = new GroupCommit(db as unknown as Db)
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((k) => group.run(insert(k))))
    expect(results).toEqual(['a', 'b', 'c', 'd'])
    expect(commits).toBe(1)
    expect((await db.selectFrom('t').select('k').orderBy('k').execute()).map((r) => r.k)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('rolls back a failing unit alone: its caller gets the error, the others commit', async () => {
    const group = new GroupCommit(db as unknown as Db)
    const first = group.run(insert('a'))
    const failing = group.run(async (trx) => {
      await insert('half')(trx)
      await insert('a')(trx) // duplicate of the first unit's key: a constraint error midway
    })
    const third = group.run(insert('z'))
    await Promise.allSettled([first, failing, third])
    await expect(first).resolves.toBe('a')
    await expect(third).resolves.toBe('z')
    await expect(failing).rejects.toThrow(/UNIQUE/)
    expect((await db.selectFrom('t').select('k').orderBy('k').execute()).map((r) => r.k)).toEqual(['a', 'z'])
  })

  it('fails every unit of a batch whose connection was lost, commits none of it, and carries on after', async () => {
    const group = new GroupCommit(db as unknown as Db)
    const before = group.run(insert('a'))
    // The pool guard's error for a query on a connection that was terminated or timed out.
    const lost = group.run(async (trx) => {
      await insert('half')(trx)
      throw new DatabaseUnavailableError('The database connection was lost.')
    })
    const after = group.run(insert('z'))
    const outcomes = await Promise.allSettled([before, lost, after])
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected'])
    for (const o of outcomes) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(DatabaseUnavailableError)
    expect(await db.selectFrom('t').select('k').execute()).toEqual([])
    // The database is back: the next batch commits.
    await expect(group.run(insert('b'))).resolves.toBe('b')
    expect((await db.selectFrom('t').select('k').execute()).map((r) => r.k)).toEqual(['b'])
  })

  it('puts units that arrive during a commit in the next one', async () => {
    const group = new GroupCommit(db as unknown as Db)
    const first = group.run(insert('a'))
    await new Promise((r) => setImmediate(r))
    const second = [group.run(insert('b')), group.run(insert('c'))]
    await Promise.all([first, ...second])
    expect(commits).toBe(2)
  })
})
