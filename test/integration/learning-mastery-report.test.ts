// Mastery by skill for program staff (issue 13, item 5): learners practise through the real practice
// API at set times around a period (the mastery policy here is 3 of the last 4 answers), and every
// figure of the report is checked, including answers and masteries exactly at the period's start
// (counted) and end (not counted), the module totals and the policy read from the program. Then
// refusals: every role but program staff, anonymous callers, and malformed or hostile query strings,
// none of which stores anything. Every case on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MasteryReport, ModuleMasteryReportRow, SkillMasteryReportRow } from '../../src/common/schemas/practice.js'
import { call, errorCode, login, register, type Session } from '../helpers/http-client.js'
import { countRows, practiceWorld, type PracticeWorld } from '../helpers/practice.js'
import { databases } from '../helpers/test-app.js'

const HOUR = 3_600_000
const T0 = new Date('2026-03-02T09:00:00.000Z')
const T1 = new Date(T0.getTime() + 3 * HOUR)
const SKILLS = ['MEAS', 'ALG', 'MQ', 'SPAT', 'MECH', 'FPT', 'ELEC', 'CHEM', 'MPC', 'SPC', 'QLM', 'FLBA']

const nobody = { practisingLearners: 0, answers: 0, correctAnswers: 0, percentCorrect: null, everPractised: 0, fewLearners: false, newlyMastered: 0, mastered: 0, masteredPercent: null }

