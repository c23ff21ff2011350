// Shared journey helpers: axe on every page (zero violations is the bar) and screenshots saved for
// people to look at under e2e/screenshots/.
import fs from 'node:fs'
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import SQLite from 'better-sqlite3'
import { expect, request as apiRequest, type APIRequestContext, type APIResponse, type Page } from '@playwright/test'

const shotsDir = path.resolve(import.meta.dirname, 'screenshots')

/** Runs axe (WCAG 2.1 A/AA and best practices) on the page as it is now and fails on any violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
  expect(summary, `axe violations on ${label}`).toEqual([])
}

/**
 * Saves a screenshot of the whole page, or of the viewport only (what is on screen where it is
 * scrolled to). A whole page is taken from the top (then scrolled back): taken from further down,
 * a sticky banner shows where it stuck, over the middle of the page.
 */
export async function screenshot(page: Page, journey: string, name: string, o: { fullPage?: boolean } = {}): Promise<string> {
  const dir = path.join(shotsDir, journey)
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}.png`)
  const fullPage = o.fullPage ?? true
  const scrolled = fullPage ? await page.evaluate(() => [window.scrollX, window.scrollY] as const) : null
  if (scrolled && (scrolled[0] || scrolled[1])) await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: file, fullPage })
  if (scrolled && (scrolled[0] || scrolled[1])) await page.evaluate(([x, y]) => window.scrollTo(x, y), scrolled)
  return file
}

/** Looks at a page the way the journeys require: wait for it to settle, check axe, save a screenshot. */
export async function visit(page: Page, journey: string, name: string): Promise<void> {
  await page.waitForLoadState('networkidle')
  await expectAccessible(page, name)
  await screenshot(page, journey, name)
}

/**
 * visit() for a modal dialog: the same checks, but a screenshot of the viewport, where the dialog and
 * its backdrop are (a full-page one shows the dialog floating over a page dimmed only in part).
 */
export async function visitModal(page: Page, journey: string, name: string): Promise<void> {
  await page.waitForLoadState('networkidle')
  await expectAccessible(page, name)
  const dir = path.join(shotsDir, journey)
  fs.mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: path.join(dir, `${name}.png`) })
}

/**
 * Simulating elapsed time. The server under test runs in real time, and a journey cannot wait for a
 * proctor's presence to lapse (60 s) or for a module's clock to run out (45 minutes). These helpers
 * edit the server's SQLite file (`${E2E_DATA_DIR}/mt1.sqlite`, the directory playwright.config.ts
 * gives the server) the way the passing of time would: a presence row seen two minutes ago, a
 * deadline a few seconds away. The server's sweep (every 5 s) then acts on it as it would on the real
 * day. SQLite only: journeys that need them skip on PostgreSQL (E2E_DATABASE_URL).
 */
export const simulatedTimeUnavailable = process.env.E2E_DATABASE_URL
  ? 'simulating elapsed time edits the SQLite file; this run uses PostgreSQL (E2E_DATABASE_URL)'
  : ''

function withServerDatabase<T>(use: (db: SQLite.Database) => T): T {
  const dataDir = process.env.E2E_DATA_DIR
  if (!dataDir) throw new Error('E2E_DATA_DIR is not set: run the journeys through playwright.config.ts')
  const db = new SQLite(path.join(dataDir, 'mt1.sqlite'), { fileMustExist: true })
  try {
    // The server holds the file open in WAL mode and may be writing right now: wait for its lock.
    db.pragma('busy_timeout = 5000')
    return use(db)
  } finally {
    db.close()
  }
}

/** Runs one write on the server's database; returns the number of rows changed. */
export function serverDbRun(sql: string, ...params: unknown[]): number {
  return withServerDatabase((db) => db.prepare(sql).run(...params).changes)
}

/** Reads one row from the server's database. */
export function serverDbGet<T>(sql: string, ...params: unknown[]): T | undefined {
  return withServerDatabase((db) => db.prepare(sql).get(...params) as T | undefined)
}

// ---------------------------------------------------------------------------------------------
// People and setup through the API (for journeys that arrange their scene before the browser).

export const DEMO_PASSWORD = 'mt1-demo'

/** One person's API session (its own cookies), with the CSRF token a write needs. */
export interface ApiUser {
  readonly userId: string
  get<T = any>(path: string, headers?: Record<string, string>): Promise<T>
  post<T = any>(path: string, data?: unknown, headers?: Record<string, string>): Promise<T>
  put<T = any>(path: string, data?: unknown, headers?: Record<string, string>): Promise<T>
  patch<T = any>(path: string, data?: unknown, headers?: Record<string, string>): Promise<T>
  dispose(): Promise<void>
}

function apiUser(ctx: APIRequestContext, login: { csrfToken: string; user: { id: string } }): ApiUser {
  const check = async (res: APIResponse, what: string) => {
    expect(res.ok(), `${what}: ${res.status()} ${await res.text()}`).toBe(true)
    return res.status() === 204 ? undefined : res.json()
  }
  const writing = (headers: Record<string, string> = {}) => ({ 'x-csrf-token': login.csrfToken, ...headers })
  return {
    userId: login.user.id,
    get: async (path, headers) => check(await ctx.get(path, { headers }), `GET ${path}`),
    post: async (path, data = {}, headers) => check(await ctx.post(path, { data, headers: writing(headers) }), `POST ${path}`),
    put: async (path, data = {}, headers) => check(await ctx.put(path, { data, headers: writing(headers) }), `PUT ${path}`),
    patch: async (path, data = {}, headers) => check(await ctx.patch(path, { data, headers: writing(headers) }), `PATCH ${path}`),
    dispose: () => ctx.dispose(),
  }
}

/** Logs in through the API (a demo account unless a password is given). */
export async function apiLogin(baseURL: string, email: string, password = DEMO_PASSWORD): Promise<ApiUser> {
  const ctx = await apiRequest.newContext({ baseURL })
  const res = await ctx.post('/api/v1/auth/login', { data: { email, password } })
  expect(res.status(), `log in ${email}: ${await res.text()}`).toBe(200)
  return apiUser(ctx, await res.json())
}

/** Creates a candidate account through the API, logged in. */
export async function apiRegister(baseURL: string, who: { email: string; firstName: string; lastName: string; password: string }): Promise<ApiUser> {
  const ctx = await apiRequest.newContext({ baseURL })
  const res = await ctx.post('/api/v1/auth/register', { data: who })
  expect(res.status(), `register ${who.email}: ${await res.text()}`).toBe(201)
  return apiUser(ctx, await res.json())
}

/** Logs in through the login form; lands on the dashboard. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: /log in/i }).click()
  await expect(page).toHaveURL(/\/dashboard/)
}

/** Records the uncaught errors of a page, to check at the end of a test. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

// ---------------------------------------------------------------------------------------------
// Test delivery: a candidate in the demo session running now, and the test screen.

/** The password of the candidates the delivery journeys create. */
export const CANDIDATE_PASSWORD = 'a long enough password'
const deliveryStamp = Date.now() % 1_000_000

export const MODULES = {
  MM: { code: 'MM', name: 'Math and Measurement' },
  SRMT: { code: 'SRMT', name: 'Spatial Reasoning and Manufacturing Technology' },
  QBA: { code: 'QBA', name: 'Quality and Business Acumen' },
} as const

/** An attempt as the candidate's computer reads it (GET /api/v1/attempts/{id}, in the attempt's identifiers). */
export interface AttemptView {
  id: string
  status: string
  pauseReason: string | null
  items: { id: string; type: string; presentation: unknown }[]
  responses: Record<string, { response: Record<string, unknown>; seq: number }>
  flags: string[]
  result: null | { percent: number; passed: boolean; skills: unknown[] }
}

export interface LiveSitting {
  staff: ApiUser
  proctor: ApiUser
  candidate: ApiUser
  email: string
  name: string
  sessionId: string
  registrationId: string
  /** Ends the three API sessions. */
  dispose(): Promise<void>
}

/**
 * A fresh candidate registered by staff for the demo session in progress now (it started already,
 * hence the 48-hour override), with approved accommodations when asked, and checked in when asked.
 * The label is the first name and names the e-mail address: keep it unique across the journeys of
 * one run (they share the server and the session).
 */
export async function candidateInLiveSession(baseURL: string, o: { label: string; modules: string[]; adjustments?: string[]; checkIn: boolean }): Promise<LiveSitting> {
  const staff = await apiLogin(baseURL, 'admin@demo.test')
  const proctor = await apiLogin(baseURL, 'proctor@demo.test')
  const firstName = o.label
  const lastName = `Tester${deliveryStamp}`
  const email = `${o.label.toLowerCase()}-${deliveryStamp}@example.com`
  const candidate = await apiRegister(baseURL, { email, firstName, lastName, password: CANDIDATE_PASSWORD })
  const sessions = (await staff.get<{ items: { id: string; status: string }[] }>('/api/v1/sessions')).items
  const live = sessions.find((s) => s.status === 'in_progress')
  expect(live, 'the demo session in progress now').toBeTruthy()
  if (o.adjustments?.length) {
    const asked = await candidate.post<{ id: string }>('/api/v1/me/accommodation-requests', {
      categories: ['reading'],
      adjustments: o.adjustments,
      statement: 'Documented reading disability; my evaluation recommends these adjustments.',
    })
    await staff.post(`/api/v1/admin/accommodation-requests/${asked.id}/decision`, { decision: 'approved', reason: 'The evaluation supports every adjustment asked for.' })
  }
  const registration = await staff.post<{ id: string; status: string }>('/api/v1/admin/registrations', {
    candidateId: candidate.userId,
    sessionId: live!.id,
    modules: o.modules,
    overrideReason: 'Walk-in approved by the program office',
  })
  // An earlier journey of the run may have published a fee for these modules (they share one
  // database): the walk-in's seat is then held for payment, and staff waive the fee to confirm it.
  let status = registration.status
  if (status === 'pending_payment') {
    status = (await staff.post<{ status: string }>(`/api/v1/admin/registrations/${registration.id}/waive`, { reason: 'Walk-in fee waived by the program office' })).status
  }
  expect(status, 'a staff registration with no fee due, or its fee waived, is confirmed').toBe('confirmed')
  if (o.checkIn) await proctor.post(`/api/v1/sessions/${live!.id}/checkins`, { registrationId: registration.id, idVerified: true })
  return {
    staff, proctor, candidate, email, name: `${firstName} ${lastName}`, sessionId: live!.id, registrationId: registration.id,
    dispose: async () => void (await Promise.all([staff.dispose(), proctor.dispose(), candidate.dispose()])),
  }
}

/** The proctor's console heartbeat, sent through the API for journeys that do not show the console. Returns the way to stop it. */
export async function keepProctorPresent(s: LiveSitting): Promise<() => void> {
  const beat = () => s.proctor.post(`/api/v1/sessions/${s.sessionId}/presence`)
  await beat()
  const timer = setInterval(() => void beat().catch(() => undefined), 10_000)
  return () => clearInterval(timer)
}

/**
 * The X-Attempt-Device header of this browser's test screen (the id it keeps in localStorage). The
 * server holds an attempt to the computer that started it: a request for it without this header
 * counts as another computer asking to take it over, so the journeys' API calls carry it.
 */
export async function deviceOf(page: Page): Promise<Record<string, string>> {
  const id = await page.evaluate(() => localStorage.getItem('mt1-device-id'))
  expect(id, 'the test screen keeps its device id').toBeTruthy()
  return { 'x-attempt-device': id! }
}

/**
 * From the test day page, Start <module> (a link) opens the module's instructions on their own page:
 * no attempt exists and no time runs until Begin.
 */
export async function openBeginPage(page: Page, registrationId: string, module: { code: string; name: string }): Promise<void> {
  await page.goto(`/sitting/${registrationId}`)
  await expect(page.getByText('You are checked in and your proctor is present')).toBeVisible({ timeout: 15_000 })
  await page.getByRole('link', { name: `Start ${module.name}`, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/sitting/${registrationId}/begin/${module.code}$`))
  await expect(page.getByRole('heading', { name: 'Before you begin' })).toBeVisible()
  await expect(page.getByText('Your time has not started.')).toBeVisible()
}

