// Proctored test delivery journey, with the proctor and the candidate in two browser contexts: the
// proctor checks the candidate in and the sitting page updates; the candidate opens a module's
// instructions (no clock yet), begins, answers, flags, reloads and loses the network without losing
// an answer; the proctor leaves (the test pauses) and comes back (it resumes); a sitting driven by
// the keyboard alone; the display modes of an approved candidate (high contrast, 200% text, 400%
// zoom, breaks); and a deadline that passes with the tab closed, after which the server submits and
// scores by itself.
// Each test sets up its own candidate in the demo session running now (registered by staff with the
// 48-hour override). That session is shared with other journeys, so it is never closed here.
// The attempt is held to the browser that began it: the journey's API reads of it carry that
// browser's device id (deviceOf).
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test'
import {
  CANDIDATE_PASSWORD as PASSWORD,
  DEMO_PASSWORD,
  MODULES,
  beginTest,
  candidateInLiveSession,
  consoleGroup,
  deviceOf,
  goToQuestion,
  horizontalOverflow,
  keepProctorPresent,
  logIn,
  mapButton,
  openBeginPage,
  openConsole,
  question,
  questionHeading,
  saveStatus,
  serverDbGet,
  serverDbRun,
  simulatedTimeUnavailable,
  visit,
  visitModal,
  watchErrors,
  type AttemptView,
  type LiveSitting,
} from './support.js'

const J = 'delivery'

test.describe.configure({ mode: 'serial' })

// ---------------------------------------------------------------------------------------------
// Setup

/** Things to undo after each test (API contexts, heartbeats, browser contexts). */
const cleanups: (() => unknown)[] = []
test.afterEach(async () => {
  for (const undo of cleanups.splice(0).reverse()) await undo()
})

/** A fresh candidate in the session running now (support.ts), its API sessions ended after the test. */
async function sitting(baseURL: string, o: Parameters<typeof candidateInLiveSession>[1]): Promise<LiveSitting> {
  const s = await candidateInLiveSession(baseURL, o)
  cleanups.push(() => s.dispose())
  return s
}

/** The proctor's console heartbeat through the API, until the test ends. */
async function proctorPresent(s: LiveSitting): Promise<void> {
  cleanups.push(await keepProctorPresent(s))
}

// ---------------------------------------------------------------------------------------------
// Browser helpers

/** A second person at another computer: their own browser context (cookies, storage). */
async function openBrowser(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } })
  cleanups.push(() => context.close().catch(() => undefined))
  return context.newPage()
}

/** Clicks an option of a single-choice question; returns its choice id (what the server stores). */
async function choose(page: Page, n: number, option: number): Promise<string> {
  const radio = question(page, n).getByRole('radio').nth(option)
  await radio.check()
  return (await radio.getAttribute('value'))!
}

/** The question numbers (1-based) of the single-choice items on the candidate's form. */
const singleChoiceNumbers = (attempt: AttemptView) => attempt.items.flatMap((item, i) => (item.type === 'single_choice' ? [i + 1] : []))

/** Seconds on the test clock ("41:07" or "1:05:00"). */
async function clockSeconds(page: Page): Promise<number> {
  const text = (await page.locator('.test-clock__digits').textContent()) ?? ''
  return text
    .trim()
    .split(':')
    .reduce((total, part) => total * 60 + Number(part), 0)
}

/** Start on the test day page, then Begin on the instructions: returns the attempt's id, on question 1. */
async function startModule(page: Page, s: LiveSitting, module: { code: string; name: string }): Promise<string> {
  await openBeginPage(page, s.registrationId, module)
  return beginTest(page)
}

/** Presses a key until the target has focus: the keyboard-only way to reach a control. */
async function pressUntilFocused(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 60) {
  await expect(target).toBeVisible()
  for (let i = 0; i <= max; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return
    await page.keyboard.press(key)
  }
  throw new Error(`${key} never reached ${target.toString()}`)
}

// ---------------------------------------------------------------------------------------------

