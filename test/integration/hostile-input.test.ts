// Bad input gets the contract's error shape with a 4xx, never a 5xx, and stores nothing half-done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, errorCode, register, staffSession, type Session } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

const countUsers = async (t: TestApp) =>
  Number((await t.app.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

function expectContractError(res: { statusCode: number; json(): unknown }, status: number, code?: string) {
  expect(res.statusCode).toBe(status)
  const body = res.json() as { error: { code: string; message: string } }
  expect(typeof body.error.code).toBe('string')
  expect(body.error.message.length).toBeGreaterThan(0)
  if (code) expect(body.error.code).toBe(code)
}

describe.each(databases)('hostile input on %s', (kind) => {
  let t: TestApp
  let staff: Session
  beforeAll(async () => {
    t = await createTestApp(kind)
    staff = await staffSession(t.app)
  })
  afterAll(async () => t.close())

  it('answers malformed JSON with 400 MALFORMED_REQUEST', async () => {
    const before = await countUsers(t)
    for (const payload of ['{"email":', '{bad json}', 'null', '"just a string"', '[1,2,3]']) {
      const res = await call(t.app, 'POST', '/api/v1/auth/register', { payload })
      expect(res.statusCode, payload).toBe(400)
      expect(['MALFORMED_REQUEST', 'VALIDATION']).toContain(errorCode(res))
    }
    expect(await countUsers(t)).toBe(before)
  })

  it('answers wrong types and missing fields with 400 VALIDATION naming the field', async () => {
    const res = await call(t.app, 'POST', '/api/v1/auth/register', { body: { email: 42, password: true, firstName: [], lastName: {} } })
    expectContractError(res, 400, 'VALIDATION')
    const paths = (res.json().error.details as { path: string }[]).map((d) => d.path)
    expect(paths).toEqual(expect.arrayContaining(['body/email', 'body/password', 'body/firstName', 'body/lastName']))
    const missing = await call(t.app, 'POST', '/api/v1/auth/login', { body: { email: 'a@b.c' } })
    expectContractError(missing, 400, 'VALIDATION')
  })

  it('refuses unknown fields instead of dropping them', async () => {
    const res = await call(t.app, 'POST', '/api/v1/auth/register', {
      body: { email: 'extra@example.com', password: 'long enough pw', firstName: 'A', lastName: 'B', roles: ['program_staff'] },
    })
    expectContractError(res, 400, 'VALIDATION')
    expect(res.json().error.details[0].field).toBe('roles')
    expect(await t.app.db.selectFrom('users').select('id').where('email', '=', 'extra@example.com').executeTakeFirst()).toBeUndefined()
  })

  it('refuses a 2 MB body with 413 before reading it into a handler', async () => {
    const before = await countUsers(t)
    const huge = JSON.stringify({ email: 'big@example.com', password: 'long enough pw', firstName: 'x'.repeat(2 * 1024 * 1024), lastName: 'B' })
    const res = await call(t.app, 'POST', '/api/v1/auth/register', { payload: huge })
    expectContractError(res, 413, 'PAYLOAD_TOO_LARGE')
    expect(await countUsers(t)).toBe(before)
  })

  it('treats SQL-injection strings as plain data', async () => {
    const attack = "' OR '1'='1'; DROP TABLE users; --"
    const login = await call(t.app, 'POST', '/api/v1/auth/login', { body: { email: attack, password: attack } })
    expectContractError(login, 401, 'INVALID_CREDENTIALS')
    const search = await call(t.app, 'GET', `/api/v1/admin/users?q=${encodeURIComponent(attack)}`, { session: staff })
    expect(search.statusCode).toBe(200)
    expect(search.json().items).toEqual([])
    const wildcard = await call(t.app, 'GET', `/api/v1/admin/users?q=${encodeURIComponent('%')}`, { session: staff })
    expect(wildcard.json().items).toEqual([])
    const handbook = await call(t.app, 'POST', '/api/v1/program/handbook-requests', {
      body: { name: "Robert'); DROP TABLE handbook_requests;--", email: 'bobby@example.com', format: 'pdf', message: attack },
    })
    expect(handbook.statusCode).toBe(201)
    expect(await countUsers(t)).toBeGreaterThan(0)
    const queue = await call(t.app, 'GET', '/api/v1/admin/handbook-requests', { session: staff })
    expect(queue.json().items.some((r: { message: string }) => r.message === attack)).toBe(true)
  })

  it('refuses a script tag in a name and stores nothing', async () => {
    const before = await countUsers(t)
    const res = await call(t.app, 'POST', '/api/v1/auth/register', {
      body: { email: 'xss@example.com', password: 'long enough pw', firstName: '<script>alert(1)</script>', lastName: 'B' },
    })
    expectContractError(res, 400, 'VALIDATION')
    expect(await countUsers(t)).toBe(before)
    const session = await register(t.app, { email: 'rename@example.com' })
    const rename = await call(t.app, 'PATCH', '/api/v1/me', { session, body: { lastName: '<img src=x onerror=alert(1)>' } })
    expectContractError(rename, 400, 'VALIDATION')
  })

  it('refuses prototype-pollution keys', async () => {
    const res = await call(t.app, 'POST', '/api/v1/auth/login', { payload: '{"email":"a@b.c","password":"x","__proto__":{"admin":true}}' })
    expect(res.statusCode).toBe(400)
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
  })

  it('refuses other content types and bad query parameters', async () => {
    const form = await call(t.app, 'POST', '/api/v1/auth/login', { payload: 'email=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expectContractError(form, 415, 'UNSUPPORTED_MEDIA_TYPE')
    const limit = await call(t.app, 'GET', '/api/v1/admin/users?limit=100000', { session: staff })
    expectContractError(limit, 400, 'VALIDATION')
    const cursor = await call(t.app, 'GET', '/api/v1/admin/users?cursor=not-a-cursor', { session: staff })
    expectContractError(cursor, 400, 'VALIDATION')
    const from = await call(t.app, 'GET', '/api/v1/sessions?from=yesterday')
    expectContractError(from, 400, 'VALIDATION')
    const state = await call(t.app, 'GET', '/api/v1/centers?state=Virginia')
    expectContractError(state, 400, 'VALIDATION')
    const id = await call(t.app, 'GET', `/api/v1/admin/users/${encodeURIComponent("1' or 1=1")}`, { session: staff })
    expectContractError(id, 400, 'VALIDATION')
  })

  it('answers unknown API routes with the contract 404 and unknown ids with 404', async () => {
    expectContractError(await call(t.app, 'GET', '/api/v1/nothing-here'), 404, 'NOT_FOUND')
    expectContractError(await call(t.app, 'GET', '/api/v1/admin/users/00000000-0000-0000-0000-000000000000', { session: staff }), 404, 'NOT_FOUND')
    expectContractError(await call(t.app, 'POST', '/api/v1/admin/handbook-requests/unknown/fulfil', { session: staff, body: { note: 'x' } }), 404, 'NOT_FOUND')
  })
})
