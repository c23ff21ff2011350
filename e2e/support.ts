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

export async function screenshot(page: Page, journey: string, name: string): Promise<void> {
  const dir = path.join(shotsDir, journey)
  fs.mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true })
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
