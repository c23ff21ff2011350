// Accounts under attack (issue 11, part 4): a new password ends the other sessions and the open reset
// links, is emailed and audited; reset links are single-use and only the newest works; no staff page
// or API shows a live secret; login throttling per account, per account and address, and per address
// (60 candidates behind one NAT address log in together, a guessing run from it stops); registration
// and reset requests rate-limited; scoped, expiring API tokens; cohort uploads invite existing
// accounts and tell nothing of their roles; /metrics closed; public sessions name no user ids.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../src/server/db/seed/demo.js'
import { openDatabase } from '../../src/server/db/database.js'
import { ROUTE_TOKEN_SCOPES } from '../../src/server/modules/accounts/token-scopes.js'
import { metricsAllowList } from '../../src/server/plugins/metrics.js'
import { call, errorCode, login, register, staffSession, type Session } from '../helpers/http-client.js'
import { deliveredMail, deliveredToken } from '../helpers/mail.js'
import { createTestApp, databases, type TestApp, removeTestStorage } from '../helpers/test-app.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** A 256-bit secret as the server makes them (43 base64url characters). */
const SECRET_LIKE = /[A-Za-z0-9_-]{40,}/

/** A request from a given client address (a test center's NAT, an attacker, a scraper). */
function from(app: FastifyInstance, remoteAddress: string, method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) {
  return app.inject({ method, url, remoteAddress, headers, ...(body === undefined ? {} : { payload: body as object }) })
}

