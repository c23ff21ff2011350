// Full-length practice tests (issue 13, practice stream): drawn by the module's blueprint from the
// practice pool only, answers saved as the learner goes, a diagnostic shaped like the score report,
// answers counting toward mastery, xAPI statements, a timed test's deadline kept by the server (moved
// test clock), the proof that no operational item is served or accepted, authorization and hostile
// bodies. Every case on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { moduleResult } from '../../src/common/rules/module-result.js'
import type { PracticeTestView } from '../../src/common/schemas/practice.js'
import { call, errorCode, type Session } from '../helpers/http-client.js'
import { countRows, forbiddenKeys, practiceWorld, statementsOf, type PracticeWorld } from '../helpers/practice.js'
import { databases } from '../helpers/test-app.js'

const MINUTE = 60_000

describe.each(databases)('practice tests on %s', (kind) => {
  let w: PracticeWorld
  const BLUEPRINT: Record<string, Record<string, number>> = {
    MM: { MEAS: 8, ALG: 8, MQ: 8 }, SRMT: { SPAT: 6, MECH: 6, FPT: 6, ELEC: 6, CHEM: 6, MPC: 6 }, QBA: { SPC: 8, QLM: 8, FLBA: 8 },
  }

  beforeAll(async () => {
    w = await practiceWorld(kind)
  }, 120_000)
  afterAll(async () => w.close())

  const stored = async () => ({
    tests: await countRows(w.app, 'practice_tests'), responses: await countRows(w.app, 'practice_test_responses'),
    answers: await countRows(w.app, 'practice_answers'), statements: await countRows(w.app, 'learning_statements'),
  })
  const save = (s: Session, testId: string, itemId: string, response: unknown) =>
    call(w.app, 'PUT', `/api/v1/learning/practice-tests/${testId}/responses/${itemId}`, { session: s, body: { response } })
  const submit = (s: Session, testId: string) => call(w.app, 'POST', `/api/v1/learning/practice-tests/${testId}/submit`, { session: s })
  const skillOf = (itemId: string) => w.pool.practice.find((i) => i.id === itemId)!.skill

  it('draws a full-length form by the blueprint from the practice pool, as far as each skill\'s practice items go, without keys', async () => {
    const me = await w.learner('full')
    for (const module of ['MM', 'SRMT', 'QBA']) {
      const test = await w.startTest(me, module)
      expect(test).toMatchObject({ module, timed: false, status: 'in_progress', deadline: null, remainingMs: null, submittedAt: null, diagnostic: null, responses: {} })
      for (const [skill, count] of Object.entries(BLUEPRINT[module]!)) {
        const have = w.pool.practice.filter((i) => i.skill === skill).length
        expect(test.items.filter((i) => skillOf(i.id) === skill), `${module} ${skill}`).toHaveLength(Math.min(count, have))
      }
      expect(test.itemCount).toBe(test.items.length)
      expect(test.calculator).toBe(module !== 'SRMT')
      expect(forbiddenKeys(test.items)).toEqual([])
    }
  })

  it('saves answers as the learner goes, scores them into a diagnostic like the score report, and counts them toward mastery', async () => {
    const me = await w.learner('diagnosed')
    const test = await w.startTest(me, 'QBA')
    // Every SPC item right, half of the QLM items right, no FLBA answered.
    const spc = test.items.filter((i) => skillOf(i.id) === 'SPC')
    const qlm = test.items.filter((i) => skillOf(i.id) === 'QLM')
    for (const item of spc) expect((await save(me, test.id, item.id, await w.rightAnswer(item))).statusCode).toBe(200)
    for (const [n, item] of qlm.entries()) expect((await save(me, test.id, item.id, n % 2 === 0 ? await w.rightAnswer(item) : {})).statusCode).toBe(200)
    // A changed answer replaces the earlier one.
    const changed = qlm[1]!
    expect((await save(me, test.id, changed.id, {})).statusCode).toBe(200)
    expect((await save(me, test.id, changed.id, await w.rightAnswer(changed))).statusCode).toBe(200)
    const running = (await call(w.app, 'GET', `/api/v1/learning/practice-tests/${test.id}`, { session: me })).json() as PracticeTestView
    expect(running.responses[spc[0]!.id]).toEqual(await w.rightAnswer(spc[0]!))
    expect(Object.keys(running.responses)).toHaveLength(spc.length + qlm.length)

    const res = await submit(me, test.id)
    expect(res.statusCode, res.body).toBe(200)
    const done = res.json() as PracticeTestView
    expect(done).toMatchObject({ status: 'submitted', submittedBy: 'learner', items: [], responses: {} })
    const rightQlm = qlm.filter((_, n) => n % 2 === 0 || n === 1).length
    const expected = moduleResult(test.items.map((i) => ({
      skill: skillOf(i.id), score: spc.includes(i) || (qlm.indexOf(i) >= 0 && (qlm.indexOf(i) % 2 === 0 || qlm.indexOf(i) === 1)) ? 1 : 0, maxScore: 1,
    })), 75, ['SPC', 'QLM', 'FLBA'])
    expect(done.diagnostic).toEqual({
      module: 'QBA', percent: expected.percent, passed: expected.passed, passPercent: 75, answered: spc.length + qlm.length, total: test.items.length,
      skills: [
        { code: 'SPC', name: 'Statistical Process Control', percent: 100, belowStandard: false },
        { code: 'QLM', name: 'Quality and Lean Manufacturing', percent: expected.skills[1]!.percent, belowStandard: rightQlm * 100 < 75 * qlm.length },
        { code: 'FLBA', name: 'Financial Literacy and Business Acumen', percent: 0, belowStandard: true },
      ],
    })
    expect(done.diagnostic!.passed).toBe(false)

    // The answers count toward mastery (unanswered items are not answers).
    const mastery = (await call(w.app, 'GET', '/api/v1/learning/mastery', { session: me })).json().items as { skill: string; answered: number; correct: number }[]
    expect(mastery.find((m) => m.skill === 'SPC')).toMatchObject({ answered: Math.min(10, spc.length), correct: Math.min(10, spc.length) })
    expect(mastery.find((m) => m.skill === 'QLM')).toMatchObject({ answered: Math.min(10, qlm.length) })
    expect(mastery.find((m) => m.skill === 'FLBA')).toMatchObject({ answered: 0 })

    // xAPI: attempted at the start; answered per item, failed and completed at the submission; all under the test's registration.
    const attempted = await statementsOf(w.app, me.userId, 'attempted')
    expect(attempted).toHaveLength(1)
    expect(attempted[0]!.statement).toMatchObject({ object: { id: `http://mt1.test/learning/practice-tests/${test.id}` }, context: { registration: test.id } })
    const answered = await statementsOf(w.app, me.userId, 'answered')
    expect(answered).toHaveLength(spc.length + qlm.length)
    expect(answered.every((a) => a.statement.context.registration === test.id && a.statement.context.contextActivities.parent[0].id === `http://mt1.test/learning/practice-tests/${test.id}`)).toBe(true)
    expect(await statementsOf(w.app, me.userId, 'passed')).toHaveLength(0)
    const [failed] = await statementsOf(w.app, me.userId, 'failed')
    expect(failed!.statement).toMatchObject({ result: { success: false, completion: true, score: { max: test.items.length } }, context: { registration: test.id } })
    expect(await statementsOf(w.app, me.userId, 'completed')).toHaveLength(1)

    // Submitted once: a second submission and later saves are refused, and store nothing.
    const before = await stored()
    const again = await submit(me, test.id)
    expect(again.statusCode).toBe(409)
    expect(errorCode(again)).toBe('PRACTICE_TEST_CLOSED')
    expect((await save(me, test.id, spc[0]!.id, {})).statusCode).toBe(409)
    expect(await stored()).toEqual(before)

    // The list shows it with its diagnostic.
    const list = (await call(w.app, 'GET', '/api/v1/learning/practice-tests', { session: me })).json()
    expect(list.items).toHaveLength(1)
    expect(list.items[0]).toMatchObject({ id: test.id, status: 'submitted', diagnostic: done.diagnostic })
  })

  it('says "would have passed" at the program\'s 75%, and records passed', async () => {
    const me = await w.learner('passer')
    const test = await w.startTest(me, 'MM')
    for (const item of test.items) expect((await save(me, test.id, item.id, await w.rightAnswer(item))).statusCode).toBe(200)
    const done = (await submit(me, test.id)).json() as PracticeTestView
    expect(done.diagnostic).toMatchObject({ percent: 100, passed: true, answered: test.items.length })
    expect(done.diagnostic!.skills.every((s) => !s.belowStandard)).toBe(true)
    expect(await statementsOf(w.app, me.userId, 'passed')).toHaveLength(1)
  })

  it('keeps a timed test to the module\'s time limit by the server\'s clock: a save after the deadline is refused and the test is submitted as of it', async () => {
    const me = await w.learner('timed')
    const test = await w.startTest(me, 'SRMT', true)
    expect(test.timed).toBe(true)
    expect(Date.parse(test.deadline!) - Date.parse(test.startedAt)).toBe(60 * MINUTE)
    expect(test.remainingMs).toBe(60 * MINUTE)
    const [first, second] = test.items
    expect((await save(me, test.id, first!.id, await w.rightAnswer(first!))).statusCode).toBe(200)
    w.t.clock.advance(59 * MINUTE)
    expect((await call(w.app, 'GET', `/api/v1/learning/practice-tests/${test.id}`, { session: me })).json().remainingMs).toBe(MINUTE)
    w.t.clock.advance(MINUTE + 1000)
    const before = await stored()
    const late = await save(me, test.id, second!.id, await w.rightAnswer(second!))
    expect(late.statusCode).toBe(409)
    expect(errorCode(late)).toBe('PRACTICE_TEST_CLOSED')
    const after = await stored()
    expect(after.responses).toBe(before.responses)
    const view = (await call(w.app, 'GET', `/api/v1/learning/practice-tests/${test.id}`, { session: me })).json() as PracticeTestView
    expect(view).toMatchObject({ status: 'submitted', submittedBy: 'deadline', submittedAt: test.deadline, items: [] })
    expect(view.diagnostic).toMatchObject({ answered: 1, total: test.items.length })
  })

  it('submits a timed test whose time ran out when the learner next looks, even without coming back to it', async () => {
    const me = await w.learner('abandoned')
    const test = await w.startTest(me, 'MM', true)
    expect((await save(me, test.id, test.items[0]!.id, {})).statusCode).toBe(200)
    w.t.clock.advance(46 * MINUTE)
    const progress = (await call(w.app, 'GET', '/api/v1/learning/progress', { session: me })).json()
    expect(progress.practiceTests[0]).toMatchObject({ id: test.id, status: 'submitted', submittedBy: 'deadline', submittedAt: test.deadline })
    // A submission after the deadline answers with the diagnostic rather than losing the answers.
    const other = await w.startTest(me, 'QBA', true)
    w.t.clock.advance(46 * MINUTE)
    const late = await submit(me, other.id)
    expect(late.statusCode).toBe(200)
    expect(late.json()).toMatchObject({ status: 'submitted', submittedBy: 'deadline', submittedAt: other.deadline })
  })

  it('never serves or accepts an operational item: many practice tests of every module, every item in the practice pool', async () => {
    const me = await w.learner('prover')
    const practice = new Set(w.pool.practice.map((i) => i.id))
    for (const module of ['MM', 'SRMT', 'QBA']) {
      for (let n = 0; n < 8; n++) {
        const test = await w.startTest(me, module)
        for (const item of test.items) expect(practice.has(item.id), `${module}: ${item.id}`).toBe(true)
        if (n === 0) {
          const before = await stored()
          for (const op of w.pool.operational.filter((i) => i.module === module).slice(0, 5)) {
            const res = await save(me, test.id, op.id, {})
            expect(res.statusCode).toBe(404)
          }
          expect(await stored()).toEqual(before)
        }
      }
    }
  }, 60_000)

  it('answers 404 for another learner\'s test and 401 signed out; nothing stored', async () => {
    const owner = await w.learner('owner')
    const intruder = await w.learner('intruder')
    const test = await w.startTest(owner, 'MM')
    const item = test.items[0]!
    const before = await stored()
    expect((await call(w.app, 'GET', `/api/v1/learning/practice-tests/${test.id}`, { session: intruder })).statusCode).toBe(404)
    expect((await save(intruder, test.id, item.id, {})).statusCode).toBe(404)
    expect((await submit(intruder, test.id)).statusCode).toBe(404)
    expect((await call(w.app, 'GET', '/api/v1/learning/practice-tests', { session: intruder })).json().items).toEqual([])
    for (const [method, url] of [['GET', `/api/v1/learning/practice-tests/${test.id}`], ['POST', `/api/v1/learning/practice-tests/${test.id}/submit`], ['GET', '/api/v1/learning/practice-tests'], ['GET', '/api/v1/learning/progress']] as const) {
      expect((await call(w.app, method, url)).statusCode, url).toBe(401)
    }
    expect((await call(w.app, 'POST', '/api/v1/learning/practice-tests', { body: { module: 'MM', timed: false } })).statusCode).toBe(401)
    expect(await stored()).toEqual(before)
    expect((await call(w.app, 'GET', `/api/v1/learning/practice-tests/${test.id}`, { session: owner })).json().status).toBe('in_progress')
  })

  it('refuses malformed, oversized and hostile bodies with a 4xx and stores nothing', async () => {
    const me = await w.learner('hostile')
    const test = await w.startTest(me, 'QBA')
    const item = test.items.find((i) => JSON.stringify(i.presentation).includes('"kind":"choice"'))!
    const before = await stored()
    for (const body of [{}, { module: 'MM' }, { module: 'MM', timed: 'soon' }, { module: 'mm', timed: true }, { module: 'MM', timed: true, extra: 1 }, { module: 'M'.repeat(40), timed: true }]) {
      expect((await call(w.app, 'POST', '/api/v1/learning/practice-tests', { session: me, body })).statusCode, JSON.stringify(body)).toBe(400)
    }
    expect((await call(w.app, 'POST', '/api/v1/learning/practice-tests', { session: me, body: { module: 'WELD', timed: true } })).statusCode).toBe(404)
    let deep: unknown = 'A'
    for (let i = 0; i < 50; i++) deep = [deep]
    const cases: [unknown, number][] = [
      [{}, 400], [{ response: {}, seq: 1 }, 400], [{ response: { RESPONSE: deep } }, 400], [{ response: { RESPONSE: 'x'.repeat(20_000) } }, 413],
      [{ response: { RESPONSE: 'NOTATOKEN' } }, 400], [{ response: { RESPONSE: '"><img src=x onerror=alert(1)>' } }, 400],
    ]
    for (const [body, status] of cases) {
      const res = await call(w.app, 'PUT', `/api/v1/learning/practice-tests/${test.id}/responses/${item.id}`, { session: me, body })
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(status)
    }
    expect(await stored()).toEqual(before)
  })

  it('asks whether the learner may practise the module: 403 with the reason, nothing stored', async () => {
    const me = await w.learner('unenrolled')
    const test = await w.startTest(me, 'SRMT')
    // In every app of this test (TEST_TWO_APPS: a request may reach either).
    const hooked = w.t.apps.map((app) => ({ access: app.services.practiseAccess, allowed: app.services.practiseAccess.canPractise }))
    for (const { access } of hooked) access.canPractise = async () => ({ allowed: false, reason: 'Your Learning Lab enrolment has ended.' })
    try {
      const before = await stored()
      for (const res of [
        await call(w.app, 'POST', '/api/v1/learning/practice-tests', { session: me, body: { module: 'SRMT', timed: false } }),
        await call(w.app, 'GET', `/api/v1/learning/practice-tests/${test.id}`, { session: me }),
        await save(me, test.id, test.items[0]!.id, {}),
        await submit(me, test.id),
      ]) {
        expect(res.statusCode).toBe(403)
        expect(res.json().error).toMatchObject({ code: 'LEARNING_LAB_ENROLMENT_REQUIRED', message: 'Your Learning Lab enrolment has ended.' })
      }
      expect(await stored()).toEqual(before)
    } finally {
      for (const { access, allowed } of hooked) access.canPractise = allowed
    }
  })
})
