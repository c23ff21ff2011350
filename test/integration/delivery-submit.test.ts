// Submitting an attempt through the API: scoring at the pass line, skills feedback, the certificates
// a pass completes (module, MS = MM + SRMT, MT1 = all three), each awarded exactly once even when two
// final submissions race, the deadline (the server submits by itself), and who may submit.
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, errorCode, login, register } from '../helpers/http-client.js'
import { CERTIFICATE_NUMBER, HOUR, MINUTE, deliveryWorld, secondApp, type AttemptView, type Award, type DeliveryWorld, type ResultView } from '../helpers/delivery.js'
import { databases } from '../helpers/test-app.js'

const DAY = 24 * HOUR
const skillsShort = (r: ResultView) => r.skills.map(({ code, percent, belowStandard }) => ({ code, percent, belowStandard }))
const typesOf = (awards: readonly { type: string }[]) => awards.map((a) => a.type).sort()

describe.each(databases)('submitting and awarding on %s', (kind) => {
  let w: DeliveryWorld
  beforeAll(async () => {
    w = await deliveryWorld(kind)
  }, 120_000)
  afterAll(async () => w?.t.close())

  // Items are answered in skill order, so the skills feedback below is known exactly; the remaining
  // items stay unanswered (an unanswered item scores zero).
  const cases = [
    {
      module: 'MM', items: 24, pass: 18,
      passSkills: [{ code: 'MEAS', percent: 100, belowStandard: false }, { code: 'ALG', percent: 100, belowStandard: false }, { code: 'MQ', percent: 25, belowStandard: true }],
      failPercent: 70.83,
      failSkills: [{ code: 'MEAS', percent: 100, belowStandard: false }, { code: 'ALG', percent: 100, belowStandard: false }, { code: 'MQ', percent: 12.5, belowStandard: true }],
    },
    {
      module: 'SRMT', items: 36, pass: 27,
      passSkills: [
        { code: 'SPAT', percent: 100, belowStandard: false }, { code: 'MECH', percent: 100, belowStandard: false }, { code: 'FPT', percent: 100, belowStandard: false },
        { code: 'ELEC', percent: 100, belowStandard: false }, { code: 'CHEM', percent: 50, belowStandard: true }, { code: 'MPC', percent: 0, belowStandard: true },
      ],
      failPercent: 72.22,
      failSkills: [
        { code: 'SPAT', percent: 100, belowStandard: false }, { code: 'MECH', percent: 100, belowStandard: false }, { code: 'FPT', percent: 100, belowStandard: false },
        { code: 'ELEC', percent: 100, belowStandard: false }, { code: 'CHEM', percent: 33.33, belowStandard: true }, { code: 'MPC', percent: 0, belowStandard: true },
      ],
    },
    {
      module: 'QBA', items: 24, pass: 18,
      passSkills: [{ code: 'SPC', percent: 100, belowStandard: false }, { code: 'QLM', percent: 100, belowStandard: false }, { code: 'FLBA', percent: 25, belowStandard: true }],
      failPercent: 70.83,
      failSkills: [{ code: 'SPC', percent: 100, belowStandard: false }, { code: 'QLM', percent: 100, belowStandard: false }, { code: 'FLBA', percent: 12.5, belowStandard: true }],
    },
  ]

  // Proves the pass line is exactly 75% (ceil(0.75·n) correct passes, one fewer fails), that the
  // percent is truncated (17/24 = 70.833… shows 70.83, 26/36 = 72.22), and that every blueprint skill
  // is reported with belowStandard for skills under 75%.
  it('passes at exactly ceil(0.75·n) correct answers and fails one below, with truncated percents and skills feedback', async () => {
    const passer = await w.admitted(`edge-pass-${kind}@example.com`, ['MM', 'SRMT', 'QBA'])
    const failer = await w.admitted(`edge-fail-${kind}@example.com`, ['MM', 'SRMT', 'QBA'])
    for (const c of cases) {
      expect(c.pass).toBe(Math.ceil(0.75 * c.items))
      const up = await w.start(passer, c.module)
      const down = await w.start(failer, c.module)
      expect(up.items).toHaveLength(c.items)
      // The form follows the blueprint, so each skill has the same number of items.
      const perSkill = c.items / w.skillsOf.get(c.module)!.length
      const counts = new Map<string, number>()
      for (const i of await w.itemsBySkill(up)) counts.set(i.skill, (counts.get(i.skill) ?? 0) + 1)
      expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(w.skillsOf.get(c.module)!.map((s) => [s, perSkill])))

      await w.answerCorrectly(passer.c, up, c.pass)
      await w.answerCorrectly(failer.c, down, c.pass - 1)
      const passed = await w.submit(passer.c, up.id)
      expect(passed.statusCode, passed.body).toBe(200)
      const failed = await w.submit(failer.c, down.id)
      expect(failed.statusCode, failed.body).toBe(200)

      const p = passed.json().result as ResultView
      expect(p).toMatchObject({ module: c.module, percent: 75, passed: true })
      expect(skillsShort(p)).toEqual(c.passSkills)
      const f = failed.json().result as ResultView
      expect(f).toMatchObject({ module: c.module, percent: c.failPercent, passed: false })
      expect(skillsShort(f)).toEqual(c.failSkills)
      expect(failed.json().awarded).toEqual([])
      for (const s of [...p.skills, ...f.skills]) expect(s.name.length).toBeGreaterThan(0)
    }
    expect((await call(w.t.app, 'GET', '/api/v1/me/credentials', { session: failer.c })).json().items).toEqual([])
  })

  // Proves the award rules: a module pass gives its module certificate only; MS needs MM and SRMT;
  // MT1 needs all three; each is awarded once, with a well-formed number, dated the day of the pass.
  it('awards module certificates, then MS with MM and SRMT, then MT1 with all three, each exactly once', async () => {
    const a = await w.admitted(`awards-${kind}@example.com`, ['MM', 'SRMT', 'QBA'])
    const today = w.t.clock().toISOString().slice(0, 10)
    const take = async (module: string, correct: number) => {
      const attempt = await w.start(a, module)
      await w.answerCorrectly(a.c, attempt, correct)
      const res = await w.submit(a.c, attempt.id)
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json().result.passed).toBe(true)
      return { attempt, body: res.json() as { result: ResultView; awarded: Award[] } }
    }
    const qba = await take('QBA', 24)
    expect(typesOf(qba.body.awarded)).toEqual(['QBA'])
    const mm = await take('MM', 18)
    expect(typesOf(mm.body.awarded)).toEqual(['MM'])
    const srmt = await take('SRMT', 27)
    expect(typesOf(srmt.body.awarded)).toEqual(['MS', 'MT1', 'SRMT'])

    const all = [...qba.body.awarded, ...mm.body.awarded, ...srmt.body.awarded]
    for (const award of all) {
      expect(award.certificateNumber).toMatch(CERTIFICATE_NUMBER)
      expect(award.issuedOn).toBe(today)
    }
    expect(new Set(all.map((x) => x.certificateNumber)).size).toBe(5)

    // Submitting again changes nothing.
    for (const { attempt } of [qba, mm, srmt]) {
      const again = await w.submit(a.c, attempt.id)
      expect(again.statusCode).toBe(409)
      expect(errorCode(again)).toBe('ATTEMPT_CLOSED')
    }
    const held = (await call(w.t.app, 'GET', '/api/v1/me/credentials', { session: a.c })).json().items as { certificateNumber: string; type: string; status: string }[]
    expect(typesOf(held)).toEqual(['MM', 'MS', 'MT1', 'QBA', 'SRMT'])
    expect(held.map((h) => h.certificateNumber).sort()).toEqual(all.map((x) => x.certificateNumber).sort())
    expect(held.every((h) => h.status === 'active')).toBe(true)
  })

  // Proves the results are visible afterwards: GET /me/results lists each scored module with its
  // skills, and the attempt itself shows status 'scored' with the same result. The scores are chosen
  // so that truncating and rounding differ: 19/24 = 79.166… shows 79.16, 28/36 = 77.77, 4/6 = 66.66.
  it('lists results on /me/results and shows the scored attempt with its (truncated) result', async () => {
    const a = await w.admitted(`results-${kind}@example.com`, ['MM', 'SRMT', 'QBA'])
    const mm = await w.start(a, 'MM')
    const srmt = await w.start(a, 'SRMT')
    const qba = await w.start(a, 'QBA')
    await w.answerCorrectly(a.c, mm, 19)
    await w.answerCorrectly(a.c, srmt, 28)
    await w.answerCorrectly(a.c, qba, 12)
    const mmResult = (await w.submit(a.c, mm.id)).json().result as ResultView
    const srmtResult = (await w.submit(a.c, srmt.id)).json().result as ResultView
    const qbaResult = (await w.submit(a.c, qba.id)).json().result as ResultView
    expect(mmResult).toMatchObject({ module: 'MM', percent: 79.16, passed: true })
    expect(skillsShort(mmResult)).toEqual([{ code: 'MEAS', percent: 100, belowStandard: false }, { code: 'ALG', percent: 100, belowStandard: false }, { code: 'MQ', percent: 37.5, belowStandard: true }])
    expect(srmtResult).toMatchObject({ module: 'SRMT', percent: 77.77, passed: true })
    expect(skillsShort(srmtResult).slice(4)).toEqual([{ code: 'CHEM', percent: 66.66, belowStandard: true }, { code: 'MPC', percent: 0, belowStandard: true }])
    expect(qbaResult).toMatchObject({ module: 'QBA', percent: 50, passed: false })
    expect(skillsShort(qbaResult)).toEqual([{ code: 'SPC', percent: 100, belowStandard: false }, { code: 'QLM', percent: 50, belowStandard: true }, { code: 'FLBA', percent: 0, belowStandard: true }])

    const results = (await call(w.t.app, 'GET', '/api/v1/me/results', { session: a.c })).json().items as (ResultView & { attemptId: string; sessionId: string })[]
    expect(results).toHaveLength(3)
    const byAttempt = new Map(results.map((r) => [r.attemptId, r]))
    for (const [attempt, result] of [[mm, mmResult], [srmt, srmtResult], [qba, qbaResult]] as const) {
      expect(byAttempt.get(attempt.id)).toMatchObject({ ...result, sessionId: w.liveSessionId })
      expect(byAttempt.get(attempt.id)!.skills).toEqual(result.skills)
    }

    const view = (await w.get(a.c, mm.id)).json() as AttemptView
    expect(view.status).toBe('scored')
    expect(view.result).toEqual(mmResult)
    const mine = (await call(w.t.app, 'GET', '/api/v1/me/attempts', { session: a.c })).json().items as { id: string; status: string; result: ResultView | null }[]
    expect(mine.find((x) => x.id === qba.id)).toMatchObject({ status: 'scored', result: qbaResult })
    expect(typesOf((await call(w.t.app, 'GET', '/api/v1/me/credentials', { session: a.c })).json().items)).toEqual(['MM', 'MS', 'SRMT'])
  })

  // Proves who may submit: another candidate's attempt does not exist for them (404), nobody
  // unauthenticated may (401), malformed ids are refused (400); the owner's attempt is untouched.
  it('refuses a submit of another candidate\'s attempt (404), unauthenticated (401) and malformed ids (400)', async () => {
    const a = await w.admitted(`owner-${kind}@example.com`, ['QBA'])
    const attempt = await w.start(a, 'QBA')
    const other = await register(w.t.app, { email: `intruder-${kind}@example.com` })
    const foreign = await w.submit(other, attempt.id)
    expect(foreign.statusCode).toBe(404)
    expect(errorCode(foreign)).toBe('NOT_FOUND')
    const anonymous = await call(w.t.app, 'POST', `/api/v1/attempts/${attempt.id}/submit`)
    expect(anonymous.statusCode).toBe(401)
    for (const bad of ['not%20an%20id', 'x'.repeat(65), '%3Cscript%3E']) {
      const res = await call(w.t.app, 'POST', `/api/v1/attempts/${bad}/submit`, { session: a.c })
      expect(res.statusCode, bad).toBe(400)
      expect(errorCode(res)).toBe('VALIDATION')
    }
    expect((await w.submit(a.c, 'no-such-attempt')).statusCode).toBe(404)
    expect(((await w.get(a.c, attempt.id)).json() as AttemptView).status).toBe('in_progress')
    const own = await w.submit(a.c, attempt.id)
    expect(own.statusCode, own.body).toBe(200)
    expect(own.json().result).toMatchObject({ module: 'QBA', percent: 0, passed: false })
  })

  // Proves the deadline: after it, the candidate's save and submit are refused with ATTEMPT_CLOSED, the
  // submit attempt makes the server submit and score the attempt with the answers it had; and the
  // sweep alone, with no request from the candidate at all (the browser is gone), does the same.
  // Runs last in this block: it moves the clock an hour on.
  it('closes at the deadline: the server submits and scores, with or without the candidate\'s browser', async () => {
    const late = await w.admitted(`late-${kind}@example.com`, ['MM'])
    const gone = await w.admitted(`gone-${kind}@example.com`, ['SRMT'])
    const lateAttempt = await w.start(late, 'MM')
    const goneAttempt = await w.start(gone, 'SRMT')
    const answered = await w.answerCorrectly(late.c, lateAttempt, 18)
    await w.answerCorrectly(gone.c, goneAttempt, 26)

    w.t.clock.advance(45 * MINUTE + 1000) // MM's 45 minutes are up; SRMT's 60 are not
    await w.heartbeat()
    const put = await w.save(late.c, lateAttempt.id, answered[0]!, { RESPONSE: 'A' }, 2)
    expect(put.statusCode).toBe(409)
    expect(errorCode(put)).toBe('ATTEMPT_CLOSED')
    const submit = await w.submit(late.c, lateAttempt.id)
    expect(submit.statusCode).toBe(409)
    expect(errorCode(submit)).toBe('ATTEMPT_CLOSED')
    const lateView = (await w.get(late.c, lateAttempt.id)).json() as AttemptView
    expect(lateView.status).toBe('scored')
    expect(lateView.result).toMatchObject({ module: 'MM', percent: 75, passed: true })
    expect(typesOf((await call(w.t.app, 'GET', '/api/v1/me/credentials', { session: late.c })).json().items)).toEqual(['MM'])
    expect(errorCode(await w.submit(late.c, lateAttempt.id))).toBe('ATTEMPT_CLOSED')

    // SRMT's deadline passes with no request from its candidate; the proctor is still there.
    expect((await w.consoleAttempt(goneAttempt.id)).status).toBe('in_progress')
    w.t.clock.advance(15 * MINUTE)
    await w.heartbeat()
    const swept = await w.t.app.services.proctoring.sweep()
    expect(swept.submitted).toBe(1)
    expect(swept.paused).toBe(0)
    expect((await w.consoleAttempt(goneAttempt.id)).status).toBe('scored')
    const goneView = (await w.get(gone.c, goneAttempt.id)).json() as AttemptView
    expect(goneView.status).toBe('scored')
    expect(goneView.result).toMatchObject({ module: 'SRMT', percent: 72.22, passed: false })
    expect(Object.keys(goneView.responses)).toHaveLength(26)
    // A second sweep finds nothing more to do.
    expect(await w.t.app.services.proctoring.sweep()).toEqual({ paused: 0, submitted: 0, scored: 0, breaksEnded: 0 })
  })
})

