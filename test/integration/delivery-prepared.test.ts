// Issue 16, item 2: a candidate's form is drawn and rendered when a proctor checks them in, so that
// Start only starts the clock and reads the prepared form. Check-in never fails because a form could
// not be prepared (Start then draws it), and a prepared form is usable only while its check-in stands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../src/server/db/seed/demo.js'
import { call, errorCode, login, register, staffSession, type Session } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

const DEVICE = { 'x-attempt-device': 'device-prepared-test' }
/** Words only a key carries: none may appear in what a candidate's browser receives. */
const KEY_WORDS = /"(correct\w*|mapping|rationale|scoring|rules|areaMapping|outcome\w*)":/i

describe.each(databases)('forms prepared at check-in on %s', (kind) => {
  let t: TestApp
  let staff: Session
  let proctor: Session
  let sessionId: string
  beforeAll(async () => {
    t = await createTestApp(kind)
    await t.app.services.itemBank.seedShippedBank()
    await seedDemo(t.app, t.clock())
    staff = await staffSession(t.app)
    proctor = await login(t.app, 'proctor@demo.test', 'mt1-demo')
    const sessions = (await call(t.app, 'GET', '/api/v1/sessions')).json().items
    sessionId = sessions.find((s: { status: string }) => s.status === 'in_progress').id
  }, 120_000)
  afterAll(async () => t.close())

  const admitted = async (email: string, modules = ['MM', 'QBA']) => {
    const c = await register(t.app, { email })
    const reg = await call(t.app, 'POST', '/api/v1/admin/registrations', { session: staff, body: { candidateId: c.userId, sessionId, modules, overrideReason: 'Walk-in approved by the program' } })
    expect(reg.statusCode, reg.body).toBe(201)
    return { c, registrationId: reg.json().id as string }
  }
  const checkIn = (registrationId: string) => call(t.app, 'POST', `/api/v1/sessions/${sessionId}/checkins`, { session: proctor, body: { registrationId, idVerified: true } })
  const start = (c: Session, registrationId: string, module: string) => call(t.app, 'POST', '/api/v1/attempts', { session: c, headers: DEVICE, body: { registrationId, module } })
  const preparedRows = (registrationId: string) => t.app.db.selectFrom('prepared_forms').selectAll().where('registration_id', '=', registrationId).orderBy('module').execute()
  const exposureOf = async (ids: string[]) => new Map((await t.app.db.selectFrom('items').select(['id', 'exposure_count']).where('id', 'in', ids).execute()).map((r) => [r.id, Number(r.exposure_count)]))

  it('prepares each module at check-in; Start returns exactly the prepared items, consumes the row and counts exposure then', async () => {
    const { c, registrationId } = await admitted(`prep-${kind}@example.com`)
    const checkin = await checkIn(registrationId)
    expect(checkin.statusCode).toBe(201)
    expect(checkin.json().forms).toEqual([{ module: 'MM', prepared: true, problem: null }, { module: 'QBA', prepared: true, problem: null }])
    const rows = await preparedRows(registrationId)
    expect(rows.map((r) => r.module)).toEqual(['MM', 'QBA'])
    const mm = rows[0]!
    const formIds = (JSON.parse(mm.form) as { itemId: string }[]).map((f) => f.itemId)
    // Preparing exposes nothing: a no-show's form was never seen.
    const before = await exposureOf(formIds)

    // A repeated check-in keeps the forms already prepared.
    expect((await checkIn(registrationId)).json().forms).toEqual(checkin.json().forms)
    expect((await preparedRows(registrationId)).map((r) => r.items)).toEqual(rows.map((r) => r.items))

    await call(t.app, 'POST', `/api/v1/sessions/${sessionId}/presence`, { session: proctor })
    const started = await start(c, registrationId, 'MM')
    expect(started.statusCode, started.body).toBe(201)
    const attempt = started.json()
    expect(attempt.items).toEqual(JSON.parse(mm.items))
    expect(attempt.items.map((i: { id: string }) => i.id)).toEqual(formIds)
    expect(attempt.responses).toEqual({})
    expect((await preparedRows(registrationId)).map((r) => r.module)).toEqual(['QBA'])
    const after = await exposureOf(formIds)
    for (const id of formIds) expect(after.get(id)).toBe(before.get(id)! + 1)

    // Resume renders the same form from the bank: the prepared payload is what the attempt presents.
    const resumed = await call(t.app, 'GET', `/api/v1/attempts/${attempt.id}`, { session: c, headers: DEVICE })
    expect(resumed.json().items).toEqual(attempt.items)
    expect(errorCode(await start(c, registrationId, 'MM'))).toBe('ATTEMPT_EXISTS')
  })

  it('stores and sends a prepared payload that reveals no key and no authored identifier', async () => {
    const { c, registrationId } = await admitted(`nokey-${kind}@example.com`, ['QBA'])
    await checkIn(registrationId)
    const [row] = await preparedRows(registrationId)
    expect(row!.items).not.toMatch(KEY_WORDS)
    await call(t.app, 'POST', `/api/v1/sessions/${sessionId}/presence`, { session: proctor })
    const attempt = (await start(c, registrationId, 'QBA')).json()
    expect(JSON.stringify(attempt)).not.toMatch(KEY_WORDS)
    // The identifiers shown are this attempt's tokens: none is an authored identifier of the item.
    const choice = attempt.items.map((i: { presentation: unknown }) => JSON.stringify(i.presentation)).join('')
    expect(choice).not.toMatch(/"id":"(A|B|C|D|ChoiceA|ChoiceB)"/)
    // A save in those tokens is accepted and stored in authored identifiers (the translation still holds).
    const item = attempt.items.find((i: { presentation: unknown }) => /"kind":"choice"/.test(JSON.stringify(i.presentation)))
    const token = /"choices":\[\{"id":"([A-Z0-9]{9})"/.exec(JSON.stringify(item.presentation))?.[1]
    expect(token).toBeDefined()
    const saved = await call(t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${item.id}`, { session: c, headers: DEVICE, body: { response: { RESPONSE: token }, seq: 1 } })
    expect(saved.statusCode, saved.body).toBe(200)
    const stored = await t.app.db.selectFrom('attempt_responses').select('response').where('attempt_id', '=', attempt.id).executeTakeFirstOrThrow()
    expect(stored.response).not.toContain(token!)
  })

  it('leaves no usable prepared form once the check-in is undone or the registration cancelled', async () => {
    const undone = await admitted(`undone-${kind}@example.com`, ['QBA'])
    await checkIn(undone.registrationId)
    expect(await preparedRows(undone.registrationId)).toHaveLength(1)
    // The check-in is the prepared form's owner: removing it removes the form with it.
    await t.app.db.deleteFrom('checkins').where('registration_id', '=', undone.registrationId).execute()
    expect(await preparedRows(undone.registrationId)).toHaveLength(0)
    await call(t.app, 'POST', `/api/v1/sessions/${sessionId}/presence`, { session: proctor })
    expect(errorCode(await start(undone.c, undone.registrationId, 'QBA'))).toBe('NOT_CHECKED_IN')

    const cancelled = await admitted(`cancelled-${kind}@example.com`, ['QBA'])
    await checkIn(cancelled.registrationId)
    const cancel = await call(t.app, 'POST', `/api/v1/registrations/${cancelled.registrationId}/cancel`, { session: staff, body: { reason: 'Candidate withdrew' } })
    expect(cancel.statusCode, cancel.body).toBeLessThan(300)
    const refused = await start(cancelled.c, cancelled.registrationId, 'QBA')
    expect(refused.statusCode).toBe(422)
    expect(await t.app.db.selectFrom('attempts').select('id').where('registration_id', '=', cancelled.registrationId).execute()).toHaveLength(0)
  })

  it('reports a form the bank cannot fill without refusing the check-in; Start then draws it', async () => {
    const { c, registrationId } = await admitted(`short-${kind}@example.com`, ['QBA'])
    const active = await t.app.db.selectFrom('items').select('id').where('module', '=', 'QBA').where('pool', '=', 'operational').where('status', '=', 'active').execute()
    const ids = active.map((r) => r.id)
    await t.app.db.updateTable('items').set({ status: 'retired' }).where('id', 'in', ids).execute()
    let checkin
    try {
      checkin = await checkIn(registrationId)
    } finally {
      await t.app.db.updateTable('items').set({ status: 'active' }).where('id', 'in', ids).execute()
    }
    expect(checkin.statusCode).toBe(201)
    expect(checkin.json().forms).toEqual([{ module: 'QBA', prepared: false, problem: expect.any(String) }])
    expect(await preparedRows(registrationId)).toHaveLength(0)
    expect((await call(t.app, 'GET', `/api/v1/registrations/${registrationId}/sitting`, { session: c })).json().checkedIn).toBe(true)

    // The fallback: Start draws the form itself.
    await call(t.app, 'POST', `/api/v1/sessions/${sessionId}/presence`, { session: proctor })
    const started = await start(c, registrationId, 'QBA')
    expect(started.statusCode, started.body).toBe(201)
    expect(started.json().items.length).toBeGreaterThan(0)
  })

  it("prepares, when a proctor's heartbeat opens the room, the forms check-in could not prepare", async () => {
    const { c, registrationId } = await admitted(`opening-${kind}@example.com`, ['QBA'])
    const active = await t.app.db.selectFrom('items').select('id').where('module', '=', 'QBA').where('pool', '=', 'operational').where('status', '=', 'active').execute()
    const ids = active.map((r) => r.id)
    await t.app.db.updateTable('items').set({ status: 'retired' }).where('id', 'in', ids).execute()
    try {
      expect((await checkIn(registrationId)).json().forms).toEqual([{ module: 'QBA', prepared: false, problem: expect.any(String) }])
    } finally {
      await t.app.db.updateTable('items').set({ status: 'active' }).where('id', 'in', ids).execute()
    }
    expect(await preparedRows(registrationId)).toHaveLength(0)

    // A heartbeat while the room is open prepares nothing (the room was already open).
    expect((await call(t.app, 'POST', `/api/v1/sessions/${sessionId}/presence`, { session: proctor })).statusCode).toBe(200)
    expect(await preparedRows(registrationId)).toHaveLength(0)

    // The proctor is gone past the presence window; the next heartbeat opens the room again.
    t.clock.advance((t.app.services.program.definition.policies.proctorPresenceSeconds + 1) * 1000)
    expect((await call(t.app, 'POST', `/api/v1/sessions/${sessionId}/presence`, { session: proctor })).statusCode).toBe(200)
    const rows = await preparedRows(registrationId)
    expect(rows.map((r) => r.module)).toEqual(['QBA'])

    const started = await start(c, registrationId, 'QBA')
    expect(started.statusCode, started.body).toBe(201)
    expect(started.json().items).toEqual(JSON.parse(rows[0]!.items))
    expect(await preparedRows(registrationId)).toHaveLength(0)
  })

  it('refuses hostile check-ins and starts without preparing anything', async () => {
    const { c, registrationId } = await admitted(`hostile-${kind}@example.com`, ['QBA'])
    // A candidate cannot check themselves in (and so cannot have a form prepared).
    expect((await call(t.app, 'POST', `/api/v1/sessions/${sessionId}/checkins`, { session: c, body: { registrationId, idVerified: true } })).statusCode).toBe(403)
    expect((await call(t.app, 'POST', `/api/v1/sessions/${sessionId}/checkins`, { body: { registrationId, idVerified: true } })).statusCode).toBe(401)
    expect((await call(t.app, 'POST', `/api/v1/sessions/${sessionId}/checkins`, { session: proctor, body: { registrationId: 'x'.repeat(5000), idVerified: true } })).statusCode).toBe(400)
    expect((await call(t.app, 'POST', `/api/v1/sessions/${sessionId}/checkins`, { session: proctor, body: { registrationId, idVerified: true, forms: [{ module: 'QBA' }] } })).statusCode).toBe(400)
    expect(await preparedRows(registrationId)).toHaveLength(0)
  })
  it("writes the candidate's last contact on a poll only when the stored one is 5 s old or more", async () => {
    const { c, registrationId } = await admitted(`poll-${kind}@example.com`, ['MM'])
    expect((await checkIn(registrationId)).statusCode).toBe(201)
    await call(t.app, 'POST', `/api/v1/sessions/${sessionId}/presence`, { session: proctor })
    const started = await start(c, registrationId, 'MM')
    expect(started.statusCode, started.body).toBe(201)
    const id = started.json().id as string
    const lastSeen = async () => (await t.app.db.selectFrom('attempts').select('last_seen_at').where('id', '=', id).executeTakeFirstOrThrow()).last_seen_at
    const poll = async () => expect((await call(t.app, 'GET', `/api/v1/attempts/${id}`, { session: c, headers: DEVICE })).statusCode).toBe(200)
    const atStart = await lastSeen()
    expect(atStart).toBe(t.clock().toISOString())

    t.clock.advance(4_000)
    await poll()
    expect(await lastSeen()).toBe(atStart)

    t.clock.advance(1_000)
    await poll()
    expect(await lastSeen()).toBe(t.clock().toISOString())

    // Polling every 4 s for a minute keeps the stored contact within 8 s, so the console shows 'online' (30 s window).
    for (let k = 0; k < 15; k++) {
      t.clock.advance(4_000)
      await poll()
      expect(t.clock().getTime() - Date.parse((await lastSeen())!)).toBeLessThan(8_000)
    }
    const view = (await call(t.app, 'GET', `/api/v1/sessions/${sessionId}/console`, { session: proctor })).json() as { candidates: { registrationId: string; attempts: { id: string; connection: string }[] }[] }
    expect(view.candidates.find((r) => r.registrationId === registrationId)?.attempts).toEqual([expect.objectContaining({ id, connection: 'online' })])
  })
})
