// Seats are never oversold when two server processes share one PostgreSQL database: 200 candidates
// register at once through both, for 20 seats.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/server/app.js'
import { loadConfig } from '../../src/server/config.js'
import { newId, newSecret, sha256 } from '../../src/server/ids.js'
import { killServerProcesses, startServerProcess } from '../helpers/server-process.js'

const url = process.env.TEST_DATABASE_URL
afterAll(killServerProcesses)
const start = async (env: Record<string, string>) => (await startServerProcess({ LOG_LEVEL: 'warn', MT1_DEMO: '0', RATE_LIMIT_PUBLIC_PER_MINUTE: '0', ...env })).base

describe.skipIf(!url)('two server processes on PostgreSQL', () => {
  it('give out exactly 20 seats to 200 simultaneous candidates and waitlist the rest', async () => {
    const schema = `two_${Date.now().toString(36)}`
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-two-'))
    // Fixtures through the app's own database layer: a center, a certified proctor, a 20-seat
    // session, and 200 candidates with live login sessions.
    const app = await buildApp(loadConfig({ DATA_DIR: dataDir, MT1_DEMO: '0' }, { databaseUrl: url, databaseSchema: schema, logLevel: 'silent' }), { logger: false })
    const now = Date.now()
    const iso = (ms: number) => new Date(ms).toISOString()
    const sessionId = newId()
    const people: { cookie: string; csrf: string }[] = []
    await app.db.transaction().execute(async (trx) => {
      const centerId = newId()
      await trx.insertInto('centers').values({ id: centerId, name: 'Two Process Center', kind: 'center', address_line1: '1 St', address_line2: null, city: 'Richmond', state: 'VA', postal_code: '23219', phone: null, email: null, status: 'certified', certified_until: iso(now + 400 * 86_400_000), created_at: iso(now), time_zone: 'America/New_York' }).execute()
      await trx.insertInto('test_sessions').values({ id: sessionId, center_id: centerId, starts_at: iso(now + 10 * 86_400_000), ends_at: iso(now + 10 * 86_400_000 + 4 * 3_600_000), seats: 20, modules: '["MM"]', status: 'scheduled', created_at: iso(now), created_by: null }).execute()
      for (let i = 0; i < 200; i++) {
        const id = newId()
        const token = newSecret()
        const csrf = newSecret()
        await trx.insertInto('users').values({ id, email: `two-${i}@x.test`, password_hash: null, first_name: 'Two', last_name: `P ${i}`, status: 'active', created_at: iso(now), updated_at: iso(now) }).execute()
        await trx.insertInto('user_roles').values({ user_id: id, role: 'candidate', granted_at: iso(now), granted_by: null }).execute()
        await trx.insertInto('auth_sessions').values({ id_hash: sha256(token), user_id: id, csrf_token: csrf, created_at: iso(now), last_seen_at: iso(now), expires_at: iso(now + 8 * 3_600_000) }).execute()
        people.push({ cookie: `mt1_session=${token}`, csrf })
      }
    })
    const env = { DATABASE_URL: url!, DATABASE_SCHEMA: schema, DATA_DIR: dataDir }
    const a = await start(env)
    const b = await start(env)
    const responses = await Promise.all(people.map((p, i) =>
      fetch(`${i % 2 ? a : b}/api/v1/registrations`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie: p.cookie, 'x-csrf-token': p.csrf },
        body: JSON.stringify({ sessionId, modules: ['MM'], waitlist: true }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { status?: string } })),
    ))
    expect(responses.filter((r) => r.status !== 201)).toEqual([])
    expect(responses.filter((r) => r.body.status === 'confirmed')).toHaveLength(20)
    expect(responses.filter((r) => r.body.status === 'waitlisted')).toHaveLength(180)
    const rows = await app.db.selectFrom('registrations').select('queue_no').where('session_id', '=', sessionId).execute()
    expect(rows).toHaveLength(200)
    expect(new Set(rows.map((r) => Number(r.queue_no))).size).toBe(200)
    const seats = await app.db.selectFrom('test_sessions').select('seats_taken').where('id', '=', sessionId).executeTakeFirstOrThrow()
    expect(Number(seats.seats_taken)).toBe(20)
    await app.close()
  }, 120_000)
})
