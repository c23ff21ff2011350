// Exam integrity on the candidate's screen: the instructions before Begin show no test question and
// start no attempt (a sample question to try instead); the banner with the clock and Submit stays on
// screen at the bottom of the longest question, on a laptop and on a phone, at 200% text and in high
// contrast; a numeric entry does not take a typed unit and says why, and only the number is saved; a
// test paused by the proctor shows no question until it is resumed, and the answers are still there.
// axe on every screen, screenshots under e2e/screenshots/integrity/.
// Each test sets up its own candidate in the demo session running now (support.ts).
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test'
import {
  CANDIDATE_PASSWORD,
  DEMO_PASSWORD,
  MODULES,
  beginTest,
  candidateInLiveSession,
  consoleGroup,
  deviceOf,
  expectAccessible,
  goToQuestion,
  horizontalOverflow,
  keepProctorPresent,
  logIn,
  openBeginPage,
  openConsole,
  question,
  questionHeading,
  saveStatus,
  screenshot,
  visit,
  watchErrors,
  type AttemptView,
  type LiveSitting,
} from './support.js'

const J = 'integrity'
const NUMBERS_ONLY = 'Type numbers only: digits, one decimal point and, if needed, a minus sign. A unit shown beside the box is not part of the answer.'

test.describe.configure({ mode: 'serial' })

const cleanups: (() => unknown)[] = []
test.afterEach(async () => {
  for (const undo of cleanups.splice(0).reverse()) await undo()
})

async function sitting(baseURL: string, o: Parameters<typeof candidateInLiveSession>[1]): Promise<LiveSitting> {
  const s = await candidateInLiveSession(baseURL, o)
  cleanups.push(() => s.dispose())
  return s
}

async function signIn(page: Page, s: LiveSitting): Promise<void> {
  const res = await page.request.post('/api/v1/auth/login', { data: { email: s.email, password: CANDIDATE_PASSWORD } })
  expect(res.status()).toBe(200)
}

/** The candidate's test day → Start → Begin: returns the attempt's id, with question 1 on screen. */
async function startModule(page: Page, s: LiveSitting, module: { code: string; name: string }): Promise<string> {
  await openBeginPage(page, s.registrationId, module)
  return beginTest(page)
}

async function openBrowser(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } })
  cleanups.push(() => context.close().catch(() => undefined))
  return context.newPage()
}

const attemptOf = (s: LiveSitting, attemptId: string, device: Record<string, string>) => s.candidate.get<AttemptView>(`/api/v1/attempts/${attemptId}`, device)
const myAttempts = async (s: LiveSitting) => (await s.candidate.get<{ items: { id: string; module: string; status: string }[] }>('/api/v1/me/attempts')).items

/** Inside the viewport, and the element at its centre is itself or inside it (nothing covers it). */
async function expectOnScreen(page: Page, target: Locator, what: string): Promise<void> {
  const viewport = page.viewportSize()!
  const box = await target.boundingBox()
  expect(box, `${what} is laid out`).not.toBeNull()
  expect(box!.y, `${what}: top within the screen`).toBeGreaterThanOrEqual(0)
  expect(box!.y + box!.height, `${what}: bottom within the screen`).toBeLessThanOrEqual(viewport.height)
  expect(box!.x, `${what}: left within the screen`).toBeGreaterThanOrEqual(0)
  expect(box!.x + box!.width, `${what}: right within the screen`).toBeLessThanOrEqual(viewport.width)
  const uncovered = await target.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const hit = el.ownerDocument.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
    return hit !== null && (hit === el || el.contains(hit))
  })
  expect(uncovered, `${what} is not covered by anything`).toBe(true)
}

/**
 * At the bottom of the page: the page has scrolled (so the check means something), the clock and
 * Submit are on screen and uncovered, and the banner takes at most a third of the screen. Returns
 * the banner's height.
 */
async function expectBannerAtBottom(page: Page, label: string): Promise<number> {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  await expect.poll(() => page.evaluate(() => window.scrollY), { message: `${label}: the question is taller than the screen` }).toBeGreaterThan(0)
  await expectOnScreen(page, page.locator('.test-clock__digits'), `${label}: the clock`)
  await expectOnScreen(page, page.locator('.test-header').getByRole('button', { name: 'Submit test' }), `${label}: Submit test`)
  const banner = (await page.locator('.test-header').boundingBox())!
  expect(banner.height, `${label}: the banner leaves the question room`).toBeLessThanOrEqual(page.viewportSize()!.height / 3)
  return banner.height
}

/**
 * Shift+Tab up the page from its bottom until focus reaches the banner: no control on the way is
 * hidden under the banner, even in part (WCAG 2.4.11). Returns how many controls were checked.
 */
