import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/server/modules/accounts/actor.js'
import { call, errorCode, login, register, staffSession, type Session } from '../helpers/http-client.js'
import { deliveredFile } from '../helpers/mail.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

const HOUR = 3_600_000

describe.each(databases)('registration on %s', (kind) => {
  let t: TestApp
  let staff: Session
  let centerAdmin: Session
  let centerId: string
  let proctorId: string
  let candidateSeq = 0

  const candidateActor = async (): Promise<Actor> => {
    const user = await t.app.services.users.createWithPassword({ email: `c${candidateSeq++}-${Date.now()}@load.test`, firstName: 'Load', lastName: `Candidate ${candidateSeq}`, roles: ['candidate'] })
    return { userId: user.id, email: user.email, roles: ['candidate'], via: 'cookie' }
  }

  const certify = async (userId: string, until: Date, status: 'certified' | 'suspended' = 'certified') => {
    const at = new Date(t.clock().getTime() - 30 * 24 * HOUR).toISOString()
    const res = await call(t.app, 'PUT', `/api/v1/admin/proctors/${userId}/certification`, {
      session: staff, body: { trainingCompletedOn: at, agreementSignedOn: at, coiDeclaredOn: at, certifiedUntil: until.toISOString(), status },
    })
    expect(res.statusCode, res.body).toBe(200)
  }

  /** A certified proctor of its own for a new session: a proctor is in one session at a time. */
  let proctorSeq = 0
  const freshProctor = async () => {
    const p = await t.app.services.users.createWithPassword({ email: `session-proctor-${proctorSeq++}-${kind}@example.com`, firstName: 'Session', lastName: 'Proctor', roles: ['proctor'] })
    await certify(p.id, new Date(t.clock().getTime() + 365 * 24 * HOUR))
    return p.id
  }

  const newSession = async (startsInHours: number, seats: number, proctorIds?: string[], modules = ['MM', 'SRMT', 'QBA']) => {
    const proctors = proctorIds ?? [await freshProctor()]
    const startsAt = new Date(t.clock().getTime() + startsInHours * HOUR)
    const res = await call(t.app, 'POST', '/api/v1/sessions', {
      session: centerAdmin,
      body: { centerId, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 4 * HOUR).toISOString(), seats, modules, proctorIds: proctors },
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json() as { id: string; startsAt: string; seatsAvailable: number }
  }

  beforeAll(async () => {
    t = await createTestApp(kind)
    staff = await staffSession(t.app)
    const { seedDemo } = await import('../../src/server/db/seed/demo.js')
    await seedDemo(t.app, t.clock())
    centerAdmin = await login(t.app, 'center@demo.test', 'mt1-demo')
    centerId = (await call(t.app, 'GET', '/api/v1/centers')).json().items.find((c: { name: string }) => c.name === 'MT1 Demo Assessment Center').id
    proctorId = (await login(t.app, 'proctor@demo.test', 'mt1-demo')).userId
  }, 60_000)
  afterAll(async () => t.close())

  describe('the 48-hour rule', () => {
    it('accepts a registration exactly 48 hours ahead and refuses one at 47h59m', async () => {
      const s = await newSession(72, 10)
      const startsAt = Date.parse(s.startsAt)
      const saved = t.clock.now
      try {
        t.clock.set(new Date(startsAt - 48 * HOUR + 60_000))
        const candidate = await register(t.app, { email: `edge-${kind}@example.com` })
        const late = await call(t.app, 'POST', '/api/v1/registrations', { session: candidate, body: { sessionId: s.id, modules: ['MM'] } })
        expect(late.statusCode).toBe(422)
        expect(errorCode(late)).toBe('REGISTRATION_TOO_LATE')
        t.clock.set(new Date(startsAt - 48 * HOUR))
        const onTime = await call(t.app, 'POST', '/api/v1/registrations', { session: candidate, body: { sessionId: s.id, modules: ['MM', 'QBA'] } })
        expect(onTime.statusCode).toBe(201)
        expect(onTime.json()).toMatchObject({ status: 'confirmed', sessionId: s.id, modules: ['MM', 'QBA'] })
      } finally {
        t.clock.set(saved)
      }
    })

    it('lets staff override it with an audited reason, and only staff', async () => {
      const s = await newSession(10, 10)
      const candidate = await register(t.app, { email: `override-${kind}@example.com` })
      const refused = await call(t.app, 'POST', '/api/v1/admin/registrations', { session: candidate, body: { candidateId: candidate.userId, sessionId: s.id, modules: ['MM'], overrideReason: 'please let me in' } })
      expect(refused.statusCode).toBe(403)
      const res = await call(t.app, 'POST', '/api/v1/admin/registrations', { session: staff, body: { candidateId: candidate.userId, sessionId: s.id, modules: ['MM'], overrideReason: 'Employer cohort added late, approved by MSI' } })
      expect(res.statusCode).toBe(201)
      const audit = (await call(t.app, 'GET', `/api/v1/admin/audit?entityId=${res.json().id}`, { session: staff })).json().items[0]
      expect(audit).toMatchObject({ action: 'registration.override', reason: 'Employer cohort added late, approved by MSI' })
    })
  })

  it('never oversells: 200 candidates at once for 20 seats gives 20 seats and 180 waitlisted, none lost', async () => {
    const second = await t.app.services.users.createWithPassword({ email: `second-proctor-${kind}@example.com`, firstName: 'Second', lastName: 'Proctor', roles: ['proctor'] })
    await certify(second.id, new Date(t.clock().getTime() + 365 * 24 * HOUR))
    const s = await newSession(24 * 10, 20, [proctorId, second.id])
    const actors = await Promise.all(Array.from({ length: 200 }, () => candidateActor()))
    const results = await Promise.allSettled(actors.map((a) => t.app.services.registrations.register(a, { sessionId: s.id, modules: ['MM'], waitlist: true })))
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([])
    const statuses = results.map((r) => (r as PromiseFulfilledResult<{ status: string }>).value.status)
    expect(statuses.filter((x) => x === 'confirmed')).toHaveLength(20)
    expect(statuses.filter((x) => x === 'waitlisted')).toHaveLength(180)
    const rows = await t.app.db.selectFrom('registrations').select(['status']).where('session_id', '=', s.id).execute()
    expect(rows).toHaveLength(200)
    const session = (await call(t.app, 'GET', `/api/v1/sessions/${s.id}`)).json()
    expect(session.seatsAvailable).toBe(0)
  }, 120_000)

  it('refuses a full session without waitlist, promotes the waitlist in order when a seat frees, and emails', async () => {
    const s = await newSession(24 * 5, 1)
    const first = await register(t.app, { email: `first-${kind}@example.com` })
    const second = await register(t.app, { email: `second-${kind}@example.com` })
    const third = await register(t.app, { email: `third-${kind}@example.com` })
    expect((await call(t.app, 'POST', '/api/v1/registrations', { session: first, body: { sessionId: s.id, modules: ['SRMT'] } })).json().status).toBe('confirmed')
    const full = await call(t.app, 'POST', '/api/v1/registrations', { session: second, body: { sessionId: s.id, modules: ['SRMT'] } })
    expect(full.statusCode).toBe(409)
    expect(errorCode(full)).toBe('SESSION_FULL')
    const w2 = (await call(t.app, 'POST', '/api/v1/registrations', { session: second, body: { sessionId: s.id, modules: ['SRMT'], waitlist: true } })).json()
    const w3 = (await call(t.app, 'POST', '/api/v1/registrations', { session: third, body: { sessionId: s.id, modules: ['SRMT'], waitlist: true } })).json()
    expect([w2.status, w2.waitlistPosition, w3.waitlistPosition]).toEqual(['waitlisted', 1, 2])
    const dup = await call(t.app, 'POST', '/api/v1/registrations', { session: third, body: { sessionId: s.id, modules: ['MM'], waitlist: true } })
    expect(errorCode(dup)).toBe('ALREADY_REGISTERED')

    const mine = (await call(t.app, 'GET', '/api/v1/me/registrations', { session: first })).json().items
    const cancel = await call(t.app, 'POST', `/api/v1/registrations/${mine[0].id}/cancel`, { session: first, body: {} })
    expect(cancel.json().status).toBe('cancelled')
    expect((await call(t.app, 'GET', `/api/v1/registrations/${w2.id}`, { session: second })).json().status).toBe('confirmed')
    expect((await call(t.app, 'GET', `/api/v1/registrations/${w3.id}`, { session: third })).json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    const mail = (await call(t.app, 'GET', `/api/v1/admin/outbox?to=second-${kind}@example.com`, { session: staff })).json().items.map((m: { subject: string }) => m.subject)
    expect(mail).toContain('A seat opened up: you are off the waitlist')
    // Another candidate's registration is not theirs to read or cancel.
    expect((await call(t.app, 'GET', `/api/v1/registrations/${w2.id}`, { session: third })).statusCode).toBe(404)
    expect((await call(t.app, 'POST', `/api/v1/registrations/${w2.id}/cancel`, { session: third, body: {} })).statusCode).toBe(404)
  })

  it('sends a calendar invitation with the confirmation', async () => {
    const s = await newSession(24 * 6, 5)
    const c = await register(t.app, { email: `ics-${kind}@example.com` })
    const reg = (await call(t.app, 'POST', '/api/v1/registrations', { session: c, body: { sessionId: s.id, modules: ['QBA'] } })).json()
    const mail = (await call(t.app, 'GET', `/api/v1/admin/outbox?to=ics-${kind}@example.com`, { session: staff })).json().items[0]
    expect(mail.subject).toBe(`Your MT1 assessment is confirmed (${reg.confirmationNumber})`)
    await t.flushEmails()
    const eml = fs.readFileSync(deliveredFile(t, mail.id), 'utf8')
    expect(eml).toMatch(/Content-Type: text\/calendar/)
    expect(eml).toMatch(/filename=mt1-assessment\.ics/)
    const ics = Buffer.from(/filename=mt1-assessment\.ics\s+([\s\S]*?)\n--/.exec(eml)![1]!.replace(/\s+/g, ''), 'base64').toString('utf8')
    expect(ics).toContain('BEGIN:VEVENT')
    expect(ics).toContain(`UID:${reg.id}@mt1-certification`)
    expect(ics).toMatch(/LOCATION:MT1 Demo Assessment Center/)
  })

  it('moves a paid registration to another session, freeing the old seat for its waitlist', async () => {
    await call(t.app, 'PUT', '/api/v1/admin/fees', { session: staff, body: { QBA: 3000 } })
    const from = await newSession(24 * 6, 1, [proctorId], ['QBA'])
    const to = await newSession(24 * 13, 5, [proctorId], ['QBA'])
    const mover = await register(t.app, { email: `mover-${kind}@example.com` })
    const waiting = await register(t.app, { email: `waiting-${kind}@example.com` })
    const reg = (await call(t.app, 'POST', '/api/v1/registrations', { session: mover, body: { sessionId: from.id, modules: ['QBA'] } })).json()
    await call(t.app, 'POST', `/api/v1/admin/registrations/${reg.id}/waive`, { session: staff, body: { reason: 'Sponsored by the state grant' } })
    const w = (await call(t.app, 'POST', '/api/v1/registrations', { session: waiting, body: { sessionId: from.id, modules: ['QBA'], waitlist: true } })).json()
    const moved = await call(t.app, 'POST', `/api/v1/registrations/${reg.id}/reschedule`, { session: mover, body: { sessionId: to.id } })
    expect(moved.statusCode).toBe(200)
    expect(moved.json()).toMatchObject({ sessionId: to.id, status: 'confirmed', paymentMethod: 'waived', modules: ['QBA'] })
    expect((await call(t.app, 'GET', `/api/v1/registrations/${reg.id}`, { session: mover })).json().status).toBe('cancelled')
    expect((await call(t.app, 'GET', `/api/v1/registrations/${w.id}`, { session: waiting })).json().status).toBe('pending_payment')
    expect(errorCode(await call(t.app, 'POST', `/api/v1/registrations/${moved.json().id}/reschedule`, { session: mover, body: { sessionId: to.id } }))).toBe('CONFLICT')
    await call(t.app, 'PUT', '/api/v1/admin/fees', { session: staff, body: { QBA: 0 } })
  })

  it('keeps a candidate from cancelling inside 48 hours', async () => {
    const s = await newSession(24 * 4, 5)
    const c = await register(t.app, { email: `latecancel-${kind}@example.com` })
    const reg = (await call(t.app, 'POST', '/api/v1/registrations', { session: c, body: { sessionId: s.id, modules: ['MM'] } })).json()
    const saved = t.clock.now
    t.clock.set(new Date(Date.parse(s.startsAt) - 47 * HOUR))
    try {
      const again = await login(t.app, `latecancel-${kind}@example.com`, 'correct horse battery')
      const res = await call(t.app, 'POST', `/api/v1/registrations/${reg.id}/cancel`, { session: again, body: {} })
      expect(errorCode(res)).toBe('REGISTRATION_TOO_LATE')
    } finally {
      t.clock.set(saved)
    }
  })

  describe('fees, vouchers and invoices', () => {
    it('holds an unpaid seat, confirms it with a voucher that works once even when two use it at once', async () => {
      expect((await call(t.app, 'PUT', '/api/v1/admin/fees', { session: staff, body: { MM: 5000, SRMT: 7000 } })).statusCode).toBe(200)
      const employer = await login(t.app, 'employer@demo.test', 'mt1-demo')
      const bought = await call(t.app, 'POST', '/api/v1/vouchers', { session: employer, body: { modules: ['MM', 'SRMT'], quantity: 2 } })
      expect(bought.statusCode).toBe(201)
      const [v1, v2] = bought.json().items as { code: string }[]
      const s = await newSession(24 * 8, 10)
      const a = await register(t.app, { email: `va-${kind}@example.com` })
      const b = await register(t.app, { email: `vb-${kind}@example.com` })
      const ra = (await call(t.app, 'POST', '/api/v1/registrations', { session: a, body: { sessionId: s.id, modules: ['MM', 'SRMT'] } })).json()
      const rb = (await call(t.app, 'POST', '/api/v1/registrations', { session: b, body: { sessionId: s.id, modules: ['MM'] } })).json()
      expect(ra).toMatchObject({ status: 'pending_payment', amountDueCents: 12000 })
      expect(ra.holdExpiresAt).not.toBeNull()

      const [pa, pb] = await Promise.all([
        call(t.app, 'POST', `/api/v1/registrations/${ra.id}/payment`, { session: a, body: { method: 'voucher', code: v1!.code } }),
        call(t.app, 'POST', `/api/v1/registrations/${rb.id}/payment`, { session: b, body: { method: 'voucher', code: v1!.code.toLowerCase() } }),
      ])
      expect([pa.statusCode, pb.statusCode].sort()).toEqual([200, 422])
      const loser = pa.statusCode === 422 ? pa : pb
      expect(errorCode(loser)).toBe('VOUCHER_INVALID')
      const vouchers = (await call(t.app, 'GET', '/api/v1/vouchers', { session: employer })).json().items
      expect(vouchers.find((v: { code: string }) => v.code === v1!.code).status).toBe('redeemed')

      // A voucher for MM only cannot pay MM + SRMT.
      const c = await register(t.app, { email: `vc-${kind}@example.com` })
      const rc = (await call(t.app, 'POST', '/api/v1/registrations', { session: c, body: { sessionId: s.id, modules: ['MM', 'SRMT', 'QBA'] } })).json()
      const wrong = await call(t.app, 'POST', `/api/v1/registrations/${rc.id}/payment`, { session: c, body: { method: 'voucher', code: v2!.code } })
      expect(errorCode(wrong)).toBe('VOUCHER_INVALID')

      // An invoice holds the seat until staff mark it paid.
      const inv = await call(t.app, 'POST', `/api/v1/registrations/${rc.id}/payment`, { session: c, body: { method: 'invoice' } })
      expect(inv.statusCode).toBe(200)
      const paid = await call(t.app, 'POST', `/api/v1/admin/invoices/${inv.json().invoiceId}/paid`, { session: staff })
      expect(paid.json().status).toBe('paid')
      expect((await call(t.app, 'GET', `/api/v1/registrations/${rc.id}`, { session: c })).json()).toMatchObject({ status: 'confirmed', paymentMethod: 'invoice' })
      await call(t.app, 'PUT', '/api/v1/admin/fees', { session: staff, body: { MM: 0, SRMT: 0 } })
    })

    it('takes a fee down when staff set it to null, and a seat without a fee is confirmed at once', async () => {
      expect((await call(t.app, 'PUT', '/api/v1/admin/fees', { session: staff, body: { SRMT: 6000 } })).statusCode).toBe(200)
      const down = await call(t.app, 'PUT', '/api/v1/admin/fees', { session: staff, body: { SRMT: null } })
      expect(down.statusCode).toBe(200)
      expect(down.json().items).toContainEqual({ module: 'SRMT', amountCents: null })
      expect((await call(t.app, 'GET', '/api/v1/fees')).json().items).toContainEqual({ module: 'SRMT', amountCents: null })
      const s = await newSession(24 * 10, 5)
      const c = await register(t.app, { email: `feedown-${kind}@example.com` })
      const r = await call(t.app, 'POST', '/api/v1/registrations', { session: c, body: { sessionId: s.id, modules: ['SRMT'] } })
      expect(r.json()).toMatchObject({ status: 'confirmed', amountDueCents: 0 })
      // Taking down a fee that was never set changes nothing; a string or a negative is refused.
      expect((await call(t.app, 'PUT', '/api/v1/admin/fees', { session: staff, body: { QBA: null } })).statusCode).toBe(200)
      for (const body of [{ SRMT: 'null' }, { SRMT: -1 }, { NOPE: null }]) {
        expect((await call(t.app, 'PUT', '/api/v1/admin/fees', { session: staff, body })).statusCode).toBe(400)
      }
      const candidate = await register(t.app, { email: `feedown-who-${kind}@example.com` })
      expect((await call(t.app, 'PUT', '/api/v1/admin/fees', { session: candidate, body: { SRMT: null } })).statusCode).toBe(403)
    })

    it('releases a seat whose hold lapsed to the waitlist', async () => {
      await call(t.app, 'PUT', '/api/v1/admin/fees', { session: staff, body: { QBA: 4000 } })
      const s = await newSession(24 * 9, 1, [proctorId], ['QBA'])
      const a = await register(t.app, { email: `hold-a-${kind}@example.com` })
      const b = await register(t.app, { email: `hold-b-${kind}@example.com` })
      const ra = (await call(t.app, 'POST', '/api/v1/registrations', { session: a, body: { sessionId: s.id, modules: ['QBA'] } })).json()
      const rb = (await call(t.app, 'POST', '/api/v1/registrations', { session: b, body: { sessionId: s.id, modules: ['QBA'], waitlist: true } })).json()
      expect([ra.status, rb.status]).toEqual(['pending_payment', 'waitlisted'])
      t.clock.advance(73 * HOUR)
      try {
        expect(await t.app.services.registrations.releaseExpiredHolds()).toBeGreaterThanOrEqual(1)
      } finally {
        t.clock.advance(-73 * HOUR)
      }
      expect((await t.app.services.registrations.find(ra.id))!.status).toBe('expired')
      expect((await t.app.services.registrations.find(rb.id))!.status).toBe('pending_payment')
      await call(t.app, 'PUT', '/api/v1/admin/fees', { session: staff, body: { QBA: 0 } })
    })
  })

  describe('proctor eligibility', () => {
    it('refuses an uncertified, suspended or lapsed proctor, too few proctors, and a proctor who trains a registrant', async () => {
      const p2 = await register(t.app, { email: `p2-${kind}@example.com` })
      await call(t.app, 'PATCH', `/api/v1/admin/users/${p2.userId}`, { session: staff, body: { roles: ['proctor'] } })
      // Each try on a day of its own, so the sessions p2 gets do not overlap.
      let day = 20
      const tryCreate = (proctorIds: string[], seats = 10) => {
        const startsAt = new Date(t.clock().getTime() + 24 * day++ * HOUR)
        return call(t.app, 'POST', '/api/v1/sessions', { session: centerAdmin, body: { centerId, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString(), seats, modules: ['MM'], proctorIds } })
      }
      expect(errorCode(await tryCreate([p2.userId]))).toBe('PROCTOR_NOT_CERTIFIED')
      await certify(p2.userId, new Date(t.clock().getTime() + 24 * 10 * HOUR))
      const lapsed = await tryCreate([p2.userId])
      expect(lapsed.statusCode).toBe(422)
      expect(errorCode(lapsed)).toBe('PROCTOR_NOT_CERTIFIED')
      await certify(p2.userId, new Date(t.clock().getTime() + 24 * 400 * HOUR), 'suspended')
      expect(errorCode(await tryCreate([p2.userId]))).toBe('PROCTOR_NOT_CERTIFIED')
      await certify(p2.userId, new Date(t.clock().getTime() + 24 * 400 * HOUR))
      expect((await tryCreate([p2.userId])).statusCode).toBe(201)
      expect(errorCode(await tryCreate([p2.userId], 16))).toBe('NOT_ENOUGH_PROCTORS')
      expect((await tryCreate([p2.userId, proctorId], 16)).statusCode).toBe(201)

      // A proctor who trains a registered candidate cannot be put on that session.
      const s = await newSession(24 * 15, 5)
      const trainee = await register(t.app, { email: `trainee-${kind}@example.com` })
      await call(t.app, 'POST', '/api/v1/registrations', { session: trainee, body: { sessionId: s.id, modules: ['MM'] } })
      const declared = await call(t.app, 'POST', `/api/v1/proctors/${p2.userId}/conflicts`, { session: staff, body: { candidateId: trainee.userId, reason: 'Taught their MT1 prep course' } })
      expect(declared.statusCode).toBe(204)
      const conflict = await call(t.app, 'PATCH', `/api/v1/sessions/${s.id}`, { session: centerAdmin, body: { proctorIds: [p2.userId] } })
      expect(errorCode(conflict)).toBe('PROCTOR_CONFLICT')
    })

    it('keeps sessions to their own center\'s administrators', async () => {
      const other = await register(t.app, { email: `other-admin-${kind}@example.com` })
      await call(t.app, 'PATCH', `/api/v1/admin/users/${other.userId}`, { session: staff, body: { roles: ['center_admin'] } })
      const otherAdmin = await login(t.app, `other-admin-${kind}@example.com`, 'correct horse battery')
      const startsAt = new Date(t.clock().getTime() + 24 * 30 * HOUR)
      const res = await call(t.app, 'POST', '/api/v1/sessions', { session: otherAdmin, body: { centerId, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + HOUR).toISOString(), seats: 5, modules: ['MM'], proctorIds: [proctorId] } })
      expect(res.statusCode).toBe(403)
      const candidate = await register(t.app, { email: `cand-sched-${kind}@example.com` })
      expect((await call(t.app, 'POST', '/api/v1/sessions', { session: candidate, body: { centerId, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + HOUR).toISOString(), seats: 5, modules: ['MM'], proctorIds: [proctorId] } })).statusCode).toBe(403)
    })
  })

  it('tells every registrant when a session is cancelled', async () => {
    const s = await newSession(24 * 12, 3)
    const c = await register(t.app, { email: `cancelled-${kind}@example.com` })
    const reg = (await call(t.app, 'POST', '/api/v1/registrations', { session: c, body: { sessionId: s.id, modules: ['MM'] } })).json()
    const res = await call(t.app, 'POST', `/api/v1/sessions/${s.id}/cancel`, { session: centerAdmin, body: { reason: 'The building is closed for repairs' } })
    expect(res.json().status).toBe('cancelled')
    expect((await call(t.app, 'GET', `/api/v1/registrations/${reg.id}`, { session: c })).json().status).toBe('cancelled')
    const mail = (await call(t.app, 'GET', `/api/v1/admin/outbox?to=cancelled-${kind}@example.com`, { session: staff })).json().items.find((m: { subject: string }) => m.subject === 'Your MT1 session is cancelled')
    expect(mail.text).toMatch(/Reason: The building is closed for repairs/)
  })

  it('records an NCRC and advises (never blocks) below Silver', async () => {
    const c = await register(t.app, { email: `ncrc-${kind}@example.com` })
    const profile = await call(t.app, 'PUT', '/api/v1/me/profile', { session: c, body: { ncrcLevel: 'Bronze', ncrcNumber: 'NC-12345', state: 'va' } })
    expect(profile.json()).toMatchObject({ ncrcLevel: 'Bronze', state: 'VA', ncrcAdvice: expect.stringMatching(/Silver NCRC or higher is strongly encouraged/) })
    const s = await newSession(24 * 7, 5)
    const reg = await call(t.app, 'POST', '/api/v1/registrations', { session: c, body: { sessionId: s.id, modules: ['MM', 'SRMT'] } })
    expect(reg.statusCode).toBe(201)
    expect(reg.json().advice).toMatch(/strongly encouraged/)
    expect(errorCode(await call(t.app, 'PUT', '/api/v1/me/profile', { session: c, body: { ncrcLevel: 'Diamond' } }))).toBe('VALIDATION')
    await call(t.app, 'PUT', '/api/v1/me/profile', { session: c, body: { ncrcLevel: 'Gold' } })
    expect((await call(t.app, 'GET', '/api/v1/me/profile', { session: c })).json().ncrcAdvice).toBeNull()
  })

  it('refuses bad registration input clearly', async () => {
    const c = await register(t.app, { email: `badreg-${kind}@example.com` })
    const s = await newSession(24 * 7, 5, undefined, ['MM'])
    expect(errorCode(await call(t.app, 'POST', '/api/v1/registrations', { session: c, body: { sessionId: s.id, modules: ['QBA'] } }))).toBe('MODULE_NOT_OFFERED')
    expect(errorCode(await call(t.app, 'POST', '/api/v1/registrations', { session: c, body: { sessionId: s.id, modules: [] } }))).toBe('VALIDATION')
    expect(errorCode(await call(t.app, 'POST', '/api/v1/registrations', { session: c, body: { sessionId: s.id, modules: ['MM', 'MM'] } }))).toBe('VALIDATION')
    expect((await call(t.app, 'POST', '/api/v1/registrations', { session: c, body: { sessionId: 'no-such-session', modules: ['MM'] } })).statusCode).toBe(404)
    expect((await call(t.app, 'POST', '/api/v1/registrations', { body: { sessionId: s.id, modules: ['MM'] } })).statusCode).toBe(401)
  })
})
