// The Learning Lab's lessons through the API: the public catalogue (with the caller's progress when
// signed in), reading a lesson (one xAPI `experienced` statement per read), finishing it (one
// `completed` statement however often it is asked, also when asked at once), the public figures
// (their headers, and 404 for anything that is not a lesson figure), and refusals that store nothing.
// The lessons are two small fixtures in a program directory of the test's own (the shipped program
// with a lessons folder), so the test does not depend on the lesson content being written.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LearningCatalogueView, LessonView } from '../../src/common/schemas/learning.js'
import { counter, storedOnRefusal } from '../helpers/hostile/ledger.js'
import { call, errorCode, register, staffSession, type Session } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 100 20"><title>A rule marked in sixteenths</title><rect width="100" height="20" fill="#eee"/></svg>'
const LESSON_1 = `---
id: MEAS-1
title: Reading a fractional inch rule
summary: How to read the sixteenth marks of a steel rule and say the reading in lowest terms.
minutes: 8
practice:
  reading-the-marks: [MT1-MEAS-P01, MT1-MEAS-P02]
---
## Reading the marks

Each inch of the rule is split into sixteen parts. The longest marks are the half inches.

![A steel rule marked in sixteenths of an inch, with the 3/8 mark labelled](figures/rule.svg)

### Worked example

Six sixteenths is 6/16 in, which is 3/8 in in lowest terms.

## Checking your reading

Read the rule twice, once from each side of the mark.
`
const LESSON_2 = `---
id: MEAS-2
title: Fractions and decimals of an inch
summary: Turning fractional inches into decimal inches and back again.
minutes: 6
---
## From fractions to decimals

Divide the top by the bottom: 3/8 in is 0.375 in.
`

/** The shipped program, with a lessons folder of two MEAS lessons and a figure. */
function fixtureProgram(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-lab-lessons-'))
  fs.copyFileSync(path.resolve('program/mt1/program.json'), path.join(root, 'program.json'))
  const meas = path.join(root, 'lessons', 'MEAS')
  fs.mkdirSync(path.join(meas, 'figures'), { recursive: true })
  fs.writeFileSync(path.join(meas, '1-reading-a-rule.md'), LESSON_1)
  fs.writeFileSync(path.join(meas, '2-fractions-and-decimals.md'), LESSON_2)
  fs.writeFileSync(path.join(meas, 'figures', 'rule.svg'), SVG)
  // A file beside the figures that must never be served, and one outside the lessons.
  fs.writeFileSync(path.join(meas, 'figures', 'notes.txt'), 'not a figure')
  fs.writeFileSync(path.join(meas, 'figures', 'rule.svg.js'), 'alert(1)')
  return root
}