async function expectFocusClearOfBanner(page: Page, label: string): Promise<number> {
  await page.getByRole('button', { name: 'Flag for review' }).focus()
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Shift+Tab')
    const focused = await page.evaluate(() => {
      const el = document.activeElement!
      const banner = document.querySelector('.test-header')!
      const at = el.getBoundingClientRect()
      return { name: `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 30)}”`, inBanner: banner.contains(el), top: at.top, bannerBottom: banner.getBoundingClientRect().bottom }
    })
    if (focused.inBanner) return i
    expect(focused.top, `${label}: ${focused.name} is not under the banner`).toBeGreaterThanOrEqual(focused.bannerBottom)
  }
  throw new Error(`${label}: Shift+Tab never reached the banner`)
}

// ---------------------------------------------------------------------------------------------

test('the begin page: instructions and a sample question, no test question and no attempt until Begin', async ({ page, baseURL }) => {
  const s = await sitting(baseURL!, { label: 'Avery', modules: ['MM'], checkIn: true })
  cleanups.push(await keepProctorPresent(s))
  const errors = watchErrors(page)
  // Every request the page makes for an attempt or a test figure.
  const testRequests: string[] = []
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname
    if (path.startsWith('/api/v1/attempts') || path.startsWith('/api/v1/item-assets')) testRequests.push(`${r.method()} ${path}`)
  })
  await signIn(page, s)

  await openBeginPage(page, s.registrationId, MODULES.MM)
  // Nothing of the test: no question, no clock, no attempt asked for, none started.
  const sample = page.getByRole('region', { name: 'Try a sample question' })
  await expect(sample).toBeVisible()
  await expect(page.getByRole('region', { name: /^Question \d+ of \d+$/ })).toHaveCount(0)
  await expect(page.locator('.item-view')).toHaveCount(1)
  await expect(sample.locator('.item-view')).toHaveCount(1)
  await expect(page.locator('.test-clock')).toHaveCount(0)
  await expect(page.getByText('You will have 45 minutes for 24 questions.')).toBeVisible()
  expect(await myAttempts(s)).toEqual([])
  expect(testRequests).toEqual([])

  // The sample works: an option is chosen; the numeric box takes digits and refuses a unit.
  const five = sample.getByRole('radio', { name: '5 bars' })
  await five.check()
  await expect(five).toBeChecked()
  const inches = sample.getByRole('textbox', { name: 'Inches in one foot' })
  await inches.pressSequentially('12in')
  await expect(inches).toHaveValue('12')
  await expect(inches).toHaveAttribute('aria-invalid', 'true')
  await expect(sample.getByRole('status').filter({ hasText: NUMBERS_ONLY })).toBeVisible()
  await visit(page, J, '01-begin-sample-unit-refused')
  // A digit typed next clears the message.
  await inches.press('Backspace')
  await inches.pressSequentially('2')
  await expect(inches).toHaveValue('12')
  await expect(inches).not.toHaveAttribute('aria-invalid', /.*/)
  await expect(sample.getByText(NUMBERS_ONLY)).toHaveCount(0)
  // Trying the sample saved nothing and started nothing.
  expect(await myAttempts(s)).toEqual([])
  expect(testRequests).toEqual([])

  // Begin starts the attempt (its first request for one) and opens question 1.
  const attemptId = await beginTest(page)
  expect(testRequests[0]).toBe('POST /api/v1/attempts')
  await expect(questionHeading(page, 1)).toBeFocused()
  expect(await myAttempts(s)).toEqual([expect.objectContaining({ id: attemptId, module: 'MM', status: 'in_progress' })])
  await visit(page, J, '02-after-begin-question-1')
  expect(errors).toEqual([])
})

