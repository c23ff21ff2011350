import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, errorCode, register, staffSession, type Session } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

describe.each(databases)('handbook requests on %s', (kind) => {
  let t: TestApp
  let staff: Session
  beforeAll(async () => {
    t = await createTestApp(kind)
    staff = await staffSession(t.app)
  })
  afterAll(async () => t.close())

  const ask = (body: Record<string, unknown>) => call(t.app, 'POST', '/api/v1/program/handbook-requests', { body })

  it('takes a request from anyone, confirms it by email, and queues it for staff', async () => {
    const res = await ask({ name: 'Dana Lee', email: 'dana@example.com', organization: 'Lee Fabrication', format: 'pdf', message: 'For our new hires' })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ status: 'open' })
    const queue = await call(t.app, 'GET', '/api/v1/admin/handbook-requests?status=open', { session: staff })
    expect(queue.json().openCount).toBeGreaterThanOrEqual(1)
    expect(queue.json().items[0]).toMatchObject({ name: 'Dana Lee', organization: 'Lee Fabrication', format: 'pdf', status: 'open' })
    const mail = await call(t.app, 'GET', '/api/v1/admin/outbox?to=dana@example.com', { session: staff })
    expect(mail.json().items[0].subject).toBe('Your MT1 Handbook request')
  })

  it('needs a mailing address for a printed copy', async () => {
    const res = await ask({ name: 'No Address', email: 'na@example.com', format: 'print' })
    expect(res.statusCode).toBe(400)
    expect(errorCode(res)).toBe('VALIDATION')
    expect(res.json().error.details[0]).toEqual(expect.objectContaining({ path: '/mailingAddress', field: 'mailingAddress' }))
  })

  it('lets staff mark a request fulfilled once, audited, and tells the requester', async () => {
    const { id } = (await ask({ name: 'Rae Fox', email: 'rae@example.com', format: 'print', mailingAddress: '1 Mill Rd, Salem VA 24153' })).json()
    const done = await call(t.app, 'POST', `/api/v1/admin/handbook-requests/${id}/fulfil`, { session: staff, body: { note: 'Mailed by USPS on Monday' } })
    expect(done.statusCode).toBe(200)
    expect(done.json().request).toMatchObject({ status: 'fulfilled', fulfilledBy: staff.userId, fulfilledByName: 'Sam Staff', fulfilmentNote: 'Mailed by USPS on Monday' })
    const twice = await call(t.app, 'POST', `/api/v1/admin/handbook-requests/${id}/fulfil`, { session: staff, body: { note: 'again' } })
    expect(twice.statusCode).toBe(409)
    expect(errorCode(twice)).toBe('ALREADY_FULFILLED')

    const open = await call(t.app, 'GET', '/api/v1/admin/handbook-requests?status=open', { session: staff })
    expect(open.json().items.some((r: { id: string }) => r.id === id)).toBe(false)
    const fulfilled = await call(t.app, 'GET', '/api/v1/admin/handbook-requests?status=fulfilled', { session: staff })
    expect(fulfilled.json().items.find((r: { id: string }) => r.id === id).fulfilledByName).toBe('Sam Staff')
    const audit = await call(t.app, 'GET', `/api/v1/admin/audit?entityId=${id}`, { session: staff })
    expect(audit.json().items[0]).toMatchObject({ action: 'handbook_request.fulfilled', reason: 'Mailed by USPS on Monday', actorEmail: 'staff@mt1.test' })
    const mail = await call(t.app, 'GET', '/api/v1/admin/outbox?to=rae@example.com', { session: staff })
    expect(mail.json().items.map((m: { subject: string }) => m.subject)).toContain('Your MT1 Handbook')
  })

  it('keeps the queue from candidates and the fulfil action from everyone but staff', async () => {
    const candidate = await register(t.app, { email: 'curious@example.com' })
    const { id } = (await ask({ name: 'Q', email: 'q@example.com', format: 'pdf' })).json()
    expect((await call(t.app, 'GET', '/api/v1/admin/handbook-requests', { session: candidate })).statusCode).toBe(403)
    expect((await call(t.app, 'POST', `/api/v1/admin/handbook-requests/${id}/fulfil`, { session: candidate, body: { note: 'x' } })).statusCode).toBe(403)
    expect((await call(t.app, 'POST', `/api/v1/admin/handbook-requests/${id}/fulfil`, { body: { note: 'x' } })).statusCode).toBe(401)
    const stillOpen = await call(t.app, 'GET', '/api/v1/admin/handbook-requests?status=open', { session: staff })
    expect(stillOpen.json().items.some((r: { id: string }) => r.id === id)).toBe(true)
  })

  it('refuses oversized and empty fields', async () => {
    expect((await ask({ name: 'x', email: 'x@example.com', format: 'pdf', message: 'y'.repeat(2001) })).statusCode).toBe(400)
    expect((await ask({ name: '', email: 'x@example.com', format: 'pdf' })).statusCode).toBe(400)
    expect((await ask({ name: 'x', email: 'not an email', format: 'pdf' })).statusCode).toBe(400)
    expect((await ask({ name: 'x', email: 'x@example.com', format: 'fax' })).statusCode).toBe(400)
  })
})

describe('public forms are rate-limited per address', () => {
  it('answers 429 in the contract shape past RATE_LIMIT_PUBLIC_PER_MINUTE', async () => {
    const t = await createTestApp('sqlite', { rateLimitPublicPerMinute: 3 })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 5; i++) {
        const res = await call(t.app, 'POST', '/api/v1/program/handbook-requests', { body: { name: 'Spam', email: `s${i}@example.com`, format: 'pdf' } })
        statuses.push(res.statusCode)
        if (res.statusCode === 429) expect(errorCode(res)).toBe('RATE_LIMITED')
      }
      expect(statuses).toEqual([201, 201, 201, 429, 429])
      const count = await t.app.db.selectFrom('handbook_requests').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
      expect(Number(count.n)).toBe(3)
    } finally {
      await t.close()
    }
  })
})
