// Employers as organisations (issue 14, item 2), end to end: staff create an employer organisation and
// invite its first owner, who joins by the emailed link; the owner invites a colleague, who joins by
// the emailed link too; the owner sponsors a Learning Lab seat for a candidate who has passed MM; the
// candidate accepts the seat and shares their results with the organisation; the colleague sees the
// result on the sponsored candidates page; the candidate stops sharing on their account page and the
// colleague sees "Not shared". The public employer page says why to hire MT1 holders. axe on every page.
import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { emlText } from '../test/helpers/mail.js'
import { apiRegister, candidateInLiveSession, CANDIDATE_PASSWORD, keepProctorPresent, logIn, visit, type LiveSitting } from './support.js'

const J = 'employer-organisation'
const stamp = Date.now() % 1_000_000
const ORG = `Ridge Tool and Die ${stamp}`
const PASSWORD = 'a long enough password'
const owner = { firstName: 'Olga', lastName: `Owner${stamp}`, email: `olga-owner-${stamp}@example.com` }
const colleague = { firstName: 'Cole', lastName: `Colleague${stamp}`, email: `cole-colleague-${stamp}@example.com` }

test.describe.configure({ mode: 'serial' })

const state: { orgId?: string; sitting?: LiveSitting } = {}

test.afterAll(async () => state.sitting?.dispose())

/** The newest link matching `pattern` in the mail delivered to `to` (the server's outbox of .eml files). */
async function emailedLink(to: string, pattern: RegExp): Promise<string> {
  const outbox = path.join(process.env.E2E_DATA_DIR!, 'outbox')
  let link = ''
  await expect.poll(() => {
    const files = (fs.existsSync(outbox) ? fs.readdirSync(outbox) : []).map((f) => path.join(outbox, f)).sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs)
    for (const file of files) {
      const raw = fs.readFileSync(file, 'utf8')
      if (raw.toLowerCase().includes(`to: ${to}`)) link = pattern.exec(emlText(raw))?.[0] ?? link
    }
    return link
  }, { timeout: 15_000 }).not.toBe('')
  return link
}

async function joinByLink(page: Page, who: { email: string }, shot: string): Promise<void> {
  const link = await emailedLink(who.email, /\/organisations\/invitation\?token=[A-Za-z0-9_-]+/)
  await logIn(page, who.email, PASSWORD)
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1, name: 'Invitation to join an organisation' })).toBeVisible()
  await expect(page.getByText(`to join ${ORG}`)).toBeVisible()
  await visit(page, J, shot)
  await page.getByRole('button', { name: `Join ${ORG}` }).click()
  await expect(page.getByRole('status').filter({ hasText: `You are now a member of ${ORG}.` })).toBeVisible()
}

