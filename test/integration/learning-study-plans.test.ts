// Study plans (issue 13, practice stream): made from a real result below 75% or from a practice test's
// diagnostic, the skills below standard in the result's order with their lessons, practice and
// mastery; completed the first time every skill is mastered, which invites the candidate (once, by
// email too) to book the retake from the earliest date the retake policy allows; seen only by the
// candidate and program staff. Every case on SQLite and PostgreSQL.
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RetakePolicy } from '../../src/common/rules/eligibility.js'
import type { PracticeAnswerView, PracticeSetView, PracticeTestView, StudyPlanView } from '../../src/common/schemas/practice.js'
import { deliveryWorld, HOUR, type DeliveryWorld } from '../helpers/delivery.js'
import { call, errorCode, register, type Session } from '../helpers/http-client.js'
import { deliveredMail } from '../helpers/mail.js'
import { countRows, fixtureProgramDir, statementsOf } from '../helpers/practice.js'
import { keyAsPresented } from '../helpers/practice-keys.js'
import { databases } from '../helpers/test-app.js'

const DAY = 24 * HOUR
const SRMT = ['SPAT', 'MECH', 'FPT', 'ELEC', 'CHEM', 'MPC']
const SUBJECT = /study plan .* is complete: book your retake/

describe.each(databases)('study plans on %s', (kind) => {
  let world: DeliveryWorld
  let programDir: string
  let seq = 0

  beforeAll(async () => {
    programDir = fixtureProgramDir()
    world = await deliveryWorld(kind, { programDir })
  }, 120_000)
  afterAll(async () => {
    await world.t.close()
    fs.rmSync(programDir, { recursive: true, force: true })
  })

  const app = () => world.t.app
  const email = (label: string) => `${label}-${seq++}-${kind}@example.com`

  /** The program's retake policy, as program.json would set it (the definition itself is frozen). */
  function setRetake(retake: RetakePolicy) {
    world.t.setProgram((d) => ({ ...d, policies: { ...d.policies, retake: { ...retake, waitDaysAfterAttempt: [...retake.waitDaysAfterAttempt] } } }))
  }

  /** A candidate sits the module in the demo session running now and submits with no answers (or every answer right). */
  async function sit(address: string, module: string, allRight = false): Promise<{ c: Session; attemptId: string; startedAt: string; passed: boolean }> {
    const a = await world.admitted(address, [module])
    const attempt = await world.start(a, module)
    if (allRight) await world.answerCorrectly(a.c, attempt, attempt.items.length)
    const res = await world.submit(a.c, attempt.id)
    expect(res.statusCode, res.body).toBe(200)
    return { c: a.c, attemptId: attempt.id, startedAt: attempt.startedAt, passed: res.json().result.passed }
  }

  const plan = (s: Session | undefined, body: unknown) => call(app(), 'POST', '/api/v1/learning/study-plans', { session: s, body })
  const keys = new Map<string, { skill: string; presentation: { body: unknown }; correctResponse: Record<string, unknown> }>()
  async function rightAnswer(item: { id: string; presentation: unknown }) {
    if (!keys.has(item.id)) keys.set(item.id, (await call(app(), 'GET', `/api/v1/admin/items/${item.id}`, { session: world.staff })).json())
    return keyAsPresented(keys.get(item.id)!, item as { presentation: { body: unknown } })
  }

  /** Answers `count` questions of the skill right, set after set; returns the last answer's view. */
  async function practiseRight(s: Session, skill: string, count: number): Promise<PracticeAnswerView> {
    let last: PracticeAnswerView | undefined
    while (count > 0) {
      const set = (await call(app(), 'POST', '/api/v1/learning/practice-sets', { session: s, body: { skill } })).json() as PracticeSetView
      for (const item of set.items.slice(0, count)) {
        const res = await call(app(), 'POST', `/api/v1/learning/practice-sets/${set.id}/items/${item.id}/answer`, { session: s, body: { response: await rightAnswer(item) } })
        expect(res.statusCode, res.body).toBe(201)
        last = res.json()
        count--
      }
    }
    return last!
  }

  const invitations = async (address: string) => (await app().db.selectFrom('emails').select('subject').where('to_address', '=', address).execute()).filter((e) => SUBJECT.test(e.subject)).length

  it('makes a plan from a failed result: the skills below standard in the result\'s order, each with its lessons, practice and mastery', async () => {
    const address = email('failed')
    const { c, attemptId, passed } = await sit(address, 'SRMT')
    expect(passed).toBe(false)
    const res = await plan(c, { source: 'result', id: attemptId })
    expect(res.statusCode, res.body).toBe(201)
    const made = res.json() as StudyPlanView
    expect(made).toMatchObject({ module: 'SRMT', moduleName: 'Spatial Reasoning and Manufacturing Technology', source: { kind: 'result', id: attemptId }, completedAt: null, retake: null, masteredCount: 0, skillCount: 6 })
    expect(made.skills.map((s) => s.skill)).toEqual(SRMT)
    expect(made.skills[0]).toMatchObject({
      skill: 'SPAT', name: 'Spatial Reasoning', practiceHref: '/learning/practice/SPAT', skillHref: '/learning/skills/SPAT',
      lessons: [{ id: 'SPAT-1', title: 'Views of a part', href: '/learning/lessons/SPAT-1', minutes: 5 }],
      mastery: { skill: 'SPAT', answered: 0, mastered: false, toMaster: 10 },
    })

    // Asking again opens the same plan.
    const again = await plan(c, { source: 'result', id: attemptId })
    expect(again.statusCode).toBe(200)
    expect(again.json().id).toBe(made.id)
    const mine = (await call(app(), 'GET', '/api/v1/learning/study-plans', { session: c })).json()
    expect(mine.items.map((p: { id: string }) => p.id)).toEqual([made.id])
    expect(mine.items[0]).toMatchObject({ skills: SRMT, completedAt: null, masteredCount: 0 })

    // Only the candidate and program staff see it; someone else's result makes no plan for them.
    const other = await register(app(), { email: email('other') })
    const before = await countRows(app(), 'study_plans')
    expect((await plan(other, { source: 'result', id: attemptId })).statusCode).toBe(404)
    expect((await call(app(), 'GET', `/api/v1/learning/study-plans/${made.id}`, { session: other })).statusCode).toBe(404)
    expect((await call(app(), 'GET', `/api/v1/learning/study-plans/${made.id}`)).statusCode).toBe(401)
    expect((await plan(undefined, { source: 'result', id: attemptId })).statusCode).toBe(401)
    expect((await call(app(), 'GET', `/api/v1/learning/study-plans/${made.id}`, { session: world.staff })).json().id).toBe(made.id)
    expect(await countRows(app(), 'study_plans')).toBe(before)
  })

  it('completes the plan when every skill is mastered and invites the candidate once to book the retake, from the earliest date allowed', async () => {
    const address = email('retaker')
    const { c, attemptId } = await sit(address, 'SRMT')
    const made = (await plan(c, { source: 'result', id: attemptId })).json() as StudyPlanView
    for (const skill of SRMT.slice(0, -1)) {
      const last = await practiseRight(c, skill, 10)
      expect(last).toMatchObject({ masteredNow: true, plansCompleted: [] })
    }
    const halfway = (await call(app(), 'GET', `/api/v1/learning/study-plans/${made.id}`, { session: c })).json() as StudyPlanView
    expect(halfway).toMatchObject({ masteredCount: 5, completedAt: null, retake: null })
    expect(await invitations(address)).toBe(0)

    const last = await practiseRight(c, 'MPC', 10)
    expect(last).toMatchObject({ masteredNow: true, plansCompleted: [made.id] })
    const done = (await call(app(), 'GET', `/api/v1/learning/study-plans/${made.id}`, { session: c })).json() as StudyPlanView
    const earliest = new Date(world.t.clock().getTime() + 48 * HOUR).toISOString()
    expect(done).toMatchObject({ masteredCount: 6, retake: { status: 'open', earliestAt: earliest, bookHref: '/sessions?module=SRMT' } })
    expect(done.completedAt).not.toBeNull()
    const mail = await deliveredMail(world.t, address, SUBJECT)
    expect(mail.text).toContain(`You may sit Spatial Reasoning and Manufacturing Technology again at a session starting from ${earliest.slice(0, 10)} ${earliest.slice(11, 16)} UTC`)
    expect(mail.text).toContain('http://mt1.test/sessions?module=SRMT')
    expect(mail.text).toContain(`http://mt1.test/learning/study-plans/${made.id}`)
    const completed = (await statementsOf(app(), c.userId, 'completed')).filter((s) => s.object_kind === 'study_plan')
    expect(completed).toHaveLength(1)
    expect(completed[0]!.statement).toMatchObject({ object: { id: `http://mt1.test/learning/study-plans/${made.id}` }, result: { completion: true } })

    // More practice sends no second invitation, and records no second completion.
    await practiseRight(c, 'MPC', 4)
    await world.t.flushEmails()
    expect(await invitations(address)).toBe(1)
    expect((await statementsOf(app(), c.userId, 'completed')).filter((s) => s.object_kind === 'study_plan')).toHaveLength(1)
  }, 120_000)

  it('applies the retake policy to the invitation, and completes at once a plan whose skills are already mastered', async () => {
    const shipped = app().services.program.definition.policies.retake
    setRetake({ waitDaysAfterAttempt: [30], maxAttemptsPer12Months: null })
    try {
      const address = email('waiter')
      const { c, attemptId, startedAt } = await sit(address, 'MM')
      for (const skill of ['MEAS', 'ALG', 'MQ']) await practiseRight(c, skill, 10)
      const res = await plan(c, { source: 'result', id: attemptId })
      expect(res.statusCode).toBe(201)
      const made = res.json() as StudyPlanView
      const allowed = new Date(Date.parse(startedAt) + 30 * DAY).toISOString()
      expect(made).toMatchObject({ masteredCount: 3, retake: { status: 'open', earliestAt: allowed } })
      expect(made.completedAt).not.toBeNull()
      expect((await deliveredMail(world.t, address, SUBJECT)).text).toContain(`${allowed.slice(0, 10)} ${allowed.slice(11, 16)} UTC`)
      expect(await invitations(address)).toBe(1)
    } finally {
      setRetake(shipped)
    }
  }, 120_000)

  it('makes no plan from a passed result', async () => {
    const { c, attemptId, passed } = await sit(email('passer'), 'QBA', true)
    expect(passed).toBe(true)
    const res = await plan(c, { source: 'result', id: attemptId })
    expect(res.statusCode).toBe(422)
    expect(errorCode(res)).toBe('NOTHING_TO_STUDY')
  })

  it('makes a plan from a practice test\'s diagnostic, once it is submitted and has skills below standard', async () => {
    const me = await register(app(), { email: email('diagnosed') })
    const start = (module: string) => call(app(), 'POST', '/api/v1/learning/practice-tests', { session: me, body: { module, timed: false } })
    const test = (await start('SRMT')).json() as PracticeTestView
    const early = await plan(me, { source: 'practice_test', id: test.id })
    expect(early.statusCode).toBe(422)
    expect(errorCode(early)).toBe('NOTHING_TO_STUDY')
    // Every SPAT item right; nothing else answered.
    for (const item of test.items) {
      const skill = ((await call(app(), 'GET', `/api/v1/admin/items/${item.id}`, { session: world.staff })).json() as { skill: string }).skill
      if (skill === 'SPAT') {
        expect((await call(app(), 'PUT', `/api/v1/learning/practice-tests/${test.id}/responses/${item.id}`, { session: me, body: { response: await rightAnswer(item) } })).statusCode).toBe(200)
      }
    }
    const done = (await call(app(), 'POST', `/api/v1/learning/practice-tests/${test.id}/submit`, { session: me })).json() as PracticeTestView
    expect(done.diagnostic!.skills.filter((s) => s.belowStandard).map((s) => s.code)).toEqual(SRMT.slice(1))
    const res = await plan(me, { source: 'practice_test', id: test.id })
    expect(res.statusCode, res.body).toBe(201)
    expect((res.json() as StudyPlanView).skills.map((s) => s.skill)).toEqual(SRMT.slice(1))
    expect(res.json().source).toEqual({ kind: 'practice_test', id: test.id })

    const other = await register(app(), { email: email('snoop') })
    expect((await plan(other, { source: 'practice_test', id: test.id })).statusCode).toBe(404)

    // A diagnostic with every skill at standard has nothing to put in a plan.
    world.t.clock.advance(60_000)
    const perfect = (await start('MM')).json() as PracticeTestView
    for (const item of perfect.items) await call(app(), 'PUT', `/api/v1/learning/practice-tests/${perfect.id}/responses/${item.id}`, { session: me, body: { response: await rightAnswer(item) } })
    expect((await call(app(), 'POST', `/api/v1/learning/practice-tests/${perfect.id}/submit`, { session: me })).json().diagnostic.passed).toBe(true)
    const none = await plan(me, { source: 'practice_test', id: perfect.id })
    expect(none.statusCode).toBe(422)
    expect(errorCode(none)).toBe('NOTHING_TO_STUDY')

    // The progress page shows the plan as current, and the practice tests with their diagnostics.
    const progress = (await call(app(), 'GET', '/api/v1/learning/progress', { session: me })).json()
    expect(progress.studyPlan.id).toBe(res.json().id)
    expect(progress.practiceTests.map((t: { id: string }) => t.id)).toEqual([perfect.id, test.id])
    expect(progress.mastery).toHaveLength(12)
  }, 60_000)

  it('refuses malformed and hostile bodies with a 4xx and stores nothing', async () => {
    const me = await register(app(), { email: email('hostile') })
    const before = await countRows(app(), 'study_plans')
    for (const body of [{}, { source: 'result' }, { source: 'exam', id: 'x' }, { source: 'result', id: '../../etc/passwd' }, { source: 'result', id: 'a'.repeat(65) }, { source: 'result', id: 'abc', extra: 1 }]) {
      const res = await plan(me, body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
    }
    expect((await plan(me, { source: 'result', id: 'no-such-attempt' })).statusCode).toBe(404)
    expect((await plan(me, { source: 'practice_test', id: 'no-such-test' })).statusCode).toBe(404)
    expect((await call(app(), 'GET', '/api/v1/learning/study-plans/no-such-plan', { session: me })).statusCode).toBe(404)
    expect((await call(app(), 'POST', '/api/v1/learning/study-plans', { session: me, body: { source: 'result', id: 'x' }, csrf: false })).statusCode).toBe(403)
    expect(await countRows(app(), 'study_plans')).toBe(before)
  })
})