describe.each(databases)('Learning Lab lessons on %s', (kind) => {
  let t: TestApp
  let programDir: string
  let reader: Session
  let other: Session
  beforeAll(async () => {
    programDir = fixtureProgram()
    t = await createTestApp(kind, { programDir })
    reader = await register(t.app, { email: 'reader@example.com', firstName: 'Rita', lastName: 'Reader' })
    other = await register(t.app, { email: 'other-reader@example.com' })
  })
  afterAll(async () => {
    await t?.close()
    fs.rmSync(programDir, { recursive: true, force: true })
  })

  const statementsOf = async (userId: string) => (await t.app.services.learningRecords.statementsOf(userId, { limit: 200 })).map((r) => r.statement)

  it('lists the three modules with their skills, outlines and lessons for anyone, without progress', async () => {
    const res = await call(t.app, 'GET', '/api/v1/learning/skills')
    expect(res.statusCode).toBe(200)
    const catalogue = res.json<LearningCatalogueView>()
    expect(catalogue.signedIn).toBe(false)
    expect(catalogue.modules.map((m) => [m.code, m.skills.map((s) => s.code)])).toEqual([
      ['MM', ['MEAS', 'ALG', 'MQ']],
      ['SRMT', ['SPAT', 'MECH', 'FPT', 'ELEC', 'CHEM', 'MPC']],
      ['QBA', ['SPC', 'QLM', 'FLBA']],
    ])
    const meas = catalogue.modules[0]!.skills[0]!
    expect(meas.name).toBe('Measurement')
    expect(meas.outline).toMatch(/machinist's rule/)
    expect(meas.lessons).toEqual([
      {
        id: 'MEAS-1', title: 'Reading a fractional inch rule', summary: expect.stringMatching(/sixteenth marks/), minutes: 8,
        sections: [{ id: 'reading-the-marks', heading: 'Reading the marks' }, { id: 'checking-your-reading', heading: 'Checking your reading' }],
      },
      { id: 'MEAS-2', title: 'Fractions and decimals of an inch', summary: expect.any(String), minutes: 6, sections: [{ id: 'from-fractions-to-decimals', heading: 'From fractions to decimals' }] },
    ])
    expect(catalogue.modules[0]!.skills[1]!.lessons).toEqual([])
  })

  it('refuses a lesson to a visitor who is not signed in (401) and records nothing', async () => {
    const ledger = await counter(t.app)
    const before = await ledger.count()
    const res = await call(t.app, 'GET', '/api/v1/learning/lessons/MEAS-1')
    expect(res.statusCode).toBe(401)
    expect(errorCode(res)).toBe('UNAUTHENTICATED')
    expect((await call(t.app, 'POST', '/api/v1/learning/lessons/MEAS-1/completion')).statusCode).toBe(401)
    expect(storedOnRefusal(before, await ledger.count())).toEqual([])
  })

  it('gives a signed-in reader the lesson with its sections and neighbours, and records each read as one experienced statement', async () => {
    const res = await call(t.app, 'GET', '/api/v1/learning/lessons/MEAS-1', { session: reader })
    expect(res.statusCode).toBe(200)
    const lesson = res.json<LessonView>()
    expect(lesson).toMatchObject({
      id: 'MEAS-1', title: 'Reading a fractional inch rule', minutes: 8, skill: 'MEAS', skillName: 'Measurement', module: 'MM', moduleName: 'Math and Measurement',
      order: 1, lessonsInSkill: 2, previous: null, next: { id: 'MEAS-2', title: 'Fractions and decimals of an inch' }, completedAt: null,
    })
    expect(lesson.sections.map((s) => [s.id, s.practiceItemCount])).toEqual([['reading-the-marks', 2], ['checking-your-reading', 0]])
    const first = lesson.sections[0]!
    expect(first.html).toContain('<img src="/api/v1/learning/figures/MEAS/rule.svg" alt="A steel rule marked in sixteenths of an inch, with the 3/8 mark labelled"')
    expect(first.html).toContain('<h3>Worked example</h3>')
    expect(first.spokenText).toMatch(/^Reading the marks\.\nEach inch of the rule/)
    expect(first.spokenText).toContain('Figure: A steel rule marked in sixteenths of an inch')

    const statements = await statementsOf(reader.userId)
    expect(statements).toHaveLength(1)
    expect(statements[0]).toMatchObject({
      actor: { objectType: 'Agent', account: { homePage: 'http://mt1.test', name: reader.userId } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
      object: { id: 'http://mt1.test/learning/lessons/MEAS-1', definition: { type: 'http://adlnet.gov/expapi/activities/lesson', name: { 'en-US': 'Reading a fractional inch rule' } } },
      context: { contextActivities: { parent: [{ id: 'http://mt1.test/learning/skills/MEAS', definition: { type: 'http://adlnet.gov/expapi/activities/objective', name: { 'en-US': 'Measurement' } } }] } },
      version: '1.0.0', // a statement's version is the spec's 1.0.0 (2.4.10); 1.0.3 goes in the header
    })
    expect(statements[0]!.result).toBeUndefined()

    // The second lesson: the first is its previous; a second read is a second statement.
    const second = (await call(t.app, 'GET', '/api/v1/learning/lessons/MEAS-2', { session: reader })).json<LessonView>()
    expect(second).toMatchObject({ order: 2, previous: { id: 'MEAS-1' }, next: null })
    await call(t.app, 'GET', '/api/v1/learning/lessons/MEAS-1', { session: reader })
    // (The test clock stands still: the three share a timestamp, so compare them sorted.)
    expect((await statementsOf(reader.userId)).map((s) => `${s.verb.display['en-US']} ${s.object.id.split('/').at(-1)}`).sort()).toEqual([
      'experienced MEAS-1', 'experienced MEAS-1', 'experienced MEAS-2',
    ])
    // A HEAD request reads nothing, so it records nothing.
    const head = await t.app.inject({ method: 'HEAD', url: '/api/v1/learning/lessons/MEAS-1', headers: { cookie: reader.cookie } })
    expect(head.statusCode).toBe(200)
    expect(await statementsOf(reader.userId)).toHaveLength(3)
  })

  it('opens lessons to every kind of account, not only candidates', async () => {
    const staff = await staffSession(t.app, 'lessons-staff@mt1.test')
    const res = await call(t.app, 'GET', '/api/v1/learning/lessons/MEAS-2', { session: staff })
    expect(res.statusCode).toBe(200)
    expect(await statementsOf(staff.userId)).toHaveLength(1)
  })

  it('records a completion once: 201 the first time, 200 with alreadyCompleted after, one completed statement', async () => {
    const done = await call(t.app, 'POST', '/api/v1/learning/lessons/MEAS-1/completion', { session: reader })
    expect(done.statusCode).toBe(201)
    expect(done.json()).toEqual({ lessonId: 'MEAS-1', completedAt: expect.any(String), alreadyCompleted: false })
    const again = await call(t.app, 'POST', '/api/v1/learning/lessons/MEAS-1/completion', { session: reader })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual({ lessonId: 'MEAS-1', completedAt: done.json().completedAt, alreadyCompleted: true })

    const completions = (await statementsOf(reader.userId)).filter((s) => s.verb.display['en-US'] === 'completed')
    expect(completions).toHaveLength(1)
    expect(completions[0]).toMatchObject({ object: { id: 'http://mt1.test/learning/lessons/MEAS-1' }, result: { completion: true } })

    // The reader's catalogue and lesson say so; another learner's do not.
    const mine = (await call(t.app, 'GET', '/api/v1/learning/skills', { session: reader })).json<LearningCatalogueView>()
    expect(mine.signedIn).toBe(true)
    expect(mine.modules[0]!.skills[0]!.lessons.map((l) => [l.id, l.completed])).toEqual([['MEAS-1', true], ['MEAS-2', false]])
    const theirs = (await call(t.app, 'GET', '/api/v1/learning/skills', { session: other })).json<LearningCatalogueView>()
    expect(theirs.modules[0]!.skills[0]!.lessons.map((l) => l.completed)).toEqual([false, false])
    const lesson = (await call(t.app, 'GET', '/api/v1/learning/lessons/MEAS-1', { session: reader })).json<LessonView>()
    expect(lesson.completedAt).toBe(done.json().completedAt)
  })

  it('keeps one completion when the same learner finishes a lesson several times at once', async () => {
    // On PostgreSQL, open the pool's connections first: otherwise the first request commits while
    // the others still wait for a connection, and they would not race at all.
    if (t.app.dialect === 'postgres') await Promise.all(Array.from({ length: 10 }, () => sql`select pg_sleep(0.05)`.execute(t.app.db)))
    const answers = await Promise.all(Array.from({ length: 12 }, () => call(t.app, 'POST', '/api/v1/learning/lessons/MEAS-2/completion', { session: other })))
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1)
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(11)
    const completions = (await statementsOf(other.userId)).filter((s) => s.verb.display['en-US'] === 'completed')
    expect(completions).toHaveLength(1)
  })

  it('serves a figure as SVG with a locked-down policy, nosniff and a long cache, and answers 304 to its ETag', async () => {
    const res = await call(t.app, 'GET', '/api/v1/learning/figures/MEAS/rule.svg')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('image/svg+xml')
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['cache-control']).toBe('public, max-age=604800')
    expect(res.body).toBe(SVG)
    const etag = res.headers.etag as string
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await call(t.app, 'GET', '/api/v1/learning/figures/MEAS/rule.svg', { headers: { 'if-none-match': etag } })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
  })

  it('answers 404 for anything that is not a lesson figure, 400 for a malformed skill, and stores nothing', async () => {
    const ledger = await counter(t.app)
    const before = await ledger.count()
    const notFigures = [
      '/api/v1/learning/figures/MEAS/..%2F1-reading-a-rule.md',
      '/api/v1/learning/figures/MEAS/..%2F..%2F..%2Fprogram.json',
      '/api/v1/learning/figures/MEAS/%2E%2E%2F%2E%2E%2Fprogram.json',
      '/api/v1/learning/figures/MEAS/rule.svg.js',
      '/api/v1/learning/figures/MEAS/notes.txt',
      '/api/v1/learning/figures/MEAS/none.svg',
      '/api/v1/learning/figures/MEAS/.svg',
      '/api/v1/learning/figures/ALG/rule.svg',
      '/api/v1/learning/figures/ZZZ/rule.svg',
      '/api/v1/learning/figures/MEAS/rule.svg%00.png',
    ]
    for (const url of notFigures) {
      const res = await call(t.app, 'GET', url, { session: reader })
      expect([400, 404], url).toContain(res.statusCode)
      if (!url.includes('%00')) expect(res.statusCode, url).toBe(404)
      expect(res.json().error.message, url).toEqual(expect.any(String))
      expect(res.headers['content-type'], url).toMatch(/^application\/json/)
    }
    for (const url of ['/api/v1/learning/figures/meas/rule.svg', '/api/v1/learning/figures/..%2F..%2Fprogram.json/x.svg', '/api/v1/learning/figures/MEASUREMENT/rule.svg']) {
      const res = await call(t.app, 'GET', url)
      expect(res.statusCode, url).toBe(400)
      expect(errorCode(res), url).toBe('VALIDATION')
    }
    expect((await call(t.app, 'GET', `/api/v1/learning/figures/MEAS/${'a'.repeat(200)}.svg`)).statusCode).toBeGreaterThanOrEqual(400)
    expect(storedOnRefusal(before, await ledger.count())).toEqual([])
  })

  it('refuses malformed and hostile lesson ids with 400, unknown ones with 404 naming them, and stores nothing', async () => {
    const ledger = await counter(t.app)
    const before = await ledger.count()
    for (const id of ['meas-1', 'MEAS1', 'MEAS-123', 'MEAS-1%27%20OR%201%3D1--', '%3Cscript%3E', 'MEAS-1%00', '..%2Fprogram.json', 'ABCDEF-1', 'MEAS-%F0%9F%98%80']) {
      for (const [method, url] of [['GET', `/api/v1/learning/lessons/${id}`], ['POST', `/api/v1/learning/lessons/${id}/completion`]] as const) {
        const res = await call(t.app, method, url, { session: reader })
        expect(res.statusCode, `${method} ${id}`).toBe(400)
        expect(['VALIDATION', 'MALFORMED_REQUEST'], `${method} ${id}`).toContain(errorCode(res))
      }
    }
    for (const [method, url] of [['GET', '/api/v1/learning/lessons/MEAS-9'], ['POST', '/api/v1/learning/lessons/ALG-1/completion']] as const) {
      const res = await call(t.app, method, url, { session: reader })
      expect(res.statusCode, url).toBe(404)
      expect(errorCode(res)).toBe('NOT_FOUND')
      expect(res.json().error.message).toMatch(/^Lesson (MEAS-9|ALG-1) was not found\.$/)
    }
    // A completion without the session's CSRF token.
    const noCsrf = await call(t.app, 'POST', '/api/v1/learning/lessons/MEAS-2/completion', { session: reader, csrf: false })
    expect(noCsrf.statusCode).toBe(403)
    expect(errorCode(noCsrf)).toBe('CSRF')
    // Past the router's parameter limit: 414, or 404 where the built web app's catch-all takes the path.
    const longId = await call(t.app, 'GET', `/api/v1/learning/lessons/${'A'.repeat(150)}`, { session: reader })
    expect([400, 404, 414]).toContain(longId.statusCode)
    expect(longId.json().error.code).toEqual(expect.any(String))
    expect(storedOnRefusal(before, await ledger.count())).toEqual([])
  })
})
