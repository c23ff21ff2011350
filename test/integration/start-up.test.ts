// A server start does only what is missing: the first start on a fresh database migrates it and
// imports the shipped item bank and the demo data; a second start on the same data applies no
// migration and imports nothing, and leaves every table as it was. Asserted on what each start
// reports (app.migrationsApplied, prepareData's report) and on the tables, never on time.
import { afterAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/server/app.js'
import { migrationNames } from '../../src/server/db/migrate.js'
import { prepareData } from '../../src/server/start-up.js'
import { createTestApp, databases, removeTestStorage, type TestApp } from '../helpers/test-app.js'

const DEMO_EMAILS = ['admin@demo.test', 'center@demo.test', 'proctor@demo.test', 'candidate@demo.test', 'employer@demo.test', 'college@demo.test', 'reviewer@demo.test', 'trainer@demo.test']

describe.each(databases)('server start-up on %s', (kind) => {
  let t: TestApp | undefined
  afterAll(async () => {
    if (t) await removeTestStorage(t.dataDir, t.app.config.databaseSchema)
  })

  const counts = async (app: TestApp['app']) => {
    const n = async (table: 'users' | 'items' | 'item_versions' | 'centers' | 'test_sessions' | 'audit_log' | 'emails') =>
      Number((await app.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    return { users: await n('users'), items: await n('items'), versions: await n('item_versions'), centers: await n('centers'), sessions: await n('test_sessions'), audit: await n('audit_log'), emails: await n('emails') }
  }

  it('migrates, imports the bank and seeds the demo on a fresh database, and does none of it again on the next start', async () => {
    t = await createTestApp(kind)
    expect(t.app.migrationsApplied).toEqual(migrationNames())
    const first = await prepareData(t.app, { demo: true })
    expect(first.migrationsApplied).toEqual(migrationNames())
    expect(first.bankImported?.imported).toBeGreaterThan(0)
    expect(first.bankImported?.failed).toBe(0)
    expect(first.demoSeeded).toBe(true)

    // The demo is complete: every demo account, the demo center and its sessions.
    const accounts = await t.app.db.selectFrom('users').select('email').where('email', 'in', DEMO_EMAILS).execute()
    expect(accounts.map((a) => a.email).sort()).toEqual([...DEMO_EMAILS].sort())
    expect(await t.app.db.selectFrom('centers').select('id').where('name', '=', 'MT1 Demo Assessment Center').executeTakeFirst()).toBeDefined()
    const before = await counts(t.app)
    expect(before.sessions).toBeGreaterThan(0)
    await t.app.close()

    // The same data directory (and, on PostgreSQL, the same schema), started again.
    const again = await buildApp(t.app.config, { logger: false, clock: t.clock })
    t = { ...t, app: again }
    expect(again.migrationsApplied).toEqual([])
    const second = await prepareData(again, { demo: true })
    expect(second).toEqual({ migrationsApplied: [], bankImported: null, demoSeeded: false })
    expect(await counts(again)).toEqual(before)
    await again.close()
  }, 240_000)
})
