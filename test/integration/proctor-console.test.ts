// The proctor's side of a sitting through the API: the live console, pause and resume (one or all),
// added time, voiding, the proctor's absence (the sweep pauses and records it once), incident
// reports, device binding and re-admission, flags, focus events, breaks, scribe mode, closing the
// session and its report. Tests that count a whole session's attempts use their own session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, errorCode, login, register, type Session } from '../helpers/http-client.js'
import { MINUTE, auditEntries, deliveryWorld, type AttemptView, type DeliveryWorld, type Incident } from '../helpers/delivery.js'
import { databases } from '../helpers/test-app.js'

describe.each(databases)('the proctor console on %s', (kind) => {
  let w: DeliveryWorld
  /** Sessions of their own for the tests that pause, sweep or close a whole session. */
  let pauseSession: string
  let absenceSession: string
  let closeSession: string
  /** A proctor who is not assigned to (nor certified for) any of these sessions. */
  let otherProctor: Session
  const iso = () => w.t.clock().toISOString()
  // Posts about an attempt come from the computer it was started on (its device header).
  const post = (session: Session | undefined, url: string, body?: unknown) => {
    const device = /\/attempts\/([^/]+)\//.exec(url)?.[1]
    const headers = device && w.deviceOf(device) ? { headers: { 'x-attempt-device': w.deviceOf(device) } } : {}
    return call(w.t.app, 'POST', url, { session, ...headers, ...(body === undefined ? {} : { body }) })
  }

  beforeAll(async () => {
    w = await deliveryWorld(kind)
    pauseSession = await w.newSession(MINUTE)
    absenceSession = await w.newSession(MINUTE)
    closeSession = await w.newSession(MINUTE)
    w.t.clock.advance(2 * MINUTE) // the new sessions are now in progress
    const other = await register(w.t.app, { email: `other-proctor-${kind}@example.com` })
    const patched = await call(w.t.app, 'PATCH', `/api/v1/admin/users/${other.userId}`, { session: w.staff, body: { roles: ['proctor'] } })
    expect(patched.statusCode, patched.body).toBe(200)
    otherProctor = await login(w.t.app, `other-proctor-${kind}@example.com`, 'correct horse battery')
  }, 120_000)
  afterAll(async () => w?.t.close())

  // Proves the console's shape and values (candidate, attempt progress, connection by last request,
  // presence) and that only a proctor of the session may see it.
  it('shows the roster with each attempt\'s progress and connection, to the session\'s proctors only', async () => {
    const a = await w.admitted(`console-${kind}@example.com`, ['MM', 'QBA'], { firstName: 'Cora', lastName: 'Console' })
    const attempt = await w.start(a, 'MM')
    await w.save(a.c, attempt.id, attempt.items[0]!.id, (await w.itemKey(attempt.items[0]!.id, attempt.id)).correctResponse)
    const last = await w.save(a.c, attempt.id, attempt.items[1]!.id, (await w.itemKey(attempt.items[1]!.id, attempt.id)).correctResponse)
    expect(last.statusCode, last.body).toBe(200)

    const view = await w.console()
    expect(view.session).toMatchObject({ id: w.liveSessionId, centerName: 'MT1 Demo Assessment Center', status: 'in_progress', closedAt: null })
    expect(view.proctorPresent).toBe(true)
    const row = view.candidates.find((c) => c.registrationId === a.registrationId)
    expect(row).toEqual({
      registrationId: a.registrationId, candidateId: a.c.userId, name: 'Cora Console', modules: ['MM', 'QBA'], checkedInAt: expect.any(String), accommodations: [],
      attempts: [{
        id: attempt.id, module: 'MM', status: 'in_progress', pauseReason: null, deadline: attempt.deadline, remainingMs: 45 * MINUTE, answered: 2, total: 24,
        lastSaveAt: last.json().savedAt, connection: 'online', focusLost: 0, awaitingReadmit: false, extraMinutes: 0,
      }],
    })
    expect(Array.isArray(view.incidents)).toBe(true)

    // Connection follows the candidate's last request: online within 30 s, idle within 2 min, then offline.
    w.t.clock.advance(31_000)
    expect((await w.consoleAttempt(attempt.id)).connection).toBe('idle')
    w.t.clock.advance(90_000)
    const offline = await w.console()
    expect(offline.candidates.find((c) => c.registrationId === a.registrationId)!.attempts[0]!.connection).toBe('offline')
    expect(offline.proctorPresent).toBe(false) // no heartbeat for 121 s
    await w.heartbeat()
    expect((await w.get(a.c, attempt.id)).statusCode).toBe(200)
    expect((await w.consoleAttempt(attempt.id)).connection).toBe('online')

    const asCandidate = await call(w.t.app, 'GET', `/api/v1/sessions/${w.liveSessionId}/console`, { session: a.c })
    expect(asCandidate.statusCode).toBe(403)
    expect((await call(w.t.app, 'GET', `/api/v1/sessions/${w.liveSessionId}/console`, { session: otherProctor })).statusCode).toBe(403)
    expect((await call(w.t.app, 'GET', `/api/v1/sessions/${w.liveSessionId}/console`)).statusCode).toBe(401)
    expect((await call(w.t.app, 'GET', '/api/v1/sessions/no-such-session/console', { session: w.proctor })).statusCode).toBe(404)
  })

  // Proves pausing one attempt: a printable reason is required; the candidate's save is refused with
  // the reason 'proctor'; the clock stops; resuming moves the deadline by exactly the pause.
  it('pauses one attempt with a reason, stops its clock, and resumes with the deadline moved by the pause', async () => {
    const a = await w.admitted(`paused-one-${kind}@example.com`, ['MM'])
    const attempt = await w.start(a, 'MM')
    const url = `/api/v1/attempts/${attempt.id}/pause`
    for (const body of [{}, { reason: '' }, { reason: 'x'.repeat(501) }, { reason: 'bell\u0007rang' }, { reason: 'line\nbreak' }, { reason: '<b>noise</b>' }, { reason: 'ok', extra: 1 }]) {
      const bad = await post(w.proctor, url, body)
      expect(bad.statusCode, JSON.stringify(body)).toBe(400)
      expect(errorCode(bad)).toBe('VALIDATION')
    }
    expect((await post(a.c, url, { reason: 'I need a minute' })).statusCode).toBe(403)
    expect((await post(otherProctor, url, { reason: 'Not mine' })).statusCode).toBe(403)

    const paused = await post(w.proctor, url, { reason: 'Fire alarm test in the building' })
    expect(paused.statusCode, paused.body).toBe(200)
    expect(paused.json()).toEqual({ id: attempt.id, status: 'paused', deadline: attempt.deadline })
    expect(errorCode(await post(w.proctor, url, { reason: 'Again' }))).toBe('CONFLICT')

    const refused = await w.save(a.c, attempt.id, attempt.items[0]!.id, (await w.itemKey(attempt.items[0]!.id, attempt.id)).correctResponse)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error).toMatchObject({ code: 'ATTEMPT_PAUSED', details: { reason: 'proctor' } })
    const frozen = (await w.get(a.c, attempt.id)).json() as AttemptView
    expect(frozen).toMatchObject({ status: 'paused', pauseReason: 'proctor', remainingMs: 45 * MINUTE })
    expect(await w.consoleAttempt(attempt.id)).toMatchObject({ status: 'paused', pauseReason: 'proctor', remainingMs: 45 * MINUTE })

    w.t.clock.advance(5 * MINUTE)
    await w.heartbeat()
    expect(((await w.get(a.c, attempt.id)).json() as AttemptView).remainingMs).toBe(45 * MINUTE)
    expect((await post(a.c, `/api/v1/attempts/${attempt.id}/resume`)).statusCode).toBe(403)
    const resumed = await post(w.proctor, `/api/v1/attempts/${attempt.id}/resume`)
    expect(resumed.statusCode, resumed.body).toBe(200)
    expect(resumed.json()).toEqual({ id: attempt.id, status: 'in_progress', deadline: new Date(Date.parse(attempt.deadline) + 5 * MINUTE).toISOString() })
    expect(errorCode(await post(w.proctor, `/api/v1/attempts/${attempt.id}/resume`))).toBe('CONFLICT')
    expect((await w.save(a.c, attempt.id, attempt.items[0]!.id, (await w.itemKey(attempt.items[0]!.id, attempt.id)).correctResponse)).statusCode).toBe(200)
  })

  // Proves pause-all / resume-all on a session of their own (run by its own proctor): they report how
  // many attempts changed, and resume-all leaves a candidate's break alone.
  it('pauses and resumes every running attempt of a session, but not a candidate\'s break', async () => {
    const proctor = w.proctorOf(pauseSession)
    const a = await w.admitted(`all-a-${kind}@example.com`, ['MM'], { sessionId: pauseSession })
    const b = await w.admitted(`all-b-${kind}@example.com`, ['QBA'], { sessionId: pauseSession })
    const onBreak = await w.admitted(`all-break-${kind}@example.com`, ['SRMT'], { sessionId: pauseSession, adjustments: ['extra_breaks'] })
    const aAttempt = await w.start(a, 'MM')
    const bAttempt = await w.start(b, 'QBA')
    const breakAttempt = await w.start(onBreak, 'SRMT')
    const started = await post(onBreak.c, `/api/v1/attempts/${breakAttempt.id}/break`)
    expect(started.statusCode, started.body).toBe(200)

    expect((await post(proctor, `/api/v1/sessions/${pauseSession}/pause-all`, {})).statusCode).toBe(400)
    expect((await post(a.c, `/api/v1/sessions/${pauseSession}/pause-all`, { reason: 'Power cut' })).statusCode).toBe(403)
    const pausedAll = await post(proctor, `/api/v1/sessions/${pauseSession}/pause-all`, { reason: 'Power cut in the lab' })
    expect(pausedAll.statusCode, pausedAll.body).toBe(200)
    expect(pausedAll.json()).toEqual({ changed: 2 })
    expect((await post(proctor, `/api/v1/sessions/${pauseSession}/pause-all`, { reason: 'Power cut in the lab' })).json()).toEqual({ changed: 0 })
    const states = async () => Object.fromEntries(await Promise.all([aAttempt, bAttempt, breakAttempt].map(async (x) => {
      const ca = await w.consoleAttempt(x.id, pauseSession)
      return [x.module, `${ca.status}/${ca.pauseReason}`]
    })))
    expect(await states()).toEqual({ MM: 'paused/proctor', QBA: 'paused/proctor', SRMT: 'paused/break' })

    const resumedAll = await post(proctor, `/api/v1/sessions/${pauseSession}/resume-all`)
    expect(resumedAll.statusCode, resumedAll.body).toBe(200)
    expect(resumedAll.json()).toEqual({ changed: 2 })
    expect(await states()).toEqual({ MM: 'in_progress/null', QBA: 'in_progress/null', SRMT: 'paused/break' })
    expect((await post(proctor, `/api/v1/sessions/${pauseSession}/resume-all`)).json()).toEqual({ changed: 0 })
  })

  // Proves added time: the deadline moves by exactly the minutes (1..120), a reason is required,
  // the console shows the minutes, and the change is in the audit log with who and why.
  it('adds time within 1..120 minutes with a reason, moving the deadline exactly, audited', async () => {
    const a = await w.admitted(`extra-${kind}@example.com`, ['QBA'])
    const attempt = await w.start(a, 'QBA')
    const url = `/api/v1/attempts/${attempt.id}/extra-time`
    for (const body of [{ minutes: 0, reason: 'Zero' }, { minutes: 121, reason: 'Too long' }, { minutes: 1.5, reason: 'Fraction' }, { minutes: 10 }, { minutes: 10, reason: '' }, { reason: 'No minutes' }]) {
      const bad = await post(w.proctor, url, body)
      expect(bad.statusCode, JSON.stringify(body)).toBe(400)
    }
    expect((await post(a.c, url, { minutes: 10, reason: 'Please' })).statusCode).toBe(403)
    expect((await post(otherProctor, url, { minutes: 10, reason: 'Not mine' })).statusCode).toBe(403)

    const added = await post(w.proctor, url, { minutes: 10, reason: 'Computer restarted mid-test' })
    expect(added.statusCode, added.body).toBe(200)
    expect(added.json()).toEqual({ id: attempt.id, status: 'in_progress', deadline: new Date(Date.parse(attempt.deadline) + 10 * MINUTE).toISOString() })
    const more = await post(w.proctor, url, { minutes: 1, reason: 'One more minute' })
    expect(more.json().deadline).toBe(new Date(Date.parse(attempt.deadline) + 11 * MINUTE).toISOString())
    expect(((await w.get(a.c, attempt.id)).json() as AttemptView).deadline).toBe(more.json().deadline)
    expect(await w.consoleAttempt(attempt.id)).toMatchObject({ extraMinutes: 11, remainingMs: 56 * MINUTE })

    // Both entries carry the same (unmoved) clock time, so their order is not asserted.
    const audit = await auditEntries(w, 'attempt.time_added', attempt.id)
    const byMinutes = (x: { details: unknown }, y: { details: unknown }) => (x.details as { minutes: number }).minutes - (y.details as { minutes: number }).minutes
    expect(audit.map((e) => ({ actorId: e.actorId, entityType: e.entityType, details: e.details })).sort(byMinutes)).toEqual([
      { actorId: w.proctor.userId, entityType: 'attempt', details: { minutes: 1, reason: 'One more minute' } },
      { actorId: w.proctor.userId, entityType: 'attempt', details: { minutes: 10, reason: 'Computer restarted mid-test' } },
    ])
  })

  // Proves voiding: with a reason the attempt ends as voided (no result), the candidate can neither
  // save nor submit, a second void is refused, and the void is audited.
  it('voids an attempt with a reason; the candidate can no longer save or submit', async () => {
    const a = await w.admitted(`voided-${kind}@example.com`, ['MM'])
    const attempt = await w.start(a, 'MM')
    await w.save(a.c, attempt.id, attempt.items[0]!.id, (await w.itemKey(attempt.items[0]!.id, attempt.id)).correctResponse)
    const url = `/api/v1/attempts/${attempt.id}/void`
    expect((await post(w.proctor, url, {})).statusCode).toBe(400)
    expect((await post(a.c, url, { reason: 'Oops' })).statusCode).toBe(403)
    const voided = await post(w.proctor, url, { reason: 'Phone used during the test' })
    expect(voided.statusCode, voided.body).toBe(200)
    expect(voided.json()).toEqual({ id: attempt.id, status: 'voided' })

    const save = await w.save(a.c, attempt.id, attempt.items[1]!.id, (await w.itemKey(attempt.items[1]!.id, attempt.id)).correctResponse)
    expect(save.statusCode).toBe(409)
    expect(errorCode(save)).toBe('ATTEMPT_CLOSED')
    const submit = await w.submit(a.c, attempt.id)
    expect(submit.statusCode).toBe(409)
    expect(errorCode(submit)).toBe('ATTEMPT_CLOSED')
    const again = await post(w.proctor, url, { reason: 'Twice' })
    expect(again.statusCode).toBe(409)
    expect(((await w.get(a.c, attempt.id)).json() as AttemptView)).toMatchObject({ status: 'voided', result: null })
    expect((await w.consoleAttempt(attempt.id)).status).toBe('voided')
    const audit = await auditEntries(w, 'attempt.voided', attempt.id)
    expect(audit.map((e) => ({ actorId: e.actorId, details: e.details }))).toEqual([{ actorId: w.proctor.userId, details: { reason: 'Phone used during the test' } }])
    expect((await call(w.t.app, 'GET', '/api/v1/me/credentials', { session: a.c })).json().items).toEqual([])
  })

  // Proves the proctor's absence: after 60 s without a heartbeat the sweep pauses running attempts
  // ('no_proctor_present') and records one automatic incident per gap; a heartbeat ends the gap;
  // a later gap is a second incident. Other sessions keep their heartbeat so only this one is affected.
  it('pauses on the proctor\'s absence and records each gap once as an automatic incident', async () => {
    const a = await w.admitted(`absent-${kind}@example.com`, ['MM'], { sessionId: absenceSession })
    const attempt = await w.start(a, 'MM')
    const others = [w.liveSessionId, pauseSession, closeSession]
    const sweepWithoutThisProctor = async () => {
      for (const s of others) await w.heartbeat(s)
      return w.t.app.services.proctoring.sweep()
    }
    const absences = async () => (await w.console(absenceSession)).incidents.filter((i) => i.category === 'proctor_absent')

    w.t.clock.advance(61_000)
    const gapSeenAt = iso()
    expect((await sweepWithoutThisProctor()).paused).toBe(1)
    expect(await w.consoleAttempt(attempt.id, absenceSession)).toMatchObject({ status: 'paused', pauseReason: 'no_proctor_present' })
    const refused = await w.save(a.c, attempt.id, attempt.items[0]!.id, (await w.itemKey(attempt.items[0]!.id, attempt.id)).correctResponse)
    expect(refused.json().error).toMatchObject({ code: 'ATTEMPT_PAUSED', details: { reason: 'no_proctor_present' } })
    let incidents = await absences()
    expect(incidents).toHaveLength(1)
    expect(incidents[0]).toMatchObject({ category: 'proctor_absent', automatic: true, reportedBy: null, registrationId: null, endedAt: null, occurredAt: gapSeenAt })

    w.t.clock.advance(30_000)
    await sweepWithoutThisProctor()
    expect(await absences()).toHaveLength(1)

    w.t.clock.advance(10_000)
    const backAt = iso()
    expect((await w.heartbeat(absenceSession)).statusCode).toBe(200)
    incidents = await absences()
    expect(incidents).toHaveLength(1)
    expect(incidents[0]!.endedAt).toBe(backAt)
    // The heartbeat alone does not resume: the proctor does.
    expect((await w.consoleAttempt(attempt.id, absenceSession)).status).toBe('paused')
    expect((await post(w.proctorOf(absenceSession), `/api/v1/attempts/${attempt.id}/resume`)).json().status).toBe('in_progress')

    w.t.clock.advance(61_000)
    expect((await sweepWithoutThisProctor()).paused).toBe(1)
    incidents = await absences()
    expect(incidents).toHaveLength(2)
    expect(incidents.map((i) => i.endedAt)).toEqual([backAt, null])
    expect(incidents.every((i) => i.automatic)).toBe(true)
    await w.heartbeat(absenceSession)
  })

  // Proves incident reports: a valid one (multi-line narrative) is 201 and on the console; a bad
  // category or date, markup, an unknown candidate or one of another session are refused.
  it('records incident reports and refuses malformed ones', async () => {
    const a = await w.admitted(`incident-${kind}@example.com`, ['QBA'])
    const elsewhere = await w.admitted(`incident-elsewhere-${kind}@example.com`, ['QBA'], { sessionId: pauseSession })
    const url = `/api/v1/sessions/${w.liveSessionId}/incidents`
    const occurredAt = new Date(w.t.clock().getTime() - 5 * MINUTE).toISOString()
    const good = { category: 'technical', occurredAt, narrative: 'Workstation 4 froze.\nThe candidate moved to workstation 7.\n\tNo data was lost.', actionTaken: 'Re-admitted on workstation 7.', registrationId: a.registrationId }
    const created = await post(w.proctor, url, good)
    expect(created.statusCode, created.body).toBe(201)
    const incident = created.json() as Incident
    expect(incident).toEqual({ id: expect.any(String), ...good, endedAt: null, reportedBy: w.proctor.userId, automatic: false })
    expect((await w.console()).incidents).toContainEqual(incident)
    const anonymous = { category: 'disruption', occurredAt, narrative: 'Loud drilling next door.', actionTaken: 'None needed.' }
    const noCandidate = await post(w.proctor, url, anonymous)
    expect(noCandidate.statusCode, noCandidate.body).toBe(201)
    expect(noCandidate.json().registrationId).toBeNull()

    const cases: [unknown, number][] = [
      [{ ...good, category: 'fire' }, 400],
      [{ ...good, occurredAt: 'yesterday' }, 400],
      [{ ...good, occurredAt: '31/12/2026 10:00' }, 400],
      [{ ...good, narrative: 'He said <script>alert(1)</script>' }, 400],
      [{ ...good, narrative: '' }, 400],
      [{ ...good, actionTaken: 'bell\u0007' }, 400],
      [{ ...good, extra: true }, 400],
      [{ ...good, registrationId: 'no-such-registration' }, 404],
      [{ ...good, registrationId: elsewhere.registrationId }, 404],
    ]
    for (const [body, status] of cases) {
      const res = await post(w.proctor, url, body)
      expect(res.statusCode, JSON.stringify(body)).toBe(status)
    }
    expect((await post(a.c, url, good)).statusCode).toBe(403)
    expect((await post(otherProctor, url, good)).statusCode).toBe(403)
  })

  // Proves device binding: the attempt stays on the computer that started it until the proctor
  // re-admits it; the next device then takes it over and the old one is refused; bad ids are 400.
  it('binds the attempt to its device until the proctor re-admits it on another', async () => {
    const a = await w.admitted(`device-${kind}@example.com`, ['MM'])
    const attempt = await w.start(a, 'MM', 'dev-aaaaaaaa')
    expect((await w.get(a.c, attempt.id, 'dev-aaaaaaaa')).statusCode).toBe(200)
    const moved = await w.get(a.c, attempt.id, 'dev-bbbbbbbb')
    expect(moved.statusCode).toBe(409)
    expect(errorCode(moved)).toBe('DEVICE_NOT_ADMITTED')
    expect(errorCode(await w.save(a.c, attempt.id, attempt.items[0]!.id, (await w.itemKey(attempt.items[0]!.id, attempt.id)).correctResponse, 1, 'dev-bbbbbbbb'))).toBe('DEVICE_NOT_ADMITTED')
    // Leaving the header out is no way around the binding: it counts as another computer.
    for (const [method, path, body] of [
      ['GET', `/api/v1/attempts/${attempt.id}`, undefined],
      ['PUT', `/api/v1/attempts/${attempt.id}/responses/${attempt.items[0]!.id}`, { response: null, seq: 1 }],
      ['POST', `/api/v1/attempts/${attempt.id}/submit`, undefined],
    ] as const) {
      const bare = await call(w.t.app, method, path, { session: a.c, ...(body ? { body } : {}) })
      expect(errorCode(bare), `${method} ${path} without the header`).toBe('DEVICE_NOT_ADMITTED')
    }
    expect(((await w.get(a.c, attempt.id, 'dev-aaaaaaaa')).json() as AttemptView).status).toBe('in_progress')
    expect((await w.consoleAttempt(attempt.id)).awaitingReadmit).toBe(true)

    expect((await post(a.c, `/api/v1/attempts/${attempt.id}/readmit`)).statusCode).toBe(403)
    const readmitted = await post(w.proctor, `/api/v1/attempts/${attempt.id}/readmit`)
    expect(readmitted.statusCode, readmitted.body).toBe(200)
    expect(readmitted.json()).toEqual({ id: attempt.id })
    const onNew = await w.get(a.c, attempt.id, 'dev-bbbbbbbb')
    expect(onNew.statusCode, onNew.body).toBe(200)
    expect((onNew.json() as AttemptView).items).toEqual(attempt.items)
    expect((await w.consoleAttempt(attempt.id)).awaitingReadmit).toBe(false)
    expect((await w.save(a.c, attempt.id, attempt.items[0]!.id, (await w.itemKey(attempt.items[0]!.id, attempt.id)).correctResponse, 1, 'dev-bbbbbbbb')).statusCode).toBe(200)
    const old = await w.get(a.c, attempt.id, 'dev-aaaaaaaa')
    expect(old.statusCode).toBe(409)
    expect(errorCode(old)).toBe('DEVICE_NOT_ADMITTED')

    for (const device of ['x', 'a'.repeat(200), 'dev aaaaaaaa', 'dev_aaaaaaaa']) {
      const res = await w.get(a.c, attempt.id, device)
      expect(res.statusCode, device).toBe(400)
    }
  })

  // Proves flags: the whole set is replaced and echoed, an item not in the form is a VALIDATION
  // error naming it, and more than 200 ids are refused.
  it('replaces the set of flagged items and refuses items outside the form', async () => {
    const a = await w.admitted(`flags-${kind}@example.com`, ['QBA'])
    const attempt = await w.start(a, 'QBA')
    const [i0, i1, i2] = attempt.items.map((i) => i.id)
    const flags = (itemIds: unknown) => call(w.t.app, 'PUT', `/api/v1/attempts/${attempt.id}/flags`, { session: a.c, headers: { 'x-attempt-device': w.deviceOf(attempt.id) }, body: { itemIds } })
    const first = await flags([i0, i2])
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toEqual({ itemIds: [i0, i2] })
    expect(((await w.get(a.c, attempt.id)).json() as AttemptView).flags).toEqual([i0, i2])
    expect((await flags([i1])).json()).toEqual({ itemIds: [i1] })
    expect(((await w.get(a.c, attempt.id)).json() as AttemptView).flags).toEqual([i1])

    const outside = await flags([i0, 'not-in-this-form'])
    expect(outside.statusCode).toBe(400)
    expect(outside.json().error).toMatchObject({ code: 'VALIDATION', details: { itemIds: ['not-in-this-form'] } })
    const tooMany = await flags(Array.from({ length: 201 }, () => i0))
    expect(tooMany.statusCode).toBe(400)
    expect(errorCode(tooMany)).toBe('VALIDATION')
    expect((await flags('i0')).statusCode).toBe(400)
    expect(((await w.get(a.c, attempt.id)).json() as AttemptView).flags).toEqual([i1])
    expect((await flags([])).json()).toEqual({ itemIds: [] })
  })

  // Proves focus events reach the console (focus_lost counted) and an unknown kind is refused.
  it('records focus events for the proctor and refuses unknown kinds', async () => {
    const a = await w.admitted(`focus-${kind}@example.com`, ['QBA'])
    const attempt = await w.start(a, 'QBA')
    const send = (body: unknown) => call(w.t.app, 'POST', `/api/v1/attempts/${attempt.id}/events`, { session: a.c, headers: { 'x-attempt-device': w.deviceOf(attempt.id) }, body })
    for (const k of ['focus_lost', 'focus_returned', 'focus_lost', 'focus_returned', 'focus_lost']) {
      const res = await send({ kind: k })
      expect(res.statusCode, res.body).toBe(204)
    }
    expect((await w.consoleAttempt(attempt.id)).focusLost).toBe(3)
    for (const body of [{ kind: 'blur' }, {}, { kind: 'focus_lost', at: 'now' }]) {
      const res = await send(body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
    }
    expect((await w.consoleAttempt(attempt.id)).focusLost).toBe(3)
  })

  // Proves breaks: only with the extra_breaks accommodation; the clock stops while on break; ending it
  // needs a proctor present and moves the deadline by the break.
  it('gives breaks only to candidates approved for them, with the clock stopped', async () => {
    const plain = await w.admitted(`no-breaks-${kind}@example.com`, ['MM'])
    const plainAttempt = await w.start(plain, 'MM')
    const denied = await post(plain.c, `/api/v1/attempts/${plainAttempt.id}/break`)
    expect(denied.statusCode).toBe(403)
    expect(((await w.get(plain.c, plainAttempt.id)).json() as AttemptView).status).toBe('in_progress')

    const a = await w.admitted(`breaks-${kind}@example.com`, ['MM'], { adjustments: ['extra_breaks'] })
    const attempt = await w.start(a, 'MM')
    expect(attempt.accommodations).toContain('extra_breaks')
    expect(errorCode(await post(a.c, `/api/v1/attempts/${attempt.id}/break/end`))).toBe('CONFLICT')
    const onBreak = await post(a.c, `/api/v1/attempts/${attempt.id}/break`)
    expect(onBreak.statusCode, onBreak.body).toBe(200)
    expect(onBreak.json()).toMatchObject({ status: 'paused', pauseReason: 'break', remainingMs: 45 * MINUTE })

    w.t.clock.advance(3 * MINUTE)
    await w.heartbeat()
    expect(((await w.get(a.c, attempt.id)).json() as AttemptView).remainingMs).toBe(45 * MINUTE)
    const save = await w.save(a.c, attempt.id, attempt.items[0]!.id, (await w.itemKey(attempt.items[0]!.id, attempt.id)).correctResponse)
    expect(save.json().error).toMatchObject({ code: 'ATTEMPT_PAUSED', details: { reason: 'break' } })
    const back = await post(a.c, `/api/v1/attempts/${attempt.id}/break/end`)
    expect(back.statusCode, back.body).toBe(200)
    expect(back.json()).toMatchObject({ status: 'in_progress', pauseReason: null, remainingMs: 45 * MINUTE, deadline: new Date(Date.parse(attempt.deadline) + 3 * MINUTE).toISOString() })

    // A break cannot end while no proctor is present.
    expect((await post(a.c, `/api/v1/attempts/${attempt.id}/break`)).statusCode).toBe(200)
    w.t.clock.advance(61_000)
    expect(errorCode(await post(a.c, `/api/v1/attempts/${attempt.id}/break/end`))).toBe('NO_PROCTOR_PRESENT')
    await w.heartbeat()
    const later = await post(a.c, `/api/v1/attempts/${attempt.id}/break/end`)
    expect(later.json()).toMatchObject({ status: 'in_progress', deadline: new Date(Date.parse(attempt.deadline) + 4 * MINUTE + 1000).toISOString() })
  })

  // Proves scribe mode: a proctor of the session reads and answers for a candidate approved for a
  // scribe (each save audited with the proctor's id) but never submits; without the approval, 403.
  it('lets the session\'s proctor scribe for an approved candidate, audited, without submitting', async () => {
    const a = await w.admitted(`scribed-${kind}@example.com`, ['QBA'], { adjustments: ['scribe'] })
    const attempt = await w.start(a, 'QBA')
    const item = attempt.items[3]!.id
    const read = await call(w.t.app, 'GET', `/api/v1/attempts/${attempt.id}`, { session: w.proctor })
    expect(read.statusCode, read.body).toBe(200)
    expect((read.json() as AttemptView).items).toEqual(attempt.items)
    const key = (await w.itemKey(item, attempt.id)).correctResponse
    const saved = await call(w.t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${item}`, { session: w.proctor, body: { response: key, seq: 1 } })
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json()).toMatchObject({ itemId: item, seq: 1, applied: true })
    expect(((await w.get(a.c, attempt.id)).json() as AttemptView).responses[item]).toMatchObject({ response: key, seq: 1 })
    const audit = await auditEntries(w, 'attempt.response_scribed', attempt.id)
    expect(audit.map((e) => ({ actorId: e.actorId, details: e.details }))).toEqual([{ actorId: w.proctor.userId, details: { itemId: item, seq: 1 } }])

    const cannotSubmit = await w.submit(w.proctor, attempt.id)
    expect(cannotSubmit.statusCode).toBe(403)
    expect(((await w.get(a.c, attempt.id)).json() as AttemptView).status).toBe('in_progress')
    expect((await call(w.t.app, 'GET', `/api/v1/attempts/${attempt.id}`, { session: otherProctor })).statusCode).toBe(403)

    const plain = await w.admitted(`not-scribed-${kind}@example.com`, ['QBA'])
    const plainAttempt = await w.start(plain, 'QBA')
    expect((await call(w.t.app, 'GET', `/api/v1/attempts/${plainAttempt.id}`, { session: w.proctor })).statusCode).toBe(403)
    const forbidden = await call(w.t.app, 'PUT', `/api/v1/attempts/${plainAttempt.id}/responses/${plainAttempt.items[0]!.id}`, { session: w.proctor, body: { response: { RESPONSE: 'A' }, seq: 1 } })
    expect(forbidden.statusCode).toBe(403)
    expect(((await w.get(plain.c, plainAttempt.id)).json() as AttemptView).responses).toEqual({})
  })

  // Proves closing, on a session of its own: refused while an attempt runs or is paused; once every
  // attempt has ended (submitted or voided) it closes with closedAt, and no attempt starts after.
  it('closes the session only when every attempt has ended; nothing starts after', async () => {
    const proctor = w.proctorOf(closeSession)
    const x = await w.admitted(`close-x-${kind}@example.com`, ['MM', 'QBA'], { sessionId: closeSession })
    const y = await w.admitted(`close-y-${kind}@example.com`, ['MM'], { sessionId: closeSession })
    const xAttempt = await w.start(x, 'MM')
    const yAttempt = await w.start(y, 'MM')
    const url = `/api/v1/sessions/${closeSession}/close`
    const running = await post(proctor, url)
    expect(running.statusCode).toBe(409)
    expect(running.json().error.code).toBe('ATTEMPTS_RUNNING')
    expect([...running.json().error.details.attemptIds].sort()).toEqual([xAttempt.id, yAttempt.id].sort())
    expect((await post(x.c, url)).statusCode).toBe(403)

    expect((await post(proctor, `/api/v1/attempts/${yAttempt.id}/pause`, { reason: 'Candidate unwell' })).statusCode).toBe(200)
    expect(errorCode(await post(proctor, url))).toBe('ATTEMPTS_RUNNING')
    expect((await post(proctor, `/api/v1/attempts/${yAttempt.id}/void`, { reason: 'Candidate left unwell' })).statusCode).toBe(200)
    expect((await w.submit(x.c, xAttempt.id)).statusCode).toBe(200)

    const closedAt = iso()
    const closed = await post(proctor, url)
    expect(closed.statusCode, closed.body).toBe(200)
    expect(closed.json()).toEqual({ id: closeSession, closedAt })
    expect((await w.console(closeSession)).session).toMatchObject({ closedAt, status: 'closed' })
    const late = await call(w.t.app, 'POST', '/api/v1/attempts', { session: x.c, headers: { 'x-attempt-device': 'device-late-start' }, body: { registrationId: x.registrationId, module: 'QBA' } })
    expect(late.statusCode).toBe(409)
    expect(errorCode(late)).toBe('SESSION_CLOSED')
    expect((await call(w.t.app, 'GET', `/api/v1/registrations/${x.registrationId}/sitting`, { session: x.c })).json().session.closedAt).toBe(closedAt)
  })

  // Proves the session report: a PDF for the session's proctor, refused to a candidate and to nobody logged in.
  it('serves the session report as a PDF to the session\'s proctor only', async () => {
    const report = await call(w.t.app, 'GET', `/api/v1/sessions/${w.liveSessionId}/report.pdf`, { session: w.proctor })
    expect(report.statusCode).toBe(200)
    expect(report.headers['content-type']).toMatch(/^application\/pdf/)
    expect(report.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const candidate = await register(w.t.app, { email: `report-reader-${kind}@example.com` })
    expect((await call(w.t.app, 'GET', `/api/v1/sessions/${w.liveSessionId}/report.pdf`, { session: candidate })).statusCode).toBe(403)
    expect((await call(w.t.app, 'GET', `/api/v1/sessions/${w.liveSessionId}/report.pdf`, { session: otherProctor })).statusCode).toBe(403)
    expect((await call(w.t.app, 'GET', `/api/v1/sessions/${w.liveSessionId}/report.pdf`)).statusCode).toBe(401)
  })
})