describe.each(databases)('simultaneous final submissions on %s', (kind) => {
  let w: DeliveryWorld
  beforeAll(async () => {
    w = await deliveryWorld(kind)
  }, 120_000)
  afterAll(async () => w?.t.close())

  // Proves that two final submissions at the same moment (MM and SRMT, both passing) award MS once:
  // across both responses and in the candidate's credentials. Fifteen candidates, three at a time; on
  // PostgreSQL each candidate's two submissions go through two app instances on the same database
  // (as two server processes would), so they really run in two transactions at once.
  it('awards MS exactly once when the MM and SRMT submissions race', async () => {
    const second = await secondApp(w)
    try {
      const racers = await Promise.all(Array.from({ length: 15 }, (_, n) => n).map((n) => w.admitted(`racer-${n}-${kind}@example.com`, ['MM', 'SRMT'])))
      const ready: { a: (typeof racers)[number]; mm: AttemptView; srmt: AttemptView }[] = []
      for (const a of racers) {
        const mm = await w.start(a, 'MM')
        const srmt = await w.start(a, 'SRMT')
        await w.answerCorrectly(a.c, mm, 18)
        await w.answerCorrectly(a.c, srmt, 27)
        ready.push({ a, mm, srmt })
      }
      // Five rounds of three candidates: each round's six submissions start together.
      const outcomes: [LightMyRequestResponse, LightMyRequestResponse][] = []
      for (let round = 0; round < ready.length; round += 3) {
        outcomes.push(...await Promise.all(ready.slice(round, round + 3).map(({ a, mm, srmt }) => {
          const other = second?.app ?? w.t.app
          return Promise.all([w.submit(a.c, mm.id), call(other, 'POST', `/api/v1/attempts/${srmt.id}/submit`, { session: a.c, headers: { 'x-attempt-device': w.deviceOf(srmt.id) } })])
        })))
      }
      for (const [i, pair] of outcomes.entries()) {
        const [mmRes, srmtRes] = pair
        expect(mmRes.statusCode, mmRes.body).toBe(200)
        expect(srmtRes.statusCode, srmtRes.body).toBe(200)
        const awarded = [...(mmRes.json().awarded as Award[]), ...(srmtRes.json().awarded as Award[])]
        expect(typesOf(awarded), `racer ${i}`).toEqual(['MM', 'MS', 'SRMT'])
        const held = (await call(w.t.app, 'GET', '/api/v1/me/credentials', { session: ready[i]!.a.c })).json().items as { type: string; certificateNumber: string }[]
        expect(typesOf(held), `racer ${i}`).toEqual(['MM', 'MS', 'SRMT'])
        expect(held.map((h) => h.certificateNumber).sort()).toEqual(awarded.map((x) => x.certificateNumber).sort())
      }
    } finally {
      await second?.close()
    }
    // Fifteen candidates are admitted, started twice and answer 45 items each before the race: on a
    // busy two-core machine that alone has taken over 30 s.
  }, 120_000)
})