test('check-in, a module started, answers saved through a reload and a network cut, then submitted', async ({ page, browser, baseURL }) => {
  const s = await sitting(baseURL!, { label: 'Dana', modules: ['MM', 'QBA'], checkIn: false })
  const candidateErrors = watchErrors(page)

  // The candidate opens today's test: not checked in yet.
  await logIn(page, s.email, PASSWORD)
  await page.getByRole('link', { name: 'Today’s test' }).click()
  await expect(page).toHaveURL(new RegExp(`/sitting/${s.registrationId}$`))
  await expect(page.getByRole('heading', { level: 1, name: 'Your test today' })).toBeVisible()
  await expect(page.getByText('Your proctor checks your photo ID and admits you.')).toBeVisible()
  // Start is a link to the module's instructions: reading them starts nothing.
  await expect(page.getByRole('link', { name: 'Start Math and Measurement', exact: true })).toBeVisible()
  await visit(page, J, '01-sitting-not-checked-in')

  // The proctor, at another computer, checks the photo ID and admits them.
  const proctor = await openBrowser(browser, baseURL!)
  const proctorErrors = watchErrors(proctor)
  await logIn(proctor, 'proctor@demo.test', DEMO_PASSWORD)
  await openConsole(proctor, s.sessionId)
  const group = consoleGroup(proctor, s.name)
  await expect(group.getByText('Not checked in')).toBeVisible()
  await visit(proctor, J, '02-console')
  await group.getByRole('button', { name: `Check in ${s.name}` }).click()
  const dialog = proctor.getByRole('dialog', { name: `Check in ${s.name}` })
  await expect(dialog).toBeVisible()
  await visitModal(proctor, J, '03-console-check-in-dialog')
  await dialog.getByLabel("I have verified this candidate's photo ID").check()
  await dialog.getByRole('button', { name: 'Check in', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(proctor.getByRole('status').filter({ hasText: `${s.name} is checked in and may start.` })).toBeVisible()
  await expect(group.getByText('Checked in', { exact: true })).toBeVisible()

  // The candidate's sitting page updates by itself.
  await expect(page.getByText('You are checked in and your proctor is present')).toBeVisible({ timeout: 15_000 })
  await visit(page, J, '04-sitting-checked-in')

  // MM: the instructions on their own page, with the time not started; Begin starts the attempt and
  // opens the first question.
  await page.getByRole('link', { name: 'Start Math and Measurement', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/sitting/${s.registrationId}/begin/MM$`))
  await expect(page.getByRole('heading', { name: 'Before you begin' })).toBeVisible()
  await expect(page.getByText('Your time has not started.')).toBeVisible()
  await visit(page, J, '05-instructions')
  const attemptId = await beginTest(page)
  await expect(questionHeading(page, 1)).toBeFocused()
  await visit(page, J, '06-question')
  const device = await deviceOf(page)

  // Inside the test the Instructions button shows them again, now with the time running.
  await page.getByRole('button', { name: 'Instructions', exact: true }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Instructions' })).toBeVisible()
  await expect(page.getByText('Your time is running')).toBeVisible()
  await page.getByRole('button', { name: 'Back to the test' }).click()
  await expect(questionHeading(page, 1)).toBeFocused()

  // Answer three single-choice questions and flag one of them.
  const form = await s.candidate.get<AttemptView>(`/api/v1/attempts/${attemptId}`, device)
  const choices = singleChoiceNumbers(form)
  expect(choices.length, 'MM draws enough single-choice questions for this journey').toBeGreaterThanOrEqual(5)
  const [a, b, c, d, e] = choices as [number, number, number, number, number]
  const chosen = new Map<number, string>()
  for (const [n, option] of [[a, 1], [b, 2], [c, 0]] as const) {
    await goToQuestion(page, n)
    chosen.set(n, await choose(page, n, option))
    await expect(saveStatus(page)).toHaveText(/Saved/)
  }
  await page.getByRole('button', { name: 'Flag for review' }).click()
  await expect(page.getByRole('button', { name: 'Flag for review' })).toHaveAttribute('aria-pressed', 'true')
  await expect(mapButton(page, c)).toHaveAccessibleName(`Question ${c}, answered, flagged`)
  await expect(saveStatus(page)).toHaveText(/Saved/)
  await expect(page.getByRole('button', { name: /^Question map/ })).toContainText('3 of 24 answered')
  await visit(page, J, '07-question-map')

  // A reload comes back to the same question with the answers, and the clock has kept running.
  const before = await clockSeconds(page)
  await page.reload()
  await expect(questionHeading(page, c)).toBeVisible()
  await expect(question(page, c).locator(`input[value="${chosen.get(c)}"]`)).toBeChecked()
  await expect(mapButton(page, a)).toHaveAccessibleName(`Question ${a}, answered`)
  await expect(mapButton(page, c)).toHaveAccessibleName(`Question ${c}, answered, flagged`)
  await expect(page.getByText(/Time left/).first()).toBeVisible()
  const after = await clockSeconds(page)
  expect(after, 'the clock did not restart on reload').toBeLessThanOrEqual(before)
  expect(before - after, 'the clock lost only the seconds the reload took').toBeLessThanOrEqual(5)

  // The network drops: two more answers wait on this computer, then go out when it returns.
  await page.context().setOffline(true)
  for (const [n, option] of [[d, 2], [e, 1]] as const) {
    await goToQuestion(page, n)
    chosen.set(n, await choose(page, n, option))
  }
  await expect(saveStatus(page)).toContainText('Offline')
  // A question not opened before still shows its figures: the form's figures were fetched with it.
  const figure = form.items.findIndex((item, i) => JSON.stringify(item.presentation).includes('/api/v1/item-assets/') && ![1, a, b, c, d, e].includes(i + 1)) + 1
  if (figure > 0) {
    await goToQuestion(page, figure)
    const images = question(page, figure).locator('img')
    await expect(images.first()).toBeVisible()
    await expect.poll(() => images.evaluateAll((all) => all.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))).toBe(true)
  }
  await visit(page, J, '08-offline')
  await page.context().setOffline(false)
  await expect(saveStatus(page)).toHaveText(/Saved/, { timeout: 20_000 })
  const stored = await s.candidate.get<AttemptView>(`/api/v1/attempts/${attemptId}`, device)
  for (const [n, value] of chosen) expect(stored.responses[form.items[n - 1]!.id]?.response, `question ${n}`).toEqual({ RESPONSE: value })
  expect(stored.flags).toEqual([form.items[c - 1]!.id])

  // The review screen, the submit dialog, the result.
  await page.getByRole('button', { name: 'Review answers' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Review your answers' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Flagged for review (1)' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Answered (5)' })).toBeVisible()
  await visit(page, J, '09-review')
  await page.getByRole('button', { name: 'Submit test' }).click()
  const submit = page.getByRole('dialog', { name: 'Submit your test?' })
  await expect(submit).toBeVisible()
  await expect(submit).toContainText('You have answered 5 of 24 questions.')
  await expect(submit.getByRole('button', { name: 'Keep working' })).toBeFocused()
  await visitModal(page, J, '10-submit-dialog')
  await submit.getByRole('button', { name: 'Submit now' }).click()
  await expect(page.getByTestId('finished')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Math and Measurement: test submitted' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible()
  await visit(page, J, '11-finished')

  // The console shows the module scored; the session report downloads as a PDF.
  await expect(group.getByText('Scored')).toBeVisible({ timeout: 15_000 })
  await visit(proctor, J, '12-console-scored')
  const report = proctor.getByRole('link', { name: /Session report \(PDF\)/ })
  const href = await report.getAttribute('href')
  expect(href).toBe(`/api/v1/sessions/${s.sessionId}/report.pdf`)
  const pdf = await proctor.request.get(href!)
  expect(pdf.status()).toBe(200)
  expect(pdf.headers()['content-type']).toContain('application/pdf')
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')

  expect(candidateErrors).toEqual([])
  expect(proctorErrors).toEqual([])
})

test('the proctor leaves: the test pauses; the proctor comes back and resumes it', async ({ page, browser, baseURL }) => {
  test.skip(!!simulatedTimeUnavailable, simulatedTimeUnavailable)
  const s = await sitting(baseURL!, { label: 'Emery', modules: ['QBA'], checkIn: true })
  let proctor = await openBrowser(browser, baseURL!)
  await logIn(proctor, 'proctor@demo.test', DEMO_PASSWORD)
  await openConsole(proctor, s.sessionId)

  await page.request.post('/api/v1/auth/login', { data: { email: s.email, password: PASSWORD } })
  const attemptId = await startModule(page, s, MODULES.QBA)
  const device = await deviceOf(page)
  const form = await s.candidate.get<AttemptView>(`/api/v1/attempts/${attemptId}`, device)
  const [a, b] = singleChoiceNumbers(form) as [number, number]
  await goToQuestion(page, a)
  await choose(page, a, 0)
  await expect(saveStatus(page)).toHaveText(/Saved/)
  await goToQuestion(page, b)

  // The proctor's computer goes away; two minutes pass without a heartbeat (simulated).
  await proctor.context().close()
  const staleSince = new Date(Date.now() - 2 * 60_000).toISOString()
  const presenceLapsed = () => serverDbRun('UPDATE proctor_presence SET last_seen_at = ? WHERE session_id = ?', staleSince, s.sessionId)
  expect(presenceLapsed()).toBeGreaterThan(0)
  // The server's sweep (every 5 s) pauses the running test by itself. (The update is repeated in case
  // a heartbeat the closing console had already sent landed after it.)
  const attemptRow = () => {
    presenceLapsed()
    return serverDbGet<{ status: string; pause_reason: string | null }>('SELECT status, pause_reason FROM attempts WHERE id = ?', attemptId)
  }
  await expect.poll(attemptRow, { timeout: 15_000 }).toEqual({ status: 'paused', pause_reason: 'no_proctor_present' })

  // The candidate, answering meanwhile, is told the proctor has stepped away; the answer is kept.
  // (A click, not check(): the screen changes under it, which is the point.)
  const option = question(page, b).getByRole('radio').nth(2)
  const kept = (await option.getAttribute('value'))!
  await option.click()
  const paused = page.getByTestId('paused')
  await expect(paused).toBeVisible({ timeout: 25_000 })
  await expect(paused).toContainText('Your proctor has stepped away')
  await expect(paused).toContainText('(stopped)')
  await expect(paused).toContainText('Your latest answers are kept on this computer')
  await visit(page, J, '20-paused-proctor-away')

  // The proctor opens the console again (a heartbeat), sees the pause and the incident, resumes.
  proctor = await openBrowser(browser, baseURL!)
  await logIn(proctor, 'proctor@demo.test', DEMO_PASSWORD)
  await openConsole(proctor, s.sessionId)
  const group = consoleGroup(proctor, s.name)
  await expect(group.getByText('Paused: no proctor present')).toBeVisible()
  await expect(proctor.locator('.console-incidents > li').filter({ hasText: 'Proctor absent' }).first()).toContainText('Recorded automatically')
  await visit(proctor, J, '21-console-after-absence')
  await proctor.getByRole('button', { name: 'Resume all' }).click()
  await expect(proctor.getByRole('status').filter({ hasText: /running again/ })).toBeVisible()
  await expect(group.getByText('Running')).toBeVisible()

  // The candidate's screen goes back to the question by itself; the kept answer is sent.
  await expect(paused).toBeHidden({ timeout: 15_000 })
  await expect(questionHeading(page, b)).toBeVisible()
  await expect(question(page, b).locator(`input[value="${kept}"]`)).toBeChecked()
  await expect(saveStatus(page)).toHaveText(/Saved/, { timeout: 15_000 })
  await visit(page, J, '22-resumed')
  const stored = await s.candidate.get<AttemptView>(`/api/v1/attempts/${attemptId}`, device)
  expect(stored.status).toBe('in_progress')
  expect(stored.responses[form.items[b - 1]!.id]?.response).toEqual({ RESPONSE: kept })

  await s.candidate.post(`/api/v1/attempts/${attemptId}/submit`, {}, device)
})

test('a sitting driven by the keyboard alone', async ({ page, baseURL }) => {
  const s = await sitting(baseURL!, { label: 'Finley', modules: ['QBA'], checkIn: true })
  await proctorPresent(s)
  await page.request.post('/api/v1/auth/login', { data: { email: s.email, password: PASSWORD } })
  await page.goto('/dashboard')

  // Dashboard → today's test → Start (a link to the instructions) → Begin, with Tab and Enter.
  await pressUntilFocused(page, page.getByRole('link', { name: 'Today’s test' }))
  await page.keyboard.press('Enter')
  await expect(page.getByText('You are checked in and your proctor is present')).toBeVisible({ timeout: 15_000 })
  await pressUntilFocused(page, page.getByRole('link', { name: 'Start Quality and Business Acumen', exact: true }))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/sitting/${s.registrationId}/begin/QBA$`))
  await expect(page.getByRole('heading', { name: 'Before you begin' })).toBeVisible()
  await pressUntilFocused(page, page.getByRole('button', { name: 'Begin', exact: true }))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/test\/[^/]+$/)
  await expect(questionHeading(page, 1)).toBeFocused()
  const attemptId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)
  const device = await deviceOf(page)

  // Alt+N to the first single-choice question; Tab into its options, Space picks, arrows change.
  const form = await s.candidate.get<AttemptView>(`/api/v1/attempts/${attemptId}`, device)
  const n = singleChoiceNumbers(form)[0]!
  for (let i = 2; i <= n; i++) {
    await page.keyboard.press('Alt+KeyN')
    await expect(questionHeading(page, i)).toBeFocused()
  }
  const options = question(page, n).getByRole('radio')
  await pressUntilFocused(page, options.first())
  await page.keyboard.press('Space')
  await expect(options.first()).toBeChecked()
  await page.keyboard.press('ArrowDown')
  await expect(options.nth(1)).toBeChecked()
  await expect(options.nth(1)).toBeFocused()
  const value = (await options.nth(1).getAttribute('value'))!
  await expect(saveStatus(page)).toHaveText(/Saved/)
  await visit(page, J, '30-keyboard-answered')

  // Next question (Enter on the Next button), flag it with Alt+F.
  await pressUntilFocused(page, page.getByRole('button', { name: 'Next', exact: true }))
  await page.keyboard.press('Enter')
  await expect(questionHeading(page, n + 1)).toBeFocused()
  await page.keyboard.press('Alt+KeyF')
  await expect(page.getByRole('button', { name: 'Flag for review' })).toHaveAttribute('aria-pressed', 'true')

  // Alt+M: the map, focus on this question; Shift+Tab to the answered one, Enter goes back to it.
  await page.keyboard.press('Alt+KeyM')
  await expect(mapButton(page, n + 1)).toBeFocused()
  await expect(mapButton(page, n + 1)).toHaveAccessibleName(`Question ${n + 1}, not answered, flagged`)
  await page.keyboard.press('Shift+Tab')
  await expect(mapButton(page, n)).toBeFocused()
  await expect(mapButton(page, n)).toHaveAccessibleName(`Question ${n}, answered`)
  await page.keyboard.press('Enter')
  await expect(questionHeading(page, n)).toBeFocused()
  await expect(question(page, n).locator(`input[value="${value}"]`)).toBeChecked()

  // Alt+V: review; then Submit test and Submit now, with Shift+Tab and Enter.
  await page.keyboard.press('Alt+KeyV')
  await expect(page.getByRole('heading', { level: 2, name: 'Review your answers' })).toBeFocused()
  await expect(page.getByRole('heading', { name: 'Flagged for review (1)' })).toBeVisible()
  await visit(page, J, '31-keyboard-review')
  await pressUntilFocused(page, page.getByRole('button', { name: 'Submit test' }), 'Shift+Tab')
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Submit your test?' })
  await expect(dialog.getByRole('button', { name: 'Keep working' })).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(dialog.getByRole('button', { name: 'Submit now' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('finished')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: /test submitted/ })).toBeFocused()
  await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible()
  await visit(page, J, '32-keyboard-finished')

  const stored = await s.candidate.get<AttemptView>(`/api/v1/attempts/${attemptId}`, device)
  expect(stored.status).toBe('scored')
  expect(stored.responses[form.items[n - 1]!.id]?.response).toEqual({ RESPONSE: value })
})

