// Session operations on both databases: staff's list across centers and its filters; an edit tells
// every registered candidate (waitlisted too) what changed; a cancel releases seats, returns
// vouchers, voids open invoices, tells everyone with the reason and what happens to their payment,
// stores the reason and is all-or-nothing; a center's administrator edits only their own sessions;
// an employer sees only their own onsite events; hostile, oversized and unauthorized requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../src/server/db/seed/demo.js'
import { call, errorCode, login, register, staffSession, type Session } from '../helpers/http-client.js'
import { deliveredMail } from '../helpers/mail.js'
import { bookProblems } from '../helpers/books.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

describe.each(databases)('session operations on %s', (kind) => {
  let t: TestApp
  let staff: Session
  let centerAdmin: Session
  let demoCenterId: string
  let otherCenterId: string
  let otherAdmin: Session
  let seq = 0

  const iso = (ms: number) => new Date(ms).toISOString()
  const now = () => t.clock().getTime()
  const emailsTo = async (to: string) =>
    (await t.app.db.selectFrom('emails').select(['subject']).where('to_address', '=', to.toLowerCase()).execute()).map((r) => r.subject)

  const freshProctor = async () => {
    const p = await t.app.services.users.createWithPassword({ email: `ops-proctor-${seq++}-${kind}@example.com`, firstName: 'Olive', lastName: `Proctor${seq}`, roles: ['proctor'] })
    const since = iso(now() - 30 * DAY)
    const res = await call(t.app, 'PUT', `/api/v1/admin/proctors/${p.id}/certification`, {
      session: staff, body: { trainingCompletedOn: since, agreementSignedOn: since, coiDeclaredOn: since, certifiedUntil: iso(now() + 365 * DAY), status: 'certified' },
    })
    expect(res.statusCode, res.body).toBe(200)
    return p.id
  }
  const newSession = async (opts: { centerId?: string; startsIn?: number; seats?: number; modules?: string[]; as?: Session } = {}) => {
    const startsAt = now() + (opts.startsIn ?? 10 * DAY)
    const res = await call(t.app, 'POST', '/api/v1/sessions', {
      session: opts.as ?? staff,
      body: { centerId: opts.centerId ?? demoCenterId, startsAt: iso(startsAt), endsAt: iso(startsAt + 4 * HOUR), seats: opts.seats ?? 5, modules: opts.modules ?? ['MM', 'SRMT', 'QBA'], proctorIds: [await freshProctor()] },
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json() as { id: string; startsAt: string; endsAt: string }
  }
  const candidate = async (label: string) => {
    const email = `${label}-${seq++}-${kind}@example.com`
    return { ...(await register(t.app, { email, firstName: label, lastName: 'Candidate' })), email }
  }
  const book = async (c: Session, sessionId: string, waitlist = false) => {
    const res = await call(t.app, 'POST', '/api/v1/registrations', { session: c, body: { sessionId, modules: ['MM'], waitlist } })
    expect(res.statusCode, res.body).toBe(201)
    return res.json() as { id: string; status: string }
  }

  beforeAll(async () => {
    t = await createTestApp(kind)
    await seedDemo(t.app, t.clock())
    staff = await staffSession(t.app)
    centerAdmin = await login(t.app, 'center@demo.test', 'mt1-demo')
    demoCenterId = (await call(t.app, 'GET', '/api/v1/centers/mine', { session: centerAdmin })).json().items[0].id
    // A second certified center in another state, administered by its own applicant.
    const applicant = await register(t.app, { email: `other-admin-${kind}@example.com` })
    const applied = await call(t.app, 'POST', '/api/v1/centers/applications', {
      session: applicant, body: { name: 'Harbor Skills Center', addressLine1: '4 Dock Street', city: 'Baltimore', state: 'MD', postalCode: '21202', phone: '410-555-0100', email: 'harbor@example.com' },
    })
    otherCenterId = applied.json().id
    expect((await call(t.app, 'POST', `/api/v1/admin/centers/${otherCenterId}/certify`, { session: staff, body: { certifiedUntil: iso(now() + 365 * DAY) } })).statusCode).toBe(200)
    otherAdmin = await login(t.app, `other-admin-${kind}@example.com`, 'correct horse battery')
    expect((await call(t.app, 'PUT', '/api/v1/admin/fees', { session: staff, body: { MM: 9500 } })).statusCode).toBe(200)
  }, 60_000)
  afterAll(async () => t?.close())

  it('lists sessions across centers for staff, with filters by center, state, status, module and dates, a page at a time', async () => {
    const harbor = await newSession({ centerId: otherCenterId, startsIn: 30 * DAY, modules: ['QBA'] })
    const demo = await newSession({ startsIn: 31 * DAY, modules: ['MM'] })
    const list = async (query: string) => {
      const res = await call(t.app, 'GET', `/api/v1/admin/sessions?${query}`, { session: staff })
      expect(res.statusCode, res.body).toBe(200)
      return res.json() as { items: { id: string; centerName: string; state: string; modules: string[]; proctors: { name: string }[]; seatsTaken: number }[]; nextCursor: string | null }
    }
    const window = `from=${encodeURIComponent(iso(now() + 29 * DAY))}&to=${encodeURIComponent(iso(now() + 32 * DAY))}`
    expect((await list(window)).items.map((s) => s.id)).toEqual([harbor.id, demo.id])
    const byState = await list(`${window}&state=md`)
    expect(byState.items.map((s) => s.id)).toEqual([harbor.id])
    expect(byState.items[0]).toMatchObject({ centerName: 'Harbor Skills Center', state: 'MD', seatsTaken: 0 })
    expect(byState.items[0]!.proctors[0]!.name).toMatch(/^Olive Proctor/)
    expect((await list(`${window}&centerId=${demoCenterId}`)).items.map((s) => s.id)).toEqual([demo.id])
    expect((await list(`${window}&module=QBA`)).items.map((s) => s.id)).toEqual([harbor.id])
    expect((await list(`${window}&status=cancelled`)).items).toEqual([])
    expect((await list(`${window}&state=MD&centerId=${demoCenterId}`)).items).toEqual([])
    // Paging: one at a time, in start order, the cursor leading on.
    const first = await list(`${window}&limit=1`)
    expect(first.items.map((s) => s.id)).toEqual([harbor.id])
    const second = await list(`${window}&limit=1&cursor=${first.nextCursor}`)
    expect(second.items.map((s) => s.id)).toEqual([demo.id])
    expect(second.nextCursor).toBeNull()

    // Only staff; a center's administrator reads their own session's details but not another center's.
    expect((await call(t.app, 'GET', '/api/v1/admin/sessions', { session: centerAdmin })).statusCode).toBe(403)
    expect((await call(t.app, 'GET', '/api/v1/admin/sessions')).statusCode).toBe(401)
    expect((await call(t.app, 'GET', `/api/v1/sessions/${demo.id}/details`, { session: centerAdmin })).json()).toMatchObject({ id: demo.id, canEdit: true, registrations: { confirmed: 0 } })
    expect((await call(t.app, 'GET', `/api/v1/sessions/${harbor.id}/details`, { session: centerAdmin })).statusCode).toBe(403)
    expect((await call(t.app, 'GET', `/api/v1/sessions/nope/details`, { session: staff })).statusCode).toBe(404)
  })

  it('refuses malformed, hostile and oversized queries and bodies with a 4xx and stores nothing', async () => {
    for (const q of ['status=deleted', 'state=Maryland', 'module=mm', 'from=yesterday', 'limit=0', 'limit=100000', 'cursor=%E2%80%AE', 'cursor=bm90LWpzb24', 'centerId=%27%20or%201%3D1', 'surprise=1',
      `from=${encodeURIComponent(iso(now() + 5 * DAY))}&to=${encodeURIComponent(iso(now()))}`]) {
      const res = await call(t.app, 'GET', `/api/v1/admin/sessions?${q}`, { session: staff })
      expect(res.statusCode, q).toBe(400)
    }
    const s = await newSession()
    const before = await t.app.db.selectFrom('test_sessions').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow()
    for (const body of [{}, { seats: 0 }, { seats: 'ten' }, { startsAt: 'soon' }, { modules: ['<script>'] }, { proctorIds: [] }, { seats: 5, extra: true }, { modules: ['XX'] }]) {
      const res = await call(t.app, 'PATCH', `/api/v1/sessions/${s.id}`, { session: staff, body })
      expect([400, 422], JSON.stringify(body)).toContain(res.statusCode)
    }
    const huge = await call(t.app, 'POST', `/api/v1/sessions/${s.id}/cancel`, { session: staff, body: { reason: 'x'.repeat(5000) } })
    expect(huge.statusCode).toBe(400)
    expect((await call(t.app, 'POST', `/api/v1/sessions/${s.id}/cancel`, { session: staff, body: { reason: '   ' } })).statusCode).toBe(400)
    expect((await call(t.app, 'POST', `/api/v1/sessions/${s.id}/cancel`, { session: staff, body: {} })).statusCode).toBe(400)
    expect(await t.app.db.selectFrom('test_sessions').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow()).toEqual(before)
  })

  it('tells every registered candidate, waitlisted too, what changed when a session is edited', async () => {
    const s = await newSession({ seats: 1, startsIn: 12 * DAY })
    const seated = await candidate('seated')
    const waiting = await candidate('waiting')
    const bystander = await candidate('bystander')
    expect((await book(seated, s.id)).status).toBe('pending_payment')
    expect((await book(waiting, s.id, true)).status).toBe('waitlisted')
    const moved = Date.parse(s.startsAt) + 2 * HOUR
    const res = await call(t.app, 'PATCH', `/api/v1/sessions/${s.id}`, { session: centerAdmin, body: { startsAt: iso(moved), endsAt: iso(moved + 4 * HOUR) } })
    expect(res.statusCode, res.body).toBe(200)
    for (const who of [seated, waiting]) {
      const mail = await deliveredMail(t, who.email, /has changed/)
      expect(mail.text).toMatch(/The time changed from .* to /)
      expect(mail.text).toContain('MT1 Demo Assessment Center')
    }
    expect(await emailsTo(bystander.email)).not.toContain('Your MT1 session has changed')
    // Seats alone change nothing a candidate acts on: no second email.
    const seatsOnly = await call(t.app, 'PATCH', `/api/v1/sessions/${s.id}`, { session: staff, body: { seats: 3 } })
    expect(seatsOnly.statusCode, seatsOnly.body).toBe(200)
    expect((await emailsTo(seated.email)).filter((x) => x === 'Your MT1 session has changed')).toHaveLength(1)
    const audit = (await call(t.app, 'GET', `/api/v1/admin/audit?entityId=${s.id}`, { session: staff })).json().items.map((e: { action: string }) => e.action)
    expect(audit.filter((a: string) => a === 'session.updated')).toHaveLength(2)
  })

  it("lets a center's administrator edit and cancel only their own center's sessions", async () => {
    const harbor = await newSession({ centerId: otherCenterId })
    const demo = await newSession()
    const before = await t.app.db.selectFrom('test_sessions').selectAll().where('id', '=', harbor.id).executeTakeFirstOrThrow()
    expect(errorCode(await call(t.app, 'PATCH', `/api/v1/sessions/${harbor.id}`, { session: centerAdmin, body: { seats: 9 } }))).toBe('FORBIDDEN')
    expect((await call(t.app, 'POST', `/api/v1/sessions/${harbor.id}/cancel`, { session: centerAdmin, body: { reason: 'Not mine to cancel' } })).statusCode).toBe(403)
    expect(await t.app.db.selectFrom('test_sessions').selectAll().where('id', '=', harbor.id).executeTakeFirstOrThrow()).toEqual(before)
    expect((await call(t.app, 'PATCH', `/api/v1/sessions/${harbor.id}`, { session: otherAdmin, body: { seats: 9 } })).json().seats).toBe(9)
    expect((await call(t.app, 'PATCH', `/api/v1/sessions/${demo.id}`, { session: otherAdmin, body: { seats: 9 } })).statusCode).toBe(403)
    // Candidates, proctors, employers and the public cannot edit or cancel at all.
    const someone = await candidate('nosy')
    const employer = await login(t.app, 'employer@demo.test', 'mt1-demo')
    const proctor = await login(t.app, 'proctor@demo.test', 'mt1-demo')
    for (const session of [someone, employer, proctor]) {
      expect((await call(t.app, 'PATCH', `/api/v1/sessions/${demo.id}`, { session, body: { seats: 2 } })).statusCode).toBe(403)
      expect((await call(t.app, 'POST', `/api/v1/sessions/${demo.id}/cancel`, { session, body: { reason: 'Let me cancel' } })).statusCode).toBe(403)
      expect((await call(t.app, 'GET', `/api/v1/sessions/${demo.id}/details`, { session })).statusCode).toBe(403)
    }
    expect((await call(t.app, 'PATCH', `/api/v1/sessions/${demo.id}`, { body: { seats: 2 } })).statusCode).toBe(401)
  })

  it('cancels in one go: seats released, the voucher back, the open invoice void, everyone told with the reason; once only', async () => {
    const s = await newSession({ seats: 3 })
    const employer = await login(t.app, 'employer@demo.test', 'mt1-demo')
    const code = (await call(t.app, 'POST', '/api/v1/vouchers', { session: employer, body: { modules: ['MM'], quantity: 1 } })).json().items[0].code as string
    const byVoucher = await candidate('voucher')
    const byInvoice = await candidate('invoice')
    const held = await candidate('held')
    const waiting = await candidate('waitlist')
    const vReg = await book(byVoucher, s.id)
    expect((await call(t.app, 'POST', `/api/v1/registrations/${vReg.id}/payment`, { session: byVoucher, body: { method: 'voucher', code } })).json().status).toBe('confirmed')
    const iReg = await book(byInvoice, s.id)
    const invoiceId = (await call(t.app, 'POST', `/api/v1/registrations/${iReg.id}/payment`, { session: byInvoice, body: { method: 'invoice' } })).json().invoiceId as string
    await book(held, s.id)
    await book(waiting, s.id, true)
    expect((await t.app.db.selectFrom('test_sessions').select('seats_taken').where('id', '=', s.id).executeTakeFirstOrThrow()).seats_taken).toBe(3)

    const reason = 'The building is closed for repairs'
    const res = await call(t.app, 'POST', `/api/v1/sessions/${s.id}/cancel`, { session: staff, body: { reason } })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: reason, seatsAvailable: 3 })
    const regs = await t.app.db.selectFrom('registrations').select(['status', 'holds_seat']).where('session_id', '=', s.id).execute()
    expect(regs.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled'])
    expect(regs.every((r) => Number(r.holds_seat) === 0)).toBe(true)
    expect((await t.app.db.selectFrom('vouchers').select(['status', 'registration_id']).where('code', '=', code).executeTakeFirstOrThrow())).toEqual({ status: 'available', registration_id: null })
    expect((await t.app.db.selectFrom('invoices').select('status').where('id', '=', invoiceId).executeTakeFirstOrThrow()).status).toBe('void')
    expect(await bookProblems(t.app.db)).toEqual([])

    const told = async (who: { email: string }, fate: RegExp) => {
      const mail = await deliveredMail(t, who.email, /session is cancelled/)
      expect(mail.text).toContain(`Reason: ${reason}`)
      expect(mail.text).toMatch(fate)
    }
    await told(byVoucher, /voucher you paid with is available again/)
    await told(byInvoice, /open invoice is void/)
    await told(held, /Nothing was charged/)
    await told(waiting, /Nothing was charged/)
    const audit = (await call(t.app, 'GET', `/api/v1/admin/audit?entityId=${s.id}`, { session: staff })).json().items as { action: string; reason: string | null }[]
    expect(audit.find((e) => e.action === 'session.cancelled')?.reason).toBe(reason)

    // A second cancel is refused and changes nothing; the voucher can be used again elsewhere.
    expect(errorCode(await call(t.app, 'POST', `/api/v1/sessions/${s.id}/cancel`, { session: staff, body: { reason: 'Again' } }))).toBe('SESSION_CLOSED')
    expect((await t.app.db.selectFrom('test_sessions').select('cancel_reason').where('id', '=', s.id).executeTakeFirstOrThrow()).cancel_reason).toBe(reason)
    const elsewhere = await newSession()
    const again = await book(byVoucher, elsewhere.id)
    expect((await call(t.app, 'POST', `/api/v1/registrations/${again.id}/payment`, { session: byVoucher, body: { method: 'voucher', code } })).json().status).toBe('confirmed')
  })

  it('rolls a cancel back whole when one step fails', async () => {
    const s = await newSession({ seats: 2 })
    const a = await candidate('rollback')
    const reg = await book(a, s.id)
    const before = {
      session: await t.app.db.selectFrom('test_sessions').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow(),
      regs: await t.app.db.selectFrom('registrations').selectAll().where('session_id', '=', s.id).execute(),
    }
    // Make the registrations step fail inside the transaction, after the session row was written.
    // In every app of this test (TEST_TWO_APPS: the cancel may reach either).
    const hooked = t.apps.map((app) => ({ registrations: app.services.registrations, original: app.services.registrations.cancelAllIn }))
    for (const { registrations } of hooked) registrations.cancelAllIn = async () => { throw new Error('registration store failed') }
    try {
      const res = await call(t.app, 'POST', `/api/v1/sessions/${s.id}/cancel`, { session: staff, body: { reason: 'Testing the rollback' } })
      expect(res.statusCode).toBe(500)
    } finally {
      for (const { registrations, original } of hooked) registrations.cancelAllIn = original
    }
    expect(await t.app.db.selectFrom('test_sessions').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow()).toEqual(before.session)
    expect(await t.app.db.selectFrom('registrations').selectAll().where('session_id', '=', s.id).execute()).toEqual(before.regs)
    expect(await t.app.db.selectFrom('audit_log').select('id').where('entity_id', '=', s.id).where('action', '=', 'session.cancelled').execute()).toEqual([])
    expect(reg.status).toBe('pending_payment')
  })

  it('shows an employer their own onsite event with who registered, and no one else’s', async () => {
    const employer = await login(t.app, 'employer@demo.test', 'mt1-demo')
    const rival = await register(t.app, { email: `rival-employer-${kind}@example.com` })
    expect((await call(t.app, 'PATCH', `/api/v1/admin/users/${rival.userId}`, { session: staff, body: { roles: ['employer'] } })).statusCode).toBe(200)
    const rivalSession = await login(t.app, `rival-employer-${kind}@example.com`, 'correct horse battery')
    const req = await call(t.app, 'POST', '/api/v1/onsite-requests', {
      session: employer, body: { companyName: 'Ops Fabrication', addressLine1: '1 Works Road', city: 'Roanoke', state: 'VA', postalCode: '24011', preferredDate: iso(now() + 20 * DAY), candidates: 4, modules: ['MM'] },
    })
    const startsAt = now() + 20 * DAY
    const approved = await call(t.app, 'POST', `/api/v1/admin/onsite-requests/${req.json().id}/approve`, { session: staff, body: { startsAt: iso(startsAt), endsAt: iso(startsAt + 3 * HOUR), seats: 4, proctorIds: [await freshProctor()] } })
    expect(approved.statusCode, approved.body).toBe(200)
    const eventId = approved.json().sessionId as string
    const worker = await candidate('worker')
    const staffReg = await call(t.app, 'POST', '/api/v1/admin/registrations', { session: staff, body: { candidateId: worker.userId, sessionId: eventId, modules: ['MM'], overrideReason: 'Employee of the company' } })
    expect(staffReg.statusCode, staffReg.body).toBe(201)

    const mine = await call(t.app, 'GET', `/api/v1/employer/events/${eventId}`, { session: employer })
    expect(mine.statusCode, mine.body).toBe(200)
    expect(mine.json()).toMatchObject({ id: eventId, centerName: 'Ops Fabrication (onsite)', address: '1 Works Road, Roanoke, VA 24011', seats: 4, seatsTaken: 1, status: 'scheduled' })
    expect(mine.json().registrants).toEqual([expect.objectContaining({ name: 'Candidate, worker', email: worker.email, modules: ['MM'] })])
    expect(JSON.stringify(mine.json())).not.toContain('accommodation')
    expect((await call(t.app, 'GET', `/api/v1/employer/events/${eventId}`, { session: rivalSession })).statusCode).toBe(403)
    expect((await call(t.app, 'GET', `/api/v1/employer/events/${eventId}`, { session: worker })).statusCode).toBe(403)
    expect((await call(t.app, 'GET', `/api/v1/employer/events/${eventId}`)).statusCode).toBe(401)
    // A public session at a center is no employer's event.
    const demo = await newSession()
    expect((await call(t.app, 'GET', `/api/v1/employer/events/${demo.id}`, { session: employer })).statusCode).toBe(403)
    expect((await call(t.app, 'GET', '/api/v1/employer/events/missing', { session: employer })).statusCode).toBe(404)
    // The employer fills their event from a roster; a rival employer may not.
    const csv = `name,email,modules\nNew Hire,new-hire-${kind}@example.com,MM\n`
    const upload = (as: Session) => call(t.app, 'POST', `/api/v1/sessions/${eventId}/cohort`, { session: as, payload: csv, headers: { 'content-type': 'text/csv' } })
    expect((await upload(rivalSession)).statusCode).toBe(403)
    const started = await upload(employer)
    expect(started.statusCode, started.body).toBe(202)
    await t.idle()
    const job = (await call(t.app, 'GET', `/api/v1/jobs/${started.json().jobId}`, { session: employer })).json()
    expect(job).toMatchObject({ status: 'done', summary: { registered: 1 } })
    const filled = (await call(t.app, 'GET', `/api/v1/employer/events/${eventId}`, { session: employer })).json()
    expect(filled.registrants.map((r: { email: string }) => r.email)).toContain(`new-hire-${kind}@example.com`)
  })

  it('schedules an onsite request as a private event at a certified center, which the public cannot see or book', async () => {
    const employer = await login(t.app, 'employer@demo.test', 'mt1-demo')
    const req = await call(t.app, 'POST', '/api/v1/onsite-requests', {
      session: employer, body: { companyName: 'Harbor Logistics', addressLine1: '2 Pier Road', city: 'Baltimore', state: 'MD', postalCode: '21230', preferredDate: iso(now() + 22 * DAY), candidates: 6, modules: ['MM', 'QBA'] },
    })
    const startsAt = now() + 22 * DAY
    const body = { startsAt: iso(startsAt), endsAt: iso(startsAt + 3 * HOUR), seats: 6, proctorIds: [await freshProctor()] }
    const centersBefore = Number((await t.app.db.selectFrom('centers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    // An onsite center is no place to hold another company's event.
    const onsiteCenter = (await t.app.db.selectFrom('centers').select('id').where('kind', '=', 'onsite').executeTakeFirstOrThrow()).id
    expect(errorCode(await call(t.app, 'POST', `/api/v1/admin/onsite-requests/${req.json().id}/approve`, { session: staff, body: { ...body, centerId: onsiteCenter } }))).toBe('RULE_VIOLATION')
    expect((await call(t.app, 'POST', `/api/v1/admin/onsite-requests/${req.json().id}/approve`, { session: staff, body: { ...body, centerId: 'no-such-center' } })).statusCode).toBe(404)
    const approved = await call(t.app, 'POST', `/api/v1/admin/onsite-requests/${req.json().id}/approve`, { session: staff, body: { ...body, centerId: otherCenterId } })
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json()).toMatchObject({ status: 'approved', centerId: otherCenterId })
    const eventId = approved.json().sessionId as string
    expect(Number((await t.app.db.selectFrom('centers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(centersBefore)

    // Private: not listed, not bookable by the public; the employer organises it, the center runs it.
    const listed = (await call(t.app, 'GET', `/api/v1/sessions?centerId=${otherCenterId}&from=${encodeURIComponent(iso(now()))}`)).json().items.map((s: { id: string }) => s.id)
    expect(listed).not.toContain(eventId)
    const walkIn = await candidate('walkin')
    expect((await call(t.app, 'POST', '/api/v1/registrations', { session: walkIn, body: { sessionId: eventId, modules: ['MM'] } })).statusCode).toBe(404)
    expect((await call(t.app, 'GET', `/api/v1/employer/events/${eventId}`, { session: employer })).json()).toMatchObject({ id: eventId, centerName: 'Harbor Skills Center' })
    const mine = (await call(t.app, 'GET', '/api/v1/me/sessions', { session: otherAdmin })).json().items.find((s: { id: string }) => s.id === eventId)
    expect(mine).toMatchObject({ privateEvent: true, centerName: 'Harbor Skills Center' })
    const staffRow = (await call(t.app, 'GET', `/api/v1/admin/sessions?centerId=${otherCenterId}&from=${encodeURIComponent(iso(startsAt - HOUR))}&to=${encodeURIComponent(iso(startsAt + HOUR))}`, { session: staff })).json().items
    expect(staffRow).toEqual([expect.objectContaining({ id: eventId, privateEvent: true })])
    const invite = await call(t.app, 'POST', `/api/v1/sessions/${eventId}/invitations`, { session: employer, body: {} })
    expect(invite.statusCode, invite.body).toBe(201)
  })
})