describe.each(databases)('mastery by skill for staff on %s', (kind) => {
  let w: PracticeWorld
  let staff: Session

  const at = (date: Date) => w.t.clock.set(new Date(date))
  const report = async (from: Date | string, to: Date | string, as: Session | 'anonymous' = staff) => {
    const q = new URLSearchParams({ from: typeof from === 'string' ? from : from.toISOString(), to: typeof to === 'string' ? to : to.toISOString() })
    return call(w.app, 'GET', `/api/v1/admin/learning/mastery?${q}`, { session: as === 'anonymous' ? undefined : as })
  }
  const read = async (from: Date, to: Date) => {
    const res = await report(from, to)
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as MasteryReport
  }
  const skill = (r: MasteryReport, code: string) => r.skills.find((s) => s.skill === code)!
  const module = (r: MasteryReport, code: string) => r.modules.find((m) => m.module === code)!

  beforeAll(async () => {
    w = await practiceWorld(kind, { learning: { masteryWindow: 4, masteryPercent: 75 } })
    // Before the period: A masters MEAS and tries ALG; F masters every QBA skill, G two of them.
    at(new Date(T0.getTime() - 2 * HOUR))
    const a = await w.learner('ana')
    await w.practise(a, 'MEAS', '1111')
    await w.practise(a, 'ALG', '10')
    const f = await w.learner('fay')
    for (const code of ['SPC', 'QLM', 'FLBA']) await w.practise(f, code, '1111')
    const g = await w.learner('gus')
    for (const code of ['SPC', 'QLM']) await w.practise(g, code, '1111')
    // Exactly at the start: B masters MEAS (3 of 4), counted in the period.
    const b = await w.learner('ben')
    at(T0)
    await w.practise(b, 'MEAS', '1101')
    // Inside: A answers MEAS again, C practises SPAT without mastering it, H masters FLBA.
    at(new Date(T0.getTime() + HOUR))
    await w.practise(a, 'MEAS', '110')
    const c = await w.learner('cleo')
    await w.practise(c, 'SPAT', '0101')
    const h = await w.learner('hal')
    await w.practise(h, 'FLBA', '1111')
    // Exactly at the end, not counted: D's first MEAS answer and E's mastery of SPAT.
    const d = await w.learner('dev')
    const e = await w.learner('eli')
    at(T1)
    await w.practise(d, 'MEAS', '1')
    await w.practise(e, 'SPAT', '1111')
    staff = await login(w.app, 'staff@mt1.test', 'staff password 1')
  }, 240_000)
  afterAll(async () => w.close())

  it('counts every figure of every skill over [from, to), in program order, with the policy from the program', async () => {
    const r = await read(T0, T1)
    expect(r).toMatchObject({ from: T0.toISOString(), to: T1.toISOString(), policy: { window: 4, percent: 75, correctNeeded: 3 }, fewLearners: 5 })
    expect(r.skills.map((s) => s.skill)).toEqual(SKILLS)
    expect(skill(r, 'MEAS')).toEqual({
      skill: 'MEAS', skillName: 'Measurement', module: 'MM',
      // A's 3 answers (2 right) and B's 4 (3 right); D's answer at the end is outside.
      practisingLearners: 2, answers: 7, correctAnswers: 5, percentCorrect: 71, everPractised: 2, fewLearners: true,
      // B at the start; A before it; D never.
      newlyMastered: 1, mastered: 2, masteredPercent: 100,
    } satisfies SkillMasteryReportRow)
    expect(skill(r, 'ALG')).toMatchObject({ ...nobody, everPractised: 1, masteredPercent: 0 })
    expect(skill(r, 'SPAT')).toMatchObject({ practisingLearners: 1, answers: 4, correctAnswers: 2, percentCorrect: 50, everPractised: 1, fewLearners: true, newlyMastered: 0, mastered: 0, masteredPercent: 0 })
    expect(skill(r, 'SPC')).toMatchObject({ ...nobody, everPractised: 2, mastered: 2, masteredPercent: 100 })
    expect(skill(r, 'QLM')).toMatchObject({ ...nobody, everPractised: 2, mastered: 2, masteredPercent: 100 })
    expect(skill(r, 'FLBA')).toMatchObject({ practisingLearners: 1, answers: 4, correctAnswers: 4, percentCorrect: 100, everPractised: 2, newlyMastered: 1, mastered: 2, masteredPercent: 100 })
    for (const code of ['MQ', 'MECH', 'FPT', 'ELEC', 'CHEM', 'MPC']) expect(skill(r, code), code).toMatchObject(nobody)
    expect(skill(r, 'SPAT').skillName).toBe('Spatial Reasoning')
  })

  it('totals each module by distinct learner: a learner of two skills counts once, "mastered all" needs every skill', async () => {
    const r = await read(T0, T1)
    expect(r.modules.map((m) => m.module)).toEqual(['MM', 'SRMT', 'QBA'])
    expect(module(r, 'MM')).toEqual({
      module: 'MM', moduleName: 'Math and Measurement', skillCount: 3,
      practisingLearners: 2, answers: 7, correctAnswers: 5, percentCorrect: 71, everPractised: 2, fewLearners: true,
      newMasteries: 1, masteredAll: 0, masteredAllPercent: 0,
    } satisfies ModuleMasteryReportRow)
    expect(module(r, 'SRMT')).toMatchObject({ skillCount: 6, practisingLearners: 1, answers: 4, correctAnswers: 2, percentCorrect: 50, everPractised: 1, newMasteries: 0, masteredAll: 0, masteredAllPercent: 0 })
    // F mastered all three; G two of them; H one: one of three learners.
    expect(module(r, 'QBA')).toMatchObject({ skillCount: 3, practisingLearners: 1, answers: 4, correctAnswers: 4, percentCorrect: 100, everPractised: 3, newMasteries: 1, masteredAll: 1, masteredAllPercent: 33 })
  })

  it('moves with the period: what happened at its end belongs to the next one, and an early period is empty', async () => {
    const next = await read(T1, new Date(T1.getTime() + HOUR))
    expect(skill(next, 'MEAS')).toMatchObject({ practisingLearners: 1, answers: 1, correctAnswers: 1, percentCorrect: 100, everPractised: 3, newlyMastered: 0, mastered: 2, masteredPercent: 66 })
    expect(skill(next, 'SPAT')).toMatchObject({ practisingLearners: 1, answers: 4, correctAnswers: 4, everPractised: 2, newlyMastered: 1, mastered: 1, masteredPercent: 50 })
    expect(module(next, 'SRMT')).toMatchObject({ practisingLearners: 1, everPractised: 2, newMasteries: 1, masteredAll: 0 })

    const early = await read(new Date('2025-01-01T00:00:00Z'), new Date('2025-02-01T00:00:00Z'))
    for (const s of early.skills) expect(s, s.skill).toMatchObject(nobody)
    for (const m of early.modules) expect(m, m.module).toMatchObject({ practisingLearners: 0, answers: 0, percentCorrect: null, everPractised: 0, masteredAll: 0, masteredAllPercent: null })

    // The period's start is inclusive to the millisecond: a period starting just after T0 misses B.
    const late = await read(new Date(T0.getTime() + 1), T1)
    expect(skill(late, 'MEAS')).toMatchObject({ practisingLearners: 1, answers: 3, newlyMastered: 0, mastered: 2 })
  })

  it('refuses every role but program staff, and anonymous callers', async () => {
    for (const role of ['candidate', 'trainer', 'center_admin', 'employer', 'proctor', 'college_partner'] as const) {
      const email = `role-${role}-${kind}@example.com`.replace(/_/g, '-')
      const person = await register(w.app, { email, firstName: 'Role', lastName: role })
      if (role !== 'candidate') {
        const res = await call(w.app, 'PATCH', `/api/v1/admin/users/${person.userId}`, { session: staff, body: { roles: [role] } })
        expect(res.statusCode, res.body).toBe(200)
      }
      // Signed in again, so the session carries the role it was given.
      const res = await report(T0, T1, await login(w.app, email, 'correct horse battery'))
      expect(res.statusCode, role).toBe(403)
      expect(errorCode(res), role).toBe('FORBIDDEN')
    }
    const anonymous = await report(T0, T1, 'anonymous')
    expect(anonymous.statusCode).toBe(401)
  })

  it('refuses malformed, oversized and hostile query strings, and stores nothing', async () => {
    const before = { answers: await countRows(w.app, 'practice_answers'), masteries: await countRows(w.app, 'skill_masteries'), statements: await countRows(w.app, 'learning_statements') }
    const url = '/api/v1/admin/learning/mastery'
    const from = T0.toISOString()
    const to = T1.toISOString()
    const bad = [
      `${url}`,
      `${url}?from=${from}`,
      `${url}?to=${to}`,
      `${url}?from=yesterday&to=${to}`,
      `${url}?from=${from}&to=2026-13-45T99:00:00Z`,
      `${url}?from=${from}&to=${encodeURIComponent(`${to}' OR 1=1 --`)}`,
      `${url}?from=${encodeURIComponent('<script>alert(1)</script>')}&to=${to}`,
      `${url}?from=${from}&to=${'9'.repeat(5000)}`,
      `${url}?from=${from}&from=${from}&to=${to}`,
      `${url}?from=${from}&to=${to}&skill=MEAS`,
      `${url}?from=${from}&to=${to}&__proto__[x]=1`,
      `${url}?from=${from}&to=${encodeURIComponent('2026-03-02T09:00:00\u0000Z')}`,
    ]
    for (const path of bad) {
      const res = await call(w.app, 'GET', path, { session: staff })
      expect(res.statusCode, path.slice(0, 120)).toBe(400)
      expect(errorCode(res), path.slice(0, 120)).toBe('VALIDATION')
    }
    // The period rules of the usage report: the end after the start, at most 366 days.
    for (const [f, t, message] of [
      [to, from, 'The end of the period must be after its start.'],
      [from, from, 'The end of the period must be after its start.'],
      ['2025-01-01T00:00:00Z', '2026-01-02T00:00:01Z', 'Choose a period of 366 days or less.'],
    ] as const) {
      const res = await report(f, t)
      expect(res.statusCode, `${f} ${t}`).toBe(400)
      expect(res.json().error.details).toMatchObject([{ field: 'to', message }])
    }
    expect((await report('2025-01-01T00:00:00Z', '2026-01-02T00:00:00Z')).statusCode).toBe(200)
    expect({ answers: await countRows(w.app, 'practice_answers'), masteries: await countRows(w.app, 'skill_masteries'), statements: await countRows(w.app, 'learning_statements') }).toEqual(before)
  })
})
