// Learning records for staff: a learning record store (a real HTTP server started by this journey on
// 127.0.0.1) is added on the staff page, a test statement is sent to it and arrives with the xAPI
// version header and the Basic credentials, and the page says it was delivered; a hostile address is
// refused in the form; the store is deactivated at the end so later journeys send it nothing. Then a
// person's record shows their learning records, each statement behind its disclosure. Last, after a
// learner masters Measurement through the practice API, staff read it in the mastery-by-skill table.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from '@playwright/test'
import { buildStatement, type LearningEvent } from '../src/common/learning/xapi-statements.js'
import type { MasteryReport, PracticeSetView } from '../src/common/schemas/practice.js'
import { keyAsPresented } from '../test/helpers/practice-keys.js'
import { apiLogin, apiRegister, logIn, screenshot, serverDbRun, simulatedTimeUnavailable, visit, watchErrors, type ApiUser } from './support.js'

const J = 'learning-records'
const stamp = Date.now() % 1_000_000
const KEY = `e2e-key-${stamp}`
const SECRET = `e2e-secret-${stamp}-not-shown`

interface Received { path: string; version: string | undefined; authorization: string | undefined; body: unknown }

test('staff add a learning record store, send it a test statement and see it delivered', async ({ page }) => {
  const errors = watchErrors(page)
  const received: Received[] = []
  const lrs = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => { body += c.toString('utf8') })
    req.on('end', () => {
      received.push({ path: req.url ?? '', version: req.headers['x-experience-api-version'] as string | undefined, authorization: req.headers.authorization, body: JSON.parse(body || 'null') })
      res.writeHead(200, { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3' })
      res.end(JSON.stringify((JSON.parse(body) as { id: string }[]).map((s) => s.id)))
    })
  })
  await new Promise<void>((resolve) => lrs.listen(0, '127.0.0.1', resolve))
  const port = (lrs.address() as AddressInfo).port
  const name = `Journey store ${stamp}`
  try {
    await page.setViewportSize({ width: 1280, height: 900 })
    await logIn(page, 'admin@demo.test')
    await page.getByRole('link', { name: 'Learning records' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Learning records' })).toBeVisible()
    await visit(page, J, '01-staff-page')

    // A hostile address is refused before anything is stored.
    const form = page.getByRole('form', { name: 'Add a learning record store' })
    await form.getByLabel('Name').fill(name)
    await form.getByLabel('Address of the learning record store').fill('javascript:alert(1)')
    await form.getByLabel('Key').fill(KEY)
    await form.getByLabel('Secret').fill(SECRET)
    await form.getByRole('button', { name: 'Add the store' }).click()
    await expect(form.getByRole('alert')).toContainText('Use an http:// or https:// address.')
    await visit(page, J, '02-hostile-address-refused')

    await form.getByLabel('Address of the learning record store').fill(`http://127.0.0.1:${port}/xapi`)
    await form.getByRole('button', { name: 'Add the store' }).click()
    await expect(page.getByRole('status').filter({ hasText: `Added ${name}` })).toBeVisible()
    const table = page.getByRole('table', { name: 'Learning record stores' })
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) })
    await expect(row).toContainText(`http://127.0.0.1:${port}/xapi/`)
    await expect(row).toContainText(KEY)
    await expect(page.locator('body')).not.toContainText(SECRET)

    await row.getByRole('button', { name: `Send a test statement to ${name}` }).click()
    await expect(page.getByRole('status').filter({ hasText: `${name}: test statement delivered (the store answered HTTP 200).` })).toBeVisible()
    await expect(row).toContainText('Delivered: the store answered HTTP 200.')
    expect(received).toHaveLength(1)
    expect(received[0]).toMatchObject({ path: '/xapi/statements', version: '1.0.3', authorization: `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}` })
    const [statement] = received[0]!.body as { verb: { id: string }; stored?: unknown; authority?: unknown }[]
    expect(statement!.verb.id).toBe('http://adlnet.gov/expapi/verbs/experienced')
    expect(statement).not.toHaveProperty('stored')
    expect(statement).not.toHaveProperty('authority')
    await visit(page, J, '03-test-statement-delivered')

    // Deactivated, so the journeys after this one send it nothing.
    await row.getByRole('button', { name: `Deactivate ${name}` }).click()
    await expect(page.getByRole('status').filter({ hasText: `${name} is deactivated` })).toBeVisible()
    await expect(row).toContainText('Deactivated')
    await visit(page, J, '04-store-deactivated')
  } finally {
    await new Promise<void>((resolve) => lrs.close(() => resolve()))
  }
  expect(errors).toEqual([])
})