test('display modes of an approved candidate: read-aloud, high contrast, 200% text, 400% zoom, a break', async ({ page, baseURL }) => {
  const s = await sitting(baseURL!, { label: 'Harper', modules: ['QBA'], adjustments: ['read_aloud', 'large_print', 'high_contrast', 'extra_breaks'], checkIn: true })
  await proctorPresent(s)
  await page.request.post('/api/v1/auth/login', { data: { email: s.email, password: PASSWORD } })
  // The instructions before Begin explain the approved read-aloud and breaks.
  await openBeginPage(page, s.registrationId, MODULES.QBA)
  await expect(page.getByRole('heading', { name: 'Read aloud' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Breaks' })).toBeVisible()
  const attemptId = await beginTest(page)
  const device = await deviceOf(page)

  // Approved for large print and high contrast: both on from the start; read-aloud is offered.
  await expect(page.getByRole('button', { name: 'High contrast' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByLabel('Text size')).toHaveValue('150')
  await expect(page.getByRole('button', { name: 'Read aloud', exact: true })).toBeVisible()
  await visit(page, J, '40-high-contrast')

  // The largest text size.
  await page.getByLabel('Text size').selectOption('200')
  await expect(page.locator('html')).toHaveAttribute('style', /font-size: 200%/)
  await visit(page, J, '41-text-200')

  // 400% zoom of a 1280×1024 screen: 320×256 CSS pixels, the zoom doing the enlarging (text size
  // back to 100%). Nothing scrolls sideways, and the question's controls and the test's tools stay
  // reachable and work.
  await page.getByLabel('Text size').selectOption('100')
  await page.setViewportSize({ width: 320, height: 256 })
  await expect.poll(() => horizontalOverflow(page)).toBeLessThanOrEqual(1)
  await page.getByRole('button', { name: 'Next', exact: true }).click()
  await expect(questionHeading(page, 2)).toBeVisible()
  await page.getByRole('button', { name: 'Previous', exact: true }).click()
  await expect(questionHeading(page, 1)).toBeVisible()
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1)
  await visit(page, J, '42-zoom-400')
  await page.getByRole('button', { name: 'Submit test' }).click()
  const dialog = page.getByRole('dialog', { name: 'Submit your test?' })
  await expect(dialog.getByRole('button', { name: 'Submit now' })).toBeVisible()
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1)
  await visitModal(page, J, '43-zoom-400-submit-dialog')
  await dialog.getByRole('button', { name: 'Keep working' }).click()
  await expect(dialog).toBeHidden()

  // A break: the clock stops until the candidate ends it.
  await page.getByRole('button', { name: 'Take a break' }).click()
  const paused = page.getByTestId('paused')
  await expect(paused).toBeVisible()
  await expect(paused.getByRole('heading', { level: 1, name: 'Break' })).toBeFocused()
  await expect(paused).toContainText('The clock is stopped.')
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1)
  await visit(page, J, '44-zoom-400-break')
  expect((await s.candidate.get<AttemptView>(`/api/v1/attempts/${attemptId}`, device)).pauseReason).toBe('break')
  await page.getByRole('button', { name: 'End break' }).click()
  await expect(questionHeading(page, 1)).toBeVisible()
  expect((await s.candidate.get<AttemptView>(`/api/v1/attempts/${attemptId}`, device)).status).toBe('in_progress')

  await s.candidate.post(`/api/v1/attempts/${attemptId}/submit`, {}, device)
})

test('the deadline passes with the tab closed: the server submits and scores', async ({ page, browser, baseURL }) => {
  test.skip(!!simulatedTimeUnavailable, simulatedTimeUnavailable)
  const s = await sitting(baseURL!, { label: 'Indigo', modules: ['MM'], checkIn: true })
  const proctor = await openBrowser(browser, baseURL!)
  await logIn(proctor, 'proctor@demo.test', DEMO_PASSWORD)
  await openConsole(proctor, s.sessionId)

  await page.request.post('/api/v1/auth/login', { data: { email: s.email, password: PASSWORD } })
  const attemptId = await startModule(page, s, MODULES.MM)
  const device = await deviceOf(page)
  const form = await s.candidate.get<AttemptView>(`/api/v1/attempts/${attemptId}`, device)
  const n = singleChoiceNumbers(form)[0]!
  await goToQuestion(page, n)
  const value = await choose(page, n, 1)
  await expect(saveStatus(page)).toHaveText(/Saved/)

  // The candidate closes the tab; the deadline comes (simulated: it is moved to 3 s from now).
  const context = page.context()
  await page.close()
  expect(serverDbRun('UPDATE attempts SET deadline_at = ? WHERE id = ?', new Date(Date.now() + 3_000).toISOString(), attemptId)).toBe(1)
  await expect.poll(async () => (await s.candidate.get<AttemptView>(`/api/v1/attempts/${attemptId}`, device)).status, { timeout: 20_000, intervals: [1_000] }).toBe('scored')
  const scored = await s.candidate.get<AttemptView>(`/api/v1/attempts/${attemptId}`, device)
  expect(scored.result).toEqual(expect.objectContaining({ percent: expect.any(Number), passed: false }))
  expect(scored.responses[form.items[n - 1]!.id]?.response).toEqual({ RESPONSE: value })

  // Opening the test again shows it submitted, with the result.
  const again = await context.newPage()
  await again.goto(`/test/${attemptId}`)
  await expect(again.getByTestId('finished')).toBeVisible()
  await expect(again.getByRole('heading', { name: 'Your result' })).toBeVisible()
  await visit(again, J, '50-finished-after-deadline')

  // The console shows it scored.
  await expect(consoleGroup(proctor, s.name).getByText('Scored')).toBeVisible({ timeout: 15_000 })
  await visit(proctor, J, '51-console-after-deadline')
})
