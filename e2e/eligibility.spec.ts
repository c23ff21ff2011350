// Eligibility journey: a candidate fails Math and Measurement under a program whose retake policy
// asks for 30 days' wait. The registration page then explains, before they try, that MM cannot be
// booked at the sessions 7 and 14 days ahead and from when it can; a registration they had already
// started is refused with a readable message, not a browser alert.
// The shipped program has no retake wait, so this journey runs its own server (the build the
// configured web server made) on a fresh data directory with a copy of the program that sets one.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { apiLogin, apiRegister, logIn, visit, type ApiUser } from './support.js'

const J = 'eligibility'
const DAY = 86_400_000
const root = path.resolve(import.meta.dirname, '..')
const port = 20_000 + Math.floor(Math.random() * 20_000)
const base = `http://127.0.0.1:${port}`
const stamp = Date.now() % 1_000_000
const who = { email: `retaker-${stamp}@example.com`, firstName: 'Jordan', lastName: `Retaker${stamp}`, password: 'a long enough password' }

test.describe.configure({ mode: 'serial' })
test.use({ baseURL: base })

let server: ChildProcess | undefined
let dataDir = ''

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-e2e-eligibility-'))
  const programDir = path.join(dataDir, 'program')
  fs.mkdirSync(programDir)
  const program = JSON.parse(fs.readFileSync(path.join(root, 'program/mt1/program.json'), 'utf8'))
  program.policies.retake = { waitDaysAfterAttempt: [30], maxAttemptsPer12Months: null }
  fs.writeFileSync(path.join(programDir, 'program.json'), JSON.stringify(program))
  let output = ''
  server = spawn(process.execPath, [path.join(root, 'dist/server/main.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: path.join(dataDir, 'data'), PUBLIC_URL: base, LOG_LEVEL: 'warn', DATABASE_URL: '', MT1_PROGRAM_DIR: programDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout!.on('data', (d) => { output += d })
  server.stderr!.on('data', (d) => { output += d })
  for (const until = Date.now() + 60_000; ; ) {
    if (server.exitCode !== null) throw new Error(`the journey's server exited: ${output}`)
    if (Date.now() > until) throw new Error(`the journey's server did not start: ${output}`)
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
})

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r))
    server.kill('SIGTERM')
    await exited
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
})

interface PublicSession { id: string; centerName: string; startsAt: string; status: string }

async function demoSessions(api: ApiUser) {
  const items = (await api.get<{ items: PublicSession[] }>('/api/v1/sessions')).items.filter((s) => s.centerName === 'MT1 Demo Assessment Center')
  const near = (days: number) => items.reduce((best, s) => (Math.abs(Date.parse(s.startsAt) - Date.now() - days * DAY) < Math.abs(Date.parse(best.startsAt) - Date.now() - days * DAY) ? s : best))
  return { live: items.find((s) => s.status === 'in_progress')!, week: near(7), fortnight: near(14) }
}

/** The candidate sits MM in the demo session running now (a walk-in seated by staff) and fails it. */
async function failMM(candidate: ApiUser, liveSessionId: string) {
  const staff = await apiLogin(base, 'admin@demo.test')
  const proctor = await apiLogin(base, 'proctor@demo.test')
  const reg = await staff.post('/api/v1/admin/registrations', { candidateId: candidate.userId, sessionId: liveSessionId, modules: ['MM'], overrideReason: 'Walk-in approved by the program' })
  await proctor.post(`/api/v1/sessions/${liveSessionId}/presence`)
  await proctor.post(`/api/v1/sessions/${liveSessionId}/checkins`, { registrationId: reg.id, idVerified: true })
  const device = { 'x-attempt-device': `e2e-eligibility-${stamp}` }
  const attempt = await candidate.post('/api/v1/attempts', { registrationId: reg.id, module: 'MM' }, device)
  const submitted = await candidate.post(`/api/v1/attempts/${attempt.id}/submit`, {}, device)
  expect(submitted.result.passed).toBe(false)
  await Promise.all([staff.dispose(), proctor.dispose()])
}

/** A date-time as the page shows it (the reader's locale and time zone). */
const shown = (page: Page, iso: string) => page.evaluate((at) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at)), iso)

function sessionOption(page: Page, sessionId: string) {
  return page.locator('li.session-option').filter({ has: page.locator(`[id="session-${sessionId}"]`) })
}

test('a candidate whose retake is too soon sees why and from when, and a refused registration reads as a message', async ({ page }) => {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  const candidate = await apiRegister(base, who)
  const { live, week, fortnight } = await demoSessions(candidate)

  // The candidate opens the session a week ahead while every module is still open to them.
  await logIn(page, who.email, who.password)
  await page.goto('/sessions')
  await expect(page.getByRole('heading', { level: 1, name: 'Find a session' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Modules you cannot book now' })).toHaveCount(0)
  const weekOption = sessionOption(page, week.id)
  await weekOption.getByRole('button', { name: /choose this session/i }).click()
  const mm = weekOption.getByRole('checkbox', { name: /\(MM\)/ })
  await expect(mm).toBeEnabled()
  await expect(mm).toBeChecked()

  // Meanwhile they sit MM and fail: the program asks for 30 days before a retake.
  await failMM(candidate, live.id)
  const nextEligibleAt = (await candidate.get<{ items: { module: string; nextEligibleAt: string | null }[] }>('/api/v1/me/eligibility')).items.find((i) => i.module === 'MM')!.nextEligibleAt!
  const when = await shown(page, nextEligibleAt)

  // The registration they had started is refused, and the page says why and from when.
  await weekOption.getByRole('button', { name: 'Register' }).click()
  const alert = weekOption.getByRole('alert')
  await expect(alert).toContainText('You cannot book Math and Measurement (MM) at this session.')
  await expect(alert).toContainText(`the waiting period before a retake runs until ${when}`)
  await expect(mm).toBeDisabled()
  expect(dialogs).toEqual([])
  await visit(page, J, '01-refused-with-a-message')

  // Coming back, the page explains it before they try: at the top, and at each session.
  await page.goto('/sessions')
  const standing = page.getByRole('region', { name: 'Modules you cannot book now' })
  await expect(standing).toContainText(`Math and Measurement (MM): Not yet: the waiting period before a retake runs until ${when}.`)
  const fortnightOption = sessionOption(page, fortnight.id)
  await fortnightOption.getByRole('button', { name: /choose this session/i }).click()
  const mmLater = fortnightOption.getByRole('checkbox', { name: /\(MM\)/ })
  await expect(mmLater).toBeDisabled()
  await expect(mmLater).not.toBeChecked()
  await expect(mmLater).toHaveAccessibleDescription(`Not yet: the waiting period before a retake runs until ${when}. Choose a session that starts then or later.`)
  await expect(fortnightOption.getByRole('checkbox', { name: /\(SRMT\)/ })).toBeEnabled()
  await expect(fortnightOption.getByRole('checkbox', { name: /\(QBA\)/ })).toBeEnabled()
  await visit(page, J, '02-retake-too-soon-explained')

  // The other modules are booked as usual.
  await fortnightOption.getByRole('checkbox', { name: /\(QBA\)/ }).uncheck()
  await fortnightOption.getByRole('button', { name: 'Register' }).click()
  await expect(fortnightOption.getByRole('status')).toContainText(/You are registered/)
  await expect(fortnightOption.getByRole('status')).toContainText('SRMT')
  await visit(page, J, '03-other-modules-booked')
  expect(dialogs).toEqual([])
  await candidate.dispose()
})