test('staff read a person\'s learning records on their record, with each xAPI statement', async ({ page, baseURL }) => {
  test.skip(!!simulatedTimeUnavailable, 'the statements are written into the SQLite file; this run uses PostgreSQL')
  const errors = watchErrors(page)
  const learner = await apiRegister(baseURL!, { email: `records-${stamp}@example.com`, firstName: 'Rosa', lastName: `Lindqvist${stamp}`, password: 'a long enough password' })
  await learner.dispose()
  // Two statements as the Learning Lab records them (built by the same buildStatement `record` uses),
  // written straight into the server's database: the lesson and practice routes are another stream's.
  const events: LearningEvent[] = [
    { userId: learner.userId, verb: 'experienced', object: { kind: 'lesson', ref: 'MEAS-1', name: 'Reading a fractional-inch rule' }, skill: 'MEAS', module: 'MM', parent: { kind: 'skill', ref: 'MEAS', name: 'Measurement' } },
    { userId: learner.userId, verb: 'answered', object: { kind: 'practice_item', ref: 'MEAS-P-01', name: 'A caliper reading' }, skill: 'MEAS', module: 'MM', result: { score: { raw: 1, min: 0, max: 1 }, success: true, response: 'B' }, parent: { kind: 'practice_set', ref: 'MEAS', name: 'Measurement practice' } },
  ]
  events.forEach((event, i) => {
    const now = new Date(Date.UTC(2026, 2, 10, 14, 5 + i))
    const s = buildStatement(event, { id: crypto.randomUUID(), baseUrl: baseURL!, now })
    serverDbRun('INSERT INTO learning_statements (id, user_id, verb, object_kind, object_id, skill, module, statement, timestamp, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      s.id, learner.userId, event.verb, event.object.kind, s.object.id, event.skill, event.module, JSON.stringify(s), s.timestamp, s.stored)
  })

  await page.setViewportSize({ width: 1280, height: 900 })
  await logIn(page, 'admin@demo.test')
  await page.goto(`/staff/people/${learner.userId}`)
  const heading = page.getByRole('heading', { level: 2, name: 'Learning records' })
  await expect(heading).toBeVisible()
  const table = page.getByRole('table', { name: `Learning records of Rosa Lindqvist${stamp}` })
  await expect(table.getByRole('row')).toHaveCount(3)
  const answered = table.getByRole('row').filter({ hasText: 'A caliper reading' })
  await expect(answered).toContainText('Mar 10, 2026, 2:06 PM UTC')
  await expect(answered).toContainText('1 of 1 (100%), passed, answer: B')
  await answered.getByText('Show the xAPI statement').click()
  await expect(answered.locator('pre')).toContainText('"id": "http://adlnet.gov/expapi/verbs/answered"')
  await heading.scrollIntoViewIfNeeded()
  await visit(page, J, '05-person-learning-records')

  // Filtered by verb: only the lesson.
  await page.getByLabel('What was done').selectOption('experienced')
  await page.getByRole('search', { name: 'Learning records' }).getByRole('button', { name: 'Filter' }).click()
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table).toContainText('Lesson: Reading a fractional-inch rule')
  expect(errors).toEqual([])
})

/** The whole UTC days the staff page shows by default (the last 30, today included), as the API takes them. */
function lastThirtyDays(): { from: string; to: string; first: string; last: string } {
  const DAY = 86_400_000
  const first = new Date(Date.now() - 29 * DAY).toISOString().slice(0, 10)
  const last = new Date().toISOString().slice(0, 10)
  return { from: `${first}T00:00:00.000Z`, to: new Date(Date.parse(`${last}T00:00:00Z`) + DAY).toISOString(), first, last }
}

