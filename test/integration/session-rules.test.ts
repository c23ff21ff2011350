// Sessions that keep their rules, each at its edge, on both databases: the check-in window, a
// proctor in one session at a time (also under concurrent requests), sessions within the center's
// and the proctor's certification, and onsite company events that only their roster or an
// invitation link can reach. Every refused request is checked to have stored nothing.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/server/app.js'
import { loadConfig } from '../../src/server/config.js'
import { seedDemo } from '../../src/server/db/seed/demo.js'
import { call, errorCode, login, register, staffSession, type Session } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const PASSWORD = 'correct horse battery'

describe.each(databases)('session rules on %s', (kind) => {
  let t: TestApp
  let staff: Session
  let demoCenterAdmin: Session
  let demoCenterId: string
  let otherCenterId: string
  let seq = 0

  const iso = (ms: number) => new Date(ms).toISOString()
  const now = () => t.clock().getTime()
  const count = async (table: 'test_sessions' | 'registrations' | 'checkins' | 'session_invitations' | 'centers' | 'users') =>
    Number((await t.app.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  const auditCount = async (action: string) =>
    Number((await t.app.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', action).executeTakeFirstOrThrow()).n)

  /** A proctor account certified until `until` (a year by default), logged in. */
  const proctor = async (until = iso(now() + 365 * DAY)): Promise<Session & { email: string }> => {
    const email = `rules-proctor-${seq++}-${kind}@example.com`
    const who = await register(t.app, { email, firstName: 'Rule', lastName: `Proctor ${seq}` })
    expect((await call(t.app, 'PATCH', `/api/v1/admin/users/${who.userId}`, { session: staff, body: { roles: ['proctor'] } })).statusCode).toBe(200)
    await certify(who.userId, until)
    return { ...(await login(t.app, email, PASSWORD)), email }
  }
  const certify = async (userId: string, until: string) => {
    const since = iso(now() - 30 * DAY)
    const res = await call(t.app, 'PUT', `/api/v1/admin/proctors/${userId}/certification`, {
      session: staff, body: { trainingCompletedOn: since, agreementSignedOn: since, coiDeclaredOn: since, certifiedUntil: until, status: 'certified' },
    })
    expect(res.statusCode, res.body).toBe(200)
  }
  const createSession = (body: { centerId?: string; startsAt: number; endsAt: number; proctorIds: string[]; seats?: number; modules?: string[] }, as = staff) =>
    call(t.app, 'POST', '/api/v1/sessions', {
      session: as,
      body: { centerId: body.centerId ?? demoCenterId, startsAt: iso(body.startsAt), endsAt: iso(body.endsAt), seats: body.seats ?? 10, modules: body.modules ?? ['MM', 'SRMT', 'QBA'], proctorIds: body.proctorIds },
    })
  const created = async (body: Parameters<typeof createSession>[0]) => {
    const res = await createSession(body)
    expect(res.statusCode, res.body).toBe(201)
    return res.json() as { id: string; startsAt: string; endsAt: string }
  }
  const candidate = async (label: string): Promise<Session & { email: string }> => {
    const email = `${label}-${seq++}-${kind}@example.com`
    return { ...(await register(t.app, { email })), email }
  }
  const walkIn = async (c: Session, sessionId: string, modules = ['MM']) => {
    const res = await call(t.app, 'POST', '/api/v1/admin/registrations', { session: staff, body: { candidateId: c.userId, sessionId, modules, overrideReason: 'Walk-in approved by the program' } })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().status).toBe('confirmed')
    return res.json().id as string
  }

  beforeAll(async () => {
    t = await createTestApp(kind)
    await seedDemo(t.app, t.clock())
    staff = await staffSession(t.app)
    demoCenterAdmin = await login(t.app, 'center@demo.test', 'mt1-demo')
    const centers = (await call(t.app, 'GET', '/api/v1/centers')).json().items as { id: string; name: string }[]
    demoCenterId = centers.find((c) => c.name === 'MT1 Demo Assessment Center')!.id
    otherCenterId = centers.find((c) => c.id !== demoCenterId)!.id
  }, 60_000)
  afterAll(async () => t?.close())

  describe('the check-in window', () => {
    // Proves the policy's window at its edges: 60 minutes before the start minus 1 ms is refused with
    // when it opens and closes, exactly then is accepted, and at or after the end it is refused.
    it('opens checkinOpensMinutesBefore the start and closes at the end; a refusal stores nothing', async () => {
      expect((await call(t.app, 'GET', '/api/v1/program')).json().policies.checkinOpensMinutesBefore).toBe(60)
      const p = await proctor()
      const s = await created({ startsAt: now() + 3 * DAY, endsAt: now() + 3 * DAY + 4 * HOUR, proctorIds: [p.userId] })
      const [early, onTime, late, later] = await Promise.all(['early', 'ontime', 'late', 'later'].map((l) => candidate(`checkin-${l}`)))
      const regs = { early: await walkIn(early!, s.id), onTime: await walkIn(onTime!, s.id), late: await walkIn(late!, s.id), later: await walkIn(later!, s.id) }
      const opensAt = Date.parse(s.startsAt) - 60 * MINUTE
      const saved = t.clock.now
      const checkIn = async (registrationId: string, at: number) => {
        t.clock.set(new Date(at))
        const again = await login(t.app, p.email, PASSWORD)
        return call(t.app, 'POST', `/api/v1/sessions/${s.id}/checkins`, { session: again, body: { registrationId, idVerified: true } })
      }
      try {
        const checkinsBefore = await count('checkins')
        const auditsBefore = await auditCount('candidate.checked_in')
        const tooEarly = await checkIn(regs.early, opensAt - 1)
        expect(tooEarly.statusCode).toBe(422)
        expect(tooEarly.json().error).toMatchObject({ code: 'CHECKIN_NOT_OPEN', details: { opensAt: iso(opensAt), closesAt: s.endsAt } })
        expect(await count('checkins')).toBe(checkinsBefore)
        expect(await auditCount('candidate.checked_in')).toBe(auditsBefore)

        expect((await checkIn(regs.onTime, opensAt)).statusCode).toBe(201)
        // The early candidate can be checked in once the window opens.
        expect((await checkIn(regs.early, opensAt + MINUTE)).statusCode).toBe(201)

        const atEnd = await checkIn(regs.late, Date.parse(s.endsAt))
        expect(errorCode(atEnd)).toBe('CHECKIN_NOT_OPEN')
        expect(errorCode(await checkIn(regs.later, Date.parse(s.endsAt) + HOUR))).toBe('CHECKIN_NOT_OPEN')
        expect(await count('checkins')).toBe(checkinsBefore + 2)
      } finally {
        t.clock.set(saved)
      }
    })
  })

  describe('a proctor in one session at a time', () => {
    // Proves the overlap rule on creation: an overlapping session at this or another center is
    // refused naming the proctor and the clashing session, nothing is stored; sessions that end
    // exactly when the other starts (either side) are allowed; a cancelled session frees the proctor.
    it('refuses overlapping sessions at any center, allows adjacent ones, and ignores cancelled ones', async () => {
      const p = await proctor()
      const base = now() + 40 * DAY
      const first = await created({ startsAt: base, endsAt: base + 3 * HOUR, proctorIds: [p.userId] })
      const sessionsBefore = await count('test_sessions')

      const overlapping = await createSession({ startsAt: base + 2 * HOUR, endsAt: base + 5 * HOUR, proctorIds: [p.userId] })
      expect(overlapping.statusCode).toBe(422)
      expect(overlapping.json().error).toMatchObject({ code: 'PROCTOR_UNAVAILABLE', details: { proctorId: p.userId, sessionId: first.id } })
      const inside = await createSession({ centerId: otherCenterId, startsAt: base + HOUR, endsAt: base + 2 * HOUR, proctorIds: [p.userId] })
      expect(inside.json().error).toMatchObject({ code: 'PROCTOR_UNAVAILABLE', details: { proctorId: p.userId, sessionId: first.id } })
      const millisecond = await createSession({ centerId: otherCenterId, startsAt: base - 2 * HOUR, endsAt: base + 1, proctorIds: [p.userId] })
      expect(errorCode(millisecond)).toBe('PROCTOR_UNAVAILABLE')
      expect(await count('test_sessions')).toBe(sessionsBefore)

      await created({ startsAt: base + 3 * HOUR, endsAt: base + 6 * HOUR, proctorIds: [p.userId] })
      await created({ centerId: otherCenterId, startsAt: base - 2 * HOUR, endsAt: base, proctorIds: [p.userId] })

      // Two proctors, one of them busy: the clash names the busy one.
      const free = await proctor()
      const mixed = await createSession({ startsAt: base + HOUR, endsAt: base + 2 * HOUR, seats: 20, proctorIds: [free.userId, p.userId] })
      expect(mixed.json().error).toMatchObject({ code: 'PROCTOR_UNAVAILABLE', details: { proctorId: p.userId, sessionId: first.id } })

      const cancelled = await call(t.app, 'POST', `/api/v1/sessions/${first.id}/cancel`, { session: staff, body: { reason: 'Moved to another week' } })
      expect(cancelled.statusCode).toBe(200)
      await created({ startsAt: base + HOUR, endsAt: base + 2 * HOUR, proctorIds: [p.userId] })
    })

    // Proves the rule on edits: moving a session onto another of its proctor's, or adding a busy
    // proctor, is refused and changes nothing; a change of seats alone, or a move to an adjacent time, passes.
    it('refuses an edit that makes a proctor overlap, and leaves the session as it was', async () => {
      const p = await proctor()
      const q = await proctor()
      const base = now() + 50 * DAY
      const morning = await created({ startsAt: base, endsAt: base + 3 * HOUR, proctorIds: [p.userId] })
      const afternoon = await created({ startsAt: base + 4 * HOUR, endsAt: base + 7 * HOUR, proctorIds: [p.userId] })
      const elsewhere = await created({ centerId: otherCenterId, startsAt: base + HOUR, endsAt: base + 2 * HOUR, proctorIds: [q.userId] })

      const moved = await call(t.app, 'PATCH', `/api/v1/sessions/${afternoon.id}`, { session: staff, body: { startsAt: iso(base + 2 * HOUR) } })
      expect(moved.json().error).toMatchObject({ code: 'PROCTOR_UNAVAILABLE', details: { proctorId: p.userId, sessionId: morning.id } })
      const restaffed = await call(t.app, 'PATCH', `/api/v1/sessions/${elsewhere.id}`, { session: staff, body: { proctorIds: [p.userId] } })
      expect(restaffed.json().error).toMatchObject({ code: 'PROCTOR_UNAVAILABLE', details: { proctorId: p.userId, sessionId: morning.id } })
      expect((await call(t.app, 'GET', `/api/v1/sessions/${afternoon.id}`, { session: staff })).json()).toMatchObject({ startsAt: afternoon.startsAt, proctorIds: [p.userId] })
      expect((await call(t.app, 'GET', `/api/v1/sessions/${elsewhere.id}`, { session: staff })).json()).toMatchObject({ proctorIds: [q.userId] })

      expect((await call(t.app, 'PATCH', `/api/v1/sessions/${afternoon.id}`, { session: staff, body: { seats: 12 } })).statusCode).toBe(200)
      const adjacent = await call(t.app, 'PATCH', `/api/v1/sessions/${afternoon.id}`, { session: staff, body: { startsAt: iso(base + 3 * HOUR) } })
      expect(adjacent.statusCode, adjacent.body).toBe(200)
    })

    // Proves onsite approval checks the proctor's other sessions before it creates the onsite center.
    it('refuses to approve an onsite event with a busy proctor, creating nothing', async () => {
      const p = await proctor()
      const base = now() + 60 * DAY
      await created({ startsAt: base, endsAt: base + 4 * HOUR, proctorIds: [p.userId] })
      const employer = await login(t.app, 'employer@demo.test', 'mt1-demo')
      const req = await call(t.app, 'POST', '/api/v1/onsite-requests', { session: employer, body: { companyName: 'Busy Proctor Works', addressLine1: '1 Gear St', city: 'Roanoke', state: 'VA', postalCode: '24011', preferredDate: iso(base), candidates: 5, modules: ['MM'] } })
      expect(req.statusCode).toBe(201)
      const centers = await count('centers')
      const sessions = await count('test_sessions')
      const refused = await call(t.app, 'POST', `/api/v1/admin/onsite-requests/${req.json().id}/approve`, { session: staff, body: { startsAt: iso(base + HOUR), endsAt: iso(base + 3 * HOUR), seats: 5, proctorIds: [p.userId] } })
      expect(refused.statusCode).toBe(422)
      expect(errorCode(refused)).toBe('PROCTOR_UNAVAILABLE')
      expect([await count('centers'), await count('test_sessions')]).toEqual([centers, sessions])
    })

    // Proves race safety: eight overlapping sessions for one proctor requested at once (on PostgreSQL
    // through two app instances with their own connection pools) give exactly one session.
    it('lets only one of several simultaneous overlapping creations for one proctor succeed', async () => {
      const p = await proctor()
      const base = now() + 70 * DAY
      let second: { app: FastifyInstance; close(): Promise<void> } | null = null
      if (kind === 'postgres') {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-second-'))
        const config = loadConfig({ DATA_DIR: dataDir, MT1_DEMO: '0', PUBLIC_URL: 'http://mt1.test' }, { databaseUrl: t.app.config.databaseUrl, databaseSchema: t.app.config.databaseSchema, keyEncryptionKey: t.app.config.keyEncryptionKey, logLevel: 'silent' })
        const app = await buildApp(config, { logger: false, clock: t.clock })
        second = { app, close: async () => { await app.close(); fs.rmSync(dataDir, { recursive: true, force: true }) } }
      }
      try {
        const sessionsBefore = await count('test_sessions')
        const results = await Promise.all(Array.from({ length: 8 }, (_, i) => call(i % 2 === 1 && second ? second.app : t.app, 'POST', '/api/v1/sessions', {
          session: staff,
          body: { centerId: i % 3 === 0 ? otherCenterId : demoCenterId, startsAt: iso(base + i * 10 * MINUTE), endsAt: iso(base + 2 * HOUR + i * 10 * MINUTE), seats: 5, modules: ['MM'], proctorIds: [p.userId] },
        })))
        expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422, 422, 422, 422, 422, 422, 422])
        expect(results.filter((r) => r.statusCode === 422).every((r) => errorCode(r) === 'PROCTOR_UNAVAILABLE')).toBe(true)
        expect(await count('test_sessions')).toBe(sessionsBefore + 1)
        const mine = await t.app.db.selectFrom('session_proctors').select('session_id').where('user_id', '=', p.userId).execute()
        expect(mine).toHaveLength(1)
      } finally {
        await second?.close()
      }
    })
  })

  describe('sessions within certifications', () => {
    // Proves the center's certification end: a session ending exactly then is scheduled; one ending
    // a day after it (the certification ends the day before) is refused with the date, and so is an
    // edit that moves the end past it.
    it("refuses a session that ends after its center's certification, on creation and on edit", async () => {
      const applicant = await candidate('applicant')
      const applied = await call(t.app, 'POST', '/api/v1/centers/applications', { session: applicant, body: { name: `Rules Center ${kind}`, addressLine1: '3 Lathe Road', city: 'Salem', state: 'VA', postalCode: '24153', phone: '540-555-0100', email: 'rules@center.example' } })
      expect(applied.statusCode).toBe(201)
      const centerId = applied.json().id as string
      const end = now() + 20 * DAY
      expect((await call(t.app, 'POST', `/api/v1/admin/centers/${centerId}/certify`, { session: staff, body: { certifiedUntil: iso(end) } })).statusCode).toBe(200)
      const p = await proctor()

      const sessions = await count('test_sessions')
      const past = await createSession({ centerId, startsAt: end + DAY - 3 * HOUR, endsAt: end + DAY, proctorIds: [p.userId] })
      expect(past.statusCode).toBe(422)
      expect(past.json().error).toMatchObject({ code: 'CENTER_CERTIFICATION_ENDS', details: { certifiedUntil: iso(end) } })
      expect(await count('test_sessions')).toBe(sessions)
      const last = await created({ centerId, startsAt: end - 3 * HOUR, endsAt: end, proctorIds: [p.userId] })
      const longer = await call(t.app, 'PATCH', `/api/v1/sessions/${last.id}`, { session: staff, body: { endsAt: iso(end + 1) } })
      expect(errorCode(longer)).toBe('CENTER_CERTIFICATION_ENDS')
      expect((await call(t.app, 'GET', `/api/v1/sessions/${last.id}`)).json().endsAt).toBe(iso(end))
    })

    // Proves the proctor's certification end: certified until the session's end is enough; a
    // certification that lapses the day before the end is refused, saying why.
    it("refuses a proctor whose certification lapses before the session ends, and accepts one that ends with it", async () => {
      const end = now() + 30 * DAY
      const p = await proctor(iso(end))
      const sessions = await count('test_sessions')
      const refused = await createSession({ startsAt: end + DAY - 3 * HOUR, endsAt: end + DAY, proctorIds: [p.userId] })
      expect(refused.statusCode).toBe(422)
      expect(refused.json().error).toMatchObject({ code: 'PROCTOR_NOT_CERTIFIED', details: { proctorIds: [p.userId], proctors: [{ proctorId: p.userId, reason: 'lapses_before_end', certifiedUntil: iso(end) }] } })
      expect(await count('test_sessions')).toBe(sessions)
      await created({ startsAt: end - 3 * HOUR, endsAt: end, proctorIds: [p.userId] })
    })
  })

  describe('onsite company events', () => {
    let employer: Session
    let onsiteSessionId: string
    let onsiteCenterId: string
    let onsiteStartsAt: number
    const registrations = () => count('registrations')
    const register_ = (c: Session, body: Record<string, unknown>) => call(t.app, 'POST', '/api/v1/registrations', { session: c, body })
    const invite = (who: Session | undefined, sessionId = onsiteSessionId, body: unknown = {}) => call(t.app, 'POST', `/api/v1/sessions/${sessionId}/invitations`, { session: who, body })

    beforeAll(async () => {
      employer = await login(t.app, 'employer@demo.test', 'mt1-demo')
      onsiteStartsAt = now() + 30 * DAY
      const req = await call(t.app, 'POST', '/api/v1/onsite-requests', { session: employer, body: { companyName: 'Walsh Precision', addressLine1: '9 Mill Lane', city: 'Danville', state: 'VA', postalCode: '24540', preferredDate: iso(onsiteStartsAt), candidates: 8, modules: ['MM', 'QBA'] } })
      const p = await proctor()
      const approved = await call(t.app, 'POST', `/api/v1/admin/onsite-requests/${req.json().id}/approve`, { session: staff, body: { startsAt: iso(onsiteStartsAt), endsAt: iso(onsiteStartsAt + 3 * HOUR), seats: 8, proctorIds: [p.userId] } })
      expect(approved.statusCode, approved.body).toBe(200)
      onsiteSessionId = approved.json().sessionId
      onsiteCenterId = approved.json().centerId
    })

    // Proves the public list hides the onsite event (by default, by time window and by its center)
    // while public sessions stay listed.
    it('is not in the public session list', async () => {
      const all = (await call(t.app, 'GET', `/api/v1/sessions?from=${encodeURIComponent(iso(onsiteStartsAt - HOUR))}&to=${encodeURIComponent(iso(onsiteStartsAt + HOUR))}`)).json().items as { id: string }[]
      expect(all.map((s) => s.id)).not.toContain(onsiteSessionId)
      expect((await call(t.app, 'GET', `/api/v1/sessions?centerId=${onsiteCenterId}`)).json().items).toEqual([])
      const upcoming = (await call(t.app, 'GET', '/api/v1/sessions?limit=100')).json().items as { id: string; centerId: string }[]
      expect(upcoming.some((s) => s.centerId === demoCenterId)).toBe(true)
      expect(upcoming.some((s) => s.id === onsiteSessionId || s.centerId === onsiteCenterId)).toBe(false)
    })

    // Proves a candidate cannot book it directly (404, as if it did not exist), nor with a token that
    // is wrong, nor by moving a registration into it; nothing is stored.
    it('refuses a direct registration, a wrong token and a move into it, storing nothing', async () => {
      const c = await candidate('onsite-direct')
      const before = await registrations()
      const direct = await register_(c, { sessionId: onsiteSessionId, modules: ['MM'] })
      expect(direct.statusCode).toBe(404)
      expect(errorCode(direct)).toBe('NOT_FOUND')
      const wrong = await register_(c, { sessionId: onsiteSessionId, modules: ['MM'], inviteToken: 'A'.repeat(43) })
      expect(wrong.statusCode).toBe(422)
      expect(errorCode(wrong)).toBe('INVITATION_INVALID')
      expect(await registrations()).toBe(before)

      const publicSession = (await call(t.app, 'GET', '/api/v1/sessions')).json().items.find((s: { centerId: string; startsAt: string }) => s.centerId === demoCenterId && Date.parse(s.startsAt) > now() + 3 * DAY)
      const reg = await register_(c, { sessionId: publicSession.id, modules: ['MM'] })
      expect(reg.statusCode, reg.body).toBe(201)
      const move = await call(t.app, 'POST', `/api/v1/registrations/${reg.json().id}/reschedule`, { session: c, body: { sessionId: onsiteSessionId } })
      expect(move.statusCode).toBe(404)
      expect((await call(t.app, 'GET', `/api/v1/registrations/${reg.json().id}`, { session: c })).json()).toMatchObject({ status: 'confirmed', sessionId: publicSession.id })
      expect(await registrations()).toBe(before + 1)
    })

    // Proves who may make an invitation link: the event's employer and staff; not a candidate,
    // another employer, another center's administrator, nobody logged in; not for a public session.
    it("gives invitation links to the event's employer and staff only, storing only the token's hash", async () => {
      const before = await count('session_invitations')
      const c = await candidate('onsite-intruder')
      expect((await invite(c)).statusCode).toBe(403)
      expect((await invite(demoCenterAdmin)).statusCode).toBe(403)
      const otherEmployer = await candidate('other-employer')
      await call(t.app, 'PATCH', `/api/v1/admin/users/${otherEmployer.userId}`, { session: staff, body: { roles: ['employer'] } })
      expect((await invite(await login(t.app, otherEmployer.email, PASSWORD))).statusCode).toBe(403)
      expect((await invite(undefined)).statusCode).toBe(401)
      const publicSession = (await call(t.app, 'GET', '/api/v1/sessions')).json().items.find((s: { centerId: string }) => s.centerId === demoCenterId)
      expect(errorCode(await invite(demoCenterAdmin, publicSession.id))).toBe('RULE_VIOLATION')
      expect(await count('session_invitations')).toBe(before)

      const made = await invite(employer)
      expect(made.statusCode, made.body).toBe(201)
      const { token, url, expiresAt } = made.json() as { token: string; url: string; expiresAt: string }
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(url).toBe(`http://mt1.test/invitation?token=${token}`)
      expect(expiresAt).toBe(iso(now() + 30 * DAY))
      const stored = await t.app.db.selectFrom('session_invitations').selectAll().where('session_id', '=', onsiteSessionId).execute()
      expect(stored.map((r) => r.token_hash)).toContain(createHash('sha256').update(token).digest('hex'))
      expect(JSON.stringify(stored)).not.toContain(token)
      expect((await invite(staff, onsiteSessionId, { expiresInDays: 7 })).statusCode).toBe(201)
      expect(await count('session_invitations')).toBe(before + 2)
    })

    // Proves the invitation path end to end: the link shows the session, and its token registers the
    // candidate through the normal registration (audited with the invitation); the token does not
    // open another session; an expired link is refused and stores nothing.
    it('registers a candidate who holds a current invitation token, and refuses an expired one', async () => {
      const made = (await invite(employer, onsiteSessionId, { expiresInDays: 1 })).json() as { id: string; token: string; expiresAt: string }
      const lookup = await call(t.app, 'POST', '/api/v1/invitations/lookup', { body: { token: made.token } })
      expect(lookup.statusCode).toBe(200)
      expect(lookup.json()).toMatchObject({ sessionId: onsiteSessionId, centerId: onsiteCenterId, centerName: 'Walsh Precision (onsite)', modules: ['MM', 'QBA'], seatsAvailable: 8, expiresAt: made.expiresAt })

      const c = await candidate('invited')
      const publicSession = (await call(t.app, 'GET', '/api/v1/sessions')).json().items.find((s: { centerId: string; startsAt: string }) => s.centerId === demoCenterId && Date.parse(s.startsAt) > now() + 3 * DAY)
      expect(errorCode(await register_(c, { sessionId: publicSession.id, modules: ['MM'], inviteToken: made.token }))).toBe('INVITATION_INVALID')
      const reg = await register_(c, { sessionId: onsiteSessionId, modules: ['MM', 'QBA'], inviteToken: made.token })
      expect(reg.statusCode, reg.body).toBe(201)
      expect(reg.json()).toMatchObject({ status: 'confirmed', sessionId: onsiteSessionId, modules: ['MM', 'QBA'] })
      const audit = await t.app.db.selectFrom('audit_log').select('details').where('entity_id', '=', reg.json().id).where('action', '=', 'registration.created').executeTakeFirstOrThrow()
      expect(JSON.parse(audit.details!)).toMatchObject({ invitationId: made.id })

      const lateComer = await candidate('invited-late')
      const saved = t.clock.now
      try {
        t.clock.set(new Date(Date.parse(made.expiresAt)))
        const late = await login(t.app, lateComer.email, PASSWORD)
        const before = await registrations()
        const expired = await register_(late, { sessionId: onsiteSessionId, modules: ['MM'], inviteToken: made.token })
        expect(expired.statusCode).toBe(422)
        expect(errorCode(expired)).toBe('INVITATION_INVALID')
        expect((await call(t.app, 'POST', '/api/v1/invitations/lookup', { body: { token: made.token } })).statusCode).toBe(404)
        expect(await registrations()).toBe(before)
      } finally {
        t.clock.set(saved)
      }
    })

    // Proves the roster path: the event's employer uploads its cohort (the existing CSV upload), and
    // its rows are registered; another center's administrator may not.
    it("registers the employer's roster through the cohort upload", async () => {
      const csv = `name,email,modules\nRoster Person,roster-${kind}@walsh.example,MM\n`
      const upload = (who: Session) => call(t.app, 'POST', `/api/v1/sessions/${onsiteSessionId}/cohort`, { session: who, payload: csv, headers: { 'content-type': 'text/csv' } })
      expect((await upload(demoCenterAdmin)).statusCode).toBe(403)
      const started = await upload(employer)
      expect(started.statusCode, started.body).toBe(202)
      await t.idle()
      const job = (await call(t.app, 'GET', `/api/v1/jobs/${started.json().jobId}`, { session: employer })).json()
      expect(job).toMatchObject({ status: 'done', summary: { registered: 1, waitlisted: 0, failed: 0 } })
      const roster = (await call(t.app, 'GET', `/api/v1/sessions/${onsiteSessionId}/roster?format=csv`, { session: staff })).body
      expect(roster).toContain(`roster-${kind}@walsh.example`)
    })

    // Proves hostile input is a 4xx, never a 5xx, and stores nothing.
    it('answers malformed ids, tokens and bodies with 4xx and stores nothing', async () => {
      const c = await candidate('hostile')
      const before = [await registrations(), await count('session_invitations')]
      for (const token of ['', 'short', 'A'.repeat(44), 'A'.repeat(100_000), `${'A'.repeat(42)}!`, `${'A'.repeat(42)}\u0000`]) {
        const res = await register_(c, { sessionId: onsiteSessionId, modules: ['MM'], inviteToken: token })
        expect(res.statusCode, token.slice(0, 10)).toBe(400)
        expect((await call(t.app, 'POST', '/api/v1/invitations/lookup', { body: { token } })).statusCode).toBe(400)
      }
      for (const body of [{}, { token: 42 }, { token: 'A'.repeat(43), extra: 1 }, []]) {
        expect((await call(t.app, 'POST', '/api/v1/invitations/lookup', { body })).statusCode).toBe(400)
      }
      expect((await call(t.app, 'POST', '/api/v1/invitations/lookup', { body: { token: 'B'.repeat(43) } })).statusCode).toBe(404)
      for (const id of ['x'.repeat(65), 'bad id', '..%2F..', '%00']) {
        expect((await invite(staff, id)).statusCode).toBe(400)
      }
      expect((await invite(staff, 'no-such-session')).statusCode).toBe(404)
      for (const body of [{ expiresInDays: 0 }, { expiresInDays: 91 }, { expiresInDays: 'soon' }, { extra: true }]) {
        expect((await invite(employer, onsiteSessionId, body)).statusCode).toBe(400)
      }
      const p = await proctor()
      for (const body of [{ registrationId: 'x'.repeat(65), idVerified: true }, { registrationId: 'nope', idVerified: 'yes' }, {}]) {
        const res = await call(t.app, 'POST', `/api/v1/sessions/${onsiteSessionId}/checkins`, { session: p, body })
        expect(res.statusCode).toBeGreaterThanOrEqual(400)
        expect(res.statusCode).toBeLessThan(500)
      }
      expect([await registrations(), await count('session_invitations')]).toEqual(before)
    })
  })
})
