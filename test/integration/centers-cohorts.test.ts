import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../src/server/db/seed/demo.js'
import { call, errorCode, login, register, staffSession, type Session } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

const HOUR = 3_600_000

describe.each(databases)('centers, onsite events and cohorts on %s', (kind) => {
  let t: TestApp
  let staff: Session
  let centerAdmin: Session
  let proctorId: string
  let sessionId: string
  beforeAll(async () => {
    t = await createTestApp(kind)
    await seedDemo(t.app, t.clock())
    staff = await staffSession(t.app)
    centerAdmin = await login(t.app, 'center@demo.test', 'mt1-demo')
    proctorId = (await login(t.app, 'proctor@demo.test', 'mt1-demo')).userId
    const centerId = (await call(t.app, 'GET', '/api/v1/centers/mine', { session: centerAdmin })).json().items[0].id
    const startsAt = new Date(t.clock().getTime() + 20 * 24 * HOUR)
    sessionId = (await call(t.app, 'POST', '/api/v1/sessions', { session: centerAdmin, body: { centerId, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 4 * HOUR).toISOString(), seats: 15, modules: ['MM', 'SRMT', 'QBA'], proctorIds: [proctorId] } })).json().id
  })
  afterAll(async () => t.close())

  it('takes a center application, which staff certify (the applicant becomes its administrator), suspend and reinstate', async () => {
    const applicant = await register(t.app, { email: `center-applicant-${kind}@example.com` })
    const applied = await call(t.app, 'POST', '/api/v1/centers/applications', { session: applicant, body: { name: 'Valley Tech Center', addressLine1: '12 Forge Road', city: 'Lynchburg', state: 'va', postalCode: '24501', phone: '434-555-0100', email: 'info@valley.example' } })
    expect(applied.statusCode).toBe(201)
    const id = applied.json().id
    expect((await call(t.app, 'GET', '/api/v1/centers?state=VA')).json().items.some((c: { id: string }) => c.id === id)).toBe(false)
    expect((await call(t.app, 'POST', `/api/v1/admin/centers/${id}/certify`, { session: applicant, body: { certifiedUntil: new Date(t.clock().getTime() + 365 * 24 * HOUR).toISOString() } })).statusCode).toBe(403)
    const certified = await call(t.app, 'POST', `/api/v1/admin/centers/${id}/certify`, { session: staff, body: { certifiedUntil: new Date(t.clock().getTime() + 365 * 24 * HOUR).toISOString() } })
    expect(certified.json().status).toBe('certified')
    expect((await call(t.app, 'GET', '/api/v1/centers?state=VA')).json().items.some((c: { id: string }) => c.id === id)).toBe(true)
    const again = await login(t.app, `center-applicant-${kind}@example.com`, 'correct horse battery')
    expect((await call(t.app, 'GET', '/api/v1/me', { session: again })).json().user.roles).toContain('center_admin')
    expect((await call(t.app, 'GET', '/api/v1/centers/mine', { session: again })).json().items.map((c: { id: string }) => c.id)).toEqual([id])
    expect((await call(t.app, 'POST', `/api/v1/admin/centers/${id}/suspend`, { session: staff, body: { reason: 'Proctoring irregularities under review' } })).json().status).toBe('suspended')
    expect((await call(t.app, 'GET', '/api/v1/centers?state=VA')).json().items.some((c: { id: string }) => c.id === id)).toBe(false)
    expect((await call(t.app, 'POST', `/api/v1/admin/centers/${id}/reinstate`, { session: staff, body: { reason: 'Review closed' } })).json().status).toBe('certified')
    const audit = (await call(t.app, 'GET', `/api/v1/admin/audit?entityId=${id}`, { session: staff })).json().items.map((e: { action: string }) => e.action)
    expect(audit).toEqual(expect.arrayContaining(['center.applied', 'center.certified', 'center.suspended', 'center.reinstated']))
  })

  it('turns an approved onsite request into a session at the company, and leaves nothing behind when refused', async () => {
    const employer = await login(t.app, 'employer@demo.test', 'mt1-demo')
    const req = await call(t.app, 'POST', '/api/v1/onsite-requests', { session: employer, body: { companyName: 'Walsh Precision', addressLine1: '9 Mill Lane', city: 'Danville', state: 'VA', postalCode: '24540', preferredDate: new Date(t.clock().getTime() + 30 * 24 * HOUR).toISOString(), candidates: 8, modules: ['MM', 'QBA'] } })
    expect(req.statusCode).toBe(201)
    const startsAt = new Date(t.clock().getTime() + 30 * 24 * HOUR)
    const body = (proctorIds: string[]) => ({ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString(), seats: 8, proctorIds })
    const centersBefore = (await call(t.app, 'GET', '/api/v1/admin/centers', { session: staff })).json().items.length
    const refused = await call(t.app, 'POST', `/api/v1/admin/onsite-requests/${req.json().id}/approve`, { session: staff, body: body([staff.userId]) })
    expect(errorCode(refused)).toBe('PROCTOR_NOT_CERTIFIED')
    expect((await call(t.app, 'GET', '/api/v1/admin/centers', { session: staff })).json().items.length).toBe(centersBefore)
    const approved = await call(t.app, 'POST', `/api/v1/admin/onsite-requests/${req.json().id}/approve`, { session: staff, body: body([proctorId]) })
    expect(approved.statusCode).toBe(200)
    const session = (await call(t.app, 'GET', `/api/v1/sessions/${approved.json().sessionId}`)).json()
    expect(session).toMatchObject({ seats: 8, modules: ['MM', 'QBA'] })
    const mine = (await call(t.app, 'GET', '/api/v1/onsite-requests', { session: employer })).json().items[0]
    expect(mine).toMatchObject({ status: 'approved', sessionId: approved.json().sessionId })
  })

  const upload = (session: Session, csv: string | Buffer) =>
    call(t.app, 'POST', `/api/v1/sessions/${sessionId}/cohort`, { session, payload: csv as string, headers: { 'content-type': 'text/csv' } })
  const finish = async (session: Session, jobId: string) => {
    await t.idle()
    return (await call(t.app, 'GET', `/api/v1/jobs/${jobId}`, { session })).json()
  }

  it('registers a CSV cohort row by row, with a report of what failed and why', async () => {
    const csv = [
      'name,email,modules',
      `Ada Lovelace,ada-${kind}@cohort.example,MM SRMT`,
      `Grace Hopper,grace-${kind}@cohort.example,QBA`,
      `"=cmd|' /C calc'!A0",formula-${kind}@cohort.example,MM`,
      `No Email,,MM`,
      `Bad Module,bad-${kind}@cohort.example,XYZ`,
      `<script>x</script>,xss-${kind}@cohort.example,MM`,
      `Ada Again,ada-${kind}@cohort.example,MM`,
    ].join('\n')
    const started = await upload(centerAdmin, csv)
    expect(started.statusCode).toBe(202)
    const job = await finish(centerAdmin, started.json().jobId)
    expect(job).toMatchObject({ status: 'done', total: 7, processed: 7, summary: { registered: 3, waitlisted: 0, failed: 4 } })
    const reasons = Object.fromEntries(job.report.filter((l: { outcome: string }) => l.outcome === 'failed').map((l: { row: number; reason: string }) => [l.row, l.reason]))
    expect(reasons[5]).toMatch(/email/)
    expect(reasons[6]).toMatch(/does not offer XYZ/)
    expect(reasons[7]).toMatch(/name/)
    expect(reasons[8]).toMatch(/already registered/)
    // The new candidates were invited to set a password; the failed rows created nothing.
    const invite = (await call(t.app, 'GET', `/api/v1/admin/outbox?to=grace-${kind}@cohort.example`, { session: staff })).json().items.map((m: { subject: string }) => m.subject)
    expect(invite).toContain('You are registered for MT1 assessment')
    expect(await t.app.db.selectFrom('users').select('id').where('email', '=', `bad-${kind}@cohort.example`).executeTakeFirst()).toBeUndefined()
    // No cell of the roster CSV starts as a spreadsheet formula, though a name tried to.
    const roster = await call(t.app, 'GET', `/api/v1/sessions/${sessionId}/roster?format=csv`, { session: centerAdmin })
    expect(roster.body).toContain('=cmd|')
    expect(roster.body).not.toMatch(/(^|,)"?[=+@-]/m)
  })

  it('refuses a whole file that is not a cohort, too long or too large, and uploads by strangers', async () => {
    expect(errorCode(await upload(centerAdmin, 'just,some\nrandom,text'))).toBe('VALIDATION')
    expect(errorCode(await upload(centerAdmin, 'name,email,modules\n'))).toBe('VALIDATION')
    expect(errorCode(await upload(centerAdmin, '\u0000\u0001binary garbage'))).toBe('VALIDATION')
    const tooMany = ['name,email,modules', ...Array.from({ length: 10_001 }, (_, i) => `P ${i},p${i}@x.example,MM`)].join('\n')
    const many = await upload(centerAdmin, tooMany)
    expect(errorCode(many)).toBe('VALIDATION')
    expect(many.json().error.message).toMatch(/10,000/)
    const huge = await upload(centerAdmin, Buffer.alloc(7 * 1024 * 1024, 'a'))
    expect(huge.statusCode).toBe(413)
    const stranger = await register(t.app, { email: `cohort-stranger-${kind}@example.com` })
    expect((await upload(stranger, 'name,email,modules\nA B,a@b.example,MM')).statusCode).toBe(403)
  })

  it('handles a 10,000-row file of malformed rows without losing or half-importing anything', { timeout: 120_000 }, async () => {
    const rows = ['name,email,modules', ...Array.from({ length: 10_000 }, (_, i) => `Row ${i},not-an-email-${i},MM`)].join('\n')
    const started = await upload(centerAdmin, rows)
    expect(started.statusCode).toBe(202)
    expect(started.json().total).toBe(10_000)
    const job = await finish(centerAdmin, started.json().jobId)
    expect(job).toMatchObject({ status: 'done', processed: 10_000, summary: { registered: 0, waitlisted: 0, failed: 10_000 } })
    expect(await t.app.db.selectFrom('users').select('id').where('email', 'like', 'not-an-email-%').executeTakeFirst()).toBeUndefined()
  })
})
