import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../src/server/db/seed/demo.js'
import { call, login } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

describe.each(databases)('operations and public data on %s', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(kind)
    await seedDemo(t.app, t.clock())
  })
  afterAll(async () => t.close())

  it('reports health with the database in use', async () => {
    const res = await call(t.app, 'GET', '/api/v1/health')
    expect(res.json()).toEqual({ status: 'ok', database: kind })
  })

  it('seeds the demo accounts of the contract, each able to log in with mt1-demo', async () => {
    const expected = {
      'admin@demo.test': ['program_staff'], 'center@demo.test': ['center_admin'], 'proctor@demo.test': ['proctor'],
      'candidate@demo.test': ['candidate'], 'employer@demo.test': ['employer'],
    }
    for (const [email, roles] of Object.entries(expected)) {
      const session = await login(t.app, email, 'mt1-demo')
      expect((await call(t.app, 'GET', '/api/v1/me', { session })).json().user.roles).toEqual(roles)
    }
  })

  it('seeds a session in progress now with the demo proctor, one tomorrow, and ones 7 and 14 days ahead', async () => {
    const now = t.clock().getTime()
    const { items: centers } = (await call(t.app, 'GET', '/api/v1/centers')).json()
    const demo = centers.find((c: { name: string }) => c.name === 'MT1 Demo Assessment Center')
    expect(demo).toBeTruthy()
    const sessions = (await call(t.app, 'GET', `/api/v1/sessions?centerId=${demo.id}`)).json().items
    const offsets = sessions.map((s: { startsAt: string }) => Math.round((Date.parse(s.startsAt) - now) / 3_600_000 / 24) + 0)
    expect(offsets).toEqual([0, 1, 7, 14])
    const live = sessions[0]
    expect(Date.parse(live.startsAt)).toBe(now - 3_600_000)
    expect(Date.parse(live.endsAt)).toBe(now + 3 * 3_600_000)
    expect(live.status).toBe('in_progress')
    const proctor = await t.app.db.selectFrom('session_proctors').innerJoin('users', 'users.id', 'session_proctors.user_id')
      .select('users.email').where('session_id', '=', live.id).execute()
    expect(proctor.map((p) => p.email)).toEqual(['proctor@demo.test'])
    for (const s of sessions) expect(s).toEqual(expect.objectContaining({ centerId: demo.id, seatsAvailable: expect.any(Number), modules: ['MM', 'SRMT', 'QBA'] }))
  })

  it('filters sessions by time window and pages them', async () => {
    const now = t.clock().getTime()
    const from = new Date(now + 2 * 86_400_000).toISOString()
    const to = new Date(now + 8 * 86_400_000).toISOString()
    const res = await call(t.app, 'GET', `/api/v1/sessions?from=${from}&to=${to}`)
    expect(res.json().items.map((s: { startsAt: string }) => Math.round((Date.parse(s.startsAt) - now) / 86_400_000))).toEqual([7])
    const page1 = (await call(t.app, 'GET', '/api/v1/sessions?limit=2')).json()
    const page2 = (await call(t.app, 'GET', `/api/v1/sessions?limit=2&cursor=${page1.nextCursor}`)).json()
    expect(page1.items).toHaveLength(2)
    expect(page2.items[0].startsAt >= page1.items[1].startsAt).toBe(true)
    const backwards = await call(t.app, 'GET', `/api/v1/sessions?from=${to}&to=${from}`)
    expect(backwards.statusCode).toBe(400)
  })

  it('lists certified centers, filterable by state and city', async () => {
    const all = (await call(t.app, 'GET', '/api/v1/centers')).json().items
    expect(all.length).toBe(5)
    // The demo centers are in three time zones (issue 12).
    expect([...new Set(all.map((c: { timeZone: string }) => c.timeZone))].sort()).toEqual(['America/Chicago', 'America/Los_Angeles', 'America/New_York'])
    expect((await call(t.app, 'GET', '/api/v1/centers?state=va&city=Norfolk')).json().items.map((c: { city: string }) => c.city)).toEqual(['Norfolk'])
    expect((await call(t.app, 'GET', '/api/v1/centers?state=TX')).json().items).toEqual([])
    const first = (await call(t.app, 'GET', '/api/v1/centers?limit=3')).json()
    const rest = (await call(t.app, 'GET', `/api/v1/centers?limit=3&cursor=${first.nextCursor}`)).json()
    expect([...first.items, ...rest.items].map((c: { id: string }) => c.id).sort()).toEqual(all.map((c: { id: string }) => c.id).sort())
    expect(rest.nextCursor).toBeNull()
  })

  it('is idempotent: seeding twice adds nothing', async () => {
    await seedDemo(t.app, t.clock())
    const users = await t.app.db.selectFrom('users').select('email').where('email', 'like', '%@demo.test').execute()
    expect(users).toHaveLength(8) // issue 12: reviewer@demo.test, a second staff member for appeals; issue 13: trainer@demo.test
    expect((await call(t.app, 'GET', '/api/v1/centers')).json().items).toHaveLength(5)
  })

  it('serves the OpenAPI 3.1 document with the contract paths, and the docs page', async () => {
    const doc = (await call(t.app, 'GET', '/api/openapi.json')).json()
    expect(doc.openapi).toBe('3.1.0')
    for (const p of ['/api/v1/health', '/api/v1/program', '/api/v1/auth/register', '/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/me', '/api/v1/centers', '/api/v1/sessions']) {
      expect(doc.paths, p).toHaveProperty([p])
    }
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' })
    expect(docs.statusCode).toBe(200)
    expect(docs.body).toMatch(/swagger/i)
  })

  it('exposes Prometheus metrics including request durations by route', async () => {
    await call(t.app, 'GET', '/api/v1/health')
    const res = await t.app.inject({ method: 'GET', url: '/metrics' })
    expect(res.headers['content-type']).toMatch(/text\/plain/)
    expect(res.body).toMatch(/mt1_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/health",status="200"\}/)
    expect(res.body).toMatch(/mt1_process_cpu_user_seconds_total/)
  })

  it('sends security headers', async () => {
    const res = await call(t.app, 'GET', '/api/v1/health')
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-frame-options']).toBeDefined()
  })
})