test('the public employer page says why to hire MT1 holders in the program\'s words', async ({ page }) => {
  await page.goto('/employers')
  await expect(page.getByRole('heading', { level: 2, name: "Why hire MT1 holders, in the program's words" })).toBeVisible()
  await expect(page.getByText('beyond the scope of typical', { exact: false })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Your company as an organisation' })).toBeVisible()
  await visit(page, J, '01-employers-page')
})

test('staff create the organisation and invite its owner, who joins by the emailed link', async ({ page, baseURL }) => {
  await (await apiRegister(baseURL!, { ...owner, password: PASSWORD })).dispose()
  await logIn(page, 'admin@demo.test')
  await page.goto('/staff/organisations')
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible()
  const form = page.getByRole('form', { name: 'New organisation' })
  await form.getByLabel('Name').fill(ORG)
  await form.getByLabel('City').fill('Roanoke')
  await form.getByLabel('State').fill('VA')
  await form.getByLabel("First owner's email").fill(owner.email)
  await form.getByRole('button', { name: 'Create the organisation' }).click()
  await expect(page.getByRole('status').filter({ hasText: `${ORG} is created. ${owner.email} has been emailed an invitation to own it.` })).toBeVisible()
  const row = page.getByRole('table', { name: 'Organisations with their members and waiting invitations' }).getByRole('row').filter({ hasText: ORG })
  await expect(row).toContainText('Employer')
  await visit(page, J, '02-staff-organisations')

  await joinByLink(page, owner, '03-owner-invitation')
  await page.getByRole('link', { name: ORG }).click()
  await expect(page.getByRole('heading', { level: 1, name: ORG })).toBeVisible()
  state.orgId = new URL(page.url()).pathname.split('/')[2]
})

test('the owner invites a colleague, who joins by the emailed link', async ({ page, baseURL }) => {
  await (await apiRegister(baseURL!, { ...colleague, password: PASSWORD })).dispose()
  await logIn(page, owner.email, PASSWORD)
  await page.getByRole('link', { name: 'Your organisation: colleagues and sponsored candidates' }).click()
  await page.getByRole('table', { name: 'Your organisations and your role in each' }).getByRole('link', { name: ORG }).click()
  const form = page.getByRole('form', { name: 'Invite a colleague' })
  await form.getByLabel('Email address').fill(colleague.email)
  await form.getByRole('button', { name: 'Send the invitation' }).click()
  await expect(page.getByRole('status').filter({ hasText: `${colleague.email} has been emailed an invitation.` })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Invitations not yet accepted' }).getByRole('row').filter({ hasText: colleague.email })).toContainText('Waiting')
  await visit(page, J, '04-owner-invites')

  await joinByLink(page, colleague, '05-colleague-invitation')
  await page.goto(`/organisations/${state.orgId}`)
  const members = page.getByRole('table', { name: `Members of ${ORG}` })
  await expect(members.getByRole('row').filter({ hasText: owner.email })).toContainText('Owner')
  await expect(members.getByRole('row').filter({ hasText: colleague.email })).toContainText('Member')
  // A member does not manage the organisation: no invitation form.
  await expect(page.getByRole('form', { name: 'Invite a colleague' })).toHaveCount(0)
  await visit(page, J, '06-colleague-sees-members')
})

test('the owner sponsors a candidate who accepts and shares their results; the colleague sees them', async ({ page, baseURL }) => {
  // A candidate who passes MM in the demo session running now, answers given through the API.
  const s = (state.sitting = await candidateInLiveSession(baseURL!, { label: `Sponsee${stamp}`, modules: ['MM'], checkIn: true }))
  const stop = await keepProctorPresent(s)
  const device = { 'x-attempt-device': `e2e-org-${stamp}` }
  const attempt = await s.candidate.post<{ id: string; items: { id: string }[] }>('/api/v1/attempts', { registrationId: s.registrationId, module: 'MM' }, device)
  for (const item of attempt.items) {
    const key = await s.staff.get<{ correctResponse: unknown }>(`/api/v1/admin/items/${encodeURIComponent(item.id)}?attemptId=${encodeURIComponent(attempt.id)}`)
    await s.candidate.put(`/api/v1/attempts/${attempt.id}/responses/${encodeURIComponent(item.id)}`, { response: key.correctResponse }, device)
  }
  const done = await s.candidate.post<{ result: { passed: boolean } }>(`/api/v1/attempts/${attempt.id}/submit`, {}, device)
  expect(done.result.passed).toBe(true)
  stop()

  await logIn(page, owner.email, PASSWORD)
  await page.goto(`/organisations/${state.orgId}/sponsored`)
  await expect(page.getByRole('heading', { level: 1, name: 'Sponsored candidates' })).toBeVisible()
  const form = page.getByRole('form', { name: 'Sponsor a Learning Lab seat' })
  await form.getByLabel('Module').selectOption({ label: 'Quality and Business Acumen' })
  await form.getByLabel('Email address').fill(s.email)
  await form.getByRole('button', { name: 'Sponsor the seat' }).click()
  await expect(page.getByRole('status').filter({ hasText: `is sponsored for ${s.email}` })).toBeVisible()
  const table = page.getByRole('table', { name: 'Sponsored candidates, what each was given, and what they share' })
  await expect(table.getByRole('row').filter({ hasText: s.email })).toContainText('Not shared')
  await visit(page, J, '07-owner-sponsors')

  // The candidate accepts the seat by the emailed link and shares their results there.
  const link = await emailedLink(s.email, /\/training\/invitation\?token=[A-Za-z0-9_-]+/)
  await logIn(page, s.email, CANDIDATE_PASSWORD)
  await page.goto(link)
  await page.getByRole('button', { name: 'Accept the seat' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The seat is yours' })).toBeVisible()
  await expect(page.getByText(`${ORG} sponsored MT1 Online Learning Lab: Quality and Business Acumen`)).toBeVisible()
  await visit(page, J, '08-candidate-asked-to-share')
  await page.getByRole('button', { name: `Share my results with ${ORG}` }).click()
  await expect(page.getByRole('status').filter({ hasText: `${ORG} can now see your module results and certificates.` })).toBeVisible()

  await logIn(page, colleague.email, PASSWORD)
  await page.goto(`/organisations/${state.orgId}/sponsored`)
  const row = page.getByRole('table', { name: 'Sponsored candidates, what each was given, and what they share' }).getByRole('row').filter({ hasText: s.email })
  await expect(row).toContainText('Shared since')
  await expect(row).toContainText(/Math and Measurement: \d+%, passed/)
  await expect(row).toContainText('MM MT1-')
  await visit(page, J, '09-colleague-sees-results')
})

test('the candidate stops sharing on their account page; the colleague no longer sees the results', async ({ page }) => {
  const s = state.sitting!
  await logIn(page, s.email, CANDIDATE_PASSWORD)
  await page.goto('/account')
  await expect(page.getByRole('heading', { level: 2, name: 'Sharing your results with sponsors' })).toBeVisible()
  await expect(page.getByText(`You share your results with them`)).toBeVisible()
  await page.getByRole('button', { name: `Stop sharing with ${ORG}` }).click()
  await expect(page.getByRole('status').filter({ hasText: `You no longer share your results with ${ORG}.` })).toBeVisible()
  await visit(page, J, '10-candidate-stops-sharing')

  await logIn(page, colleague.email, PASSWORD)
  await page.goto(`/organisations/${state.orgId}/sponsored`)
  const row = page.getByRole('table', { name: 'Sponsored candidates, what each was given, and what they share' }).getByRole('row').filter({ hasText: s.email })
  await expect(row).toContainText('Not shared')
  await expect(row).not.toContainText('Math and Measurement:')
  await visit(page, J, '11-colleague-not-shared')
})
