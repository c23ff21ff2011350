// Program analytics journey (issue 15, item 4): two candidates sit MM in the demo session in progress
// (one passes with the key's answers, one submits nothing and fails); staff open the analytics from
// their dashboard, filter by MM and the last 30 days, see the charts and tables, download the module
// table as CSV, and ask for the accommodated group alone, which is refused as too small to show.
// Journeys share one server: the counts are checked as at least this journey's own sittings.
import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { candidateInLiveSession, keepProctorPresent, logIn, visit, watchErrors, type AttemptView, type LiveSitting } from './support.js'

const J = 'analytics'
const DAY = 86_400_000
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)

test.describe.configure({ mode: 'serial' })

const sittings: LiveSitting[] = []
const stops: (() => void)[] = []
test.afterAll(async () => {
  for (const stop of stops) stop()
  await Promise.all(sittings.map((s) => s.dispose()))
})

/** Sits MM through the API as a computer of its own: every answer from the key, or none. */
async function sitMM(baseURL: string, label: string, correct: boolean) {
  const sitting = await candidateInLiveSession(baseURL, { label, modules: ['MM'], checkIn: true })
  sittings.push(sitting)
  stops.push(await keepProctorPresent(sitting))
  const { staff, candidate } = sitting
  const device = { 'x-attempt-device': `e2e-${label}-${Date.now()}` }
  const attempt = await candidate.post<AttemptView>('/api/v1/attempts', { registrationId: sitting.registrationId, module: 'MM' }, device)
  if (correct) {
    for (const item of attempt.items) {
      const key = await staff.get<{ correctResponse: unknown }>(`/api/v1/admin/items/${encodeURIComponent(item.id)}?attemptId=${encodeURIComponent(attempt.id)}`)
      await candidate.put(`/api/v1/attempts/${attempt.id}/responses/${encodeURIComponent(item.id)}`, { response: key.correctResponse }, device)
    }
  }
  await candidate.post(`/api/v1/attempts/${attempt.id}/submit`, {}, device)
}

test('staff read the analytics of MM over the last 30 days and download a table as CSV', async ({ page, baseURL }) => {
  const errors = watchErrors(page)
  await sitMM(baseURL!, 'Anapass', true)
  await sitMM(baseURL!, 'Anafail', false)

  await logIn(page, 'admin@demo.test')
  await page.getByRole('link', { name: 'Program analytics', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Program analytics' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Pass rate by module' })).toBeVisible()
  await visit(page, J, 'analytics-last-year')

  const filters = page.getByRole('form', { name: 'Filters' })
  await filters.getByLabel('First day (UTC)').fill(day(Date.now() - 29 * DAY))
  await filters.getByLabel('Last day (UTC)').fill(day(Date.now()))
  await filters.getByLabel('Module').selectOption('MM')
  await filters.getByRole('button', { name: 'Show figures' }).click()

  const modules = page.getByRole('table', { name: 'Pass rate by module' })
  await expect(modules.getByRole('row')).toHaveCount(2)
  const mm = modules.getByRole('row').nth(1)
  await expect(mm.getByRole('rowheader')).toHaveText('Math and Measurement (MM)')
  const [attempts, passed] = (await mm.getByRole('cell').allTextContents()).map(Number)
  expect(attempts).toBeGreaterThanOrEqual(2)
  expect(passed).toBeGreaterThanOrEqual(1)
  expect(passed).toBeLessThan(attempts!)
  // Only MM's skills, and a chart above each figure that draws one.
  await expect(page.getByRole('table', { name: 'Skills below standard' }).getByRole('rowheader')).toHaveCount(3)
  await expect(page.locator('.analytics-chart svg.recharts-surface').first()).toBeVisible()
  await expect(page.getByRole('table', { name: 'By center' }).getByRole('row').filter({ hasText: 'Demo' }).first()).toBeVisible()
  await visit(page, J, 'analytics-mm-30-days')

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download “Pass rate by module” as CSV' }).click()
  const file = await (await download).path()
  const lines = fs.readFileSync(file!, 'utf8').split('\r\n')
  expect(lines[0]).toBe('module,moduleName,attempts,passed,passRate')
  expect(lines[1]).toMatch(/^MM,Math and Measurement,\d+,\d+,\d*$/)

  // The accommodated group alone is too small to show: the form says so and shows nothing about it.
  await filters.getByLabel('Candidates').selectOption('with')
  await filters.getByRole('button', { name: 'Show figures' }).click()
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' })
  await expect(summary).toContainText('Fewer than 10 candidates in this group')
  await expect(page.getByRole('table', { name: 'Pass rate by module' })).toHaveCount(0)
  await visit(page, J, 'analytics-group-too-small')
  expect(errors).toEqual([])
})