const countRows = async (t: TestApp, table: 'api_tokens' | 'users' | 'registrations' | 'login_failures' | 'audit_log' | 'password_resets' | 'emails' | 'cohort_invitations') =>
  Number((await t.app.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

describe.each(databases)('accounts hardening on %s', (kind) => {
  let t: TestApp
  let staff: Session
  beforeAll(async () => {
    t = await createTestApp(kind)
    await seedDemo(t.app, t.clock())
    staff = await staffSession(t.app)
  })
  afterAll(async () => t.close())

  const audit = async (entityId: string) =>
    ((await call(t.app, 'GET', `/api/v1/admin/audit?entityId=${entityId}`, { session: staff })).json().items as { action: string; details: Record<string, unknown> | null }[])

  describe('a new password', () => {
    it('changed: keeps this session, ends the others and every open reset link, emails the person and is audited', async () => {
      const email = `change-${kind}@example.com`
      const here = await register(t.app, { email, password: 'first password 1' })
      const elsewhere = await login(t.app, email, 'first password 1')
      await call(t.app, 'POST', '/api/v1/auth/password-reset', { body: { email } })
      const openLink = await deliveredToken(t, email, /Reset your/)

      const changed = await call(t.app, 'POST', '/api/v1/me/password', { session: here, body: { currentPassword: 'first password 1', newPassword: 'second password 2' } })
      expect(changed.statusCode).toBe(200)
      expect((await call(t.app, 'GET', '/api/v1/me', { session: here })).statusCode).toBe(200)
      expect((await call(t.app, 'GET', '/api/v1/me', { session: elsewhere })).statusCode).toBe(401)

      const late = await call(t.app, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token: openLink, password: 'attacker password 3' } })
      expect(late.statusCode).toBe(400)
      expect(errorCode(late)).toBe('RESET_TOKEN_INVALID')
      await expect(login(t.app, email, 'second password 2')).resolves.toBeTruthy()
      expect((await call(t.app, 'POST', '/api/v1/auth/login', { body: { email, password: 'attacker password 3' } })).statusCode).toBe(401)

      const told = await deliveredMail(t, email, /password was changed/)
      expect(told.text).toMatch(/was changed/)
      expect(told.text).not.toMatch(/token=/)
      expect(told.text).not.toMatch(SECRET_LIKE)
      const entry = (await audit(here.userId)).find((e) => e.action === 'user.password_changed')
      expect(entry?.details).toMatchObject({ sessionsEnded: 1 })
    })

    it('changed: a wrong current password, no session or no CSRF token change nothing, and guessing it is throttled', async () => {
      const email = `guarded-${kind}@example.com`
      const session = await register(t.app, { email, password: 'guarded password 1' })
      const other = await login(t.app, email, 'guarded password 1')
      const auditBefore = await countRows(t, 'audit_log')
      const emailsBefore = await countRows(t, 'emails')
      expect((await call(t.app, 'POST', '/api/v1/me/password', { body: { currentPassword: 'guarded password 1', newPassword: 'stolen password 2' } })).statusCode).toBe(401)
      expect(errorCode(await call(t.app, 'POST', '/api/v1/me/password', { session, csrf: false, body: { currentPassword: 'guarded password 1', newPassword: 'stolen password 2' } }))).toBe('CSRF')
      expect((await call(t.app, 'POST', '/api/v1/me/password', { session, body: { currentPassword: 'guarded password 1', newPassword: 'short' } })).statusCode).toBe(400)
      expect((await call(t.app, 'POST', '/api/v1/me/password', { session, body: { currentPassword: ['x'], newPassword: { a: 1 } } })).statusCode).toBe(400)
      const statuses: number[] = []
      for (let i = 0; i < 7; i++) {
        statuses.push((await call(t.app, 'POST', '/api/v1/me/password', { session, body: { currentPassword: `guess ${i}`, newPassword: 'stolen password 2' } })).statusCode)
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429])
      // Nothing changed: both sessions live, the old password works, no audit entry, no email.
      expect((await call(t.app, 'GET', '/api/v1/me', { session: other })).statusCode).toBe(200)
      expect(await countRows(t, 'audit_log')).toBe(auditBefore)
      await t.flushEmails()
      expect(await countRows(t, 'emails')).toBe(emailsBefore)
      t.clock.advance(16 * MINUTE)
      await expect(login(t.app, email, 'guarded password 1')).resolves.toBeTruthy()
      t.clock.advance(-16 * MINUTE)
    })

    it('reset: only the newest link works, once; it ends every session and the other links, emails the person and is audited', async () => {
      const email = `reset-${kind}@example.com`
      const first = await register(t.app, { email, password: 'reset password 1' })
      const second = await login(t.app, email, 'reset password 1')
      await call(t.app, 'POST', '/api/v1/auth/password-reset', { body: { email } })
      const older = await deliveredToken(t, email, /Reset your/)
      t.clock.advance(2 * MINUTE)
      await call(t.app, 'POST', '/api/v1/auth/password-reset', { body: { email } })
      const newer = await deliveredToken(t, email, /Reset your/)
      expect(newer).not.toBe(older)

      const stale = await call(t.app, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token: older, password: 'older link password' } })
      expect(errorCode(stale)).toBe('RESET_TOKEN_INVALID')
      expect((await call(t.app, 'GET', '/api/v1/me', { session: first })).statusCode).toBe(200)

      const used = await call(t.app, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token: newer, password: 'newer link password' } })
      expect(used.statusCode).toBe(200)
      expect((await call(t.app, 'GET', '/api/v1/me', { session: first })).statusCode).toBe(401)
      expect((await call(t.app, 'GET', '/api/v1/me', { session: second })).statusCode).toBe(401)
      expect(errorCode(await call(t.app, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token: newer, password: 'third link password' } }))).toBe('RESET_TOKEN_INVALID')
      await expect(login(t.app, email, 'newer link password')).resolves.toBeTruthy()

      const told = await deliveredMail(t, email, /password was changed/)
      expect(told.text).toMatch(/logged out/)
      expect(told.text).not.toMatch(SECRET_LIKE)
      expect((await audit(first.userId)).find((e) => e.action === 'user.password_reset')?.details).toMatchObject({ sessionsEnded: 2 })
      t.clock.advance(-2 * MINUTE)
    })

    it('reset: a request answers the same whether or not the account exists, and a second one within a minute sends nothing more', async () => {
      const email = `same-${kind}@example.com`
      await register(t.app, { email })
      const disabled = await register(t.app, { email: `same-disabled-${kind}@example.com` })
      await call(t.app, 'PATCH', `/api/v1/admin/users/${disabled.userId}`, { session: staff, body: { status: 'disabled' } })
      const answers = await Promise.all([email, `nobody-${kind}@example.com`, `same-disabled-${kind}@example.com`, email.toUpperCase()]
        .map((e) => call(t.app, 'POST', '/api/v1/auth/password-reset', { body: { email: e } })))
      const shape = (r: LightMyRequestResponse) => ({ status: r.statusCode, body: r.body, type: r.headers['content-type'], length: r.headers['content-length'] })
      for (const answer of answers) expect(shape(answer)).toEqual(shape(answers[0]!))
      expect(answers[0]!.statusCode).toBe(202)
      await t.flushEmails()
      const sent = async (to: string) => (await t.app.db.selectFrom('emails').select('id').where('to_address', '=', to).execute()).length
      expect(await sent(email)).toBe(1)
      expect(await sent(`nobody-${kind}@example.com`)).toBe(0)
      expect(await sent(`same-disabled-${kind}@example.com`)).toBe(0)
    })

    it('logs in with an unknown email and with a wrong password alike', async () => {
      await register(t.app, { email: `alike-${kind}@example.com`, password: 'alike password 1' })
      const wrong = await from(t.app, '192.0.2.77', 'POST', '/api/v1/auth/login', { email: `alike-${kind}@example.com`, password: 'not it at all' })
      const unknown = await from(t.app, '192.0.2.77', 'POST', '/api/v1/auth/login', { email: `nobody-alike-${kind}@example.com`, password: 'not it at all' })
      expect(unknown.statusCode).toBe(401)
      expect(unknown.body).toBe(wrong.body)
      expect(unknown.headers['content-type']).toBe(wrong.headers['content-type'])
      expect(unknown.headers['set-cookie']).toBeUndefined()
    })
  })

  describe('live secrets', () => {
    it("staff cannot read another staff member's live reset link through any API", async () => {
      const victim = await staffSession(t.app, `victim-staff-${kind}@mt1.test`)
      const attacker = await staffSession(t.app, `attacker-staff-${kind}@mt1.test`)
      // The attacker asks for a reset of the victim's account (anyone may) and hunts for the link.
      expect((await call(t.app, 'POST', '/api/v1/auth/password-reset', { body: { email: `victim-staff-${kind}@mt1.test` } })).statusCode).toBe(202)
      const live = await deliveredToken(t, `victim-staff-${kind}@mt1.test`, /Reset your/)
      const pages = [
        '/api/v1/admin/outbox', `/api/v1/admin/outbox?to=victim-staff-${kind}@mt1.test`, '/api/v1/admin/outbox?limit=100',
        '/api/v1/admin/audit?limit=100', `/api/v1/admin/audit?entityId=${victim.userId}`, `/api/v1/admin/users/${victim.userId}`,
        '/api/v1/admin/users?limit=100', '/api/v1/admin/api-tokens',
      ]
      for (const page of pages) {
        const res = await call(t.app, 'GET', page, { session: attacker })
        expect(res.statusCode, page).toBe(200)
        expect(res.body, page).not.toContain(live)
        expect(res.body, page).not.toContain(encodeURIComponent(live))
      }
      const shown = (await call(t.app, 'GET', `/api/v1/admin/outbox?to=victim-staff-${kind}@mt1.test`, { session: attacker })).json().items[0]
      expect(shown.text).toMatch(/reset-password\?token=\[redacted\]/)
      // What the outbox shows is no token; the database keeps none either; the recipient's link works.
      const guess = /token=([^\s]+)/.exec(shown.text)![1]!
      expect(errorCode(await call(t.app, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token: decodeURIComponent(guess).padEnd(43, 'x'), password: 'taken over password' } }))).toBe('RESET_TOKEN_INVALID')
      const stored = await t.app.db.selectFrom('emails').select(['subject', 'text_body']).where('to_address', '=', `victim-staff-${kind}@mt1.test`).execute()
      expect(JSON.stringify(stored)).not.toContain(encodeURIComponent(live))
      expect((await call(t.app, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token: live, password: 'victim chose this' } })).statusCode).toBe(200)
      await expect(login(t.app, `victim-staff-${kind}@mt1.test`, 'victim chose this')).resolves.toBeTruthy()
    })

    it('redacts set-password links of accounts staff create, while the delivered message keeps them', async () => {
      const created = await call(t.app, 'POST', '/api/v1/admin/users', { session: staff, body: { email: `newstaff-${kind}@mt1.test`, firstName: 'New', lastName: 'Staff', roles: ['program_staff'] } })
      expect(created.statusCode).toBe(201)
      const live = await deliveredToken(t, `newstaff-${kind}@mt1.test`)
      const shown = (await call(t.app, 'GET', `/api/v1/admin/outbox?to=newstaff-${kind}@mt1.test`, { session: staff })).json().items[0]
      expect(shown.text).toContain('[redacted]')
      expect(shown.text).not.toContain(encodeURIComponent(live))
      expect((await call(t.app, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token: live, password: 'my own password' } })).statusCode).toBe(200)
    })
  })

  describe('login throttling', () => {
    it('lets 60 candidates behind one address log in together, and still stops a guessing run from it', { timeout: 180_000 }, async () => {
      const NAT = kind === 'sqlite' ? '198.51.100.20' : '198.51.100.21'
      const people = await Promise.all(Array.from({ length: 60 }, (_, i) =>
        t.app.services.users.createWithPassword({ email: `nat-${kind}-${i}@center.example`, password: `candidate password ${i}`, firstName: 'Nat', lastName: `Candidate ${i}`, roles: ['candidate'] })))
      // A few typos first, as at any session start.
      for (let i = 0; i < 15; i++) expect((await from(t.app, NAT, 'POST', '/api/v1/auth/login', { email: people[i]!.email, password: 'typo' })).statusCode).toBe(401)
      const logins = await Promise.all(people.map((p, i) => from(t.app, NAT, 'POST', '/api/v1/auth/login', { email: p.email, password: `candidate password ${i}` })))
      expect(logins.map((r) => r.statusCode)).toEqual(people.map(() => 200))

      // Now a password-spraying run from the same address, one guess per account.
      const statuses: number[] = []
      let refused: LightMyRequestResponse | undefined
      for (let i = 0; i < 120 && !refused; i++) {
        const res = await from(t.app, NAT, 'POST', '/api/v1/auth/login', { email: `spray-${i}-${kind}@target.example`, password: 'Summer2024!' })
        statuses.push(res.statusCode)
        if (res.statusCode === 429) refused = res
      }
      expect(statuses.filter((s) => s === 401)).toHaveLength(100)
      expect(refused?.statusCode).toBe(429)
      expect(errorCode(refused!)).toBe('RATE_LIMITED')
      expect(Number(refused!.headers['retry-after'])).toBeGreaterThan(0)
      expect(refused!.json().error.details.retryAfterSeconds).toBeGreaterThan(0)
      // The refused guess stored nothing, and no password is checked while the address waits.
      const failures = await t.app.db.selectFrom('login_failures').select('id').where('ip', '=', NAT).execute()
      expect(failures).toHaveLength(100)
      expect((await from(t.app, NAT, 'POST', '/api/v1/auth/login', { email: people[0]!.email, password: 'candidate password 0' })).statusCode).toBe(429)
      expect((await from(t.app, '198.51.100.99', 'POST', '/api/v1/auth/login', { email: people[0]!.email, password: 'candidate password 0' })).statusCode).toBe(200)
      t.clock.advance(16 * MINUTE)
      expect((await from(t.app, NAT, 'POST', '/api/v1/auth/login', { email: people[1]!.email, password: 'candidate password 1' })).statusCode).toBe(200)
      t.clock.advance(-16 * MINUTE)
    })

    it('limits an account to 5 failures from one address and 10 from all, whatever the password then', async () => {
      const email = `victim-${kind}@example.com`
      await register(t.app, { email, password: 'victim password 1' })
      const tryFrom = async (ip: string, password: string) => (await from(t.app, ip, 'POST', '/api/v1/auth/login', { email, password })).statusCode
      const run = async (ip: string) => { const s: number[] = []; for (let i = 0; i < 6; i++) s.push(await tryFrom(ip, `guess ${i}`)); return s }
      expect(await run('203.0.113.1')).toEqual([401, 401, 401, 401, 401, 429])
      expect(await tryFrom('203.0.113.1', 'victim password 1')).toBe(429)
      expect(await run('203.0.113.2')).toEqual([401, 401, 401, 401, 401, 429])
      // Ten failures across addresses: the account waits everywhere, even with the right password.
      expect(await tryFrom('203.0.113.3', 'victim password 1')).toBe(429)
      t.clock.advance(16 * MINUTE)
      expect(await tryFrom('203.0.113.3', 'victim password 1')).toBe(200)
      t.clock.advance(-16 * MINUTE)
    })
  })

  describe('API tokens', () => {
    const issue = (body: Record<string, unknown>, session: Session = staff) => call(t.app, 'POST', '/api/v1/admin/api-tokens', { session, body })
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

    it('need scopes and an expiry of at most a year; a refused request stores nothing', async () => {
      const owner = await register(t.app, { email: `token-owner-${kind}@example.com` })
      const centerAdmin = await login(t.app, 'center@demo.test', 'mt1-demo')
      const before = await countRows(t, 'api_tokens')
      for (const body of [
        { name: 'No scopes', userId: owner.userId, expiresInDays: 30 },
        { name: 'Empty scopes', userId: owner.userId, scopes: [], expiresInDays: 30 },
        { name: 'Bad scope', userId: owner.userId, scopes: ['everything'], expiresInDays: 30 },
        { name: 'Twice', userId: owner.userId, scopes: ['results', 'results'], expiresInDays: 30 },
        { name: 'No expiry', userId: owner.userId, scopes: ['results'] },
        { name: 'Too long', userId: owner.userId, scopes: ['results'], expiresInDays: 366 },
        { name: 'Zero', userId: owner.userId, scopes: ['results'], expiresInDays: 0 },
        { name: 'Fraction', userId: owner.userId, scopes: ['results'], expiresInDays: 1.5 },
        { name: 'Text', userId: owner.userId, scopes: ['results'], expiresInDays: '30 days' },
        { name: 'Date', userId: owner.userId, scopes: ['results'], expiresInDays: 30, expiresAt: '2099-01-01T00:00:00Z' },
      ]) {
        const res = await issue(body)
        expect(res.statusCode, body.name).toBe(400)
      }
      expect((await issue({ name: 'Not staff', userId: owner.userId, scopes: ['admin'], expiresInDays: 30 }, centerAdmin)).statusCode).toBe(403)
      expect((await call(t.app, 'POST', '/api/v1/admin/api-tokens', { body: { name: 'Nobody', userId: owner.userId, scopes: ['admin'], expiresInDays: 30 } })).statusCode).toBe(401)
      expect(await countRows(t, 'api_tokens')).toBe(before)
    })

    it('work only within their scopes (403 outside, nothing done), never beyond their user\'s roles, and stop at their expiry (401)', async () => {
      const employer = await login(t.app, 'employer@demo.test', 'mt1-demo')
      const verifier = await issue({ name: 'HR verification', userId: employer.userId, scopes: ['registry:verify'], expiresInDays: 30 })
      expect(verifier.statusCode).toBe(201)
      expect(verifier.json()).toMatchObject({ scopes: ['registry:verify'], expiresAt: new Date(t.clock().getTime() + 30 * DAY).toISOString() })
      const token = verifier.json().token as string

      const verified = await call(t.app, 'POST', '/api/v1/registry/verify', { headers: bearer(token), body: { items: [{ certificateNumber: 'X' }] } })
      expect(verified.statusCode).toBe(200)
      expect((await call(t.app, 'GET', '/api/v1/me', { headers: bearer(token) })).json().user.email).toBe('employer@demo.test')
      expect((await call(t.app, 'GET', '/api/v1/sessions', { headers: bearer(token) })).statusCode).toBe(200)
      const outside = await call(t.app, 'PATCH', '/api/v1/me', { headers: bearer(token), body: { lastName: 'Changed by token' } })
      expect(outside.statusCode).toBe(403)
      expect(outside.json().error.details).toEqual({ requiredScope: 'admin' })
      expect((await call(t.app, 'GET', '/api/v1/me', { session: employer })).json().user.lastName).toBe('Walsh')
      expect((await call(t.app, 'GET', '/api/v1/vouchers', { headers: bearer(token) })).statusCode).toBe(403)
      expect((await call(t.app, 'GET', '/api/v1/me/credentials', { headers: bearer(token) })).statusCode).toBe(403)
      expect((await call(t.app, 'GET', '/api/v1/no-such-route', { headers: bearer(token) })).statusCode).toBe(404)

      // Staff tokens: results reads the registry figures, not the users; admin does everything staff may.
      const results = (await issue({ name: 'Reporting', userId: staff.userId, scopes: ['results'], expiresInDays: 7 })).json().token as string
      expect((await call(t.app, 'GET', '/api/v1/admin/registry/figures', { headers: bearer(results) })).statusCode).toBe(200)
      expect((await call(t.app, 'GET', '/api/v1/admin/users', { headers: bearer(results) })).statusCode).toBe(403)
      const tokensBefore = await countRows(t, 'api_tokens')
      expect((await call(t.app, 'POST', '/api/v1/admin/api-tokens', { headers: bearer(results), body: { name: 'Escalate', userId: staff.userId, scopes: ['admin'], expiresInDays: 365 } })).statusCode).toBe(403)
      expect(await countRows(t, 'api_tokens')).toBe(tokensBefore)
      const admin = (await issue({ name: 'Staff automation', userId: staff.userId, scopes: ['admin'], expiresInDays: 7 })).json().token as string
      expect((await call(t.app, 'GET', '/api/v1/admin/users', { headers: bearer(admin) })).statusCode).toBe(200)
      const registrations = (await issue({ name: 'Center system', userId: (await login(t.app, 'center@demo.test', 'mt1-demo')).userId, scopes: ['registrations'], expiresInDays: 7 })).json().token as string
      expect((await call(t.app, 'GET', '/api/v1/me/sessions', { headers: bearer(registrations) })).statusCode).toBe(200)
      expect((await call(t.app, 'POST', '/api/v1/registry/verify', { headers: bearer(registrations), body: { items: [{ certificateNumber: 'X' }] } })).statusCode).toBe(403)
      // A scope is not a role: a candidate's admin token is still a candidate's.
      const candidate = await register(t.app, { email: `token-candidate-${kind}@example.com` })
      const candidateToken = (await issue({ name: 'Candidate tool', userId: candidate.userId, scopes: ['admin'], expiresInDays: 7 })).json().token as string
      expect((await call(t.app, 'GET', '/api/v1/admin/users', { headers: bearer(candidateToken) })).statusCode).toBe(403)

      t.clock.advance(7 * DAY + MINUTE)
      const expired = await call(t.app, 'GET', '/api/v1/me', { headers: bearer(admin) })
      expect(expired.statusCode).toBe(401)
      expect(expired.json().error.message).toMatch(/expired/)
      expect((await call(t.app, 'GET', '/api/v1/me', { headers: bearer(token) })).statusCode).toBe(200)
      t.clock.advance(-(7 * DAY + MINUTE))
    })

    it('are listed with their scopes, expiry and last use, which is written at most once a minute', async () => {
      const owner = await register(t.app, { email: `listed-${kind}@example.com` })
      const created = (await issue({ name: 'Listed', userId: owner.userId, scopes: ['results', 'registrations'], expiresInDays: 365 })).json()
      expect(created.scopes).toEqual(['registrations', 'results'])
      const listed = async () => (await call(t.app, 'GET', '/api/v1/admin/api-tokens?limit=100', { session: staff })).json().items.find((x: { id: string }) => x.id === created.id)
      expect(await listed()).toMatchObject({ scopes: ['registrations', 'results'], expiresAt: created.expiresAt, lastUsedAt: null })
      await call(t.app, 'GET', '/api/v1/me', { headers: bearer(created.token) })
      const firstUse = (await listed()).lastUsedAt
      expect(firstUse).toBe(t.clock().toISOString())
      t.clock.advance(30_000)
      await call(t.app, 'GET', '/api/v1/me', { headers: bearer(created.token) })
      expect((await listed()).lastUsedAt).toBe(firstUse)
      t.clock.advance(60_000)
      await call(t.app, 'GET', '/api/v1/me', { headers: bearer(created.token) })
      expect((await listed()).lastUsedAt).toBe(t.clock().toISOString())
      t.clock.advance(-90_000)
    })

    it('name real routes in the scope table', async () => {
      for (const key of Object.keys(ROUTE_TOKEN_SCOPES)) {
        const [method, url] = key.split(' ') as ['GET' | 'POST' | 'PATCH', string]
        expect(t.app.hasRoute({ method, url }), key).toBe(true)
      }
    })
  })

  describe('cohort uploads', () => {
    let centerAdmin: Session
    let sessionId: string
    beforeAll(async () => {
      centerAdmin = await login(t.app, 'center@demo.test', 'mt1-demo')
      const proctorId = (await login(t.app, 'proctor@demo.test', 'mt1-demo')).userId
      const centerId = (await call(t.app, 'GET', '/api/v1/centers/mine', { session: centerAdmin })).json().items[0].id
      const startsAt = new Date(t.clock().getTime() + 20 * DAY)
      const created = await call(t.app, 'POST', '/api/v1/sessions', { session: centerAdmin, body: { centerId, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 4 * HOUR).toISOString(), seats: 10, modules: ['MM', 'QBA'], proctorIds: [proctorId] } })
      expect(created.statusCode).toBe(201)
      sessionId = created.json().id
    })

    it('registers new people, only invites existing accounts, and reports every existing account alike', async () => {
      const csv = [
        'name,email,modules',
        `Fresh Person,fresh-${kind}@cohort.example,MM`,
        'Casey Jordan,candidate@demo.test,MM',
        'Paul Nguyen,PROCTOR@demo.test,MM',
        'Avery Staff,admin@demo.test,QBA',
        'Casey Again,candidate@demo.test,QBA',
      ].join('\n')
      const started = await call(t.app, 'POST', `/api/v1/sessions/${sessionId}/cohort`, { session: centerAdmin, payload: csv, headers: { 'content-type': 'text/csv' } })
      expect(started.statusCode).toBe(202)
      await t.idle()
      const job = (await call(t.app, 'GET', `/api/v1/jobs/${started.json().jobId}`, { session: centerAdmin })).json()
      expect(job.summary).toEqual({ registered: 1, waitlisted: 0, invited: 3, failed: 1 })
      expect(job.report[0]).toMatchObject({ row: 2, outcome: 'registered' })
      expect(job.report.slice(1, 4)).toEqual([
        { row: 3, email: 'candidate@demo.test', outcome: 'invited' },
        { row: 4, email: 'proctor@demo.test', outcome: 'invited' },
        { row: 5, email: 'admin@demo.test', outcome: 'invited' },
      ])
      expect(job.report[4]).toEqual({ row: 6, email: 'candidate@demo.test', outcome: 'failed', reason: 'already invited by row 3 of this file' })
      expect(JSON.stringify(job)).not.toMatch(/proctor account|staff|not a candidate/i)

      // Nobody who already had an account was registered.
      const registered = await t.app.db.selectFrom('registrations').innerJoin('users', 'users.id', 'registrations.candidate_id').select('users.email').where('registrations.session_id', '=', sessionId).execute()
      expect(registered.map((r) => r.email)).toEqual([`fresh-${kind}@cohort.example`])
      // The invitation reaches its recipient; the outbox shows it without the link's token.
      const token = await deliveredToken(t, 'candidate@demo.test', /invitation to register/)
      const shown = (await call(t.app, 'GET', '/api/v1/admin/outbox?to=candidate@demo.test', { session: staff })).json().items[0]
      expect(shown.text).toContain('cohort-invitation?token=[redacted]')
      expect(shown.text).not.toContain(token)

      // Only the invited account may read or accept it; a refused acceptance stores nothing.
      const candidate = await login(t.app, 'candidate@demo.test', 'mt1-demo')
      const proctor = await login(t.app, 'proctor@demo.test', 'mt1-demo')
      const someoneElse = await register(t.app, { email: `someone-else-${kind}@example.com` })
      const registrationsBefore = await countRows(t, 'registrations')
      expect((await call(t.app, 'POST', '/api/v1/cohort-invitations/accept', { body: { token } })).statusCode).toBe(401)
      expect(errorCode(await call(t.app, 'POST', '/api/v1/cohort-invitations/accept', { session: someoneElse, body: { token } }))).toBe('INVITATION_INVALID')
      expect(errorCode(await call(t.app, 'POST', '/api/v1/cohort-invitations/lookup', { session: someoneElse, body: { token } }))).toBe('INVITATION_INVALID')
      expect((await call(t.app, 'POST', '/api/v1/cohort-invitations/accept', { session: proctor, body: { token } })).statusCode).toBe(403)
      for (const bad of ['short', 'x'.repeat(5000), `${token.slice(0, 42)}!`, 42, null]) {
        expect((await call(t.app, 'POST', '/api/v1/cohort-invitations/accept', { session: candidate, body: { token: bad } })).statusCode).toBe(400)
      }
      expect(await countRows(t, 'registrations')).toBe(registrationsBefore)

      const offer = await call(t.app, 'POST', '/api/v1/cohort-invitations/lookup', { session: candidate, body: { token } })
      expect(offer.json()).toMatchObject({ sessionId, modules: ['MM'], status: 'open', registrationId: null })
      const accepted = await call(t.app, 'POST', '/api/v1/cohort-invitations/accept', { session: candidate, body: { token } })
      expect(accepted.statusCode).toBe(201)
      expect(accepted.json()).toMatchObject({ sessionId, modules: ['MM'], candidateId: candidate.userId })
      expect(errorCode(await call(t.app, 'POST', '/api/v1/cohort-invitations/accept', { session: candidate, body: { token } }))).toBe('CONFLICT')
      expect((await call(t.app, 'POST', '/api/v1/cohort-invitations/lookup', { session: candidate, body: { token } })).json()).toMatchObject({ status: 'accepted', registrationId: accepted.json().id })

      // The proctor was invited the same way; with no candidate role, accepting registers nothing.
      const proctorToken = await deliveredToken(t, 'proctor@demo.test', /invitation to register/)
      expect((await call(t.app, 'POST', '/api/v1/cohort-invitations/accept', { session: proctor, body: { token: proctorToken } })).statusCode).toBe(403)
      expect(await countRows(t, 'registrations')).toBe(registrationsBefore + 1)
    })
  })

  describe('public sessions', () => {
    it('name no user ids to the public and to candidates; staff, the center and its proctors see who proctors', async () => {
      const centerAdmin = await login(t.app, 'center@demo.test', 'mt1-demo')
      const proctor = await login(t.app, 'proctor@demo.test', 'mt1-demo')
      const candidate = await login(t.app, 'candidate@demo.test', 'mt1-demo')
      const list = await call(t.app, 'GET', '/api/v1/sessions?limit=100')
      expect(list.statusCode).toBe(200)
      expect(list.body).not.toContain(proctor.userId)
      expect(list.body).not.toContain(centerAdmin.userId)
      const live = (list.json().items as { id: string; status: string }[]).find((s) => s.status === 'in_progress')!
      for (const who of [undefined, candidate]) {
        const one = await call(t.app, 'GET', `/api/v1/sessions/${live.id}`, { session: who })
        expect(one.statusCode).toBe(200)
        expect(one.json()).not.toHaveProperty('proctorIds')
        expect(one.body).not.toContain(proctor.userId)
        expect(one.body).not.toContain(centerAdmin.userId)
        expect(one.json()).toMatchObject({ id: live.id, seatsAvailable: expect.any(Number) })
      }
      for (const who of [staff, centerAdmin, proctor]) {
        expect((await call(t.app, 'GET', `/api/v1/sessions/${live.id}`, { session: who })).json().proctorIds).toEqual([proctor.userId])
      }
    })
  })

  describe('/metrics', () => {
    it('answers loopback by default and refuses other addresses', async () => {
      expect((await from(t.app, '127.0.0.1', 'GET', '/metrics')).statusCode).toBe(200)
      expect((await from(t.app, '::1', 'GET', '/metrics')).statusCode).toBe(200)
      const outside = await from(t.app, '203.0.113.50', 'GET', '/metrics')
      expect(outside.statusCode).toBe(403)
      expect(outside.body).not.toMatch(/mt1_http_request_duration_seconds/)
      expect((await from(t.app, '203.0.113.50', 'GET', '/metrics', undefined, { authorization: 'Bearer guessed' })).statusCode).toBe(401)
    })
  })
})

