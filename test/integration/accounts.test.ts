import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, errorCode, login, register, staffSession, type Session } from '../helpers/http-client.js'
import { deliveredToken, outboxDirs } from '../helpers/mail.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

describe.each(databases)('accounts on %s', (kind) => {
  let t: TestApp
  let staff: Session
  beforeAll(async () => {
    t = await createTestApp(kind)
    staff = await staffSession(t.app)
  })
  afterAll(async () => t.close())

  it('registers a candidate, sets an HttpOnly SameSite cookie and returns a CSRF token', async () => {
    const res = await call(t.app, 'POST', '/api/v1/auth/register', {
      body: { email: 'New.Person@Example.com', password: 'a long password', firstName: 'New', lastName: 'Person' },
    })
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body.user).toMatchObject({ email: 'new.person@example.com', firstName: 'New', lastName: 'Person', roles: ['candidate'] })
    expect(body.user).not.toHaveProperty('passwordHash')
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/)
    const cookie = String(res.headers['set-cookie'])
    expect(cookie).toMatch(/mt1_session=/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
  })

  it('refuses a second account for the same address, whatever its case', async () => {
    await register(t.app, { email: 'twice@example.com' })
    const res = await call(t.app, 'POST', '/api/v1/auth/register', {
      body: { email: 'TWICE@example.com', password: 'another password', firstName: 'A', lastName: 'B' },
    })
    expect(res.statusCode).toBe(409)
    expect(errorCode(res)).toBe('EMAIL_TAKEN')
  })

  it('logs in, answers me with roles, and logs out', async () => {
    await register(t.app, { email: 'me@example.com', password: 'my password 123' })
    const session = await login(t.app, 'ME@example.com', 'my password 123')
    const me = await call(t.app, 'GET', '/api/v1/me', { session })
    expect(me.statusCode).toBe(200)
    expect(me.json().user).toMatchObject({ email: 'me@example.com', roles: ['candidate'] })
    expect(me.json().csrfToken).toBe(session.csrfToken)

    const out = await call(t.app, 'POST', '/api/v1/auth/logout', { session })
    expect(out.statusCode).toBe(204)
    const after = await call(t.app, 'GET', '/api/v1/me', { session })
    expect(after.statusCode).toBe(401)
    expect(errorCode(after)).toBe('UNAUTHENTICATED')
  })

  it('answers wrong credentials with 401 without telling which part was wrong', async () => {
    await register(t.app, { email: 'known@example.com', password: 'right password' })
    const wrongPassword = await call(t.app, 'POST', '/api/v1/auth/login', { body: { email: 'known@example.com', password: 'wrong password' } })
    const unknown = await call(t.app, 'POST', '/api/v1/auth/login', { body: { email: 'nobody@example.com', password: 'wrong password' } })
    expect(wrongPassword.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrongPassword.json().error.message).toBe(unknown.json().error.message)
  })

  // Five failures per account and address (accounts-hardening.test.ts covers the other limits).
  it('rate-limits 20 wrong passwords in a row with a clear 429, even for the right password', async () => {
    await register(t.app, { email: 'target@example.com', password: 'the real password' })
    const statuses: number[] = []
    for (let i = 0; i < 20; i++) {
      const res = await call(t.app, 'POST', '/api/v1/auth/login', { body: { email: 'target@example.com', password: `guess ${i}` } })
      statuses.push(res.statusCode)
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true)
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true)
    const blocked = await call(t.app, 'POST', '/api/v1/auth/login', { body: { email: 'target@example.com', password: 'the real password' } })
    expect(blocked.statusCode).toBe(429)
    expect(errorCode(blocked)).toBe('RATE_LIMITED')
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0)
    expect(blocked.json().error.details.retryAfterSeconds).toBeGreaterThan(0)

    t.clock.advance(16 * 60_000)
    const later = await call(t.app, 'POST', '/api/v1/auth/login', { body: { email: 'target@example.com', password: 'the real password' } })
    expect(later.statusCode).toBe(200)
    t.clock.advance(-16 * 60_000)
  })

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const session = await register(t.app, { email: 'csrf@example.com' })
    const missing = await call(t.app, 'PATCH', '/api/v1/me', { session, csrf: false, body: { firstName: 'Changed' } })
    expect(missing.statusCode).toBe(403)
    expect(errorCode(missing)).toBe('CSRF')
    const wrong = await call(t.app, 'PATCH', '/api/v1/me', { session, csrf: false, headers: { 'x-csrf-token': 'x'.repeat(43) }, body: { firstName: 'Changed' } })
    expect(errorCode(wrong)).toBe('CSRF')
    const me = await call(t.app, 'GET', '/api/v1/me', { session })
    expect(me.json().user.firstName).toBe('Test')
    const ok = await call(t.app, 'PATCH', '/api/v1/me', { session, body: { firstName: 'Changed' } })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().user.firstName).toBe('Changed')
  })

  it('expires a session after eight idle hours, and housekeeping removes it', async () => {
    const session = await register(t.app, { email: 'idle@example.com' })
    t.clock.advance(8 * 3_600_000 + 1000)
    await t.app.services.auth.purgeExpiredSessions()
    const rows = await t.app.db.selectFrom('auth_sessions').select('id_hash').where('user_id', '=', session.userId).execute()
    expect(rows).toHaveLength(0)
    const res = await call(t.app, 'GET', '/api/v1/me', { session })
    t.clock.advance(-(8 * 3_600_000 + 1000))
    expect(res.statusCode).toBe(401)
    // The purge removed every expired session of this app, the staff login of these tests too.
    staff = await login(t.app, 'staff@mt1.test', 'staff password 1')
  })

  it('resets a password with an emailed single-use link, ending old sessions', async () => {
    const old = await register(t.app, { email: 'forgot@example.com', password: 'forgotten password' })
    const ask = await call(t.app, 'POST', '/api/v1/auth/password-reset', { body: { email: 'Forgot@Example.com' } })
    expect(ask.statusCode).toBe(202)
    const silent = await call(t.app, 'POST', '/api/v1/auth/password-reset', { body: { email: 'ghost@example.com' } })
    expect(silent.statusCode).toBe(202)
    await t.flushEmails()

    const outbox = await call(t.app, 'GET', '/api/v1/admin/outbox?to=forgot@example.com', { session: staff })
    expect(outbox.statusCode).toBe(200)
    const mail = outbox.json().items[0]
    expect(mail.subject).toMatch(/Reset your MT1/)
    expect(mail.transport).toBe('outbox')
    // The recipient reads the link in the delivered message; the staff outbox shows it redacted.
    const token = await deliveredToken(t, 'forgot@example.com')
    expect(mail.text).not.toContain(encodeURIComponent(token))
    const ghostMail = await call(t.app, 'GET', '/api/v1/admin/outbox?to=ghost@example.com', { session: staff })
    expect(ghostMail.json().items).toHaveLength(0)

    const confirm = await call(t.app, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token, password: 'brand new password' } })
    expect(confirm.statusCode).toBe(200)
    const again = await call(t.app, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token, password: 'another new password' } })
    expect(again.statusCode).toBe(400)
    expect(errorCode(again)).toBe('RESET_TOKEN_INVALID')

    expect((await call(t.app, 'GET', '/api/v1/me', { session: old })).statusCode).toBe(401)
    await expect(login(t.app, 'forgot@example.com', 'brand new password')).resolves.toBeTruthy()
    const oldPassword = await call(t.app, 'POST', '/api/v1/auth/login', { body: { email: 'forgot@example.com', password: 'forgotten password' } })
    expect(oldPassword.statusCode).toBe(401)
  })

  it('refuses an expired reset link', async () => {
    await register(t.app, { email: 'slow@example.com' })
    await call(t.app, 'POST', '/api/v1/auth/password-reset', { body: { email: 'slow@example.com' } })
    const token = await deliveredToken(t, 'slow@example.com')
    t.clock.advance(61 * 60_000)
    const res = await call(t.app, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token, password: 'too late password' } })
    t.clock.advance(-61 * 60_000)
    expect(res.statusCode).toBe(400)
  })

  it('writes the outbox email to DATA_DIR/outbox as a real message file', async () => {
    await t.flushEmails()
    const { existsSync, readdirSync, readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    // In whichever app's DATA_DIR delivered it (TEST_TWO_APPS: each app has its own).
    const files = outboxDirs(t).filter((dir) => existsSync(dir)).flatMap((dir) => readdirSync(dir).map((f) => join(dir, f)))
    expect(files.length).toBeGreaterThan(0)
    const text = readFileSync(files[0]!, 'utf8')
    expect(text).toMatch(/^From: MT1 Certification/m)
    expect(text).toMatch(/^Subject: /m)
  })

  it('changes a password only with the current one', async () => {
    const session = await register(t.app, { email: 'change@example.com', password: 'first password' })
    const wrong = await call(t.app, 'POST', '/api/v1/me/password', { session, body: { currentPassword: 'nope', newPassword: 'second password' } })
    expect(wrong.statusCode).toBe(401)
    const ok = await call(t.app, 'POST', '/api/v1/me/password', { session, body: { currentPassword: 'first password', newPassword: 'second password' } })
    expect(ok.statusCode).toBe(200)
    await expect(login(t.app, 'change@example.com', 'second password')).resolves.toBeTruthy()
  })

  describe('staff manage users and roles', () => {
    it('lets staff create a user, who is emailed a link to set a password', async () => {
      const res = await call(t.app, 'POST', '/api/v1/admin/users', {
        session: staff, body: { email: 'proctor1@example.com', firstName: 'Pat', lastName: 'Proctor', roles: ['proctor'] },
      })
      expect(res.statusCode).toBe(201)
      expect(res.json().user.roles).toEqual(['proctor'])
      const token = await deliveredToken(t, 'proctor1@example.com')
      await call(t.app, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token, password: 'proctor password' } })
      const session = await login(t.app, 'proctor1@example.com', 'proctor password')
      expect((await call(t.app, 'GET', '/api/v1/me', { session })).json().user.roles).toEqual(['proctor'])
    })

    it('changes roles and disables accounts, with audit entries', async () => {
      const person = await register(t.app, { email: 'promote@example.com' })
      const res = await call(t.app, 'PATCH', `/api/v1/admin/users/${person.userId}`, { session: staff, body: { roles: ['candidate', 'employer'] } })
      expect(res.statusCode).toBe(200)
      expect(res.json().user.roles).toEqual(['candidate', 'employer'])

      const disabled = await call(t.app, 'PATCH', `/api/v1/admin/users/${person.userId}`, { session: staff, body: { status: 'disabled' } })
      expect(disabled.json().user.status).toBe('disabled')
      expect((await call(t.app, 'GET', '/api/v1/me', { session: person })).statusCode).toBe(401)
      const relogin = await call(t.app, 'POST', '/api/v1/auth/login', { body: { email: 'promote@example.com', password: 'correct horse battery' } })
      expect(relogin.statusCode).toBe(403)
      expect(errorCode(relogin)).toBe('ACCOUNT_DISABLED')

      const audit = await call(t.app, 'GET', `/api/v1/admin/audit?entityId=${person.userId}`, { session: staff })
      const actions = audit.json().items.map((e: { action: string }) => e.action)
      expect(actions).toEqual(expect.arrayContaining(['user.roles_changed', 'user.disabled']))
      expect(audit.json().items.find((e: { action: string }) => e.action === 'user.roles_changed').details).toEqual({ from: ['candidate'], to: ['candidate', 'employer'] })
    })

    it('keeps staff from removing their own access', async () => {
      const res = await call(t.app, 'PATCH', `/api/v1/admin/users/${staff.userId}`, { session: staff, body: { roles: ['candidate'] } })
      expect(res.statusCode).toBe(422)
      expect(errorCode(res)).toBe('RULE_VIOLATION')
    })

    it('finds users by name or email and by role, a page at a time', async () => {
      for (let i = 0; i < 3; i++) await register(t.app, { email: `pager${i}@example.com`, lastName: 'Pager' })
      const first = await call(t.app, 'GET', '/api/v1/admin/users?q=pager&limit=2', { session: staff })
      expect(first.json().items).toHaveLength(2)
      const second = await call(t.app, 'GET', `/api/v1/admin/users?q=pager&limit=2&cursor=${first.json().nextCursor}`, { session: staff })
      expect(second.json().items).toHaveLength(1)
      expect(second.json().nextCursor).toBeNull()
      const staffOnly = await call(t.app, 'GET', '/api/v1/admin/users?role=program_staff', { session: staff })
      expect(staffOnly.json().items.map((u: { email: string }) => u.email)).toEqual(['staff@mt1.test'])
    })

    it('denies every admin route to candidates (403) and to visitors (401)', async () => {
      const candidate = await register(t.app, { email: 'nosy@example.com' })
      for (const url of ['/api/v1/admin/users', '/api/v1/admin/outbox', '/api/v1/admin/audit', '/api/v1/admin/api-tokens', '/api/v1/admin/handbook-requests']) {
        expect((await call(t.app, 'GET', url, { session: candidate })).statusCode, url).toBe(403)
        expect((await call(t.app, 'GET', url)).statusCode, url).toBe(401)
      }
      const create = await call(t.app, 'POST', '/api/v1/admin/users', { session: candidate, body: { email: 'x@example.com', firstName: 'X', lastName: 'Y', roles: ['program_staff'] } })
      expect(create.statusCode).toBe(403)
      const selfPromote = await call(t.app, 'PATCH', `/api/v1/admin/users/${candidate.userId}`, { session: candidate, body: { roles: ['program_staff'] } })
      expect(selfPromote.statusCode).toBe(403)
    })
  })

  describe('API tokens for integrations', () => {
    it('are shown once, act as their user without CSRF, and stop working when revoked', async () => {
      const employer = await register(t.app, { email: 'hr@factory.example' })
      await call(t.app, 'PATCH', `/api/v1/admin/users/${employer.userId}`, { session: staff, body: { roles: ['employer'] } })
      const created = await call(t.app, 'POST', '/api/v1/admin/api-tokens', { session: staff, body: { name: 'Factory HR system', userId: employer.userId, scopes: ['admin'], expiresInDays: 30 } })
      expect(created.statusCode).toBe(201)
      const { id, token } = created.json()
      expect(token).toMatch(/^mt1_/)

      const me = await call(t.app, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${token}` } })
      expect(me.statusCode).toBe(200)
      expect(me.json().user.roles).toEqual(['employer'])
      const write = await call(t.app, 'PATCH', '/api/v1/me', { headers: { authorization: `Bearer ${token}` }, body: { lastName: 'Integration' } })
      expect(write.statusCode).toBe(200)

      const list = await call(t.app, 'GET', '/api/v1/admin/api-tokens', { session: staff })
      const listed = list.json().items.find((x: { id: string }) => x.id === id)
      expect(listed).toMatchObject({ name: 'Factory HR system', userEmail: 'hr@factory.example', revokedAt: null })
      expect(JSON.stringify(list.json())).not.toContain(token)
      expect(listed.lastUsedAt).not.toBeNull()

      const revoke = await call(t.app, 'POST', `/api/v1/admin/api-tokens/${id}/revoke`, { session: staff })
      expect(revoke.statusCode).toBe(200)
      const after = await call(t.app, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${token}` } })
      expect(after.statusCode).toBe(401)
      const twice = await call(t.app, 'POST', `/api/v1/admin/api-tokens/${id}/revoke`, { session: staff })
      expect(twice.statusCode).toBe(409)
    })

    it('rejects made-up and malformed bearer tokens with 401', async () => {
      for (const header of ['Bearer mt1_madeup', 'Bearer', 'Basic abc', `Bearer ${'x'.repeat(5000)}`]) {
        const res = await call(t.app, 'GET', '/api/v1/me', { headers: { authorization: header } })
        expect(res.statusCode, header.slice(0, 20)).toBe(401)
      }
    })
  })
})
