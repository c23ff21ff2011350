// Eligibility and retakes (issue 10, part 5): one live booking per module, nothing already passed, the
// retake policy's waits and cap, staff's audited override, the candidate's own view, and retake forms
// that avoid the items a candidate saw before. Every case on SQLite and PostgreSQL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RetakePolicy } from '../../src/common/rules/eligibility.js'
import { auditEntries, deliveryWorld, HOUR, MINUTE, secondApp, type AttemptView, type DeliveryWorld } from '../helpers/delivery.js'
import { call, errorCode, login, register, type Session } from '../helpers/http-client.js'
import { databases } from '../helpers/test-app.js'

const DAY = 24 * HOUR
const PASSWORD = 'correct horse battery'
const WAITS: RetakePolicy = { waitDaysAfterAttempt: [15, 30, 60], maxAttemptsPer12Months: null }

interface Candidate { email: string; c: Session }

describe.each(databases)('eligibility and retakes on %s', (kind) => {
  let world: DeliveryWorld
  let shipped: RetakePolicy
  let seq = 0

  beforeAll(async () => {
    world = await deliveryWorld(kind)
    shipped = world.t.app.services.program.definition.policies.retake
    // Sessions a year ahead need the demo center certified beyond its seeded year.
    const certified = await call(world.t.app, 'POST', `/api/v1/admin/centers/${world.centerId}/certify`, {
      session: world.staff, body: { certifiedUntil: new Date(world.t.clock().getTime() + 3 * 365 * DAY).toISOString() },
    })
    expect(certified.statusCode, certified.body).toBe(200)
  }, 120_000)
  afterAll(async () => world.t.close())
  afterEach(() => setRetake(shipped))

  /** The program's retake policy, as program.json would set it (the definition itself is frozen). */
  function setRetake(retake: RetakePolicy) {
    world.t.setProgram((d) => ({ ...d, policies: { ...d.policies, retake: { ...retake, waitDaysAfterAttempt: [...retake.waitDaysAfterAttempt] } } }))
  }

  async function candidate(name: string): Promise<Candidate> {
    const email = `${name}-${seq++}-${kind}@example.com`
    return { email, c: await register(world.t.app, { email }) }
  }

  /** Logs everyone in again after the clock moved past the idle timeout. */
  async function relogin(...people: Candidate[]) {
    await world.relogin()
    for (const p of people) p.c = await login(world.t.app, p.email, PASSWORD)
  }

  /**
   * Staff seat the candidate (a walk-in: the rules are overridden) for these modules, the proctor checks
   * them in, and they sit each module with the outcome named; returns the attempts by module.
   */
  async function sit(who: Candidate, outcomes: Record<string, 'pass' | 'fail'>, sessionId = world.liveSessionId): Promise<Record<string, AttemptView>> {
    const reg = await call(world.t.app, 'POST', '/api/v1/admin/registrations', {
      session: world.staff, body: { candidateId: who.c.userId, sessionId, modules: Object.keys(outcomes), overrideReason: 'Walk-in approved by the program' },
    })
    expect(reg.statusCode, reg.body).toBe(201)
    const checkedIn = await world.checkIn(reg.json().id, sessionId)
    expect(checkedIn.statusCode, checkedIn.body).toBe(201)
    const attempts: Record<string, AttemptView> = {}
    for (const [module, outcome] of Object.entries(outcomes)) {
      const device = `device-${who.c.userId}-${module}`
      const attempt = await world.start({ c: who.c, registrationId: reg.json().id }, module, device)
      if (outcome === 'pass') await world.answerCorrectly(who.c, attempt, attempt.items.length, device)
      const submitted = await world.submit(who.c, attempt.id, device)
      expect(submitted.statusCode, submitted.body).toBe(200)
      expect(submitted.json().result.passed).toBe(outcome === 'pass')
      attempts[module] = attempt
    }
    return attempts
  }

  const book = (who: Candidate, sessionId: string, modules: string[], waitlist?: boolean) =>
    call(world.t.app, 'POST', '/api/v1/registrations', { session: who.c, body: { sessionId, modules, ...(waitlist === undefined ? {} : { waitlist }) } })

  const eligibility = (who: Candidate | null, query = '') => call(world.t.app, 'GET', `/api/v1/me/eligibility${query}`, { session: who?.c })

  const seatsTaken = async (sessionId: string) =>
    Number((await world.t.app.db.selectFrom('test_sessions').select('seats_taken').where('id', '=', sessionId).executeTakeFirstOrThrow()).seats_taken)

  const registrationsOf = (who: Candidate) =>
    world.t.app.db.selectFrom('registrations').select(['id', 'session_id', 'status', 'modules']).where('candidate_id', '=', who.c.userId).execute()

  const at = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString()

  /** A session of the demo center starting at exactly this instant. */
  const sessionAt = (startsAt: string, seats = 15) => world.newSession(Date.parse(startsAt) - world.t.clock().getTime(), 6, seats)

  describe('while the clock stands still', () => {
    it('refuses a retake on day 14 after a first fail with the date it becomes possible, and accepts day 15', async () => {
      setRetake(WAITS)
      const a = await candidate('retaker')
      const failed = (await sit(a, { MM: 'fail' })).MM!
      const eligibleFrom = at(failed.startedAt, 15)
      const day14 = await sessionAt(at(failed.startedAt, 14))
      const day15 = await sessionAt(eligibleFrom)
      const before = await registrationsOf(a)

      const refused = await book(a, day14, ['MM'])
      expect(refused.statusCode, refused.body).toBe(422)
      expect(refused.json().error).toMatchObject({ code: 'RETAKE_TOO_SOON', details: { module: 'MM', nextEligibleAt: eligibleFrom } })
      // With another module beside it, the whole request is refused and nothing is stored.
      const both = await book(a, day14, ['QBA', 'MM'])
      expect(errorCode(both)).toBe('RETAKE_TOO_SOON')
      expect(both.json().error.details).toMatchObject({ module: 'MM', nextEligibleAt: eligibleFrom, refusals: [{ module: 'MM', reason: 'RETAKE_TOO_SOON', nextEligibleAt: eligibleFrom }] })
      expect(await seatsTaken(day14)).toBe(0)
      expect(await registrationsOf(a)).toEqual(before)

      // The candidate sees it before trying, per session and in general.
      const view14 = await eligibility(a, `?sessionId=${day14}`)
      expect(view14.statusCode, view14.body).toBe(200)
      expect(view14.json()).toMatchObject({ sessionId: day14, startsAt: at(failed.startedAt, 14) })
      expect(view14.json().items).toEqual([
        { module: 'MM', eligible: false, reason: 'RETAKE_TOO_SOON', nextEligibleAt: eligibleFrom },
        { module: 'SRMT', eligible: true, reason: null, nextEligibleAt: null },
        { module: 'QBA', eligible: true, reason: null, nextEligibleAt: null },
      ])
      expect((await eligibility(a, `?sessionId=${day15}`)).json().items[0]).toEqual({ module: 'MM', eligible: true, reason: null, nextEligibleAt: null })
      expect((await eligibility(a)).json()).toMatchObject({ sessionId: null, items: [{ module: 'MM', eligible: false, reason: 'RETAKE_TOO_SOON', nextEligibleAt: eligibleFrom }, { module: 'SRMT', eligible: true }, { module: 'QBA', eligible: true }] })

      expect((await book(a, day14, ['QBA'])).statusCode).toBe(201)
      const accepted = await book(a, day15, ['MM'])
      expect(accepted.statusCode, accepted.body).toBe(201)
      expect(accepted.json()).toMatchObject({ sessionId: day15, modules: ['MM'], status: 'confirmed' })
    })

    it('lets any retake through with the shipped policy (no wait, no cap)', async () => {
      const b = await candidate('no-wait')
      const failed = (await sit(b, { QBA: 'fail' })).QBA!
      const soon = await sessionAt(at(failed.startedAt, 3))
      expect((await book(b, soon, ['QBA'])).statusCode).toBe(201)
    })

    it('keeps one live booking per module: pending, confirmed or waitlisted, until it is cancelled or sat', async () => {
      const c = await candidate('booked')
      const first = await world.newSession(7 * DAY)
      const second = await world.newSession(8 * DAY)
      const reg = await book(c, first, ['MM'])
      expect(reg.statusCode, reg.body).toBe(201)

      const refused = await book(c, second, ['SRMT', 'MM'])
      expect(refused.statusCode, refused.body).toBe(422)
      expect(refused.json().error).toMatchObject({ code: 'MODULE_ALREADY_BOOKED', details: { module: 'MM' } })
      expect(refused.json().error.details.nextEligibleAt).toBeUndefined()
      expect(await seatsTaken(second)).toBe(0)
      expect((await eligibility(c, `?sessionId=${second}`)).json().items[0]).toEqual({ module: 'MM', eligible: false, reason: 'MODULE_ALREADY_BOOKED', nextEligibleAt: null })

      // Cancelled, the module is free again.
      expect((await call(world.t.app, 'POST', `/api/v1/registrations/${reg.json().id}/cancel`, { session: c.c, body: {} })).statusCode).toBe(200)
      expect((await book(c, second, ['SRMT', 'MM'])).statusCode).toBe(201)

      // A waitlisted registration books its modules too.
      const full = await world.newSession(9 * DAY, 6, 1)
      const other = await candidate('seat-holder')
      expect((await book(other, full, ['QBA'])).statusCode).toBe(201)
      const w = await candidate('waiting')
      const waiting = await book(w, full, ['QBA'], true)
      expect(waiting.json().status).toBe('waitlisted')
      expect(errorCode(await book(w, second, ['QBA']))).toBe('MODULE_ALREADY_BOOKED')

      // Booked in the session running now, the module is held until it is sat there.
      const e = await candidate('sitting')
      const walkIn = await call(world.t.app, 'POST', '/api/v1/admin/registrations', {
        session: world.staff, body: { candidateId: e.c.userId, sessionId: world.liveSessionId, modules: ['SRMT'], overrideReason: 'Walk-in approved by the program' },
      })
      expect(walkIn.statusCode, walkIn.body).toBe(201)
      expect(errorCode(await book(e, second, ['SRMT']))).toBe('MODULE_ALREADY_BOOKED')
      expect((await world.checkIn(walkIn.json().id)).statusCode).toBe(201)
      const device = `device-${e.c.userId}`
      const attempt = await world.start({ c: e.c, registrationId: walkIn.json().id }, 'SRMT', device)
      expect(errorCode(await book(e, second, ['SRMT']))).toBe('MODULE_ALREADY_BOOKED')
      expect((await world.submit(e.c, attempt.id, device)).statusCode).toBe(200)
      expect((await book(e, second, ['SRMT'])).statusCode).toBe(201)
    })

    it('refuses a module already passed, and says so before the candidate tries', async () => {
      setRetake(WAITS)
      const p = await candidate('passer')
      await sit(p, { MM: 'pass' })
      const later = await world.newSession(30 * DAY)
      const refused = await book(p, later, ['MM', 'SRMT'])
      expect(refused.statusCode, refused.body).toBe(422)
      expect(refused.json().error).toMatchObject({ code: 'MODULE_ALREADY_PASSED', details: { module: 'MM' } })
      expect(await seatsTaken(later)).toBe(0)
      expect((await eligibility(p, `?sessionId=${later}`)).json().items[0]).toEqual({ module: 'MM', eligible: false, reason: 'MODULE_ALREADY_PASSED', nextEligibleAt: null })
      expect((await book(p, later, ['SRMT'])).statusCode).toBe(201)
    })

    it('lets staff override each rule with a reason, and the audit entry names the rules set aside', async () => {
      setRetake(WAITS)
      const g = await candidate('override')
      const failed = (await sit(g, { MM: 'fail', QBA: 'pass' })).MM!
      const soon = await sessionAt(at(failed.startedAt, 5))
      const other = await world.newSession(40 * DAY)
      expect((await book(g, other, ['SRMT'])).statusCode).toBe(201)

      const res = await call(world.t.app, 'POST', '/api/v1/admin/registrations', {
        session: world.staff, body: { candidateId: g.c.userId, sessionId: soon, modules: ['MM', 'QBA', 'SRMT'], overrideReason: 'Voided sitting was the center’s fault; MSI approved the retake' },
      })
      expect(res.statusCode, res.body).toBe(201)
      const [entry] = await auditEntries(world, 'registration.override', res.json().id)
      expect(entry).toMatchObject({ actorId: world.staff.userId, reason: 'Voided sitting was the center’s fault; MSI approved the retake' })
      expect((entry!.details as { overridden: unknown }).overridden).toEqual([
        { rule: 'RETAKE_TOO_SOON', module: 'MM', nextEligibleAt: at(failed.startedAt, 15) },
        { rule: 'MODULE_ALREADY_PASSED', module: 'QBA' },
        { rule: 'MODULE_ALREADY_BOOKED', module: 'SRMT' },
      ])

      // Inside 48 hours too, named as such; an override that set nothing aside says so.
      const tomorrow = await world.newSession(DAY)
      const h = await candidate('late')
      const late = await call(world.t.app, 'POST', '/api/v1/admin/registrations', { session: world.staff, body: { candidateId: h.c.userId, sessionId: tomorrow, modules: ['MM'], overrideReason: 'Employer cohort added late' } })
      expect(late.statusCode, late.body).toBe(201)
      expect(((await auditEntries(world, 'registration.override', late.json().id))[0]!.details as { overridden: unknown }).overridden).toEqual([{ rule: 'REGISTRATION_TOO_LATE' }])
      const plain = await call(world.t.app, 'POST', '/api/v1/admin/registrations', { session: world.staff, body: { candidateId: h.c.userId, sessionId: other, modules: ['QBA'], overrideReason: 'Registered by phone' } })
      expect(((await auditEntries(world, 'registration.override', plain.json().id))[0]!.details as { overridden: unknown }).overridden).toEqual([])

      // Only staff override: the candidate cannot use the staff endpoint.
      const self = await call(world.t.app, 'POST', '/api/v1/admin/registrations', { session: g.c, body: { candidateId: g.c.userId, sessionId: soon, modules: ['MM'], overrideReason: 'please let me in' } })
      expect(self.statusCode).toBe(403)
    })

    // An existing account in a cohort upload is invited, not enrolled (issue 11: a roster never books
    // someone else's account); the rules then apply when its holder accepts, through the same booking path.
    it('books nothing for an existing account in a cohort upload: the retaker is invited, the new row registered', async () => {
      setRetake(WAITS)
      const r = await candidate('cohort-retaker')
      const failed = (await sit(r, { MM: 'fail' })).MM!
      const session = await sessionAt(at(failed.startedAt, 10))
      const csv = ['name,email,modules', `Robin Retaker,${r.email},MM`, `Sam Cohort,cohort-new-${seq++}-${kind}@example.com,MM`].join('\n')
      const started = await call(world.t.app, 'POST', `/api/v1/sessions/${session}/cohort`, { session: world.staff, payload: csv, headers: { 'content-type': 'text/csv' } })
      expect(started.statusCode, started.body).toBe(202)
      await world.t.idle()
      const job = (await call(world.t.app, 'GET', `/api/v1/jobs/${started.json().jobId}`, { session: world.staff })).json()
      expect(job.summary).toMatchObject({ registered: 1, waitlisted: 0, failed: 0, invited: 1 })
      expect(job.report[0]).toMatchObject({ row: 2, email: r.email, outcome: 'invited' })
      expect((await registrationsOf(r)).filter((x) => x.session_id === session)).toEqual([])
      expect(await seatsTaken(session)).toBe(1)
    })

    it('refuses to move a voucher-paid registration too soon, keeping its seat and its voucher; its own booking does not count', async () => {
      setRetake(WAITS)
      const v = await candidate('voucher')
      // Sat before fees are set: the walk-in's registration is confirmed at once.
      const failed = (await sit(v, { MM: 'fail' })).MM!
      const fees = (mm: number) => call(world.t.app, 'PUT', '/api/v1/admin/fees', { session: world.staff, body: { MM: mm } })
      expect((await fees(5000)).statusCode).toBe(200)
      try {
        const paid = await sessionAt(at(failed.startedAt, 20))
        const tooSoon = await sessionAt(at(failed.startedAt, 10))
        const fine = await sessionAt(at(failed.startedAt, 16))
        const bought = await call(world.t.app, 'POST', '/api/v1/vouchers', { session: world.staff, body: { modules: ['MM'], quantity: 1 } })
        expect(bought.statusCode, bought.body).toBe(201)
        const code = bought.json().items[0].code as string
        const reg = await book(v, paid, ['MM'])
        expect(reg.json().status).toBe('pending_payment')
        const pay = await call(world.t.app, 'POST', `/api/v1/registrations/${reg.json().id}/payment`, { session: v.c, body: { method: 'voucher', code } })
        expect(pay.statusCode, pay.body).toBe(200)
        const voucher = () => world.t.app.db.selectFrom('vouchers').select(['status', 'registration_id']).where('code', '=', code).executeTakeFirstOrThrow()
        expect(await voucher()).toEqual({ status: 'redeemed', registration_id: reg.json().id })

        const moved = await call(world.t.app, 'POST', `/api/v1/registrations/${reg.json().id}/reschedule`, { session: v.c, body: { sessionId: tooSoon } })
        expect(moved.statusCode, moved.body).toBe(422)
        expect(moved.json().error).toMatchObject({ code: 'RETAKE_TOO_SOON', details: { module: 'MM', nextEligibleAt: at(failed.startedAt, 15) } })
        expect(await voucher()).toEqual({ status: 'redeemed', registration_id: reg.json().id })
        expect(await seatsTaken(tooSoon)).toBe(0)
        expect(await seatsTaken(paid)).toBe(1)
        expect((await registrationsOf(v)).filter((r) => r.session_id !== world.liveSessionId)).toEqual([{ id: reg.json().id, session_id: paid, status: 'confirmed', modules: '["MM"]' }])

        // A session the rules allow: the move goes through and the voucher goes with it.
        const ok = await call(world.t.app, 'POST', `/api/v1/registrations/${reg.json().id}/reschedule`, { session: v.c, body: { sessionId: fine } })
        expect(ok.statusCode, ok.body).toBe(200)
        expect(ok.json()).toMatchObject({ sessionId: fine, status: 'confirmed', paymentMethod: 'voucher' })
        expect(await voucher()).toEqual({ status: 'redeemed', registration_id: ok.json().id })
      } finally {
        expect((await fees(0)).statusCode).toBe(200)
      }
    })

    it('lets only one of two simultaneous bookings of one module by one candidate through', async () => {
      const other = await secondApp(world)
      try {
        for (let round = 0; round < 4; round++) {
          const r = await candidate(`race${round}`)
          const [one, two] = [await world.newSession((50 + 2 * round) * DAY), await world.newSession((51 + 2 * round) * DAY)]
          const body = (sessionId: string) => ({ sessionId, modules: ['MM', 'QBA'] })
          const results = await Promise.all([
            call(world.t.app, 'POST', '/api/v1/registrations', { session: r.c, body: body(one) }),
            call(other?.app ?? world.t.app, 'POST', '/api/v1/registrations', { session: r.c, body: body(two) }),
          ])
          expect(results.map((x) => x.statusCode).sort(), results.map((x) => x.body).join('\n')).toEqual([201, 422])
          expect(errorCode(results.find((x) => x.statusCode === 422)!)).toBe('MODULE_ALREADY_BOOKED')
          expect((await registrationsOf(r)).filter((x) => x.status === 'confirmed')).toHaveLength(1)
          expect((await seatsTaken(one)) + (await seatsTaken(two))).toBe(1)
        }
      } finally {
        await other?.close()
      }
    })

    it('answers only the logged-in candidate, about their own history, and refuses malformed questions', async () => {
      setRetake(WAITS)
      const mine = await candidate('own')
      const failed = (await sit(mine, { SRMT: 'fail' })).SRMT!
      const session = await sessionAt(at(failed.startedAt, 7))
      const someoneElse = await candidate('else')
      expect((await eligibility(mine, `?sessionId=${session}`)).json().items[1]).toMatchObject({ module: 'SRMT', eligible: false })
      expect((await eligibility(someoneElse, `?sessionId=${session}`)).json().items.every((i: { eligible: boolean }) => i.eligible)).toBe(true)

      const anonymous = await eligibility(null, `?sessionId=${session}`)
      expect(anonymous.statusCode).toBe(401)
      expect((await call(world.t.app, 'GET', '/api/v1/me/eligibility', { session: world.staff })).statusCode).toBe(403)
      expect(errorCode(await eligibility(mine, '?sessionId=not%20an%20id!'))).toBe('VALIDATION')
      expect(errorCode(await eligibility(mine, `?sessionId=${session}&candidateId=${someoneElse.c.userId}`))).toBe('VALIDATION')
      expect((await eligibility(mine, '?sessionId=6d1f0f5e-0000-4000-8000-000000000000')).statusCode).toBe(404)

      // Nobody books or moves for someone else, and a malformed booking is refused before any rule.
      const reg = await book(someoneElse, session, ['QBA'])
      expect(reg.statusCode).toBe(201)
      const moved = await call(world.t.app, 'POST', `/api/v1/registrations/${reg.json().id}/reschedule`, { session: mine.c, body: { sessionId: world.liveSessionId } })
      expect(moved.statusCode).toBe(404)
      expect(errorCode(await book(mine, session, []))).toBe('VALIDATION')
      expect(errorCode(await book(mine, session, ['mm']))).toBe('VALIDATION')
      expect(errorCode(await book(mine, session, ['XX']))).toBe('MODULE_NOT_OFFERED')
      const anonymousBooking = await call(world.t.app, 'POST', '/api/v1/registrations', { body: { sessionId: session, modules: ['SRMT'] } })
      expect(anonymousBooking.statusCode).toBe(401)
      expect(await seatsTaken(session)).toBe(1)
    })
  })

  describe('when a module is sat again', () => {
    it('draws a retake form without the items the candidate saw, as far as the pool allows, and records the overlap', async () => {
      const j = await candidate('second-form')
      const { MM: firstMM, SRMT: firstSRMT } = await sit(j, { MM: 'fail', SRMT: 'fail' })
      const next = await world.newSession(2 * DAY)
      world.t.clock.set(new Date(Date.parse(firstMM!.startedAt) + 2 * DAY + 10 * MINUTE))
      await relogin(j)
      const { MM: secondMM, SRMT: secondSRMT } = await sit(j, { MM: 'fail', SRMT: 'fail' }, next)

      // SRMT draws 6 of 12 per skill: a second form can avoid every item.
      const seenSRMT = new Set(firstSRMT!.items.map((i) => i.id))
      expect(secondSRMT!.items).toHaveLength(36)
      expect(secondSRMT!.items.filter((i) => seenSRMT.has(i.id))).toHaveLength(0)
      // MM draws 8 of 12 per skill: a second form must repeat 4 per skill, and repeats no more.
      const seenMM = new Set(firstMM!.items.map((i) => i.id))
      const repeated = secondMM!.items.filter((i) => seenMM.has(i.id)).map((i) => i.id)
      expect(repeated).toHaveLength(12)
      const skillOf = async (id: string) => (await world.itemKey(id, secondMM!.id)).skill
      const perSkill = new Map<string, number>()
      for (const id of repeated) perSkill.set(await skillOf(id), (perSkill.get(await skillOf(id)) ?? 0) + 1)
      expect(Object.fromEntries(perSkill)).toEqual({ MEAS: 4, ALG: 4, MQ: 4 })

      const overlap = async (id: string) => (await world.t.app.db.selectFrom('attempts').select('seen_overlap').where('id', '=', id).executeTakeFirstOrThrow()).seen_overlap
      expect(await overlap(firstMM!.id)).toBe(0)
      expect(await overlap(secondMM!.id)).toBe(12)
      expect(await overlap(secondSRMT!.id)).toBe(0)
    })

    it('caps attempts in any 12 months: refused until the oldest counted attempt leaves the window, to the instant', async () => {
      setRetake({ waitDaysAfterAttempt: [], maxAttemptsPer12Months: 2 })
      const k = await candidate('capped')
      await relogin(k)
      const startNow = await world.newSession(10 * MINUTE)
      world.t.clock.advance(20 * MINUTE)
      await relogin(k)
      const first = (await sit(k, { QBA: 'fail' }, startNow)).QBA!
      const again = await world.newSession(DAY)
      world.t.clock.advance(DAY + 10 * MINUTE)
      await relogin(k)
      await sit(k, { QBA: 'fail' }, again)

      const leaves = new Date(first.startedAt)
      leaves.setUTCFullYear(leaves.getUTCFullYear() + 1)
      const justBefore = await sessionAt(new Date(leaves.getTime() - DAY).toISOString())
      const exactly = await sessionAt(leaves.toISOString())
      const refused = await book(k, justBefore, ['QBA'])
      expect(refused.statusCode, refused.body).toBe(422)
      expect(refused.json().error).toMatchObject({ code: 'RETAKE_TOO_SOON', details: { module: 'QBA', nextEligibleAt: leaves.toISOString() } })
      expect(await seatsTaken(justBefore)).toBe(0)
      expect((await eligibility(k, `?sessionId=${justBefore}`)).json().items).toContainEqual({ module: 'QBA', eligible: false, reason: 'RETAKE_TOO_SOON', nextEligibleAt: leaves.toISOString() })
      const accepted = await book(k, exactly, ['QBA'])
      expect(accepted.statusCode, accepted.body).toBe(201)
    })
  })
})
