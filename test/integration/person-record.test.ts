// A person's record for staff, the staff actions on a registration that live on it (reschedule with a
// reason, no-show), the audit log that names people and records, and the dashboard's attention counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PersonRecordView, AttentionView } from '../../src/common/schemas/people.js'
import type { AuditPage } from '../../src/common/schemas/audit.js'
import { bookProblems } from '../helpers/books.js'
import { auditEntries, deliveryWorld, HOUR, type DeliveryWorld } from '../helpers/delivery.js'
import { call, errorCode, login, register, type Session } from '../helpers/http-client.js'
import { databases } from '../helpers/test-app.js'

describe.each(databases)('a person\'s record on %s', (kind) => {
  let w: DeliveryWorld
  let seq = 0
  const email = (name: string) => `${name}-${seq++}-${kind}@person.test`
  const record = async (personId: string, session: Session = w.staff) => call(w.t.app, 'GET', `/api/v1/admin/people/${personId}`, { session })
  const recordOf = async (personId: string) => {
    const res = await record(personId)
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as PersonRecordView
  }
  const staffRegister = async (candidateId: string, sessionId: string, modules: string[]) => {
    const res = await call(w.t.app, 'POST', '/api/v1/admin/registrations', { session: w.staff, body: { candidateId, sessionId, modules, overrideReason: 'Booked by phone with the program' } })
    expect(res.statusCode, res.body).toBe(201)
    return res.json() as { id: string; status: string }
  }
  const noShow = (registrationId: string, note: unknown, session: Session = w.staff) =>
    call(w.t.app, 'POST', `/api/v1/admin/registrations/${registrationId}/no-show`, { session, body: { note } })
  const attention = async () => {
    const res = await call(w.t.app, 'GET', '/api/v1/admin/attention', { session: w.staff })
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as AttentionView
  }

  beforeAll(async () => {
    w = await deliveryWorld(kind)
  }, 120_000)
  afterAll(async () => w.t.close())

  it('gathers every part of a candidate\'s record: account, registrations, attempts, results, credentials, accommodations, payments and the trail', async () => {
    const admitted = await w.admitted(email('ana'), ['MM'], { firstName: 'Ana', lastName: 'Ruiz', adjustments: ['extended_time_1_5x'] })
    const candidateId = admitted.c.userId
    const attempt = await w.start(admitted, 'MM')
    await w.answerCorrectly(admitted.c, attempt, attempt.items.length)
    const submitted = await w.submit(admitted.c, attempt.id)
    expect(submitted.statusCode, submitted.body).toBe(200)
    // Fees from here on: every later registration waits for a payment.
    expect((await call(w.t.app, 'PUT', '/api/v1/admin/fees', { session: w.staff, body: { MM: 4000, SRMT: 4000, QBA: 4000 } })).statusCode).toBe(200)

    // A second registration waits for an invoice; a third is paid with an employer's voucher.
    const later = await w.newSession(72 * HOUR)
    const invoiced = await call(w.t.app, 'POST', '/api/v1/registrations', { session: admitted.c, body: { sessionId: later, modules: ['SRMT'] } })
    expect(invoiced.statusCode, invoiced.body).toBe(201)
    expect((await call(w.t.app, 'POST', `/api/v1/registrations/${invoiced.json().id}/payment`, { session: admitted.c, body: { method: 'invoice' } })).statusCode).toBe(200)
    const employer = await login(w.t.app, 'employer@demo.test', 'mt1-demo')
    const bought = await call(w.t.app, 'POST', '/api/v1/vouchers', { session: employer, body: { modules: ['QBA'], quantity: 1 } })
    expect(bought.statusCode, bought.body).toBe(201)
    const third = await w.newSession(96 * HOUR)
    const paid = await call(w.t.app, 'POST', '/api/v1/registrations', { session: admitted.c, body: { sessionId: third, modules: ['QBA'] } })
    expect(paid.statusCode, paid.body).toBe(201)
    const voucher = await call(w.t.app, 'POST', `/api/v1/registrations/${paid.json().id}/payment`, { session: admitted.c, body: { method: 'voucher', code: bought.json().items[0].code } })
    expect(voucher.statusCode, voucher.body).toBe(200)

    const r = await recordOf(candidateId)
    expect(r.account).toMatchObject({ id: candidateId, firstName: 'Ana', lastName: 'Ruiz', status: 'active', roles: ['candidate'] })
    expect(r.account.lastLoginAt).not.toBeNull()
    expect(r.registrations.map((x) => x.id).sort()).toEqual([admitted.registrationId, invoiced.json().id, paid.json().id].sort())
    const sitting = r.registrations.find((x) => x.id === admitted.registrationId)!
    expect(sitting).toMatchObject({ status: 'confirmed', modules: ['MM'], overrideReason: 'Walk-in approved by the program', canMarkNoShow: false })
    expect(sitting.checkedInAt).not.toBeNull()
    expect(sitting.session).toMatchObject({ id: w.liveSessionId, centerName: 'MT1 Demo Assessment Center', status: 'in_progress' })
    expect(r.registrations.find((x) => x.id === invoiced.json().id)).toMatchObject({ status: 'pending_payment', paymentMethod: 'invoice', canWaive: true })
    expect(r.attempts).toEqual([expect.objectContaining({ id: attempt.id, registrationId: admitted.registrationId, module: 'MM', status: 'scored' })])
    expect(r.results).toEqual([expect.objectContaining({ attemptId: attempt.id, module: 'MM', passed: true, percent: 100 })])
    expect(r.credentials).toEqual([expect.objectContaining({ type: 'MM', status: 'active' })])
    expect(r.accommodations).toEqual([expect.objectContaining({ status: 'approved', adjustments: ['extended_time_1_5x'] })])
    expect(r.payments.invoices).toEqual([expect.objectContaining({ registrationId: invoiced.json().id, amountCents: 4000, status: 'open' })])
    expect(r.payments.vouchers).toEqual([expect.objectContaining({ registrationId: paid.json().id, modules: ['QBA'], status: 'redeemed' })])
    // Their trail: what they did (registered, paid) and what was done to their records (the override, the check-in, the award).
    const actions = r.audit.map((e) => e.action)
    for (const action of ['user.registered', 'registration.override', 'registration.created', 'registration.paid', 'invoice.issued', 'credential.awarded', 'accommodation.requested']) {
      expect(actions, action).toContain(action)
    }
    const override = r.audit.find((e) => e.action === 'registration.override')!
    expect(override.recordLabel).toMatch(/^Registration of Ana Ruiz at MT1 Demo Assessment Center, /)
    expect(override.recordPersonId).toBe(candidateId)
    expect(override.actorName).toBe('Sam Staff')
  }, 120_000)

  it('is for program staff only: others are refused, and a wrong id is told apart from an unknown one', async () => {
    const candidate = await register(w.t.app, { email: email('someone') })
    expect((await call(w.t.app, 'GET', `/api/v1/admin/people/${candidate.userId}`)).statusCode).toBe(401)
    for (const who of [candidate, w.proctor, await login(w.t.app, 'center@demo.test', 'mt1-demo'), await login(w.t.app, 'employer@demo.test', 'mt1-demo')]) {
      const res = await record(candidate.userId, who)
      expect(res.statusCode, res.body).toBe(403)
    }
    // A candidate may not read even their own record here (their own pages show it to them).
    expect((await record(candidate.userId, candidate)).statusCode).toBe(403)
    expect(errorCode(await record('00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND')
    for (const hostile of ['..%2F..%2Fetc', '%27%20OR%201%3D1--', 'x'.repeat(65)]) expect((await record(hostile)).statusCode).toBe(400)
    const dashboard = await call(w.t.app, 'GET', '/api/v1/admin/attention', { session: candidate })
    expect(dashboard.statusCode).toBe(403)
  })

  it('marks a no-show only after the session ended and only for a candidate who never checked in; audited; the module can be booked again', async () => {
    expect((await call(w.t.app, 'PUT', '/api/v1/admin/fees', { session: w.staff, body: { MM: 4000, SRMT: 4000, QBA: 4000 } })).statusCode).toBe(200)
    const session = await w.newSession(HOUR, 2)
    const absent = await register(w.t.app, { email: email('absent'), firstName: 'Abel', lastName: 'Absent' })
    const present = await register(w.t.app, { email: email('present'), firstName: 'Pia', lastName: 'Present' })
    const absentReg = await staffRegister(absent.userId, session, ['MM', 'QBA'])
    const presentReg = await staffRegister(present.userId, session, ['MM'])
    expect(absentReg.status).toBe('pending_payment')
    // The absent candidate pays with an employer's voucher: a no-show spends it (the fee is not returned).
    const employer = await login(w.t.app, 'employer@demo.test', 'mt1-demo')
    const bought = await call(w.t.app, 'POST', '/api/v1/vouchers', { session: employer, body: { modules: ['MM', 'QBA'], quantity: 1 } })
    expect(bought.statusCode, bought.body).toBe(201)
    const paid = await call(w.t.app, 'POST', `/api/v1/registrations/${absentReg.id}/payment`, { session: absent, body: { method: 'voucher', code: bought.json().items[0].code } })
    expect(paid.statusCode, paid.body).toBe(200)
    await call(w.t.app, 'POST', `/api/v1/admin/registrations/${presentReg.id}/waive`, { session: w.staff, body: { reason: 'Sponsored by the state workforce board' } })

    // Not before the session ends.
    expect(errorCode(await noShow(absentReg.id, 'Did not arrive.'))).toBe('SESSION_NOT_OVER')
    w.t.clock.advance(HOUR + 5 * 60_000)
    await w.relogin()
    expect((await w.checkIn(presentReg.id, session)).statusCode).toBe(201)
    expect(errorCode(await noShow(absentReg.id, 'Did not arrive.'))).toBe('SESSION_NOT_OVER')
    w.t.clock.advance(2 * HOUR)
    await w.relogin()

    // Bad notes and wrong people are refused, and nothing changes.
    for (const note of ['', '<script>alert(1)</script>', 'x'.repeat(1001), 'nul \u0000 byte', { text: 'x' }]) expect((await noShow(absentReg.id, note)).statusCode).toBe(400)
    expect((await call(w.t.app, 'POST', `/api/v1/admin/registrations/${absentReg.id}/no-show`, { session: w.staff, body: { note: 'x', extra: 1 } })).statusCode).toBe(400)
    expect((await noShow(absentReg.id, 'Did not arrive.', absent)).statusCode).toBe(403)
    expect((await noShow(absentReg.id, 'Did not arrive.', w.proctorOf(session))).statusCode).toBe(403)
    expect((await call(w.t.app, 'POST', `/api/v1/admin/registrations/${absentReg.id}/no-show`, { body: { note: 'x' } })).statusCode).toBe(401)
    expect((await call(w.t.app, 'POST', `/api/v1/admin/registrations/${absentReg.id}/no-show`, { session: w.staff, body: { note: 'x' }, csrf: false })).statusCode).toBe(403)
    expect(errorCode(await noShow('00000000-0000-4000-8000-000000000000', 'Did not arrive.'))).toBe('NOT_FOUND')
    expect((await recordOf(absent.userId)).registrations[0]).toMatchObject({ status: 'confirmed', canMarkNoShow: true })

    // A candidate who checked in is not a no-show.
    expect(errorCode(await noShow(presentReg.id, 'Left early.'))).toBe('CHECKED_IN')
    expect((await recordOf(present.userId)).registrations[0]).toMatchObject({ status: 'confirmed', canMarkNoShow: false })

    const marked = await noShow(absentReg.id, 'Did not arrive; no call.')
    expect(marked.statusCode, marked.body).toBe(200)
    expect(marked.json()).toMatchObject({ id: absentReg.id, status: 'no_show' })
    expect(errorCode(await noShow(absentReg.id, 'Again.'))).toBe('CONFLICT')
    const entries = await auditEntries(w, 'registration.no_show', absentReg.id)
    expect(entries).toEqual([expect.objectContaining({ actorId: w.staff.userId, reason: 'Did not arrive; no call.', entityType: 'registration' })])
    expect(await bookProblems(w.t.app.db)).toEqual([])
    expect((await recordOf(absent.userId)).payments.vouchers).toEqual([expect.objectContaining({ registrationId: absentReg.id, status: 'redeemed' })])

    // The modules are free again: the candidate books them at a later session themselves.
    const next = await w.newSession(72 * HOUR)
    const again = await call(w.t.app, 'POST', '/api/v1/registrations', { session: absent, body: { sessionId: next, modules: ['MM', 'QBA'] } })
    expect(again.statusCode, again.body).toBe(201)
  }, 120_000)

  it('lets staff move a registration at any time with a reason, audited; the candidate route still keeps the 48 hours', async () => {
    const soon = await w.newSession(10 * HOUR)
    const other = await w.newSession(30 * HOUR)
    const candidate = await register(w.t.app, { email: email('mover'), firstName: 'Mo', lastName: 'Ver' })
    const reg = await staffRegister(candidate.userId, soon, ['SRMT'])
    const move = (body: unknown, session: Session = w.staff) => call(w.t.app, 'POST', `/api/v1/admin/registrations/${reg.id}/reschedule`, { session, body })

    expect(errorCode(await call(w.t.app, 'POST', `/api/v1/registrations/${reg.id}/reschedule`, { session: candidate, body: { sessionId: other } }))).toBe('REGISTRATION_TOO_LATE')
    expect((await move({ sessionId: other, reason: 'Car broke down' }, candidate)).statusCode).toBe(403)
    expect((await move({ sessionId: other })).statusCode).toBe(400)
    expect((await move({ sessionId: other, reason: '' })).statusCode).toBe(400)
    expect((await move({ sessionId: '../../admin', reason: 'x' })).statusCode).toBe(400)
    expect(errorCode(await move({ sessionId: '00000000-0000-4000-8000-000000000000', reason: 'Car broke down' }))).toBe('NOT_FOUND')
    expect(errorCode(await move({ sessionId: soon, reason: 'Same one' }))).toBe('CONFLICT')

    const moved = await move({ sessionId: other, reason: 'Car broke down; called the program' })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json()).toMatchObject({ sessionId: other, candidateId: candidate.userId, modules: ['SRMT'] })
    // The new session starts within 48 hours too: the entry names the rule staff set aside.
    expect(await auditEntries(w, 'registration.rescheduled', reg.id)).toEqual([
      expect.objectContaining({
        actorId: w.staff.userId, reason: 'Car broke down; called the program',
        details: expect.objectContaining({ to: moved.json().id, sessionId: other, overridden: [{ rule: 'REGISTRATION_TOO_LATE' }] }),
      }),
    ])
    const r = await recordOf(candidate.userId)
    expect(r.registrations.map((x) => [x.session.id, x.status])).toEqual([[other, moved.json().status], [soon, 'cancelled']])
    expect(await bookProblems(w.t.app.db)).toEqual([])
  })

  it('filters the audit log by actor, record, action and time, names actors and records, and refuses hostile filters', async () => {
    const zoeEmail = email('zoe')
    const candidate = await register(w.t.app, { email: zoeEmail, firstName: 'Zoë', lastName: 'Quist' })
    const session = await w.newSession(72 * HOUR)
    const before = w.t.clock().toISOString()
    w.t.clock.advance(1000)
    const reg = await staffRegister(candidate.userId, session, ['MM'])
    w.t.clock.advance(1000)
    const after = w.t.clock().toISOString()
    const audit = async (query: string) => {
      const res = await call(w.t.app, 'GET', `/api/v1/admin/audit?${query}`, { session: w.staff })
      expect(res.statusCode, res.body).toBe(200)
      return (res.json() as AuditPage).items
    }

    const byRecord = await audit(`entityType=registration&entityId=${reg.id}`)
    expect(byRecord.map((e) => e.action)).toEqual(['registration.override'])
    expect(byRecord[0]).toMatchObject({ actorName: 'Sam Staff', actorEmail: 'staff@mt1.test', recordPersonId: candidate.userId })
    expect(byRecord[0]!.recordLabel).toMatch(/^Registration of Zoë Quist at MT1 Demo Assessment Center, [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M [A-Z]{3,4}$/)
    const byActor = await audit(`actorId=${candidate.userId}`)
    expect(byActor.map((e) => e.action)).toEqual(['user.registered'])
    expect(byActor[0]).toMatchObject({ actorName: 'Zoë Quist', recordLabel: `Zoë Quist (${zoeEmail})` })
    const inWindow = await audit(`from=${encodeURIComponent(before)}&to=${encodeURIComponent(after)}`)
    expect(inWindow.map((e) => e.entityId)).toContain(reg.id)
    expect(inWindow.every((e) => e.createdAt >= before && e.createdAt < after)).toBe(true)
    expect(await audit(`from=${encodeURIComponent(after)}&entityId=${reg.id}`)).toEqual([])
    expect((await audit(`action=registration.override&entityId=${reg.id}`)).length).toBe(1)
    expect(await audit(`action=registration.no_show&entityId=${reg.id}`)).toEqual([])
    const sessionEntries = await audit(`entityType=session&entityId=${session}`)
    expect(sessionEntries[0]!.recordLabel).toMatch(/^Session at MT1 Demo Assessment Center, /)

    // Hostile filters: 400, never a 5xx or a widened query.
    for (const query of [
      "action=x'%20OR%20'1'%3D'1", 'action=' + 'a'.repeat(101), 'entityType=Registration;DROP', 'entityId=a%20b', 'actorId=%00',
      'from=yesterday', 'to=2026-02-30T00:00:00Z', `from=${encodeURIComponent(after)}&to=${encodeURIComponent(before)}`, 'limit=0', 'limit=10000', 'cursor=' + 'x'.repeat(501), 'sort=created_at',
    ]) {
      const res = await call(w.t.app, 'GET', `/api/v1/admin/audit?${query}`, { session: w.staff })
      expect(res.statusCode, `${query}: ${res.body}`).toBe(400)
    }
    expect((await call(w.t.app, 'GET', '/api/v1/admin/audit', { session: candidate })).statusCode).toBe(403)
  })

  it('counts what needs attention, and the counts move when the items do', async () => {
    const start = await attention()
    // Held results and appeals move in irregularities.test.ts, where cases are opened.
    expect(start.resultsHeld).toBeTypeOf('number')
    expect(start.appealsOpen).toBeTypeOf('number')
    // The window is the program's earliest certification expiry reminder, not a number of the page's.
    expect(start.expiringWithinDays).toBe(Math.max(...w.t.app.services.program.definition.policies.reminders.certificationExpiryDaysBefore))

    const candidate = await register(w.t.app, { email: email('needs') })
    const asked = await call(w.t.app, 'POST', '/api/v1/me/accommodation-requests', { session: candidate, body: { categories: ['eyesight'], adjustments: ['large_print'], statement: 'Low vision; letter attached.' } })
    expect(asked.statusCode, asked.body).toBe(201)
    const handbook = await call(w.t.app, 'POST', '/api/v1/program/handbook-requests', { body: { name: 'Hal Book', email: email('hal'), format: 'pdf' } })
    expect(handbook.statusCode, handbook.body).toBe(201)
    const incident = await call(w.t.app, 'POST', `/api/v1/sessions/${w.liveSessionId}/incidents`, {
      session: w.proctor, body: { category: 'technical', occurredAt: w.t.clock().toISOString(), narrative: 'A workstation froze.', actionTaken: 'Moved the candidate.' },
    })
    expect(incident.statusCode, incident.body).toBe(201)
    const expiring = await register(w.t.app, { email: email('expiring') })
    expect((await call(w.t.app, 'PATCH', `/api/v1/admin/users/${expiring.userId}`, { session: w.staff, body: { roles: ['proctor'] } })).statusCode).toBe(200)
    const since = new Date(w.t.clock().getTime() - 300 * 24 * HOUR).toISOString()
    const certified = await call(w.t.app, 'PUT', `/api/v1/admin/proctors/${expiring.userId}/certification`, {
      session: w.staff, body: { trainingCompletedOn: since, agreementSignedOn: since, coiDeclaredOn: since, certifiedUntil: new Date(w.t.clock().getTime() + 30 * 24 * HOUR).toISOString(), status: 'certified' },
    })
    expect(certified.statusCode, certified.body).toBe(200)
    const certifyCenter = (days: number) => call(w.t.app, 'POST', `/api/v1/admin/centers/${w.centerId}/certify`, {
      session: w.staff, body: { certifiedUntil: new Date(w.t.clock().getTime() + days * 24 * HOUR).toISOString() },
    })
    expect((await certifyCenter(45)).statusCode).toBe(200)

    const moved = await attention()
    expect(moved.accommodationRequestsPending).toBe(start.accommodationRequestsPending + 1)
    expect(moved.handbookRequestsOpen).toBe(start.handbookRequestsOpen + 1)
    expect(moved.incidentsRecent).toBe(start.incidentsRecent + 1)
    expect(moved.proctorsExpiring).toBe(start.proctorsExpiring + 1)
    expect(moved.centersExpiring).toBe(start.centersExpiring + 1)

    // Deciding and fulfilling take them off; the certification renewed beyond 60 days does too.
    expect((await call(w.t.app, 'POST', `/api/v1/admin/accommodation-requests/${asked.json().id}/decision`, { session: w.staff, body: { decision: 'approved', reason: 'Documented.' } })).statusCode).toBe(200)
    expect((await call(w.t.app, 'POST', `/api/v1/admin/handbook-requests/${handbook.json().id}/fulfil`, { session: w.staff, body: { note: 'Emailed the PDF.' } })).statusCode).toBe(200)
    const renewed = await call(w.t.app, 'PUT', `/api/v1/admin/proctors/${expiring.userId}/certification`, {
      session: w.staff, body: { trainingCompletedOn: since, agreementSignedOn: since, coiDeclaredOn: since, certifiedUntil: new Date(w.t.clock().getTime() + 400 * 24 * HOUR).toISOString(), status: 'certified' },
    })
    expect(renewed.statusCode, renewed.body).toBe(200)
    expect((await certifyCenter(400)).statusCode).toBe(200)
    const back = await attention()
    expect(back.accommodationRequestsPending).toBe(start.accommodationRequestsPending)
    expect(back.handbookRequestsOpen).toBe(start.handbookRequestsOpen)
    expect(back.proctorsExpiring).toBe(start.proctorsExpiring)
    expect(back.centersExpiring).toBe(start.centersExpiring)
  })
})
