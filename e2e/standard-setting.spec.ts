// Modified-Angoff standard-setting journey (issue 15, item 4): staff create a study of the MM module
// (one form drawn by the blueprint) and put two panelists on it (accounts made through the API); in
// round 1 one panelist rates every item on the web (items with their keys, autosave) and the other
// through the API; staff close the round and see the recommended cut with its SE and the impact data;
// round 2 the same way (the web panelist sees round 1's impact data and their own earlier ratings);
// staff close it and record the decision ("kept at 75%"), completing the study's record.
import { expect, test, type Page } from '@playwright/test'
import type { RatingWorkspaceView, StudyList } from '../src/common/schemas/standard-setting.js'
import { apiLogin, apiRegister, visit } from './support.js'

const J = 'standard-setting'
const DEMO_PASSWORD = 'mt1-demo'
const PASSWORD = 'a long enough password'
const stamp = Date.now() % 1_000_000
const webPanelist = { firstName: 'Wren', lastName: `Panel${stamp}`, email: `wren-panel-${stamp}@example.com` }
const apiPanelist = { firstName: 'Ari', lastName: `Panel${stamp}`, email: `ari-panel-${stamp}@example.com` }
const title = `MM standard ${stamp}`

test.describe.configure({ mode: 'serial' })

async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.context().clearCookies()
  await page.goto('/login')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: /log in/i }).click()
  await expect(page).toHaveURL(/\/dashboard/)
}

let studyId = ''

/** The API panelist rates every item of the open round. */
async function rateByApi(baseURL: string, round: number, rating: number) {
  const ari = await apiLogin(baseURL, apiPanelist.email, PASSWORD)
  const ws = await ari.get<RatingWorkspaceView>(`/api/v1/standard-setting/studies/${studyId}/workspace`)
  expect(ws.openRound).toBe(round)
  for (const item of ws.items) await ari.put(`/api/v1/standard-setting/studies/${studyId}/rounds/${round}/ratings/${item.id}`, { rating })
  await ari.dispose()
}

/** The web panelist rates every item on the rating page, each saved as typed. */
async function rateOnWeb(page: Page, rating: string, shot: string) {
  await logIn(page, webPanelist.email, PASSWORD)
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Rate: ${title}` })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Before you rate: the minimally competent candidate' })).toBeVisible()
  const inputs = page.getByLabel(/^Rating for item \d+ \(0–100\)$/)
  const count = await inputs.count()
  expect(count).toBe(24)
  await visit(page, J, shot)
  for (let n = 1; n <= count; n++) {
    const input = page.getByLabel(`Rating for item ${n} (0–100)`, { exact: true })
    await input.fill(rating)
  }
  await expect(page.getByText(`${count} of ${count} items rated.`, { exact: false })).toBeVisible({ timeout: 20_000 })
  await expect(page.getByText('Saving…')).toHaveCount(0)
}

test('staff create a study and put two panelists on it', async ({ page, baseURL }) => {
  for (const p of [webPanelist, apiPanelist]) await (await apiRegister(baseURL!, { ...p, password: PASSWORD })).dispose()

  await logIn(page, 'admin@demo.test')
  await page.getByRole('link', { name: 'Standard setting', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Standard setting' })).toBeVisible()
  const form = page.getByRole('form', { name: 'Create a study' })
  await form.getByLabel('Module').selectOption('MM')
  await form.getByLabel('Title').fill(title)
  await form.getByLabel('Items rated').selectOption('form')
  await form.getByRole('button', { name: 'Create the study' }).click()
  await expect(page.getByText(`${title} is created with 24 items.`)).toBeVisible()
  await visit(page, J, '01-studies')

  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const staff = await apiLogin(baseURL!, 'admin@demo.test')
  studyId = (await staff.get<StudyList>('/api/v1/standard-setting/studies')).items.find((s) => s.title === title)!.id
  await staff.dispose()
  for (const p of [webPanelist, apiPanelist]) {
    const add = page.getByRole('form', { name: 'Add a panelist' })
    await add.getByLabel('Email').fill(p.email)
    await add.getByRole('button', { name: 'Add the panelist' }).click()
    await expect(page.getByRole('table', { name: 'Panelists and their ratings' })).toContainText(p.email)
  }
  await visit(page, J, '02-study-draft')
  await page.getByRole('button', { name: 'Open round 1' }).click()
  await expect(page.getByText('Round 1 is open: panelists can rate.')).toBeVisible()
})

test('round 1: one panelist rates on the web, the other through the API; staff close it and see the impact', async ({ page, baseURL }) => {
  await rateOnWeb(page, '70', '03-rate-round-1')
  await rateByApi(baseURL!, 1, 80)

  await logIn(page, 'admin@demo.test')
  await page.goto(`/staff/standard-setting/${studyId}`)
  await expect(page.getByRole('table', { name: 'Panelists and their ratings' })).toContainText('24 of 24')
  await page.getByRole('button', { name: 'Close round 1' }).click()
  await expect(page.getByText('Round 1 is closed.')).toBeVisible()
  const cut = page.getByRole('region', { name: 'Recommended cut' })
  await expect(cut).toContainText('75.0%')
  await expect(cut).toContainText('5.00')
  await expect(page.getByRole('table', { name: 'Round 1 ratings and item p-values' })).toBeVisible()
  await visit(page, J, '04-round-1-closed')
  await page.getByRole('button', { name: 'Open round 2' }).click()
  await expect(page.getByText('Round 2 is open: panelists can rate.')).toBeVisible()
})

test('round 2 after the impact data; staff record the decision and the study documents the standard', async ({ page, baseURL }) => {
  await rateOnWeb(page, '75', '05-rate-round-2')
  await expect(page.getByRole('heading', { name: 'What round 1 showed' })).toBeVisible()
  await expect(page.getByText('Your round 1 rating: 70').first()).toBeVisible()
  await rateByApi(baseURL!, 2, 76)

  await logIn(page, 'admin@demo.test')
  await page.goto(`/staff/standard-setting/${studyId}`)
  await page.getByRole('button', { name: 'Close round 2' }).click()
  await expect(page.getByText('Round 2 is closed.')).toBeVisible()
  const cut = page.getByRole('region', { name: 'Recommended cut' })
  await expect(cut).toContainText('Recommended cut (round 2)')
  await expect(cut).toContainText('75.5%')
  await expect(cut).toContainText('0.50')
  const decision = page.getByRole('form', { name: 'Record the decision' })
  await decision.getByLabel('Decision').fill('Kept at 75%: the panel recommends 75.5% (SE 0.50), within two standard errors of the standard.')
  await decision.getByRole('button', { name: 'Record the decision and complete the study' }).click()
  await expect(page.getByText('Recorded by')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Print this record' })).toBeVisible()
  await visit(page, J, '06-study-completed')
})
