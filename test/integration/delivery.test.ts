import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../src/server/db/seed/demo.js'
import { call, errorCode, login, register, staffSession, type Session } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

/** The test screen's device id for these candidates. */
const DEVICE = { 'x-attempt-device': 'device-delivery-test' }
type ShownItem = { id: string; presentation: unknown }

/** The option identifiers of an item's first choice interaction, as its candidate sees them. */
function choicesOf(item: ShownItem): string[] {
  let found: string[] = []
  const walk = (v: unknown): void => {
    if (found.length > 0) return
    if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') {
      const i = (v as { interaction?: { kind: string; choices?: { id: string }[] } }).interaction
      if (i && i.kind === 'choice' && i.choices) found = i.choices.map((ch) => ch.id)
      else Object.values(v).forEach(walk)
    }
  }
  walk(item.presentation)
  return found
}
/** Some answer the item accepts: its first option shown, or a number. */
const answer = (item: ShownItem) => ({ RESPONSE: choicesOf(item)[0] })

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
    const notIn = await call(t.app, 'POST', '/api/v1/attempts', { session: c, headers: DEVICE, body: { registrationId, module: 'MM' } })
    expect(errorCode(notIn)).toBe('NOT_CHECKED_IN')
    expect((await call(t.app, 'POST', `/api/v1/sessions/${liveSessionId}/checkins`, { session: c, body: { registrationId, idVerified: true } })).statusCode).toBe(403)
    expect(errorCode(await call(t.app, 'POST', `/api/v1/sessions/${liveSessionId}/checkins`, { session: proctor, body: { registrationId, idVerified: false } }))).toBe('RULE_VIOLATION')
    expect((await checkIn(registrationId)).statusCode).toBe(201)
    expect((await checkIn(registrationId)).statusCode).toBe(200)
    const noProctor = await call(t.app, 'POST', '/api/v1/attempts', { session: c, headers: DEVICE, body: { registrationId, module: 'MM' } })
    expect(errorCode(noProctor)).toBe('NO_PROCTOR_PRESENT')

    expect((await heartbeat()).statusCode).toBe(200)
    const started = await call(t.app, 'POST', '/api/v1/attempts', { session: c, headers: DEVICE, body: { registrationId, module: 'MM' } })
    expect(started.statusCode).toBe(201)
    const attempt = started.json()
    expect(attempt.items).toHaveLength(24)
    expect(Date.parse(attempt.deadline) - t.clock().getTime()).toBe(45 * 60_000)
    expect(JSON.stringify(attempt)).not.toMatch(/"(correct\w*|mapping|rationale|scoring|rules)":/i)
    expect(errorCode(await call(t.app, 'POST', '/api/v1/attempts', { session: c, headers: DEVICE, body: { registrationId, module: 'MM' } }))).toBe('ATTEMPT_EXISTS')
    expect(errorCode(await call(t.app, 'POST', '/api/v1/attempts', { session: c, headers: DEVICE, body: { registrationId, module: 'SRMT' } }))).toBe('MODULE_NOT_OFFERED')

    // Resume gives the same form in the same order, options included.
    const again = await call(t.app, 'GET', `/api/v1/attempts/${attempt.id}`, { session: c, headers: DEVICE })
    expect(again.json().items).toEqual(attempt.items)
  })

  it('saves responses in the client\'s order: a late older save is acknowledged and ignored', async () => {
    const { c, registrationId } = await admittedCandidate(`saver-${kind}@example.com`)
    await checkIn(registrationId)
    await heartbeat()
    const attempt = (await call(t.app, 'POST', '/api/v1/attempts', { session: c, headers: DEVICE, body: { registrationId, module: 'QBA' } })).json()
    const choiceItem = attempt.items.find((i: ShownItem) => choicesOf(i).length >= 4)
    const item = choiceItem.id
    const [A, B, C, D] = choicesOf(choiceItem)
    const save = (response: unknown, seq?: number) => call(t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${item}`, { session: c, headers: DEVICE, body: seq === undefined ? { response } : { response, seq } })
    expect((await save({ RESPONSE: A }, 3)).json()).toMatchObject({ seq: 3, applied: true })
    expect((await save({ RESPONSE: B }, 2)).json()).toMatchObject({ seq: 3, applied: false })
    expect((await save({ RESPONSE: A }, 3)).json()).toMatchObject({ seq: 3, applied: true })
    expect((await save({ RESPONSE: C }, 4)).json()).toMatchObject({ seq: 4, applied: true })
    const stored = (await call(t.app, 'GET', `/api/v1/attempts/${attempt.id}`, { session: c, headers: DEVICE })).json().responses[item]
    expect(stored).toMatchObject({ response: { RESPONSE: C }, seq: 4 })

    expect((await call(t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/not-in-this-form`, { session: c, headers: DEVICE, body: { response: { RESPONSE: 'A' } } })).statusCode).toBe(404)
    expect((await call(t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${item}`, { session: c, headers: DEVICE, body: { response: { RESPONSE: 'x'.repeat(20_000) } } })).statusCode).toBe(413)
    expect(errorCode(await call(t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${item}`, { session: c, headers: DEVICE, body: { response: 'A', extra: 1 } }))).toBe('VALIDATION')

    // Another candidate can neither read nor write it.
    const other = await register(t.app, { email: `snoop-${kind}@example.com` })
    expect((await call(t.app, 'GET', `/api/v1/attempts/${attempt.id}`, { session: other })).statusCode).toBe(404)
    expect((await call(t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${item}`, { session: other, body: { response: { RESPONSE: B }, seq: 99 } })).statusCode).toBe(404)
    expect((await call(t.app, 'GET', `/api/v1/attempts/${attempt.id}`)).statusCode).toBe(401)

    // After the deadline nothing more is saved.
    t.clock.advance(46 * 60_000)
    await heartbeat()
    const late = await save({ RESPONSE: D }, 5)
    expect(late.statusCode).toBe(409)
    expect(errorCode(late)).toBe('ATTEMPT_CLOSED')
    t.clock.advance(-46 * 60_000)
  })

  it('pauses when no proctor has been present, stops the clock, and resumes only by a proctor', async () => {
    const { c, registrationId } = await admittedCandidate(`paused-${kind}@example.com`)
    await checkIn(registrationId)
    await heartbeat()
    const attempt = (await call(t.app, 'POST', '/api/v1/attempts', { session: c, headers: DEVICE, body: { registrationId, module: 'MM' } })).json()
    const shown = attempt.items.find((i: ShownItem) => choicesOf(i).length > 0)
    t.clock.advance(61_000)
    const paused = await call(t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${shown.id}`, { session: c, headers: DEVICE, body: { response: answer(shown), seq: 1 } })
    expect(errorCode(paused)).toBe('ATTEMPT_PAUSED')
    const view = (await call(t.app, 'GET', `/api/v1/attempts/${attempt.id}`, { session: c, headers: DEVICE })).json()
    expect(view).toMatchObject({ status: 'paused', pauseReason: 'no_proctor_present' })
    // Nothing of the test is sent while it is paused: no items, no responses.
    expect(view.items).toEqual([])
    expect(view.responses).toEqual({})
    t.clock.advance(10 * 60_000)
    expect((await call(t.app, 'GET', `/api/v1/attempts/${attempt.id}`, { session: c, headers: DEVICE })).json().remainingMs).toBe(view.remainingMs)
    expect((await call(t.app, 'POST', `/api/v1/attempts/${attempt.id}/resume`, { session: c })).statusCode).toBe(403)
    const resumed = await call(t.app, 'POST', `/api/v1/attempts/${attempt.id}/resume`, { session: proctor })
    expect(resumed.statusCode).toBe(200)
    expect(Date.parse(resumed.json().deadline) - Date.parse(attempt.deadline)).toBe(10 * 60_000)
    const saved = await call(t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${shown.id}`, { session: c, headers: DEVICE, body: { response: answer(shown), seq: 1 } })
    expect(saved.statusCode).toBe(200)
  })

  it('gives extended time to a candidate with it approved', async () => {
    const { c, registrationId } = await admittedCandidate(`extended-${kind}@example.com`, ['SRMT'])
    const req = (await call(t.app, 'POST', '/api/v1/me/accommodation-requests', { session: c, body: { categories: ['reading'], adjustments: ['extended_time_2x'], statement: 'Documented reading disability.' } })).json()
    await call(t.app, 'POST', `/api/v1/admin/accommodation-requests/${req.id}/decision`, { session: staff, body: { decision: 'approved', reason: 'Documentation supports it.' } })
    await checkIn(registrationId)
    await heartbeat()
    const attempt = (await call(t.app, 'POST', '/api/v1/attempts', { session: c, headers: DEVICE, body: { registrationId, module: 'SRMT' } })).json()
    expect(attempt.items).toHaveLength(36)
    expect(Date.parse(attempt.deadline) - t.clock().getTime()).toBe(120 * 60_000)
  })

  it('refuses to start without naming the computer (X-Attempt-Device), storing nothing', async () => {
    const { c, registrationId } = await admittedCandidate(`no-device-${kind}@example.com`, ['QBA'])
    await checkIn(registrationId)
    await heartbeat()
    const bare = await call(t.app, 'POST', '/api/v1/attempts', { session: c, body: { registrationId, module: 'QBA' } })
    expect(bare.statusCode).toBe(400)
    expect(errorCode(bare)).toBe('DEVICE_REQUIRED')
    expect((await call(t.app, 'GET', '/api/v1/me/attempts', { session: c })).json().items).toEqual([])
    expect((await call(t.app, 'POST', '/api/v1/attempts', { session: c, headers: DEVICE, body: { registrationId, module: 'QBA' } })).statusCode).toBe(201)
  })

  // Proves the opaque identifiers: what the candidate receives names no authored option, a save in
  // the attempt's identifiers is stored in authored ones (and scores), an authored identifier or one
  // from another attempt is refused with nothing stored, and resume shows the candidate's own tokens.
  it('sends opaque option identifiers and stores what the candidate chose in authored ones', async () => {
    const first = await admittedCandidate(`opaque-a-${kind}@example.com`, ['MM'])
    const second = await admittedCandidate(`opaque-b-${kind}@example.com`, ['MM'])
    for (const x of [first, second]) await checkIn(x.registrationId)
    await heartbeat()
    const start = (x: typeof first) => call(t.app, 'POST', '/api/v1/attempts', { session: x.c, headers: DEVICE, body: { registrationId: x.registrationId, module: 'MM' } })
    const a = (await start(first)).json()
    const b = (await start(second)).json()
    const item = a.items.find((i: ShownItem) => choicesOf(i).length >= 3) as ShownItem
    const admin = (await call(t.app, 'GET', `/api/v1/admin/items/${item.id}`, { session: staff })).json()
    const authoredIds: string[] = [...(admin.qtiXml as string).matchAll(/<qti-simple-choice identifier="([^"]+)"/g)].map((m) => m[1]!)
    expect(authoredIds.length).toBeGreaterThanOrEqual(3)
    for (const id of choicesOf(item)) expect(authoredIds).not.toContain(id)

    // The key as this attempt presents it scores; the authored key is not an option here.
    const asShown = (await call(t.app, 'GET', `/api/v1/admin/items/${item.id}?attemptId=${a.id}`, { session: staff })).json().correctResponse
    expect(asShown).not.toEqual(admin.correctResponse)
    const put = (attemptId: string, itemId: string, response: unknown, seq: number) =>
      call(t.app, 'PUT', `/api/v1/attempts/${attemptId}/responses/${itemId}`, { session: first.c, headers: DEVICE, body: { response, seq } })
    const refusedAuthored = await put(a.id, item.id, admin.correctResponse, 1)
    expect(refusedAuthored.statusCode).toBe(400)
    expect(refusedAuthored.json().error).toMatchObject({ code: 'VALIDATION', details: { responseId: 'RESPONSE' } })
    const sameInB = b.items.find((i: ShownItem) => i.id === item.id) as ShownItem | undefined
    if (sameInB) expect(errorCode(await put(a.id, item.id, { RESPONSE: choicesOf(sameInB)[0] }, 1))).toBe('VALIDATION')
    expect((await call(t.app, 'GET', `/api/v1/attempts/${a.id}`, { session: first.c, headers: DEVICE })).json().responses).toEqual({})

    expect((await put(a.id, item.id, asShown, 2)).statusCode).toBe(200)
    const stored = await t.app.db.selectFrom('attempt_responses').select('response').where('attempt_id', '=', a.id).where('item_id', '=', item.id).executeTakeFirstOrThrow()
    expect(JSON.parse(stored.response)).toEqual(admin.correctResponse)
    expect((await call(t.app, 'GET', `/api/v1/attempts/${a.id}`, { session: first.c, headers: DEVICE })).json().responses[item.id]).toMatchObject({ response: asShown, seq: 2 })
    // Another attempt's tokens for the same item differ.
    if (sameInB) expect(choicesOf(sameInB).sort()).not.toEqual(choicesOf(item).sort())

    // Keys as presented are for program staff only, for items the attempt drew.
    expect((await call(t.app, 'GET', `/api/v1/admin/items/${item.id}?attemptId=${a.id}`, { session: proctor })).statusCode).toBe(403)
    expect((await call(t.app, 'GET', `/api/v1/admin/items/${item.id}?attemptId=${a.id}`, { session: first.c })).statusCode).toBe(403)
    const notDrawn = (await call(t.app, 'GET', '/api/v1/admin/items?module=QBA&limit=1', { session: staff })).json().items[0].id
    expect((await call(t.app, 'GET', `/api/v1/admin/items/${notDrawn}?attemptId=${a.id}`, { session: staff })).statusCode).toBe(404)
    expect((await call(t.app, 'GET', `/api/v1/admin/items/${item.id}?attemptId=${'x'.repeat(500)}`, { session: staff })).statusCode).toBe(400)
  })

  // A one-element list is a list: a multiple-response answer of one choice is stored and shown as
  // ["X"], never flattened to "X" by request coercion; a response nested deeper than a response can
  // be is refused before anything walks it.
  it('keeps a one-choice multiple response a list, and refuses a deeply nested response', async () => {
    // A form draws about three of every four items of a skill, so one module's form has no
    // multiple-response item now and then (about 1 in 250); three modules' forms, practically never.
    const { c, registrationId } = await admittedCandidate(`one-choice-${kind}@example.com`, ['SRMT', 'MM', 'QBA'])
    await checkIn(registrationId)
    await heartbeat()
    let attempt: { id: string; items: (ShownItem & { type: string })[] } | undefined
    let multi: ShownItem | undefined
    for (const module of ['SRMT', 'MM', 'QBA']) {
      attempt = (await call(t.app, 'POST', '/api/v1/attempts', { session: c, headers: DEVICE, body: { registrationId, module } })).json()
      multi = attempt!.items.find((i) => i.type === 'multiple_response')
      if (multi) break
    }
    expect(multi, 'a form draws a multiple-response item').toBeDefined()
    attempt = attempt!
    const one = { RESPONSE: [choicesOf(multi!)[0]] }
    const saved = await call(t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${multi!.id}`, { session: c, headers: DEVICE, body: { response: one, seq: 1 } })
    expect(saved.statusCode, saved.body).toBe(200)
    expect((await call(t.app, 'GET', `/api/v1/attempts/${attempt.id}`, { session: c, headers: DEVICE })).json().responses[multi!.id].response).toEqual(one)
    const deep = `${'['.repeat(100_000)}"x"${']'.repeat(100_000)}`
    const refused = await call(t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${multi!.id}`, { session: c, headers: DEVICE, payload: `{"response":{"RESPONSE":${deep}},"seq":2}` })
    expect(refused.statusCode).toBe(400)
    expect(errorCode(refused)).toBe('VALIDATION')
    expect((await call(t.app, 'GET', `/api/v1/attempts/${attempt.id}`, { session: c, headers: DEVICE })).json().responses[multi!.id]).toMatchObject({ response: one, seq: 1 })
  })

  // Proves the break policy: an approved candidate takes at most the policy's breaks, each stopping
  // the clock for at most its length; nothing is sent or saved during a break, and a break that runs
  // past its length is ended by the sweep with the clock running again.
  it('keeps breaks to the approved number and length, sending nothing during one', async () => {
    const { c, registrationId } = await admittedCandidate(`breaks-${kind}@example.com`, ['QBA'])
    const req = (await call(t.app, 'POST', '/api/v1/me/accommodation-requests', { session: c, body: { categories: ['computer_operation'], adjustments: ['extra_breaks'], statement: 'Documented need for rest breaks.' } })).json()
    await call(t.app, 'POST', `/api/v1/admin/accommodation-requests/${req.id}/decision`, { session: staff, body: { decision: 'approved', reason: 'Documentation supports it.' } })
    await checkIn(registrationId)
    await heartbeat()
    const policy = t.app.services.program.definition.policies.extraBreaks
    const attempt = (await call(t.app, 'POST', '/api/v1/attempts', { session: c, headers: DEVICE, body: { registrationId, module: 'QBA' } })).json()
    const shown = attempt.items.find((i: ShownItem) => choicesOf(i).length > 0) as ShownItem
    const post = (path: string) => call(t.app, 'POST', `/api/v1/attempts/${attempt.id}/${path}`, { session: c, headers: DEVICE })
    let deadline = Date.parse(attempt.deadline)
    for (let n = 0; n < policy.perAttempt; n++) {
      const onBreak = await post('break')
      expect(onBreak.statusCode, onBreak.body).toBe(200)
      expect(onBreak.json()).toMatchObject({ status: 'paused', pauseReason: 'break', items: [], responses: {} })
      expect(errorCode(await call(t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${shown.id}`, { session: c, headers: DEVICE, body: { response: answer(shown), seq: n + 1 } }))).toBe('ATTEMPT_PAUSED')
      // The first break overruns its length by 5 minutes: those 5 minutes count.
      const away = n === 0 ? policy.maxMinutes + 5 : 2
      t.clock.advance(away * 60_000)
      await heartbeat()
      const back = await post('break/end')
      expect(back.statusCode, back.body).toBe(200)
      deadline += Math.min(away, policy.maxMinutes) * 60_000
      expect(Date.parse(back.json().deadline)).toBe(deadline)
      expect(back.json().items).toHaveLength(24)
    }
    const spent = await post('break')
    expect(spent.statusCode).toBe(422)
    expect(spent.json().error).toMatchObject({ code: 'BREAKS_USED', details: { perAttempt: policy.perAttempt, taken: policy.perAttempt } })
    expect((await call(t.app, 'GET', `/api/v1/attempts/${attempt.id}`, { session: c, headers: DEVICE })).json().status).toBe('in_progress')
  })

  it('ends a break that has run its length: the sweep starts the clock again', async () => {
    const { c, registrationId } = await admittedCandidate(`long-break-${kind}@example.com`, ['QBA'])
    const req = (await call(t.app, 'POST', '/api/v1/me/accommodation-requests', { session: c, body: { categories: ['computer_operation'], adjustments: ['extra_breaks'], statement: 'Documented need for rest breaks.' } })).json()
    await call(t.app, 'POST', `/api/v1/admin/accommodation-requests/${req.id}/decision`, { session: staff, body: { decision: 'approved', reason: 'Documentation supports it.' } })
    await checkIn(registrationId)
    await heartbeat()
    const { maxMinutes } = t.app.services.program.definition.policies.extraBreaks
    const attempt = (await call(t.app, 'POST', '/api/v1/attempts', { session: c, headers: DEVICE, body: { registrationId, module: 'QBA' } })).json()
    expect((await call(t.app, 'POST', `/api/v1/attempts/${attempt.id}/break`, { session: c, headers: DEVICE })).statusCode).toBe(200)
    t.clock.advance(maxMinutes * 60_000 - 1)
    await heartbeat()
    expect((await t.app.services.proctoring.sweep()).breaksEnded).toBe(0)
    t.clock.advance(1)
    await heartbeat()
    expect((await t.app.services.proctoring.sweep()).breaksEnded).toBe(1)
    const view = (await call(t.app, 'GET', `/api/v1/attempts/${attempt.id}`, { session: c, headers: DEVICE })).json()
    expect(view.status).toBe('in_progress')
    expect(Date.parse(view.deadline) - Date.parse(attempt.deadline)).toBe(maxMinutes * 60_000)
    expect(view.items).toHaveLength(24)
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
