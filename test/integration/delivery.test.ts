import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../src/server/db/seed/demo.js'
import { call, errorCode, login, register, staffSession, type Session } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

describe.each(databases)('proctored delivery on %s', (kind) => {
  let t: TestApp
  let staff: Session
  let proctor: Session
  let liveSessionId: string
  beforeAll(async () => {
    t = await createTestApp(kind)
    await t.app.services.itemBank.seedShippedBank()
    await seedDemo(t.app, t.clock())
    staff = await staffSession(t.app)
    proctor = await login(t.app, 'proctor@demo.test', 'mt1-demo')
    const sessions = (await call(t.app, 'GET', '/api/v1/sessions')).json().items
    liveSessionId = sessions.find((s: { status: string }) => s.status === 'in_progress').id
  }, 120_000)
  afterAll(async () => t.close())

  /** A candidate registered (by staff: the session is already running) for the live session. */
  const admittedCandidate = async (email: string, modules = ['MM', 'QBA']) => {
    const c = await register(t.app, { email })
    const reg = await call(t.app, 'POST', '/api/v1/admin/registrations', { session: staff, body: { candidateId: c.userId, sessionId: liveSessionId, modules, overrideReason: 'Walk-in approved by the program' } })
    expect(reg.statusCode, reg.body).toBe(201)
    return { c, registrationId: reg.json().id as string }
  }
  const heartbeat = () => call(t.app, 'POST', `/api/v1/sessions/${liveSessionId}/presence`, { session: proctor })
  const checkIn = (registrationId: string) => call(t.app, 'POST', `/api/v1/sessions/${liveSessionId}/checkins`, { session: proctor, body: { registrationId, idVerified: true } })

  it('starts only after check-in and while a certified proctor is present, and sends no answers', async () => {
    const { c, registrationId } = await admittedCandidate(`starter-${kind}@example.com`)
    t.clock.advance(5 * 60_000) // no proctor heartbeat within the window
    const notIn = await call(t.app, 'POST', '/api/v1/attempts', { session: c, body: { registrationId, module: 'MM' } })
    expect(errorCode(notIn)).toBe('NOT_CHECKED_IN')
    expect((await call(t.app, 'POST', `/api/v1/sessions/${liveSessionId}/checkins`, { session: c, body: { registrationId, idVerified: true } })).statusCode).toBe(403)
    expect(errorCode(await call(t.app, 'POST', `/api/v1/sessions/${liveSessionId}/checkins`, { session: proctor, body: { registrationId, idVerified: false } }))).toBe('RULE_VIOLATION')
    expect((await checkIn(registrationId)).statusCode).toBe(201)
    expect((await checkIn(registrationId)).statusCode).toBe(200)
    const noProctor = await call(t.app, 'POST', '/api/v1/attempts', { session: c, body: { registrationId, module: 'MM' } })
    expect(errorCode(noProctor)).toBe('NO_PROCTOR_PRESENT')

    expect((await heartbeat()).statusCode).toBe(200)
    const started = await call(t.app, 'POST', '/api/v1/attempts', { session: c, body: { registrationId, module: 'MM' } })
    expect(started.statusCode).toBe(201)
    const attempt = started.json()
    expect(attempt.items).toHaveLength(24)
    expect(Date.parse(attempt.deadline) - t.clock().getTime()).toBe(45 * 60_000)
    expect(JSON.stringify(attempt)).not.toMatch(/"(correct\w*|mapping|rationale|scoring|rules)":/i)
    expect(errorCode(await call(t.app, 'POST', '/api/v1/attempts', { session: c, body: { registrationId, module: 'MM' } }))).toBe('ATTEMPT_EXISTS')
    expect(errorCode(await call(t.app, 'POST', '/api/v1/attempts', { session: c, body: { registrationId, module: 'SRMT' } }))).toBe('MODULE_NOT_OFFERED')

    // Resume gives the same form in the same order, options included.
    const again = await call(t.app, 'GET', `/api/v1/attempts/${attempt.id}`, { session: c })
    expect(again.json().items).toEqual(attempt.items)
  })

  it('saves responses in the client\'s order: a late older save is acknowledged and ignored', async () => {
    const { c, registrationId } = await admittedCandidate(`saver-${kind}@example.com`)
    await checkIn(registrationId)
    await heartbeat()
    const attempt = (await call(t.app, 'POST', '/api/v1/attempts', { session: c, body: { registrationId, module: 'QBA' } })).json()
    const item = attempt.items[0].id
    const save = (response: unknown, seq?: number) => call(t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${item}`, { session: c, body: seq === undefined ? { response } : { response, seq } })
    expect((await save({ RESPONSE: 'A' }, 3)).json()).toMatchObject({ seq: 3, applied: true })
    expect((await save({ RESPONSE: 'B' }, 2)).json()).toMatchObject({ seq: 3, applied: false })
    expect((await save({ RESPONSE: 'A' }, 3)).json()).toMatchObject({ seq: 3, applied: true })
    expect((await save({ RESPONSE: 'C' }, 4)).json()).toMatchObject({ seq: 4, applied: true })
    const stored = (await call(t.app, 'GET', `/api/v1/attempts/${attempt.id}`, { session: c })).json().responses[item]
    expect(stored).toMatchObject({ response: { RESPONSE: 'C' }, seq: 4 })

    expect((await call(t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/not-in-this-form`, { session: c, body: { response: { RESPONSE: 'A' } } })).statusCode).toBe(404)
    expect((await call(t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${item}`, { session: c, body: { response: { RESPONSE: 'x'.repeat(20_000) } } })).statusCode).toBe(413)
    expect(errorCode(await call(t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${item}`, { session: c, body: { response: 'A', extra: 1 } }))).toBe('VALIDATION')

    // Another candidate can neither read nor write it.
    const other = await register(t.app, { email: `snoop-${kind}@example.com` })
    expect((await call(t.app, 'GET', `/api/v1/attempts/${attempt.id}`, { session: other })).statusCode).toBe(404)
    expect((await call(t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${item}`, { session: other, body: { response: { RESPONSE: 'B' }, seq: 99 } })).statusCode).toBe(404)
    expect((await call(t.app, 'GET', `/api/v1/attempts/${attempt.id}`)).statusCode).toBe(401)

    // After the deadline nothing more is saved.
    t.clock.advance(46 * 60_000)
    await heartbeat()
    const late = await save({ RESPONSE: 'D' }, 5)
    expect(late.statusCode).toBe(409)
    expect(errorCode(late)).toBe('ATTEMPT_CLOSED')
    t.clock.advance(-46 * 60_000)
  })

  it('pauses when no proctor has been present, stops the clock, and resumes only by a proctor', async () => {
    const { c, registrationId } = await admittedCandidate(`paused-${kind}@example.com`)
    await checkIn(registrationId)
    await heartbeat()
    const attempt = (await call(t.app, 'POST', '/api/v1/attempts', { session: c, body: { registrationId, module: 'MM' } })).json()
    t.clock.advance(61_000)
    const paused = await call(t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${attempt.items[0].id}`, { session: c, body: { response: { RESPONSE: 'A' }, seq: 1 } })
    expect(errorCode(paused)).toBe('ATTEMPT_PAUSED')
    const view = (await call(t.app, 'GET', `/api/v1/attempts/${attempt.id}`, { session: c })).json()
    expect(view).toMatchObject({ status: 'paused', pauseReason: 'no_proctor_present' })
    t.clock.advance(10 * 60_000)
    expect((await call(t.app, 'GET', `/api/v1/attempts/${attempt.id}`, { session: c })).json().remainingMs).toBe(view.remainingMs)
    expect((await call(t.app, 'POST', `/api/v1/attempts/${attempt.id}/resume`, { session: c })).statusCode).toBe(403)
    const resumed = await call(t.app, 'POST', `/api/v1/attempts/${attempt.id}/resume`, { session: proctor })
    expect(resumed.statusCode).toBe(200)
    expect(Date.parse(resumed.json().deadline) - Date.parse(attempt.deadline)).toBe(10 * 60_000)
    const saved = await call(t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${attempt.items[0].id}`, { session: c, body: { response: { RESPONSE: 'A' }, seq: 1 } })
    expect(saved.statusCode).toBe(200)
  })

  it('gives extended time to a candidate with it approved', async () => {
    const { c, registrationId } = await admittedCandidate(`extended-${kind}@example.com`, ['SRMT'])
    const req = (await call(t.app, 'POST', '/api/v1/me/accommodation-requests', { session: c, body: { categories: ['reading'], adjustments: ['extended_time_2x'], statement: 'Documented reading disability.' } })).json()
    await call(t.app, 'POST', `/api/v1/admin/accommodation-requests/${req.id}/decision`, { session: staff, body: { decision: 'approved', reason: 'Documentation supports it.' } })
    await checkIn(registrationId)
    await heartbeat()
    const attempt = (await call(t.app, 'POST', '/api/v1/attempts', { session: c, body: { registrationId, module: 'SRMT' } })).json()
    expect(attempt.items).toHaveLength(36)
    expect(Date.parse(attempt.deadline) - t.clock().getTime()).toBe(120 * 60_000)
  })

  it('lets only a certified proctor of the session send presence', async () => {
    const stranger = await register(t.app, { email: `fake-proctor-${kind}@example.com` })
    await call(t.app, 'PATCH', `/api/v1/admin/users/${stranger.userId}`, { session: staff, body: { roles: ['proctor'] } })
    const relogged = await login(t.app, `fake-proctor-${kind}@example.com`, 'correct horse battery')
    expect((await call(t.app, 'POST', `/api/v1/sessions/${liveSessionId}/presence`, { session: relogged })).statusCode).toBe(403)
    const candidate = await register(t.app, { email: `cand-presence-${kind}@example.com` })
    expect((await call(t.app, 'POST', `/api/v1/sessions/${liveSessionId}/presence`, { session: candidate })).statusCode).toBe(403)
  })
})
