// The registry reads only its own tables: credentials and registry_holders, its copy of each
// holder's name, state and search opt-in. These tests prove the copy is never stale where people
// can see it (a rename or a listing change shows in lookups, search, export and verification at
// once, and the first award carries a profile set before it), and that the migration that created
// the copy filled it from the data already there.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/server/db/database.js'
import { migrationNames } from '../../src/server/db/migrate.js'
import { call, register, staffSession, type Session } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp, removeTestStorage } from '../helpers/test-app.js'

describe.each(databases)('registry holders on %s', (kind) => {
  let t: TestApp
  let staff: Session
  let seq = 0

  beforeAll(async () => {
    t = await createTestApp(kind)
    staff = await staffSession(t.app)
  })
  afterAll(async () => t.close())

  async function candidate(first: string, last: string) {
    return register(t.app, { email: `holder-${++seq}-${kind}@example.com`, firstName: first, lastName: last })
  }
  const award = (userId: string, type: string) =>
    t.app.db.transaction().execute((trx) => t.app.services.credentialRecords.award(trx, { candidateId: userId, type, issuedOn: '2025-05-05', at: new Date().toISOString() }))
  const lookup = async (number: string) => (await call(t.app, 'GET', `/api/v1/registry/${number}`)).json()
  const search = async (query: string) => (await call(t.app, 'GET', `/api/v1/registry?${query}`)).json().items as { holderName: string; state: string | null }[]
  const setProfile = (session: Session, body: object) => call(t.app, 'PUT', '/api/v1/me/profile', { session, body })

  it('prints the new name at once after a holder renames their account: lookup, search, export, staff view', async () => {
    const h = await candidate('Alice', 'Oldname')
    expect((await setProfile(h, { state: 'OH', registryListed: true })).statusCode).toBe(200)
    const number = await award(h.userId, 'MM')
    expect((await lookup(number)).holderName).toBe('Alice Oldname')

    const renamed = await call(t.app, 'PATCH', '/api/v1/me', { session: h, body: { firstName: 'Alicia', lastName: 'Newname' } })
    expect(renamed.statusCode).toBe(200)

    expect((await lookup(number)).holderName).toBe('Alicia Newname')
    expect(await search('name=newname')).toEqual([expect.objectContaining({ holderName: 'Alicia Newname', state: 'OH' })])
    expect(await search('name=oldname')).toEqual([])
    const exported = await call(t.app, 'GET', '/api/v1/admin/registry/export', { session: staff })
    expect(exported.body).toContain(`${number},MM,Alicia Newname,2025-05-05,active`)
    const detail = await call(t.app, 'GET', `/api/v1/admin/credentials/${number}`, { session: staff })
    expect(detail.json().holder).toMatchObject({ name: 'Alicia Newname', state: 'OH' })
    const verified = await call(t.app, 'POST', '/api/v1/registry/verify', { session: staff, body: { items: [{ certificateNumber: number, name: 'Alicia Newname' }] } })
    expect(verified.json().items[0]).toMatchObject({ holderName: 'Alicia Newname', nameMatches: true })
  })

  it('shows a listing or state change in the search at once, both ways', async () => {
    const h = await candidate('Lena', 'Listchange')
    await award(h.userId, 'QBA')
    expect(await search('name=listchange')).toEqual([])
    await setProfile(h, { state: 'MI', registryListed: true })
    expect(await search('name=listchange&state=MI')).toEqual([expect.objectContaining({ holderName: 'Lena Listchange', state: 'MI' })])
    await setProfile(h, { state: 'WI' })
    expect(await search('name=listchange&state=MI')).toEqual([])
    expect(await search('name=listchange&state=WI')).toHaveLength(1)
    await setProfile(h, { registryListed: false })
    expect(await search('name=listchange')).toEqual([])
  })

  it('carries a profile set before the first award into the registry, and a holder without one is unlisted with no state', async () => {
    const early = await candidate('Erin', 'Earlyprofile')
    await setProfile(early, { state: 'TX', registryListed: true })
    await award(early.userId, 'SRMT')
    expect(await search('name=earlyprofile')).toEqual([expect.objectContaining({ state: 'TX' })])

    const bare = await candidate('Nora', 'Noprofile')
    const number = await award(bare.userId, 'MM')
    expect((await lookup(number)).holderName).toBe('Nora Noprofile')
    expect(await search('name=noprofile')).toEqual([])
    const detail = await call(t.app, 'GET', `/api/v1/admin/credentials/${number}`, { session: staff })
    expect(detail.json().holder.state).toBeNull()
    // A rename before any award or profile is simply carried by the first award.
    const late = await candidate('Ralph', 'Before')
    await call(t.app, 'PATCH', '/api/v1/me', { session: late, body: { lastName: 'After' } })
    expect((await lookup(await award(late.userId, 'MM'))).holderName).toBe('Ralph After')
  })

  it('counts holders by the state on their profile in the figures', async () => {
    const h = await candidate('Fig', 'Stateful')
    await setProfile(h, { state: 'ND' })
    await award(h.userId, 'MM')
    const figures = (await call(t.app, 'GET', '/api/v1/admin/registry/figures', { session: staff })).json()
    expect(figures.byState).toContainEqual({ state: 'ND', holders: 1 })
  })

  it('fills the read model from the existing users, profiles and credentials when migrating', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-migrate-holders-'))
    const schema = kind === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : undefined
    const handle = await openDatabase({ dataDir, databaseUrl: kind === 'postgres' ? process.env.TEST_DATABASE_URL : undefined, databaseSchema: schema })
    try {
      const dir = '../../src/server/db/migrations/'
      // Every migration before the one under test, from the one list the app migrates by.
      const all = migrationNames()
      const names = all.slice(0, all.indexOf('0015-registry-holders'))
      expect(names.length).toBeGreaterThan(0)
      const up = async (name: string) => ((await import(`${dir}${name}.js`)) as { up: (db: unknown, d: string) => Promise<void> }).up(handle.db, handle.dialect)
      for (const name of names) await up(name)
      const db = handle.db as any
      const at = new Date().toISOString()
      const user = (id: string, first: string, last: string) => ({ id, email: `${id}@example.com`, password_hash: null, first_name: first, last_name: last, status: 'active', created_at: at, updated_at: at })
      await db.insertInto('users').values([user('listed', 'Lisa', 'Listed'), user('credonly', 'Carl', 'Credonly'), user('profonly', 'Paula', 'Profonly'), user('nobody', 'Ned', 'Nobody')]).execute()
      const profile = (id: string, state: string | null, listed: number) => ({ user_id: id, ncrc_level: null, ncrc_number: null, state, updated_at: at, registry_listed: listed })
      await db.insertInto('candidate_profiles').values([profile('listed', 'VA', 1), profile('profonly', 'KY', 0)]).execute()
      const credential = (n: string, id: string, index: number) => ({ certificate_number: n, candidate_id: id, type: 'MM', issued_on: '2024-01-02', status: 'active', status_index: index, status_reason: null, status_changed_at: null, created_at: at })
      await db.insertInto('credentials').values([credential('MT1-A', 'listed', 1), credential('MT1-B', 'credonly', 2)]).execute()

      await up('0015-registry-holders')

      const rows = await db.selectFrom('registry_holders').selectAll().orderBy('user_id').execute()
      expect(rows.map((r: Record<string, unknown>) => ({ ...r, listed: Number(r.listed) }))).toEqual([
        { user_id: 'credonly', first_name: 'Carl', last_name: 'Credonly', state: null, listed: 0 },
        { user_id: 'listed', first_name: 'Lisa', last_name: 'Listed', state: 'VA', listed: 1 },
        { user_id: 'profonly', first_name: 'Paula', last_name: 'Profonly', state: 'KY', listed: 0 },
      ])
    } finally {
      await handle.close()
      await removeTestStorage(dataDir, schema)
    }
  })
})
