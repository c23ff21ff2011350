import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../src/server/db/seed/demo.js'
import { call, errorCode, login, register, staffSession, type Session } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
const upload = (t: TestApp, session: Session, requestId: string, bytes: Buffer, fileName: string, type = 'application/pdf') =>
  call(t.app, 'POST', `/api/v1/me/accommodation-requests/${requestId}/documents?fileName=${encodeURIComponent(fileName)}`, {
    session, payload: bytes as unknown as string, headers: { 'content-type': type },
  })

describe.each(databases)('special accommodations on %s', (kind) => {
  let t: TestApp
  let staff: Session
  let candidate: Session
  let requestId: string
  let documentId: string
  beforeAll(async () => {
    t = await createTestApp(kind)
    await seedDemo(t.app, t.clock())
    staff = await staffSession(t.app)
    candidate = await register(t.app, { email: `accommodated-${kind}@example.com`, firstName: '=cmd|\' /C calc\'!A0', lastName: 'Rivera' })
    const created = await call(t.app, 'POST', '/api/v1/me/accommodation-requests', {
      session: candidate, body: { categories: ['reading'], adjustments: ['read_aloud', 'extended_time_1_5x', 'separate_room'], statement: 'Dyslexia, diagnosed 2019; letter from my doctor attached.' },
    })
    expect(created.statusCode).toBe(201)
    requestId = created.json().id
    const doc = await upload(t, candidate, requestId, PDF, 'doctor letter.pdf')
    expect(doc.statusCode).toBe(201)
    documentId = doc.json().id
  })
  afterAll(async () => t.close())

  it('accepts PDF and images only by their content, within the size limit', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03'), Buffer.alloc(1000)])
    const renamed = await upload(t, candidate, requestId, exe, 'letter.pdf')
    expect(renamed.statusCode).toBe(415)
    expect(errorCode(renamed)).toBe('UNSUPPORTED_DOCUMENT')
    const big = await upload(t, candidate, requestId, Buffer.concat([PDF, Buffer.alloc(50 * 1024 * 1024)]), 'huge.pdf')
    expect(big.statusCode).toBe(413)
    const png = await upload(t, candidate, requestId, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]), '../../etc/scan.png', 'image/png')
    expect(png.statusCode).toBe(201)
    expect(png.json().fileName).toBe('scan.png')
    const mine = (await call(t.app, 'GET', '/api/v1/me/accommodation-requests', { session: candidate })).json().items[0]
    expect(mine.documents).toHaveLength(2)
  })

  it('lets only the candidate and program staff read the documentation, and audits every read', async () => {
    const other = await register(t.app, { email: `other-cand-${kind}@example.com` })
    const roles: [string, Session][] = [
      ['another candidate', other],
      ['a proctor', await login(t.app, 'proctor@demo.test', 'mt1-demo')],
      ['a center administrator', await login(t.app, 'center@demo.test', 'mt1-demo')],
      ['an employer', await login(t.app, 'employer@demo.test', 'mt1-demo')],
      ['a college partner', await login(t.app, 'college@demo.test', 'mt1-demo')],
    ]
    for (const [who, session] of roles) {
      const res = await call(t.app, 'GET', `/api/v1/accommodation-documents/${documentId}`, { session })
      expect(res.statusCode, who).toBe(403)
      expect(res.body, who).not.toContain('%PDF')
    }
    expect((await call(t.app, 'GET', `/api/v1/accommodation-documents/${documentId}`)).statusCode).toBe(401)
    const own = await call(t.app, 'GET', `/api/v1/accommodation-documents/${documentId}`, { session: candidate })
    expect(own.statusCode).toBe(200)
    expect(own.headers['content-type']).toBe('application/pdf')
    expect(own.rawPayload.equals(PDF)).toBe(true)
    expect((await call(t.app, 'GET', `/api/v1/accommodation-documents/${documentId}`, { session: staff })).statusCode).toBe(200)

    const audit = (await call(t.app, 'GET', `/api/v1/admin/audit?entityId=${documentId}&limit=50`, { session: staff })).json().items
    expect(audit.filter((e: { action: string }) => e.action === 'accommodation.document_read')).toHaveLength(2)
    expect(audit.filter((e: { action: string }) => e.action === 'accommodation.document_read_refused')).toHaveLength(5)
    // Nobody but staff can list the requests either.
    expect((await call(t.app, 'GET', '/api/v1/admin/accommodation-requests', { session: candidate })).statusCode).toBe(403)
  })

  it('lets staff partly approve with a reason, emails the candidate, and shows the flags on the roster', async () => {
    const onlyAsked = await call(t.app, 'POST', `/api/v1/admin/accommodation-requests/${requestId}/decision`, { session: staff, body: { decision: 'approved', approvedAdjustments: ['scribe'], reason: 'x'.repeat(5) } })
    expect(errorCode(onlyAsked)).toBe('VALIDATION')
    const decided = await call(t.app, 'POST', `/api/v1/admin/accommodation-requests/${requestId}/decision`, {
      session: staff, body: { decision: 'partly_approved', approvedAdjustments: ['read_aloud', 'extended_time_1_5x'], reason: 'Documentation supports reading adjustments; a separate room is not needed.' },
    })
    expect(decided.statusCode).toBe(200)
    expect(decided.json()).toMatchObject({ status: 'partly_approved', approvedAdjustments: ['read_aloud', 'extended_time_1_5x'] })
    expect((await call(t.app, 'POST', `/api/v1/admin/accommodation-requests/${requestId}/decision`, { session: staff, body: { decision: 'denied', reason: 'changed my mind' } })).statusCode).toBe(409)
    const mail = (await call(t.app, 'GET', `/api/v1/admin/outbox?to=accommodated-${kind}@example.com`, { session: staff })).json().items[0]
    expect(mail.subject).toBe('The decision on your accommodation request')
    expect(mail.text).toMatch(/Read-aloud/)

    // The candidate registers; the session's proctor sees the flags.
    const sessions = (await call(t.app, 'GET', '/api/v1/sessions')).json().items
    const week = sessions.find((s: { startsAt: string }) => Date.parse(s.startsAt) - t.clock().getTime() > 6 * 86_400_000)
    const reg = await call(t.app, 'POST', '/api/v1/registrations', { session: candidate, body: { sessionId: week.id, modules: ['MM', 'QBA'] } })
    expect(reg.statusCode).toBe(201)
    const proctor = await login(t.app, 'proctor@demo.test', 'mt1-demo')
    const roster = await call(t.app, 'GET', `/api/v1/sessions/${week.id}/roster`, { session: proctor })
    expect(roster.statusCode).toBe(200)
    const row = roster.json().items.find((i: { email: string }) => i.email === `accommodated-${kind}@example.com`)
    expect(row).toMatchObject({ modules: ['MM', 'QBA'], status: 'confirmed', accommodations: ['read_aloud', 'extended_time_1_5x'] })
    expect(JSON.stringify(roster.json())).not.toMatch(/Dyslexia|doctor letter/)

    const csv = await call(t.app, 'GET', `/api/v1/sessions/${week.id}/roster?format=csv`, { session: proctor })
    expect(csv.headers['content-type']).toMatch(/text\/csv/)
    expect(csv.body).toContain('Read-aloud; Extended time (1.5×)')
    // A name that a spreadsheet would run as a formula is neutralised, also after the comma
    // inside the cell (a spreadsheet splitting on it would read " =cmd|…" as a formula).
    expect(csv.body).toContain(`"'Rivera, =cmd|' /C calc'!A0"`)
    expect(csv.body).not.toMatch(/^=|,=/m)

    const pdf = await call(t.app, 'GET', `/api/v1/sessions/${week.id}/roster?format=pdf`, { session: proctor })
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')

    const stranger = await register(t.app, { email: `roster-stranger-${kind}@example.com` })
    expect((await call(t.app, 'GET', `/api/v1/sessions/${week.id}/roster`, { session: stranger })).statusCode).toBe(403)
  })

  it('refuses bad requests clearly', async () => {
    const bad = await call(t.app, 'POST', '/api/v1/me/accommodation-requests', { session: candidate, body: { categories: ['hearing'], adjustments: ['read_aloud'], statement: 'A long enough statement' } })
    expect(errorCode(bad)).toBe('VALIDATION')
    const none = await call(t.app, 'POST', '/api/v1/me/accommodation-requests', { session: candidate, body: { categories: ['reading'], adjustments: [], statement: 'A long enough statement' } })
    expect(errorCode(none)).toBe('VALIDATION')
    const other = await register(t.app, { email: `not-mine-${kind}@example.com` })
    expect((await upload(t, other, requestId, PDF, 'x.pdf')).statusCode).toBe(404)
  })
})