/** Right answers to `count` questions of a skill through the practice API, set after set. */
async function answerRight(learner: ApiUser, staff: ApiUser, skill: string, count: number): Promise<void> {
  while (count > 0) {
    const set = await learner.post<PracticeSetView>('/api/v1/learning/practice-sets', { skill })
    for (const item of set.items.slice(0, count)) {
      const key = keyAsPresented(await staff.get(`/api/v1/admin/items/${item.id}`), item as { presentation: { body: unknown } })
      const answered = await learner.post(`/api/v1/learning/practice-sets/${set.id}/items/${item.id}/answer`, { response: key })
      expect(answered.feedback.correct, `${skill}: the key of ${item.id} scores`).toBe(true)
      count--
    }
  }
}

test('staff read mastery by skill after a learner masters Measurement', async ({ page, baseURL }) => {
  const errors = watchErrors(page)
  const period = lastThirtyDays()
  const staff = await apiLogin(baseURL!, 'admin@demo.test')
  const reportNow = () => staff.get<MasteryReport>(`/api/v1/admin/learning/mastery?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`)
  // Other journeys practise too: this one reads what its learner adds to the figures as they were.
  const before = await reportNow()
  const learner = await apiRegister(baseURL!, { email: `mastery-${stamp}@example.com`, firstName: 'Mina', lastName: `Okafor${stamp}`, password: 'a long enough password' })
  await answerRight(learner, staff, 'MEAS', before.policy.window)
  await learner.dispose()
  const after = await reportNow()
  await staff.dispose()
  const was = before.skills.find((s) => s.skill === 'MEAS')!
  const meas = after.skills.find((s) => s.skill === 'MEAS')!
  expect(meas).toMatchObject({
    practisingLearners: was.practisingLearners + 1, answers: was.answers + before.policy.window, correctAnswers: was.correctAnswers + before.policy.window,
    newlyMastered: was.newlyMastered + 1, mastered: was.mastered + 1, everPractised: was.everPractised + 1,
  })

  await page.setViewportSize({ width: 1280, height: 900 })
  await logIn(page, 'admin@demo.test')
  await page.goto('/staff/learning-records')
  const heading = page.getByRole('heading', { level: 2, name: 'Mastery by skill' })
  await expect(heading).toBeVisible()
  await expect(page.getByText(`A learner has mastered a skill with at least ${after.policy.correctNeeded} of the last ${after.policy.window} practice answers of the skill correct`)).toBeVisible()
  const table = page.getByRole('table', { name: `Mastery by skill, ${period.first} to ${period.last}` })
  await expect(table.getByRole('row')).toHaveCount(after.skills.length + 1)
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Measurement (MEAS)' }) })
  const percent = (p: number | null) => (p === null ? '—' : `${p}%`)
  await expect(row.getByRole('cell')).toHaveText([
    'MM', String(meas.practisingLearners), String(meas.answers), `${percent(meas.percentCorrect)}${meas.fewLearners ? ' (few learners)' : ''}`,
    String(meas.newlyMastered), `${meas.mastered} of ${meas.everPractised} (${percent(meas.masteredPercent)})`,
  ])
  const modules = page.getByRole('table', { name: `Mastery by module, ${period.first} to ${period.last}` })
  const mm = after.modules.find((m) => m.module === 'MM')!
  await expect(modules.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Math and Measurement (MM)' }) })).toContainText(`${mm.masteredAll} of ${mm.everPractised}`)
  await visit(page, J, '06-mastery-by-skill')
  await heading.scrollIntoViewIfNeeded()
  await screenshot(page, J, '07-mastery-by-skill-section', { fullPage: false })

  // Sorted by the share mastered, most first, from the column header.
  await table.getByRole('button', { name: /^Mastered/ }).click()
  await table.getByRole('button', { name: /^Mastered/ }).click()
  await expect(table.locator('caption')).toContainText('sorted by')
  expect(errors).toEqual([])
})
