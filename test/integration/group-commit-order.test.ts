// Two processes' batches on PostgreSQL take the rows their units lock in one order (the units' lock
// keys), so they wait for each other instead of deadlocking. Each batch here has two units that lock
// rows "a" and "b" and hold them a moment; the batches receive them in opposite orders. In arrival
// order they deadlock, PostgreSQL aborts one, and its units run again; in key order every unit runs once.
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/server/db/database.js'
import { GroupCommit } from '../../src/server/db/group-commit.js'

const url = process.env.TEST_DATABASE_URL

describe.skipIf(!url)('group commit lock order on PostgreSQL', () => {
  const schema = `group_order_${process.pid}`
  const open = () => new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) }).withSchema(schema)
  let first: Kysely<any>
  let second: Kysely<any>

  beforeAll(async () => {
    first = open()
    second = open()
    await sql.raw(`CREATE SCHEMA ${schema}`).execute(first)
    await first.schema.createTable('rows').addColumn('k', 'text', (c) => c.primaryKey()).addColumn('n', 'integer').execute()
    await first.insertInto('rows').values([{ k: 'a', n: 0 }, { k: 'b', n: 0 }]).execute()
  })
  afterAll(async () => {
    await sql.raw(`DROP SCHEMA ${schema} CASCADE`).execute(first)
    await first.destroy()
    await second.destroy()
  })

  /** Runs the two batches at once; returns how many times units ran (4 when none was run again). */
  async function race(keyed: boolean): Promise<number> {
    let runs = 0
    const lockAndHold = (k: string) => async (trx: any) => {
      runs++
      await trx.updateTable('rows').set({ n: sql`n + 1` }).where('k', '=', k).execute()
      await sql`select pg_sleep(0.2)`.execute(trx)
      return k
    }
    const one = new GroupCommit(first as unknown as Db)
    const two = new GroupCommit(second as unknown as Db)
    const key = (k: string) => (keyed ? k : '')
    const results = await Promise.all([
      one.run(lockAndHold('a'), key('a')), one.run(lockAndHold('b'), key('b')),
      two.run(lockAndHold('b'), key('b')), two.run(lockAndHold('a'), key('a')),
    ])
    expect(results).toEqual(['a', 'b', 'b', 'a'])
    return runs
  }

  it('deadlocks and reruns a batch when units lock in arrival order (the case the keys prevent)', async () => {
    expect(await race(false)).toBeGreaterThan(4)
  })

  it('runs every unit once when units name the rows they lock', async () => {
    expect(await race(true)).toBe(4)
  })
})
