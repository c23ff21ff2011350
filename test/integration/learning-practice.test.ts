// Practice sets and mastery (issue 13, practice stream): sets drawn only from the practice pool and
// presented as the test screen presents items (no key before the answer), immediate feedback (right or
// wrong, the key as presented, the rationale, the lesson section), mastery over the window with its
// xAPI statements, the proof that no operational item is ever served or accepted, authorization, and
// hostile bodies refused with nothing stored. Every case on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PracticeSetView } from '../../src/common/schemas/practice.js'
import { call, errorCode, type Session } from '../helpers/http-client.js'
import { countRows, forbiddenKeys, practiceWorld, statementsOf, type PracticeWorld } from '../helpers/practice.js'
import { databases } from '../helpers/test-app.js'

describe.each(databases)('practice sets and mastery on %s', (kind) => {
  let w: PracticeWorld
  const SKILLS = ['MEAS', 'ALG', 'MQ', 'SPAT', 'MECH', 'FPT', 'ELEC', 'CHEM', 'MPC', 'SPC', 'QLM', 'FLBA']

  beforeAll(async () => {
    w = await practiceWorld(kind)
  }, 120_000)
  afterAll(async () => w.close())

  const practiceIds = () => new Set(w.pool.practice.map((i) => i.id))
  const stored = async () => ({
    answers: await countRows(w.app, 'practice_answers'), statements: await countRows(w.app, 'learning_statements'), sets: await countRows(w.app, 'practice_sets'),
  })

  it('draws a set of one skill from the practice pool, as the test screen presents items: options under opaque tokens, no key', async () => {
    const me = await w.learner('drawer')
    const set = await w.startSet(me, 'MEAS')
    const meas = w.pool.practice.filter((i) => i.skill === 'MEAS')
    expect(set.items).toHaveLength(Math.min(5, meas.length))
    expect(set.items.every((i) => meas.some((m) => m.id === i.id))).toBe(true)
    expect(set).toMatchObject({ module: 'MM', moduleName: 'Math and Measurement', skill: 'MEAS', skillName: 'Measurement', completedAt: null, feedback: {} })
    expect(set.mastery).toMatchObject({ skill: 'MEAS', answered: 0, correct: 0, window: 10, percent: 80, mastered: false, toMaster: 10, masteredSince: null })
    expect(forbiddenKeys(set.items)).toEqual([])
    // Option identifiers are this set's tokens, never the authored ones.
    const staff = (await call(w.app, 'GET', `/api/v1/admin/items/${set.items[0]!.id}`, { session: w.staff })).json()
    const optionIds = (presentation: unknown) => {
      const ids: string[] = []
      const walk = (v: unknown, inOptions = false): void => {
        if (Array.isArray(v)) v.forEach((x) => walk(x, inOptions))
        else if (v && typeof v === 'object') {
          if (inOptions && typeof (v as { id?: unknown }).id === 'string') ids.push((v as { id: string }).id)
          for (const [k, child] of Object.entries(v)) walk(child, ['choices', 'sources', 'targets', 'hotspots', 'gapTexts'].includes(k))
        }
      }
      walk(presentation)
      return ids
    }
    const authored = optionIds(staff.presentation)
    const shown = optionIds(set.items[0]!.presentation)
    expect(shown).toHaveLength(authored.length)
    for (const id of authored) expect(shown, id).not.toContain(id)
    // The learner's own set reads back the same; it carries no key either.
    const again = await call(w.app, 'GET', `/api/v1/learning/practice-sets/${set.id}`, { session: me })
    expect(again.statusCode).toBe(200)
    expect(again.json().items).toEqual(set.items)
  })

  it('shows the least recently seen items first: a second set of a small pool starts with what the first left out', async () => {
    const me = await w.learner('rotator')
    const pool = w.pool.practice.filter((i) => i.skill === 'ALG').map((i) => i.id)
    const first = await w.startSet(me, 'ALG')
    const second = await w.startSet(me, 'ALG')
    const unseen = pool.filter((id) => !first.items.some((i) => i.id === id))
    expect(second.items.slice(0, unseen.length).map((i) => i.id).sort()).toEqual(unseen.sort())
  })

  it('gives immediate feedback: right or wrong, the key as the set presented it, the rationale and the lesson section', async () => {
    const me = await w.learner('feedback')
    const p01 = w.pool.practice.find((i) => i.identifier === 'MT1-MEAS-P01')!
    // The least recently seen first: within a few sets, every item of the skill has been drawn.
    let set = await w.startSet(me, 'MEAS')
    for (let n = 0; n < 5 && !set.items.some((i) => i.id === p01.id); n++) set = await w.startSet(me, 'MEAS')
    const item = set.items.find((i) => i.id === p01.id)!
    expect(item, 'MT1-MEAS-P01 drawn').toBeDefined()
    const key = await w.rightAnswer(item)
    const right = await w.answer(me, set.id, item.id, key)
    expect(right.statusCode, right.body).toBe(201)
    const body = right.json()
    expect(body.feedback).toMatchObject({ itemId: item.id, correct: true, response: key, correctResponse: key })
    expect(body.feedback.score).toBe(body.feedback.maxScore)
    expect(JSON.stringify(body.feedback.rationale).length).toBeGreaterThan(20)
    expect(body.feedback.lesson).toEqual({ lessonId: 'MEAS-1', lessonTitle: 'Reading a decimal-inch rule', sectionId: 'reading-the-rule', heading: 'Reading the rule', href: '/learning/lessons/MEAS-1#reading-the-rule' })
    expect(body.mastery).toMatchObject({ answered: 1, correct: 1, mastered: false, toMaster: 9 })
    expect(body).toMatchObject({ masteredNow: false, setCompleted: false, plansCompleted: [] })

    const other = set.items.find((i) => i.id !== item.id)!
    const wrong = await w.answer(me, set.id, other.id, {})
    expect(wrong.statusCode, wrong.body).toBe(201)
    expect(wrong.json().feedback).toMatchObject({ itemId: other.id, correct: false, score: 0, correctResponse: await w.rightAnswer(other) })
    expect(wrong.json().mastery).toMatchObject({ answered: 2, correct: 1 })

    // The set keeps the feedback of what was answered, and only of that.
    const view = (await call(w.app, 'GET', `/api/v1/learning/practice-sets/${set.id}`, { session: me })).json() as PracticeSetView
    expect(Object.keys(view.feedback).sort()).toEqual([item.id, other.id].sort())
    expect(view.feedback[item.id]).toEqual(body.feedback)

    // Each answer is an xAPI statement: answered, its practice item in the skill's practice set.
    const [latest, first] = await statementsOf(w.app, me.userId, 'answered')
    expect(first!.statement).toMatchObject({
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
      object: { id: 'http://mt1.test/learning/items/MT1-MEAS-P01', definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction' } },
      result: { success: true, score: { raw: body.feedback.score, max: body.feedback.maxScore, min: 0, scaled: 1 } },
      context: { contextActivities: { parent: [{ id: 'http://mt1.test/learning/practice/MEAS' }] } },
    })
    expect(typeof first!.statement.result.response).toBe('string')
    expect(latest!.statement.result).toMatchObject({ success: false })
    expect(first!.skill).toBe('MEAS')
  })

  it('takes one answer per item of a set: a second is refused and stores nothing', async () => {
    const me = await w.learner('twice')
    const set = await w.startSet(me, 'MQ')
    const item = set.items[0]!
    expect((await w.answer(me, set.id, item.id, {})).statusCode).toBe(201)
    const before = await stored()
    const again = await w.answer(me, set.id, item.id, await w.rightAnswer(item))
    expect(again.statusCode).toBe(409)
    expect(errorCode(again)).toBe('ALREADY_ANSWERED')
    expect(await stored()).toEqual(before)
  })

  it('masters a skill at P% of a full window of the latest N answers, records it once, and judges only the window', async () => {
    const me = await w.learner('master')
    // Nine answers, all but two right: not a full window yet.
    const nine = await w.practise(me, 'SPC', '001111111')
    expect(nine.at(-1)!.mastery).toMatchObject({ answered: 9, correct: 7, mastered: false, toMaster: 1 })
    expect(nine.some((a) => a.masteredNow)).toBe(false)
    // The tenth, right: 8 of 10 is exactly 80%.
    const [tenth] = await w.practise(me, 'SPC', '1')
    expect(tenth!.mastery).toMatchObject({ answered: 10, correct: 8, mastered: true, toMaster: 0 })
    expect(tenth!.masteredNow).toBe(true)
    expect(tenth!.mastery.masteredSince).not.toBeNull()
    const since = tenth!.mastery.masteredSince
    const mastered = await statementsOf(w.app, me.userId, 'mastered')
    expect(mastered).toHaveLength(1)
    expect(mastered[0]!.statement).toMatchObject({ object: { id: 'http://mt1.test/learning/skills/SPC' }, result: { success: true, score: { raw: 8, max: 10 } } })

    // Two wrong answers push the two oldest (wrong) ones out of the window: still 8 of 10.
    const [eleventh, twelfth] = await w.practise(me, 'SPC', '00')
    expect(eleventh!.mastery).toMatchObject({ answered: 10, correct: 8, mastered: true })
    expect(twelfth!.mastery).toMatchObject({ answered: 10, correct: 8, mastered: true })
    // A third pushes a right one out: 7 of 10, no longer mastered now; the first mastery is remembered.
    const [thirteenth] = await w.practise(me, 'SPC', '0')
    expect(thirteenth!.mastery).toMatchObject({ answered: 10, correct: 7, mastered: false, toMaster: 8, masteredSince: since })
    // Mastered again after eight right answers: no second statement.
    const again = await w.practise(me, 'SPC', '11111111')
    expect(again.at(-1)!.mastery).toMatchObject({ mastered: true })
    expect(again.some((a) => a.masteredNow)).toBe(false)
    expect(await statementsOf(w.app, me.userId, 'mastered')).toHaveLength(1)

    const all = await call(w.app, 'GET', '/api/v1/learning/mastery', { session: me })
    expect(all.statusCode).toBe(200)
    expect(all.json().items.map((m: { skill: string }) => m.skill)).toEqual(SKILLS)
    expect(all.json().items.find((m: { skill: string }) => m.skill === 'SPC')).toMatchObject({ mastered: true, masteredSince: since })
    expect(all.json().items.find((m: { skill: string }) => m.skill === 'QLM')).toMatchObject({ answered: 0, mastered: false, masteredSince: null })
  })

  it('marks a set completed when every item is answered', async () => {
    const me = await w.learner('completer')
    const set = await w.startSet(me, 'QLM')
    let last
    for (const item of set.items) last = (await w.answer(me, set.id, item.id, {})).json()
    expect(last.setCompleted).toBe(true)
    expect((await call(w.app, 'GET', `/api/v1/learning/practice-sets/${set.id}`, { session: me })).json().completedAt).not.toBeNull()
  })

  it('never serves an operational item: many sets of every skill draw only active practice items', async () => {
    const me = await w.learner('prover')
    const practice = practiceIds()
    const operational = new Set(w.pool.operational.map((i) => i.id))
    let served = 0
    for (const skill of SKILLS) {
      for (let n = 0; n < 6; n++) {
        const set = await w.startSet(me, skill)
        for (const item of set.items) {
          expect(practice.has(item.id), `${skill}: ${item.id} is a practice item`).toBe(true)
          expect(operational.has(item.id)).toBe(false)
          served++
        }
      }
    }
    expect(served).toBeGreaterThanOrEqual(SKILLS.length * 6 * 4)
  }, 60_000)

  it('refuses an answer to an operational item, or any item not in the learner\'s set, and stores nothing', async () => {
    const me = await w.learner('smuggler')
    const set = await w.startSet(me, 'ELEC')
    const before = await stored()
    for (const op of w.pool.operational.filter((i) => i.skill === 'ELEC').slice(0, 3)) {
      const res = await w.answer(me, set.id, op.id, {})
      expect(res.statusCode).toBe(404)
      expect(errorCode(res)).toBe('NOT_FOUND')
    }
    const otherPractice = w.pool.practice.find((i) => i.skill === 'CHEM')!
    expect((await w.answer(me, set.id, otherPractice.id, {})).statusCode).toBe(404)
    expect((await w.answer(me, set.id, 'not-an-item', {})).statusCode).toBe(404)
    expect(await stored()).toEqual(before)
  })

  it('stops showing and accepting an item moved to the operational pool after the set was drawn', async () => {
    const me = await w.learner('mover')
    const set = await w.startSet(me, 'FPT')
    const moved = set.items[0]!
    const staffView = (await call(w.app, 'GET', `/api/v1/admin/items/${moved.id}`, { session: w.staff })).json()
    const put = await call(w.app, 'PUT', `/api/v1/admin/items/${moved.id}`, { session: w.staff, body: { qtiXml: staffView.qtiXml, pool: 'operational', note: 'moved for the practice test' } })
    expect(put.statusCode, put.body).toBe(200)
    try {
      const view = (await call(w.app, 'GET', `/api/v1/learning/practice-sets/${set.id}`, { session: me })).json() as PracticeSetView
      expect(view.items.map((i) => i.id)).not.toContain(moved.id)
      const before = await stored()
      const res = await w.answer(me, set.id, moved.id, {})
      expect(res.statusCode).toBe(404)
      expect(await stored()).toEqual(before)
      // A new set of the skill does not draw it either.
      for (let n = 0; n < 4; n++) expect((await w.startSet(me, 'FPT')).items.map((i) => i.id)).not.toContain(moved.id)
    } finally {
      const back = await call(w.app, 'PUT', `/api/v1/admin/items/${moved.id}`, { session: w.staff, body: { qtiXml: staffView.qtiXml, pool: 'practice', note: 'back to practice' } })
      expect(back.statusCode, back.body).toBe(200)
    }
  })

  it('answers 404 for another learner\'s set, 401 signed out, 403 without the CSRF token; nothing stored', async () => {
    const owner = await w.learner('owner')
    const intruder = await w.learner('intruder')
    const set = await w.startSet(owner, 'CHEM')
    const item = set.items[0]!
    const before = await stored()
    expect((await call(w.app, 'GET', `/api/v1/learning/practice-sets/${set.id}`, { session: intruder })).statusCode).toBe(404)
    expect((await w.answer(intruder, set.id, item.id, await w.rightAnswer(item))).statusCode).toBe(404)
    expect((await call(w.app, 'GET', `/api/v1/learning/practice-sets/${set.id}`)).statusCode).toBe(401)
    expect((await call(w.app, 'POST', `/api/v1/learning/practice-sets/${set.id}/items/${item.id}/answer`, { body: { response: {} } })).statusCode).toBe(401)
    expect((await call(w.app, 'POST', '/api/v1/learning/practice-sets', { body: { skill: 'CHEM' } })).statusCode).toBe(401)
    expect((await call(w.app, 'GET', '/api/v1/learning/mastery')).statusCode).toBe(401)
    expect((await call(w.app, 'POST', `/api/v1/learning/practice-sets/${set.id}/items/${item.id}/answer`, { session: owner, body: { response: {} }, csrf: false })).statusCode).toBe(403)
    expect(await stored()).toEqual(before)
  })

  it('refuses malformed, oversized and hostile bodies with a 4xx and stores nothing', async () => {
    const me = await w.learner('hostile')
    const set = await w.startSet(me, 'MPC')
    const item = set.items.find((i) => JSON.stringify(i.presentation).includes('"kind":"choice"')) ?? set.items[0]!
    const url = `/api/v1/learning/practice-sets/${set.id}/items/${item.id}/answer`
    const before = await stored()
    let deep: unknown = 'A'
    for (let i = 0; i < 50; i++) deep = [deep]
    const cases: { body?: unknown; payload?: string; status: number }[] = [
      { body: {}, status: 400 },
      { body: { response: {}, extra: 1 }, status: 400 },
      { body: { response: { RESPONSE: deep } }, status: 400 },
      { body: { response: { RESPONSE: 'x'.repeat(20_000) } }, status: 413 },
      { body: { response: { RESPONSE: 'ZZZZZZZZZ' } }, status: 400 },
      { body: { response: { RESPONSE: ['<script>alert(1)</script>'] } }, status: 400 },
      { payload: '{"response": ', status: 400 },
      { payload: 'x'.repeat(2 * 1024 * 1024), status: 413 },
    ]
    const isChoice = JSON.stringify(item.presentation).includes('"kind":"choice"')
    for (const c of cases) {
      // A free-text or numeric item has no options to name: an unknown "option" is just a wrong answer there.
      if (!isChoice && c.body && JSON.stringify(c.body).match(/ZZZZ|script/)) continue
      const res = await call(w.app, 'POST', url, { session: me, ...(c.payload !== undefined ? { payload: c.payload } : { body: c.body }) })
      expect(res.statusCode, `${JSON.stringify(c.body ?? c.payload).slice(0, 80)}: ${res.body.slice(0, 200)}`).toBe(c.status)
      expect(res.json().error.code).toBeTruthy()
    }
    for (const body of [{ skill: 'meas' }, { skill: 'X'.repeat(20) }, {}, { skill: 'MEAS', extra: true }, { skill: { code: 'MEAS' } }]) {
      const res = await call(w.app, 'POST', '/api/v1/learning/practice-sets', { session: me, body })
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
    }
    expect((await call(w.app, 'POST', '/api/v1/learning/practice-sets', { session: me, body: { skill: 'WELD' } })).statusCode).toBe(404)
    expect((await call(w.app, 'GET', '/api/v1/learning/practice-sets/..%2F..%2Fetc', { session: me })).statusCode).toBeGreaterThanOrEqual(400)
    expect(await stored()).toEqual(before)
  })

  it('asks whether the learner may practise the module on every practice route: 403 with the reason, nothing stored', async () => {
    const me = await w.learner('unenrolled')
    const set = await w.startSet(me, 'MEAS')
    // In every app of this test (TEST_TWO_APPS: a request may reach either).
    const hooked = w.t.apps.map((app) => ({ access: app.services.practiseAccess, allowed: app.services.practiseAccess.canPractise }))
    for (const { access } of hooked) access.canPractise = async (_userId, module) => (module === 'MM' ? { allowed: false, reason: 'Enrol in the Math and Measurement Learning Lab to practise its skills.' } : { allowed: true })
    try {
      const before = await stored()
      for (const res of [
        await call(w.app, 'POST', '/api/v1/learning/practice-sets', { session: me, body: { skill: 'ALG' } }),
        await call(w.app, 'GET', `/api/v1/learning/practice-sets/${set.id}`, { session: me }),
        await w.answer(me, set.id, set.items[0]!.id, {}),
      ]) {
        expect(res.statusCode).toBe(403)
        expect(res.json().error).toMatchObject({ code: 'LEARNING_LAB_ENROLMENT_REQUIRED', message: 'Enrol in the Math and Measurement Learning Lab to practise its skills.' })
      }
      expect(await stored()).toEqual(before)
      expect((await call(w.app, 'POST', '/api/v1/learning/practice-sets', { session: me, body: { skill: 'SPAT' } })).statusCode).toBe(201)
    } finally {
      for (const { access, allowed } of hooked) access.canPractise = allowed
    }
  })

  it('lets any signed-in account practise, not only candidates', async () => {
    const set = await w.startSet(w.staff as Session, 'FLBA')
    expect(set.items.length).toBeGreaterThan(0)
  })
})