test('the clock and Submit stay on screen at the bottom of the longest question: laptop, phone, 200% text, high contrast; focus never hides under them', async ({ page, baseURL }) => {
  const s = await sitting(baseURL!, { label: 'Blake', modules: ['MM'], checkIn: true })
  cleanups.push(await keepProctorPresent(s))
  const errors = watchErrors(page)
  await signIn(page, s)
  await page.setViewportSize({ width: 1280, height: 800 })
  const attemptId = await startModule(page, s, MODULES.MM)
  const total = (await attemptOf(s, attemptId, await deviceOf(page))).items.length

  // The longest question of the form, measured on the screen.
  let longest = { n: 1, height: 0 }
  for (let n = 1; n <= total; n++) {
    await goToQuestion(page, n)
    const height = await question(page, n).evaluate((el) => el.getBoundingClientRect().height)
    if (height > longest.height) longest = { n, height }
  }
  test.info().annotations.push({ type: 'longest question', description: `${longest.n} (${Math.round(longest.height)} px at 1280 wide)` })

  // A laptop, 1280×800.
  await goToQuestion(page, longest.n)
  const laptop = await expectBannerAtBottom(page, '1280×800')
  await screenshot(page, J, '03-banner-1280-bottom', { fullPage: false })

  // A phone, 390×844: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 })
  await goToQuestion(page, longest.n)
  const phone = await expectBannerAtBottom(page, '390×844')
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1)
  await screenshot(page, J, '04-banner-390-bottom', { fullPage: false })

  // The phone at 200% text.
  await page.getByLabel('Text size').selectOption('200')
  await expect(page.locator('html')).toHaveAttribute('style', /font-size: 200%/)
  await expect(questionHeading(page, longest.n)).toBeVisible()
  const large = await expectBannerAtBottom(page, '390×844 at 200% text')
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1)
  await screenshot(page, J, '05-banner-390-text200-bottom', { fullPage: false })
  // Going back up with the keyboard, the focused control is never hidden under the banner.
  expect(await expectFocusClearOfBanner(page, '390×844 at 200% text')).toBeGreaterThan(3)

  // And in high contrast.
  await page.getByRole('button', { name: 'High contrast' }).click()
  await expect(page.getByRole('button', { name: 'High contrast' })).toHaveAttribute('aria-pressed', 'true')
  const contrast = await expectBannerAtBottom(page, '390×844 at 200% text, high contrast')
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1)
  await expectAccessible(page, '390×844 at 200% text, high contrast')
  await screenshot(page, J, '06-banner-390-text200-contrast-bottom', { fullPage: false })
  test.info().annotations.push({ type: 'banner height (px)', description: `1280×800: ${laptop}; 390×844: ${phone}; 200% text: ${large}; high contrast: ${contrast}` })
  expect(errors).toEqual([])
})

test('a numeric entry refuses a typed unit, says why, and saves the number alone', async ({ page, baseURL }) => {
  const s = await sitting(baseURL!, { label: 'Casey', modules: ['MM', 'QBA'], checkIn: true })
  cleanups.push(await keepProctorPresent(s))
  const errors = watchErrors(page)
  await signIn(page, s)

  // MM has numeric questions; a form may draw none, and then QBA (which has more) is taken instead.
  let attemptId = await startModule(page, s, MODULES.MM)
  const device = await deviceOf(page)
  let form = await attemptOf(s, attemptId, device)
  if (!form.items.some((item) => item.type === 'numeric')) {
    await s.candidate.post(`/api/v1/attempts/${attemptId}/submit`, {}, device)
    attemptId = await startModule(page, s, MODULES.QBA)
    form = await attemptOf(s, attemptId, device)
  }
  const index = form.items.findIndex((item) => item.type === 'numeric')
  expect(index, 'the form has a numeric question').toBeGreaterThanOrEqual(0)
  const item = form.items[index]!
  const n = index + 1
  test.info().annotations.push({ type: 'numeric question', description: `${n} of ${form.items.length}` })

  await goToQuestion(page, n)
  const box = question(page, n).getByRole('textbox')
  await expect(box).toHaveCount(1)
  await expect(box).toHaveAttribute('inputmode', 'decimal')
  await box.click()
  await box.pressSequentially('26%')
  await expect(box).toHaveValue('26')
  await expect(box).toHaveAttribute('aria-invalid', 'true')
  await expect(question(page, n).getByRole('status').filter({ hasText: NUMBERS_ONLY })).toBeVisible()
  await expect(saveStatus(page)).toHaveText(/Saved/)
  await expect.poll(async () => (await attemptOf(s, attemptId, device)).responses[item.id]?.response).toEqual({ RESPONSE: '26' })
  await visit(page, J, '07-numeric-unit-refused')

  // A unit after a space: the letters are refused too; the number is what is saved.
  await box.fill('')
  await box.pressSequentially('3 in')
  await expect(box).toHaveAttribute('aria-invalid', 'true')
  await expect(question(page, n).getByRole('status').filter({ hasText: NUMBERS_ONLY })).toBeVisible()
  expect((await box.inputValue()).trim()).toBe('3')
  await expect(saveStatus(page)).toHaveText(/Saved/)
  await expect.poll(async () => String((await attemptOf(s, attemptId, device)).responses[item.id]?.response.RESPONSE).trim()).toBe('3')

  await s.candidate.post(`/api/v1/attempts/${attemptId}/submit`, {}, device)
  expect(errors).toEqual([])
})

