// Certification periods on both databases: a proctor staff create is on the Proctors page at once;
// an expired proctor is refused for a session and does not count as the certified proctor present;
// an expired center takes no new sessions or registrations, is not listed publicly, and its
// upcoming sessions are flagged for staff (not cancelled); renewals by the program's period or to a
// date; reminders 60 and 30 days ahead, once each, to staff and the proctor or the center's
// administrators; and the new routes refuse the unauthorized and malformed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../src/server/db/seed/demo.js'
import { addMonths } from '../../src/common/rules/certification-period.js'
import type { CertificationOverview, ProctorCertificationView, ProctorList } from '../../src/common/schemas/centers.js'
import { call, errorCode, login, register, staffSession, type Session } from '../helpers/http-client.js'
import { deliveryWorld, type DeliveryWorld } from '../helpers/delivery.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const PASSWORD = 'correct horse battery'

describe.each(databases)('certification periods on %s', (kind) => {
  let t: TestApp
  let staff: Session
  let demoCenterId: string
  let otherCenterId: string
  let seq = 0

  const iso = (ms: number) => new Date(ms).toISOString()
  const now = () => t.clock().getTime()
  const count = async (table: 'test_sessions' | 'registrations' | 'proctor_certifications' | 'certification_reminders_sent') =>
    Number((await t.app.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  const proctors = async () => (await call(t.app, 'GET', '/api/v1/admin/proctors', { session: staff })).json<ProctorList>().items
  const overview = async () => {
    const res = await call(t.app, 'GET', '/api/v1/admin/certifications', { session: staff })
    expect(res.statusCode, res.body).toBe(200)
    return res.json<CertificationOverview>()
  }
  const mailsTo = async (to: string, subject: RegExp) =>
    (await t.app.db.selectFrom('emails').select(['subject', 'text_body as body']).where('to_address', '=', to).execute()).filter((m) => subject.test(m.subject))

  /** A proctor account with a certification ending at `until`. */
  const proctor = async (until: number) => {
    const email = `expiry-proctor-${seq++}-${kind}@example.com`
    const who = await register(t.app, { email, firstName: 'Expiry', lastName: `Proctor ${seq}` })
    expect((await call(t.app, 'PATCH', `/api/v1/admin/users/${who.userId}`, { session: staff, body: { roles: ['proctor'] } })).statusCode).toBe(200)
    const since = iso(now() - 30 * DAY)
    const res = await call(t.app, 'PUT', `/api/v1/admin/proctors/${who.userId}/certification`, {
      session: staff, body: { trainingCompletedOn: since, agreementSignedOn: since, coiDeclaredOn: since, certifiedUntil: iso(until), status: 'certified' },
    })
    expect(res.statusCode, res.body).toBe(200)
    return { ...who, email }
  }
  const createSession = (centerId: string, startsAt: number, proctorIds: string[]) =>
    call(t.app, 'POST', '/api/v1/sessions', {
      session: staff, body: { centerId, startsAt: iso(startsAt), endsAt: iso(startsAt + 4 * HOUR), seats: 10, modules: ['MM', 'SRMT', 'QBA'], proctorIds },
    })

  beforeAll(async () => {
    t = await createTestApp(kind)
    await seedDemo(t.app, t.clock())
    staff = await staffSession(t.app)
    const centers = (await call(t.app, 'GET', '/api/v1/centers')).json().items as { id: string; name: string }[]
    demoCenterId = centers.find((c) => c.name === 'MT1 Demo Assessment Center')!.id
    otherCenterId = centers.find((c) => c.id !== demoCenterId)!.id
  }, 60_000)
  afterAll(async () => t?.close())

  // The report: a proctor created on the Users page never appeared on the Proctors page,
  // because the page listed certification records only. Now every active proctor is listed.
  it('lists a newly created proctor at once, as not yet certified, for staff to record', async () => {
    const email = `new-proctor-${kind}@example.com`
    const created = await call(t.app, 'POST', '/api/v1/admin/users', { session: staff, body: { email, firstName: 'Newly', lastName: 'Created', roles: ['proctor'] } })
    expect(created.statusCode, created.body).toBe(201)
    const listed = (await proctors()).find((p) => p.email === email)
    expect(listed).toMatchObject({ name: 'Newly Created', status: 'none', certifiedNow: false, certifiedUntil: null, daysLeft: null })
    // Renewing needs a recorded certification first: refused, nothing stored.
    const before = await count('proctor_certifications')
    const renew = await call(t.app, 'POST', `/api/v1/admin/proctors/${listed!.userId}/certification/renew`, { session: staff, body: {} })
    expect(renew.statusCode).toBe(422)
    expect(await count('proctor_certifications')).toBe(before)
    // A candidate account is not a proctor and is not listed.
    const candidate = await register(t.app, { email: `not-a-proctor-${kind}@example.com` })
    expect((await proctors()).some((p) => p.userId === candidate.userId)).toBe(false)
  })

  it('refuses an expired proctor for a session, and accepts them once renewed by the period', async () => {
    const p = await proctor(now() + DAY)
    const sessionsBefore = await count('test_sessions')
    const refused = await createSession(otherCenterId, now() + 3 * DAY, [p.userId])
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error).toMatchObject({ code: 'PROCTOR_NOT_CERTIFIED', details: { proctorIds: [p.userId] } })
    expect(await count('test_sessions')).toBe(sessionsBefore)

    const previousEnd = now() + DAY
    const renewed = await call(t.app, 'POST', `/api/v1/admin/proctors/${p.userId}/certification/renew`, { session: staff, body: {} })
    expect(renewed.statusCode, renewed.body).toBe(200)
    // A certification still running is extended from its end, by policies.certificationPeriodMonths (24).
    expect(renewed.json<ProctorCertificationView>().certifiedUntil).toBe(addMonths(new Date(previousEnd), 24).toISOString())
    expect(renewed.json<ProctorCertificationView>().certifiedNow).toBe(true)
    expect((await createSession(otherCenterId, now() + 3 * DAY, [p.userId])).statusCode).toBe(201)

    // Renewing to a date: the date given.
    const until = iso(now() + 100 * DAY)
    const dated = await call(t.app, 'POST', `/api/v1/admin/proctors/${p.userId}/certification/renew`, { session: staff, body: { certifiedUntil: until } })
    expect(dated.json<ProctorCertificationView>()).toMatchObject({ certifiedUntil: until, daysLeft: 100 })
    const audit = await t.app.db.selectFrom('audit_log').select('action').where('entity_id', '=', p.userId).where('action', '=', 'proctor.renewed').execute()
    expect(audit).toHaveLength(2)
  })

  it('flags, without cancelling, upcoming sessions a shortened center certification no longer covers; an expired center takes nothing new', async () => {
    const p = await proctor(now() + 365 * DAY)
    const session = await createSession(otherCenterId, now() + 10 * DAY, [p.userId])
    expect(session.statusCode, session.body).toBe(201)
    const sessionId = session.json().id as string

    // Staff shorten the center's certification to end before that session does.
    const shortened = await call(t.app, 'POST', `/api/v1/admin/centers/${otherCenterId}/certify`, { session: staff, body: { certifiedUntil: iso(now() + 5 * DAY) } })
    expect(shortened.statusCode, shortened.body).toBe(200)
    const watch = await overview()
    const flagged = watch.flaggedSessions.find((s) => s.sessionId === sessionId)
    expect(flagged?.reasons.join(' ')).toMatch(/center's certification ends/)
    expect(watch.items.find((i) => i.kind === 'center' && i.id === otherCenterId)).toMatchObject({ current: true, daysLeft: 5, sessionsAtRisk: 1 })
    const stored = await t.app.db.selectFrom('test_sessions').select('status').where('id', '=', sessionId).executeTakeFirstOrThrow()
    expect(stored.status).toBe('scheduled')

    // A registration the center's certification would not cover is refused, staff's included.
    const c = await register(t.app, { email: `late-center-${kind}@example.com` })
    const registrationsBefore = await count('registrations')
    const mine = await call(t.app, 'POST', '/api/v1/registrations', { session: c, body: { sessionId, modules: ['MM'] } })
    expect(mine.statusCode).toBe(422)
    expect(errorCode(mine)).toBe('CENTER_NOT_CERTIFIED')
    const walkIn = await call(t.app, 'POST', '/api/v1/admin/registrations', { session: staff, body: { candidateId: c.userId, sessionId, modules: ['MM'], overrideReason: 'Walk-in approved by the program' } })
    expect(errorCode(walkIn)).toBe('CENTER_NOT_CERTIFIED')
    expect(await count('registrations')).toBe(registrationsBefore)

    // Once the certification has ended: not listed publicly, its sessions neither, no new session.
    t.clock.advance(6 * DAY)
    staff = await login(t.app, 'staff@mt1.test', 'staff password 1')
    const publicCenters = (await call(t.app, 'GET', '/api/v1/centers')).json().items as { id: string }[]
    expect(publicCenters.some((x) => x.id === otherCenterId)).toBe(false)
    const publicSessions = (await call(t.app, 'GET', `/api/v1/sessions?centerId=${otherCenterId}`)).json().items as { id: string }[]
    expect(publicSessions).toEqual([])
    const sessionsBefore = await count('test_sessions')
    const fresh = await createSession(otherCenterId, now() + 2 * DAY, [p.userId])
    expect(fresh.statusCode).toBe(422)
    expect(await count('test_sessions')).toBe(sessionsBefore)
    expect((await overview()).items.find((i) => i.kind === 'center' && i.id === otherCenterId)).toMatchObject({ current: false, daysLeft: -1 })

    // Renewed (by the period, from now since it lapsed): listed again and taking sessions.
    const renewed = await call(t.app, 'POST', `/api/v1/admin/centers/${otherCenterId}/certify`, { session: staff, body: {} })
    expect(renewed.statusCode, renewed.body).toBe(200)
    expect(renewed.json().certifiedUntil).toBe(addMonths(t.clock(), 24).toISOString())
    expect(((await call(t.app, 'GET', '/api/v1/centers')).json().items as { id: string }[]).some((x) => x.id === otherCenterId)).toBe(true)
    expect((await overview()).flaggedSessions.some((s) => s.sessionId === sessionId)).toBe(false)
    expect((await call(t.app, 'POST', '/api/v1/registrations', { session: await login(t.app, `late-center-${kind}@example.com`, PASSWORD), body: { sessionId, modules: ['MM'] } })).statusCode).toBe(201)
  })

  it('reminds 60 and 30 days ahead, once each, to staff and the center administrators or the proctor', async () => {
    const remind = () => t.app.services.certificationReminders.sendExpiryReminders()
    const start = now()
    const centerEnd = start + 61 * DAY
    expect((await call(t.app, 'POST', `/api/v1/admin/centers/${demoCenterId}/certify`, { session: staff, body: { certifiedUntil: iso(centerEnd) } })).statusCode).toBe(200)
    const p = await proctor(start + 61 * DAY + HOUR)
    const centerMail = /^Center certification ends/
    const proctorMail = /^Proctor certification ends/
    const sentBefore = await count('certification_reminders_sent')

    await remind()
    expect(await mailsTo('center@demo.test', centerMail)).toHaveLength(0)
    expect(await count('certification_reminders_sent')).toBe(sentBefore)

    // 60 days before the center's end (and a little more before the proctor's: not yet theirs).
    t.clock.set(new Date(centerEnd - 60 * DAY))
    await remind()
    await remind()
    const sixty = await mailsTo('center@demo.test', centerMail)
    expect(sixty).toHaveLength(1)
    expect(sixty[0]!.subject).toMatch(/\(60 days\)/)
    expect(sixty[0]!.body).toMatch(/MT1 Demo Assessment Center/)
    expect(await mailsTo('admin@demo.test', centerMail)).toHaveLength(1)
    expect(await mailsTo('staff@mt1.test', centerMail)).toHaveLength(1)
    expect(await mailsTo(p.email, proctorMail)).toHaveLength(0)
    // Not to a candidate, nor to the demo proctor.
    expect(await mailsTo('candidate@demo.test', centerMail)).toHaveLength(0)
    expect(await mailsTo('proctor@demo.test', centerMail)).toHaveLength(0)

    t.clock.set(new Date(start + DAY + HOUR + MINUTE))
    await remind()
    expect(await mailsTo(p.email, proctorMail)).toHaveLength(1)
    expect(await mailsTo('staff@mt1.test', proctorMail)).toHaveLength(1)
    expect(await mailsTo('center@demo.test', proctorMail)).toHaveLength(0)

    // 30 days before (both ends, the proctor's an hour after the center's): the second reminder, once.
    t.clock.set(new Date(centerEnd - 30 * DAY + 2 * HOUR))
    await remind()
    await remind()
    const both = await mailsTo('center@demo.test', centerMail)
    expect(both.map((m) => m.subject).sort()).toEqual([expect.stringMatching(/\(30 days\)/), expect.stringMatching(/\(60 days\)/)])
    expect(await mailsTo('staff@mt1.test', centerMail)).toHaveLength(2)
    expect(await mailsTo(p.email, proctorMail)).toHaveLength(2)

    // After a renewal the new period is far off: nothing more now.
    staff = await login(t.app, 'staff@mt1.test', 'staff password 1')
    expect((await call(t.app, 'POST', `/api/v1/admin/centers/${demoCenterId}/certify`, { session: staff, body: {} })).statusCode).toBe(200)
    await remind()
    expect(await mailsTo('center@demo.test', centerMail)).toHaveLength(2)
  })

  it('refuses the unauthorized and the malformed on the new routes, storing nothing', async () => {
    staff = await login(t.app, 'staff@mt1.test', 'staff password 1')
    const p = await proctor(now() + 90 * DAY)
    const renewUrl = `/api/v1/admin/proctors/${p.userId}/certification/renew`
    const candidate = await register(t.app, { email: `hostile-${kind}@example.com` })
    const centerAdmin = await login(t.app, 'center@demo.test', 'mt1-demo')
    const before = (await proctors()).find((x) => x.userId === p.userId)!.certifiedUntil

    expect((await call(t.app, 'POST', renewUrl, { body: {} })).statusCode).toBe(401)
    expect((await call(t.app, 'POST', renewUrl, { session: candidate, body: {} })).statusCode).toBe(403)
    expect((await call(t.app, 'POST', renewUrl, { session: centerAdmin, body: {} })).statusCode).toBe(403)
    expect((await call(t.app, 'POST', renewUrl, { session: staff, body: {}, csrf: false })).statusCode).toBe(403)
    expect((await call(t.app, 'POST', renewUrl, { session: staff, body: { certifiedUntil: 'next year' } })).statusCode).toBe(400)
    expect((await call(t.app, 'POST', renewUrl, { session: staff, body: { certifiedUntil: iso(now() + DAY), extra: 1 } })).statusCode).toBe(400)
    expect((await call(t.app, 'POST', renewUrl, { session: staff, payload: '{"certifiedUntil": ' })).statusCode).toBe(400)
    expect((await call(t.app, 'POST', renewUrl, { session: staff, body: { certifiedUntil: '9'.repeat(5000) } })).statusCode).toBe(400)
    const past = await call(t.app, 'POST', renewUrl, { session: staff, body: { certifiedUntil: iso(now() - DAY) } })
    expect(past.statusCode).toBe(400)
    expect(past.json().error.details).toMatchObject([{ field: 'certifiedUntil' }])
    expect((await call(t.app, 'POST', '/api/v1/admin/proctors/no-such-user/certification/renew', { session: staff, body: {} })).statusCode).toBe(404)
    expect((await call(t.app, 'POST', "/api/v1/admin/proctors/'%20or%201=1/certification/renew", { session: staff, body: {} })).statusCode).toBe(400)
    expect((await proctors()).find((x) => x.userId === p.userId)!.certifiedUntil).toBe(before)

    expect((await call(t.app, 'GET', '/api/v1/admin/certifications')).statusCode).toBe(401)
    expect((await call(t.app, 'GET', '/api/v1/admin/certifications', { session: centerAdmin })).statusCode).toBe(403)
    expect((await call(t.app, 'GET', '/api/v1/admin/certifications', { session: candidate })).statusCode).toBe(403)
    const center = await call(t.app, 'POST', `/api/v1/admin/centers/${otherCenterId}/certify`, { session: staff, body: { certifiedUntil: iso(now() - HOUR) } })
    expect(center.statusCode).toBe(400)
    expect((await call(t.app, 'POST', `/api/v1/admin/centers/${otherCenterId}/certify`, { session: centerAdmin, body: {} })).statusCode).toBe(403)
  })
})

describe.each(databases)('an expired proctor present on %s', (kind) => {
  let w: DeliveryWorld
  beforeAll(async () => {
    w = await deliveryWorld(kind)
  }, 60_000)
  afterAll(async () => w?.t.close())

  // The demo proctor runs the session in progress. Their certification ends in 10 seconds: until
  // then they count as present; a moment after, their heartbeat of 20 seconds ago (well inside the
  // presence window) no longer counts and a new one is refused.
  it('does not count as the certified proctor present once the certification has ended', async () => {
    const t = w.t
    const since = new Date(t.clock().getTime() - 30 * 24 * HOUR).toISOString()
    const ends = new Date(t.clock().getTime() + 10_000).toISOString()
    const res = await call(t.app, 'PUT', `/api/v1/admin/proctors/${w.proctor.userId}/certification`, {
      session: w.staff, body: { trainingCompletedOn: since, agreementSignedOn: since, coiDeclaredOn: since, certifiedUntil: ends, status: 'certified' },
    })
    expect(res.statusCode, res.body).toBe(200)
    const first = await w.admitted(`present-a-${kind}@example.com`, ['MM'])
    const second = await w.admitted(`present-b-${kind}@example.com`, ['MM'])
    await w.start(first, 'MM')

    t.clock.advance(20_000)
    const refused = await call(t.app, 'POST', '/api/v1/attempts', { session: second.c, body: { registrationId: second.registrationId, module: 'MM' }, headers: { 'x-attempt-device': 'device-b' } })
    expect(refused.statusCode).toBe(409)
    expect(errorCode(refused)).toBe('NO_PROCTOR_PRESENT')
    const heartbeat = await w.heartbeat()
    expect(heartbeat.statusCode).toBe(422)
    expect(errorCode(heartbeat)).toBe('PROCTOR_NOT_CERTIFIED')
  })
})