describe.each(databases)('accounts hardening with other settings on %s', (kind) => {
  it('rate-limits registration and reset requests at RATE_LIMIT_PUBLIC_PER_MINUTE per address; a refused registration creates nothing', async () => {
    const t = await createTestApp(kind, { rateLimitPublicPerMinute: 3 })
    try {
      const registerFrom = (i: number) => from(t.app, '192.0.2.10', 'POST', '/api/v1/auth/register', { email: `limited-${i}@example.com`, password: 'long enough password', firstName: 'Rate', lastName: 'Limited' })
      for (let i = 0; i < 3; i++) expect((await registerFrom(i)).statusCode).toBe(201)
      const refused = await registerFrom(3)
      expect(refused.statusCode).toBe(429)
      expect(errorCode(refused)).toBe('RATE_LIMITED')
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
      expect(await t.app.db.selectFrom('users').select('id').where('email', '=', 'limited-3@example.com').executeTakeFirst()).toBeUndefined()
      // Another address has its own allowance.
      expect((await from(t.app, '192.0.2.11', 'POST', '/api/v1/auth/register', { email: 'other-address@example.com', password: 'long enough password', firstName: 'A', lastName: 'B' })).statusCode).toBe(201)

      const resetFrom = () => from(t.app, '192.0.2.12', 'POST', '/api/v1/auth/password-reset', { email: 'limited-0@example.com' })
      for (let i = 0; i < 3; i++) expect((await resetFrom()).statusCode).toBe(202)
      expect((await resetFrom()).statusCode).toBe(429)
    } finally {
      await t.close()
    }
  })

  it('lets RATE_LIMIT_PUBLIC_PER_MINUTE=0 turn the limits off for load tests', async () => {
    const t = await createTestApp(kind, { rateLimitPublicPerMinute: 0 })
    try {
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) =>
        from(t.app, '192.0.2.20', 'POST', '/api/v1/auth/register', { email: `load-${i}@example.com`, password: 'long enough password', firstName: 'Load', lastName: `Test ${i}` })))
      expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 201))
    } finally {
      await t.close()
    }
  })

  it('opens /metrics to the metrics token from anywhere, and to the configured addresses only', async () => {
    const t = await createTestApp(kind, { metricsToken: 'metrics-token-for-the-scraper', metricsAllow: ['10.0.0.0/8'] })
    try {
      expect((await from(t.app, '203.0.113.60', 'GET', '/metrics', undefined, { authorization: 'Bearer metrics-token-for-the-scraper' })).statusCode).toBe(200)
      expect((await from(t.app, '203.0.113.60', 'GET', '/metrics', undefined, { authorization: 'Bearer metrics-token-for-the-scrapeR' })).statusCode).toBe(401)
      expect((await from(t.app, '203.0.113.60', 'GET', '/metrics')).statusCode).toBe(403)
      expect((await from(t.app, '127.0.0.1', 'GET', '/metrics')).statusCode).toBe(403)
      expect((await from(t.app, '10.1.2.3', 'GET', '/metrics')).statusCode).toBe(200)
      expect(() => metricsAllowList(['not-an-address'])).toThrow(/METRICS_ALLOW/)
      expect(() => metricsAllowList(['10.0.0.0/33'])).toThrow(/METRICS_ALLOW/)
    } finally {
      await t.close()
    }
  })

  it('migrates existing API tokens to the admin scope with an expiry a year from the migration', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-migrate-'))
    const schema = kind === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : undefined
    const handle = await openDatabase({ dataDir, databaseUrl: kind === 'postgres' ? process.env.TEST_DATABASE_URL : undefined, databaseSchema: schema })
    try {
      const dir = '../../src/server/db/migrations/'
      const names = ['0001-foundation', '0002-item-bank', '0003-registration', '0004-accommodations', '0005-centers-jobs', '0006-delivery', '0007-sittings-results', '0008-registry', '0009-credentials', '0010-scoring-corrections', '0011-retakes', '0012-session-rules']
      const db = handle.db as any
      for (const name of names) await ((await import(`${dir}${name}.js`)) as { up: (db: unknown, d: string) => Promise<void> }).up(db, handle.dialect)
      const at = new Date().toISOString()
      await db.insertInto('users').values({ id: 'u1', email: 'old@example.com', password_hash: null, first_name: 'Old', last_name: 'Token', status: 'active', created_at: at, updated_at: at }).execute()
      await db.insertInto('api_tokens').values({ id: 'k1', name: 'Before scopes', token_hash: 'h1', user_id: 'u1', created_by: 'u1', created_at: at, last_used_at: null, revoked_at: null }).execute()
      const before = Date.now()
      await ((await import(`${dir}0013-accounts-hardening.js`)) as { up: (db: unknown, d: string) => Promise<void> }).up(db, handle.dialect)
      const row = await db.selectFrom('api_tokens').select(['scopes', 'expires_at']).where('id', '=', 'k1').executeTakeFirstOrThrow()
      expect(JSON.parse(row.scopes)).toEqual(['admin'])
      const expires = Date.parse(row.expires_at)
      expect(expires).toBeGreaterThanOrEqual(before + 365 * DAY - 1000)
      expect(expires).toBeLessThanOrEqual(Date.now() + 365 * DAY + 1000)
    } finally {
      await handle.close()
      await removeTestStorage(dataDir, schema)
    }
  })
})