test('a test paused by the proctor shows no question; resumed, the answers are still there', async ({ page, browser, baseURL }) => {
  const s = await sitting(baseURL!, { label: 'Jordan', modules: ['QBA'], checkIn: true })
  const errors = watchErrors(page)
  const proctor = await openBrowser(browser, baseURL!)
  const proctorErrors = watchErrors(proctor)
  await logIn(proctor, 'proctor@demo.test', DEMO_PASSWORD)
  await openConsole(proctor, s.sessionId)

  await signIn(page, s)
  const attemptId = await startModule(page, s, MODULES.QBA)
  const device = await deviceOf(page)
  const form = await attemptOf(s, attemptId, device)
  const choices = form.items.flatMap((item, i) => (item.type === 'single_choice' ? [i + 1] : []))
  expect(choices.length, 'QBA draws single-choice questions').toBeGreaterThanOrEqual(2)
  const [a, b] = choices as [number, number]

  // Two answers before the pause: a choice, and a number when the form has a numeric question.
  await goToQuestion(page, a)
  const optionA = question(page, a).getByRole('radio').nth(1)
  await optionA.check()
  const chosen = (await optionA.getAttribute('value'))!
  await expect(saveStatus(page)).toHaveText(/Saved/)
  const numeric = form.items.findIndex((item) => item.type === 'numeric') + 1
  if (numeric > 0) {
    await goToQuestion(page, numeric)
    await question(page, numeric).getByRole('textbox').fill('12.5')
    await expect(saveStatus(page)).toHaveText(/Saved/)
  }
  // On screen when the pause comes: question b, its text and its options' identifiers.
  await goToQuestion(page, b)
  const stem = (await question(page, b).locator('.item-view p').first().innerText()).trim()
  expect(stem.length).toBeGreaterThan(10)
  const tokens = await question(page, b).getByRole('radio').evaluateAll((all) => all.map((r) => (r as HTMLInputElement).value))

  // The proctor pauses the candidate's test from the console, with a reason.
  const group = consoleGroup(proctor, s.name)
  await group.getByRole('button', { name: `Pause QBA for ${s.name}` }).click({ timeout: 15_000 })
  const dialog = proctor.getByRole('dialog', { name: `Pause QBA for ${s.name}` })
  await dialog.getByLabel('Reason').fill('Fire alarm test in the building')
  await dialog.getByRole('button', { name: 'Pause the test' }).click()
  await expect(dialog).toBeHidden()
  await expect(group.getByText('Paused: by the proctor')).toBeVisible()

  // The candidate's screen: paused, and no question anywhere in the page (text, options, identifiers).
  const paused = page.getByTestId('paused')
  await expect(paused).toBeVisible({ timeout: 25_000 })
  await expect(paused).toContainText('Your proctor has paused the test.')
  await expect(page.locator('.item-view')).toHaveCount(0)
  await expect(page.getByRole('radio')).toHaveCount(0)
  await expect(page.getByRole('navigation', { name: 'Question map' })).toHaveCount(0)
  const html = await page.content()
  expect(html).not.toContain(stem)
  for (const token of [...tokens, chosen]) expect(html).not.toContain(token)
  // Nor does the server hand the questions or the answers out while the test is paused.
  const whilePaused = await attemptOf(s, attemptId, device)
  expect(whilePaused).toEqual(expect.objectContaining({ status: 'paused', pauseReason: 'proctor', items: [], responses: {} }))
  await visit(page, J, '08-paused-by-proctor')

  // The proctor resumes; the candidate's screen goes back to the question with the answers.
  await group.getByRole('button', { name: `Resume QBA for ${s.name}` }).click()
  await expect(group.getByText('Running')).toBeVisible()
  await expect(paused).toBeHidden({ timeout: 15_000 })
  await expect(questionHeading(page, b)).toBeVisible()
  await expect(question(page, b)).toContainText(stem)
  await goToQuestion(page, a)
  await expect(question(page, a).locator(`input[value="${chosen}"]`)).toBeChecked()
  if (numeric > 0) {
    await goToQuestion(page, numeric)
    await expect(question(page, numeric).getByRole('textbox')).toHaveValue('12.5')
  }
  await visit(page, J, '09-resumed-answers-kept')
  const after = await attemptOf(s, attemptId, device)
  expect(after.status).toBe('in_progress')
  expect(after.responses[form.items[a - 1]!.id]?.response).toEqual({ RESPONSE: chosen })

  await s.candidate.post(`/api/v1/attempts/${attemptId}/submit`, {}, device)
  expect(errors).toEqual([])
  expect(proctorErrors).toEqual([])
})