/** Begin on the instructions: the attempt starts and the test opens on question 1. Returns the attempt's id. */
export async function beginTest(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Begin', exact: true }).click()
  await expect(page).toHaveURL(/\/test\/[^/]+$/)
  await expect(questionHeading(page, 1)).toBeVisible()
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)
}

export const question = (page: Page, n: number) => page.getByRole('region', { name: new RegExp(`^Question ${n} of \\d+$`) })
export const questionHeading = (page: Page, n: number) => page.getByRole('heading', { level: 2, name: new RegExp(`^Question ${n} of \\d+$`) })
export const saveStatus = (page: Page) => page.getByTestId('save-status')
export const mapButton = (page: Page, n: number) => page.getByRole('navigation', { name: 'Question map' }).getByRole('button', { name: new RegExp(`^Question ${n},`) })

export async function goToQuestion(page: Page, n: number): Promise<void> {
  await mapButton(page, n).click()
  await expect(questionHeading(page, n)).toBeVisible()
}

/** The proctor console of a session, live (its heartbeat makes the proctor present). */
export async function openConsole(page: Page, sessionId: string): Promise<void> {
  await page.goto(`/proctor/sessions/${sessionId}`)
  await expect(page.getByTestId('presence')).toContainText('You are present (console live)')
  await expect(page.getByRole('table', { name: 'Candidates' })).toBeVisible()
}

/** The candidate's rows on the console (one <tbody> per candidate). */
export const consoleGroup = (page: Page, name: string) => page.locator('tbody.console-group').filter({ hasText: name })

/** How far the page scrolls sideways (0 when nothing does). */
export const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

/**
 * The clock for a session's whole life: the session a journey scheduled days ahead (so that its
 * candidate could register the 48 hours ahead the policy asks) starts now, as the passing of those
 * days would make it: it began five minutes ago, ends in three hours and is in progress, as the demo
 * data's session running now is. SQLite only (see simulatedTimeUnavailable).
 */
export function sessionStartsNow(sessionId: string): void {
  const now = Date.now()
  const changed = serverDbRun(
    "UPDATE test_sessions SET starts_at = ?, ends_at = ?, status = 'in_progress' WHERE id = ? AND status = 'scheduled'",
    new Date(now - 5 * 60_000).toISOString(),
    new Date(now + 3 * 3_600_000).toISOString(),
    sessionId,
  )
  expect(changed, 'the scheduled session moved to now').toBe(1)
}
