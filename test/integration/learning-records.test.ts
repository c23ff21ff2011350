// The learner's record: their own xAPI statements a page at a time, newest first, filtered by verb and
// skill, with a summary a person reads and the whole statement; the download; a person's record for
// staff; nobody else's statements ever; `record` refusing a statement that is not valid xAPI; and the
// Learning Lab's use over a period for staff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LearningEvent } from '../../src/common/learning/xapi-statements.js'
import type { LearningRecordsPage, LearningUsage } from '../../src/common/schemas/learning-records.js'
import { inTransaction } from '../../src/server/db/transaction.js'
import { InvalidStatementError } from '../../src/server/modules/learning-records/statement-validator.js'
import { call, errorCode, register, staffSession, type Session } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'
import { xapiStatementProblems } from '../helpers/xapi-statement.js'

describe.each(databases)('the learner\'s record on %s', (kind) => {
  let t: TestApp
  let staff: Session
  let ana: Session
  let ben: Session

  const record = (events: LearningEvent[]) => inTransaction(t.app.db, (trx) => t.app.services.learningRecords.record(trx, events))
  const lessonRead = (userId: string, n: number, skill = 'MEAS'): LearningEvent => ({
    userId, verb: 'experienced', object: { kind: 'lesson', ref: `${skill}-${n}`, name: `${skill} lesson ${n}` }, skill, module: skill === 'MEAS' ? 'MM' : 'SRMT',
    parent: { kind: 'skill', ref: skill, name: skill },
  })
  const answered = (userId: string, skill: string, correct: boolean): LearningEvent => ({
    userId, verb: 'answered', object: { kind: 'practice_item', ref: `${skill}-P1`, name: `${skill} practice question` }, skill, module: 'MM',
    result: { score: { raw: correct ? 1 : 0, min: 0, max: 1 }, success: correct, response: 'B' }, parent: { kind: 'practice_set', ref: skill, name: `${skill} practice` },
  })
  const page = async (session: Session | undefined, query = '', url = '/api/v1/me/learning-records') => {
    const res = await call(t.app, 'GET', `${url}${query}`, { session })
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as LearningRecordsPage
  }

  beforeAll(async () => {
    t = await createTestApp(kind)
    staff = await staffSession(t.app)
    ana = await register(t.app, { email: `ana-${kind}@records.test`, firstName: 'Ana', lastName: 'Ruiz' })
    ben = await register(t.app, { email: `ben-${kind}@records.test`, firstName: 'Ben', lastName: 'Okafor' })
    // Ana: five lesson views a minute apart, then two answers in ALG; Ben: one of his own.
    for (let n = 1; n <= 5; n++) {
      await record([lessonRead(ana.userId, n)])
      t.clock.advance(60_000)
    }
    await record([answered(ana.userId, 'ALG', true), answered(ana.userId, 'ALG', false)])
    t.clock.advance(60_000)
    await record([lessonRead(ben.userId, 9, 'ELEC')])
  })
  afterAll(async () => t.close())

  it('pages the learner\'s own statements newest first with a summary and the whole statement', async () => {
    const first = await page(ana, '?limit=3')
    expect(first.items).toHaveLength(3)
    expect(first.nextCursor).not.toBeNull()
    const second = await page(ana, `?limit=3&cursor=${encodeURIComponent(first.nextCursor!)}`)
    const third = await page(ana, `?limit=3&cursor=${encodeURIComponent(second.nextCursor!)}`)
    expect(third.nextCursor).toBeNull()
    const all = [...first.items, ...second.items, ...third.items]
    expect(all).toHaveLength(7)
    expect(new Set(all.map((r) => r.id)).size).toBe(7)
    const stored = all.map((r) => r.storedAt)
    expect([...stored].sort().reverse()).toEqual(stored)
    // The newest are the two answers (one stored time; order by id breaks the tie), then lesson 5 … 1.
    expect(all.slice(2).map((r) => r.summary.what)).toEqual([5, 4, 3, 2, 1].map((n) => `Lesson: MEAS lesson ${n}`))
    const lesson = all[2]!
    expect(lesson).toMatchObject({ verb: 'experienced', objectKind: 'lesson', skill: 'MEAS', module: 'MM', summary: { verb: 'experienced', result: null } })
    expect(lesson.summary.when).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M UTC$/)
    const statement = lesson.statement as { id: string; actor: { account: { name: string } }; stored: string; authority: unknown; version: string }
    expect(statement.id).toBe(lesson.id)
    expect(statement.actor.account.name).toBe(ana.userId)
    expect(statement.version).toBe('1.0.0')
    expect(statement.authority).toBeDefined()
    for (const r of all) expect(xapiStatementProblems(r.statement)).toEqual([])
    const answer = all.find((r) => r.verb === 'answered' && r.summary.result?.startsWith('1 of 1'))
    expect(answer?.summary).toMatchObject({ what: 'Practice question: ALG practice question', result: '1 of 1 (100%), passed, answer: B' })
  })

  it('filters by verb and by skill, and pages a filtered list', async () => {
    expect((await page(ana, '?verb=answered')).items.map((r) => r.verb)).toEqual(['answered', 'answered'])
    expect((await page(ana, '?skill=ALG')).items).toHaveLength(2)
    expect((await page(ana, '?skill=MEAS&verb=experienced')).items).toHaveLength(5)
    expect((await page(ana, '?skill=ELEC')).items).toEqual([])
    const first = await page(ana, '?skill=MEAS&limit=4')
    const rest = await page(ana, `?skill=MEAS&limit=4&cursor=${encodeURIComponent(first.nextCursor!)}`)
    expect([...first.items, ...rest.items].map((r) => r.skill)).toEqual(Array(5).fill('MEAS'))
    expect(rest.nextCursor).toBeNull()
  })

  it('never shows another learner\'s statements, and asks who is signed in', async () => {
    const bens = await page(ben)
    expect(bens.items.map((r) => r.summary.what)).toEqual(['Lesson: ELEC lesson 9'])
    // A cursor made from Ana's list gives Ben nothing of hers.
    const anas = await page(ana, '?limit=1')
    expect((await page(ben, `?cursor=${encodeURIComponent(anas.nextCursor!)}`)).items.every((r) => (r.statement as { actor: { account: { name: string } } }).actor.account.name === ben.userId)).toBe(true)
    // Only staff read a person's record.
    expect((await call(t.app, 'GET', `/api/v1/admin/people/${ana.userId}/learning-records`, { session: ben })).statusCode).toBe(403)
    const anonymous = await call(t.app, 'GET', '/api/v1/me/learning-records')
    expect(anonymous.statusCode).toBe(401)
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED')
    expect((await call(t.app, 'GET', '/api/v1/me/learning-records/export')).statusCode).toBe(401)
  })

  it('gives staff a person\'s record with the same filters, and 404 for nobody', async () => {
    const r = await page(staff, '?verb=answered', `/api/v1/admin/people/${ana.userId}/learning-records`)
    expect(r.items).toHaveLength(2)
    expect((await page(staff, '', `/api/v1/admin/people/${staff.userId}/learning-records`)).items).toEqual([])
    const nobody = await call(t.app, 'GET', '/api/v1/admin/people/00000000-0000-4000-8000-000000000000/learning-records', { session: staff })
    expect(nobody.statusCode).toBe(404)
  })

  it('refuses malformed queries with 400', async () => {
    for (const query of ['?verb=ate', '?skill=meas', '?skill=%3Cscript%3E', '?limit=0', '?limit=201', '?cursor=not-a-cursor', `?cursor=${'x'.repeat(501)}`, '?colour=blue']) {
      const res = await call(t.app, 'GET', `/api/v1/me/learning-records${query}`, { session: ana })
      expect(res.statusCode, `${query}: ${res.body}`).toBe(400)
      expect(errorCode(res)).toBe('VALIDATION')
    }
    expect((await call(t.app, 'GET', '/api/v1/admin/people/not%20an%20id/learning-records', { session: staff })).statusCode).toBe(400)
  })

  it('downloads every statement of the learner as an xAPI StatementResult, oldest first', async () => {
    const res = await call(t.app, 'GET', '/api/v1/me/learning-records/export', { session: ana })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="mt1-learning-records-\d{4}-\d{2}-\d{2}\.json"$/)
    const body = res.json() as { statements: { id: string; stored: string; actor: { account: { name: string } } }[]; more: string }
    expect(body.more).toBe('')
    expect(body.statements).toHaveLength(7)
    expect(body.statements.every((s) => s.actor.account.name === ana.userId)).toBe(true)
    const stored = body.statements.map((s) => s.stored)
    expect([...stored].sort()).toEqual(stored)
  })

  it('refuses to store a statement that is not valid xAPI, and stores nothing of the batch', async () => {
    const before = (await page(ana, '?limit=200')).items.length
    const bad: LearningEvent = { ...answered(ana.userId, 'ALG', true), result: { score: { raw: 3, min: 0, max: 1 } } }
    await expect(record([answered(ana.userId, 'ALG', true), bad])).rejects.toThrow(InvalidStatementError)
    await expect(record([{ ...lessonRead(ana.userId, 1), result: { duration: 'four minutes' } }])).rejects.toThrow(/duration/)
    await expect(record([{ ...lessonRead(ana.userId, 1), registration: 'attempt-7' }])).rejects.toThrow(/registration/)
    expect((await page(ana, '?limit=200')).items.length).toBe(before)
  })

  it('counts the Learning Lab\'s use over a period by verb and by skill, for staff only', async () => {
    const from = new Date(t.clock().getTime() - 24 * 3_600_000).toISOString()
    const to = new Date(t.clock().getTime() + 60_000).toISOString()
    const res = await call(t.app, 'GET', `/api/v1/admin/learning-records/usage?from=${from}&to=${to}`, { session: staff })
    expect(res.statusCode, res.body).toBe(200)
    const usage = res.json() as LearningUsage
    expect(usage.byVerb).toEqual([{ verb: 'experienced', statements: 6, learners: 2 }, { verb: 'answered', statements: 2, learners: 1 }])
    expect(usage.bySkill).toEqual([
      { skill: 'ALG', verbs: { answered: 2 }, statements: 2, learners: 1 },
      { skill: 'ELEC', verbs: { experienced: 1 }, statements: 1, learners: 1 },
      { skill: 'MEAS', verbs: { experienced: 5 }, statements: 5, learners: 1 },
    ])
    // A period before anything happened is empty.
    const early = await call(t.app, 'GET', `/api/v1/admin/learning-records/usage?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z`, { session: staff })
    expect(early.json()).toMatchObject({ byVerb: [], bySkill: [] })
    expect((await call(t.app, 'GET', `/api/v1/admin/learning-records/usage?from=${to}&to=${from}`, { session: staff })).statusCode).toBe(400)
    expect((await call(t.app, 'GET', `/api/v1/admin/learning-records/usage?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`, { session: staff })).statusCode).toBe(400)
    expect((await call(t.app, 'GET', `/api/v1/admin/learning-records/usage?from=${from}&to=${to}`, { session: ana })).statusCode).toBe(403)
  })
})