describe.each(databases)('certificates earned across sessions on %s', (kind) => {
  let w: DeliveryWorld
  beforeAll(async () => {
    w = await deliveryWorld(kind)
  }, 120_000)
  afterAll(async () => w?.t.close())

  // Proves that module certificates from different sessions on different days combine: MM passed
  // today and SRMT three days later award MS once, dated the day of the later pass; no MT1 without QBA.
  it('awards MS for MM and SRMT passed in different sessions, dated by the later pass', async () => {
    const first = await w.admitted(`two-days-${kind}@example.com`, ['MM'])
    const mm = await w.start(first, 'MM')
    await w.answerCorrectly(first.c, mm, 24)
    const day1 = w.t.clock().toISOString().slice(0, 10)
    const mmRes = await w.submit(first.c, mm.id)
    expect(typesOf(mmRes.json().awarded)).toEqual(['MM'])

    const laterSession = await w.newSession(3 * DAY)
    const reg = await call(w.t.app, 'POST', '/api/v1/admin/registrations', { session: w.staff, body: { candidateId: first.c.userId, sessionId: laterSession, modules: ['SRMT'], overrideReason: 'Retake approved by the program' } })
    expect(reg.statusCode, reg.body).toBe(201)
    w.t.clock.advance(3 * DAY + 5 * MINUTE)
    const day2 = w.t.clock().toISOString().slice(0, 10)
    expect(day2 > day1).toBe(true)
    // Three days on, everyone logs in again.
    await w.relogin()
    const candidate = await login(w.t.app, `two-days-${kind}@example.com`, 'correct horse battery')
    expect((await w.checkIn(reg.json().id, laterSession)).statusCode).toBe(201)
    const srmt = await w.start({ c: candidate, registrationId: reg.json().id as string }, 'SRMT')
    await w.answerCorrectly(candidate, srmt, 36)
    const srmtRes = await w.submit(candidate, srmt.id)
    expect(srmtRes.statusCode, srmtRes.body).toBe(200)
    const awarded = srmtRes.json().awarded as Award[]
    expect(typesOf(awarded)).toEqual(['MS', 'SRMT'])
    expect(awarded.every((x) => x.issuedOn === day2)).toBe(true)

    const held = (await call(w.t.app, 'GET', '/api/v1/me/credentials', { session: candidate })).json().items as { type: string; issuedOn: string }[]
    expect(held.map(({ type, issuedOn }) => ({ type, issuedOn })).sort((x, y) => x.type.localeCompare(y.type))).toEqual([
      { type: 'MM', issuedOn: day1 }, { type: 'MS', issuedOn: day2 }, { type: 'SRMT', issuedOn: day2 },
    ])
  })
})

describe.each(databases)('the deadline when nobody is there on %s', (kind) => {
  let w: DeliveryWorld
  beforeAll(async () => {
    w = await deliveryWorld(kind)
  }, 120_000)
  afterAll(async () => w?.t.close())

  // Proves the server submits at the deadline by itself even when the sweep first runs after both
  // the deadline and the proctor's presence window have passed (the server was down, or the clock
  // jumped): an attempt out of time is submitted and scored, not paused for the proctor's absence.
  it('submits an attempt whose time ran out, rather than pausing it, when the proctor\'s presence has lapsed too', async () => {
    const a = await w.admitted(`unattended-${kind}@example.com`, ['SRMT'])
    const attempt = await w.start(a, 'SRMT')
    await w.answerCorrectly(a.c, attempt, 27)
    w.t.clock.advance(60 * MINUTE + 1000) // past the deadline; no heartbeat, no candidate request
    const swept = await w.t.app.services.proctoring.sweep()
    expect(swept).toMatchObject({ submitted: 1 })
    const view = (await w.get(a.c, attempt.id)).json() as AttemptView
    expect(view.status).toBe('scored')
    expect(view.result).toMatchObject({ module: 'SRMT', percent: 75, passed: true })
  })
})
