// Item statistics journey (issue 15, item 4): two candidates sit MM in the demo session and submit
// (blank: every item they drew comes out very hard); staff compute the year's statistics from the
// review queue page, open a flagged item's statistics, send it back to review with a reason, download
// the module's technical report (a PDF); a candidate gives and withdraws their demographics.
import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { candidateInLiveSession, CANDIDATE_PASSWORD, keepProctorPresent, logIn, visit, visitModal } from './support.js'

const J = 'item-statistics'
const stamp = Date.now() % 1_000_000
const YEAR = new Date().getUTCFullYear()

test.describe.configure({ mode: 'serial' })
test.use({ actionTimeout: 15_000 })

let candidateEmail = ''

test('candidates sit MM and the sittings are scored', async ({ baseURL }) => {
  for (const label of [`Statsa${stamp}`, `Statsb${stamp}`]) {
    const s = await candidateInLiveSession(baseURL!, { label, modules: ['MM'], checkIn: true })
    const stop = await keepProctorPresent(s)
    try {
      const device = { 'x-attempt-device': `e2e-stats-${label}` }
      const attempt = await s.candidate.post<{ id: string }>('/api/v1/attempts', { registrationId: s.registrationId, module: 'MM' }, device)
      const done = await s.candidate.post<{ result: { passed: boolean } }>(`/api/v1/attempts/${attempt.id}/submit`, {}, device)
      expect(done.result.passed).toBe(false)
      candidateEmail = s.email
    } finally {
      stop()
      await s.dispose()
    }
  }
})

test('staff compute the statistics, open a flagged item and send it back to review', async ({ page }) => {
  await logIn(page, 'admin@demo.test')
  await page.goto('/staff/items')
  await page.getByRole('link', { name: 'Item statistics and review queue' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Item statistics and review queue' })).toBeVisible()
  await page.getByRole('button', { name: `Compute statistics for ${YEAR}` }).click()
  await expect(page.getByText('The statistics are computed.')).toBeVisible({ timeout: 60_000 })
  const figures = page.getByRole('table', { name: `Module figures for ${YEAR}` })
  await expect(figures.getByRole('row').filter({ hasText: /^MM/ }).first()).toBeVisible()
  const queue = page.getByRole('table', { name: `Flagged items in ${YEAR}` })
  await expect(queue.getByText('Very hard').first()).toBeVisible()
  await visit(page, J, '01-review-queue')

  // The first active flagged item: its statistics on its own page.
  const row = queue.getByRole('row').filter({ has: page.getByRole('button', { name: /back to review/ }) }).first()
  const identifier = (await row.getByRole('rowheader').getByRole('link').textContent())!.trim()
  await row.getByRole('rowheader').getByRole('link').click()
  await expect(page.getByRole('heading', { level: 2, name: 'Item statistics' })).toBeVisible()
  await expect(page.getByText('Very hard.').first()).toBeVisible()
  await expect(page.getByText('Proportion correct (p)').first()).toBeVisible()
  await visit(page, J, '02-item-statistics')

  // Back on the queue, send it back to review with the reason.
  await page.goBack()
  const again = page.getByRole('table', { name: `Flagged items in ${YEAR}` })
  await again.getByRole("button", { name: `Send back to review ${identifier}` }).click()
  const dialog = page.getByRole('dialog', { name: `Send ${identifier} back to review` })
  await expect(dialog.getByLabel('Reason')).toHaveValue(/Flagged: very hard/)
  await visitModal(page, J, '03-send-to-review')
  await dialog.getByRole('button', { name: 'Send back to review' }).click()
  await expect(page.getByText(`${identifier} went back to review`)).toBeVisible()
  await expect(again.getByRole('row').filter({ hasText: identifier }).first()).toContainText('In review')
})

test('staff open form comparability: the calibration and each delivered form at the cut', async ({ page }) => {
  await logIn(page, 'admin@demo.test')
  await page.goto('/staff/items/review-queue')
  await page.getByRole('link', { name: 'Form comparability around the cut' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Form comparability around the cut' })).toBeVisible()
  await page.getByLabel('Module').selectOption('MM')
  await expect(page.getByRole('heading', { level: 2, name: `Calibration of MM in ${YEAR}` }).or(page.getByText(/could not be calibrated/))).toBeVisible()
  await visit(page, J, '03-form-comparability')
})

test('staff download the technical report', async ({ page }) => {
  await logIn(page, 'admin@demo.test')
  await page.goto('/staff/items/review-queue')
  const figures = page.getByRole('table', { name: `Module figures for ${YEAR}` })
  const [download] = await Promise.all([page.waitForEvent('download'), figures.getByRole('link', { name: `Technical report (PDF) MM ${YEAR}` }).click()])
  expect(download.suggestedFilename()).toBe(`mt1-technical-report-MM-${YEAR}.pdf`)
  const file = await download.path()
  expect(fs.readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-')
  fs.mkdirSync('e2e/screenshots/item-statistics', { recursive: true })
  fs.copyFileSync(file!, 'e2e/screenshots/item-statistics/technical-report-MM.pdf')
})

test('a candidate gives and withdraws their demographics', async ({ page }) => {
  await logIn(page, candidateEmail, CANDIDATE_PASSWORD)
  await page.goto('/account')
  const form = page.getByRole('form', { name: 'Help us check our tests are fair' })
  await form.getByLabel('Gender').selectOption('woman')
  await form.getByLabel('First language').selectOption('prefer_not')
  await form.getByRole('button', { name: 'Save my answers' }).click()
  await expect(form.getByRole('link', { name: /Consent/ })).toBeVisible()
  await form.getByRole('checkbox').check()
  await form.getByRole('button', { name: 'Save my answers' }).click()
  await expect(form.getByText('Thank you: your answers are saved.', { exact: true })).toBeVisible()
  await visit(page, J, '04-demographics')
  await form.getByRole('button', { name: 'Withdraw and delete my answers' }).click()
  await expect(form.getByText('Your answers are deleted.', { exact: true })).toBeVisible()
})
