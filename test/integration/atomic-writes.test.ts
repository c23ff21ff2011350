// Every multi-step write is one transaction of conditional updates. Races on one registration —
// reschedules, cancels, voucher redemptions, invoice requests and payments, sent at once through two
// app instances on PostgreSQL — leave the books balanced (test/helpers/books.ts): seats equal the
// registrations holding them, a voucher pays for one seat, a registration is paid once. Failures
// injected by the database itself (a trigger that raises) show that a void, a scribed save, an onsite
// approval and an item import leave nothing half done; added time is never lost to a concurrent
// change; background jobs resume after their process stops.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/server/app.js'
import { loadConfig, projectRoot } from '../../src/server/config.js'
import { openDatabase } from '../../src/server/db/database.js'
import { seedDemo } from '../../src/server/db/seed/demo.js'
import { newId } from '../../src/server/ids.js'
import { zipFiles } from '../../src/server/modules/item-bank/package.js'
import { bookProblems } from '../helpers/books.js'
import { auditEntries, deliveryWorld, type AttemptView, type DeliveryWorld } from '../helpers/delivery.js'
import { call, errorCode, login, register, staffSession, type Session } from '../helpers/http-client.js'
import { exited, killServerProcesses, startServerProcess } from '../helpers/server-process.js'
import { createTestApp, databases, testClock, type TestApp, removeTestStorage } from '../helpers/test-app.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** A second app instance on the same PostgreSQL schema (its own pool): what another server process would be. */
async function peerOf(t: TestApp): Promise<{ app: FastifyInstance; close(): Promise<void> } | null> {
  if (t.app.dialect !== 'postgres') return null
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-peer-'))
  const config = loadConfig({ DATA_DIR: dataDir, MT1_DEMO: '0', PUBLIC_URL: 'http://mt1.test' }, { databaseUrl: t.app.config.databaseUrl, databaseSchema: t.app.config.databaseSchema, keyEncryptionKey: t.app.config.keyEncryptionKey, logLevel: 'silent' })
  const app = await buildApp(config, { logger: false, clock: t.clock })
  return { app, close: async () => { await app.close(); fs.rmSync(dataDir, { recursive: true, force: true }) } }
}

/** A database fault: inserting a matching row into `table` fails, raised by the database itself. */
async function injectFault(app: FastifyInstance, name: string, table: string, condition: string): Promise<() => Promise<void>> {
  if (app.dialect === 'sqlite') {
    await sql.raw(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} WHEN ${condition} BEGIN SELECT RAISE(ABORT, 'injected fault'); END`).execute(app.db)
    return async () => { await sql.raw(`DROP TRIGGER ${name}`).execute(app.db) }
  }
  await sql.raw(`CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN IF ${condition} THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`).execute(app.db)
  await sql.raw(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`).execute(app.db)
  return async () => {
    await sql.raw(`DROP TRIGGER ${name} ON ${table}`).execute(app.db)
    await sql.raw(`DROP FUNCTION ${name}()`).execute(app.db)
  }
}

const statuses = (responses: LightMyRequestResponse[]) => responses.map((r) => r.statusCode)
const no5xx = (responses: LightMyRequestResponse[]) => expect(responses.filter((r) => r.statusCode >= 500).map((r) => r.body)).toEqual([])

describe.each(databases)('registration writes are atomic on %s', (kind) => {
  let t: TestApp
  let peer: Awaited<ReturnType<typeof peerOf>>
  let staff: Session
  let employer: Session
  let centerId: string
  let seq = 0
  /** The app instance the i-th request of a race goes through: alternating between two on PostgreSQL. */
  const via = (i: number) => (peer && i % 2 === 1 ? peer.app : t.app)

  const freshProctor = async () => {
    const p = await t.app.services.users.createWithPassword({ email: `atomic-proctor-${seq++}-${kind}@example.com`, firstName: 'Atomic', lastName: 'Proctor', roles: ['proctor'] })
    const since = new Date(t.clock().getTime() - 30 * DAY).toISOString()
    const res = await call(t.app, 'PUT', `/api/v1/admin/proctors/${p.id}/certification`, {
      session: staff, body: { trainingCompletedOn: since, agreementSignedOn: since, coiDeclaredOn: since, certifiedUntil: new Date(t.clock().getTime() + 365 * DAY).toISOString(), status: 'certified' },
    })
    expect(res.statusCode, res.body).toBe(200)
    return p.id
  }
  const newSession = async (seats = 10, startsInDays = 10) => {
    const startsAt = new Date(t.clock().getTime() + startsInDays * DAY + seq * HOUR)
    const res = await call(t.app, 'POST', '/api/v1/sessions', {
      session: staff, body: { centerId, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 4 * HOUR).toISOString(), seats, modules: ['MM', 'SRMT', 'QBA'], proctorIds: [await freshProctor()] },
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json().id as string
  }
  const candidate = (name: string) => register(t.app, { email: `${name}-${seq++}-${kind}@example.com` })
  const book = async (c: Session, sessionId: string, waitlist = false) => {
    const res = await call(t.app, 'POST', '/api/v1/registrations', { session: c, body: { sessionId, modules: ['QBA'], ...(waitlist ? { waitlist } : {}) } })
    expect(res.statusCode, res.body).toBe(201)
    return res.json() as { id: string; status: string }
  }
  const vouchers = async (n: number): Promise<string[]> => {
    const res = await call(t.app, 'POST', '/api/v1/vouchers', { session: employer, body: { modules: ['QBA'], quantity: n } })
    expect(res.statusCode, res.body).toBe(201)
    return (res.json().items as { code: string }[]).map((v) => v.code)
  }
  const payWith = (app: FastifyInstance, c: Session, id: string, code: string) => call(app, 'POST', `/api/v1/registrations/${id}/payment`, { session: c, body: { method: 'voucher', code } })
  const askInvoice = (app: FastifyInstance, c: Session, id: string) => call(app, 'POST', `/api/v1/registrations/${id}/payment`, { session: c, body: { method: 'invoice' } })
  const liveOf = (candidateId: string) => t.app.db.selectFrom('registrations').selectAll().where('candidate_id', '=', candidateId).where('status', 'in', ['pending_payment', 'confirmed', 'waitlisted']).execute()
  const expectBalancedBooks = async () => expect(await bookProblems(t.app.db)).toEqual([])

  beforeAll(async () => {
    t = await createTestApp(kind)
    peer = await peerOf(t)
    staff = await staffSession(t.app)
    await seedDemo(t.app, t.clock())
    employer = await login(t.app, 'employer@demo.test', 'mt1-demo')
    centerId = (await call(t.app, 'GET', '/api/v1/centers')).json().items.find((c: { name: string }) => c.name === 'MT1 Demo Assessment Center').id
    const fees = await call(t.app, 'PUT', '/api/v1/admin/fees', { session: staff, body: { MM: 5000, SRMT: 5000, QBA: 5000 } })
    expect(fees.statusCode, fees.body).toBe(200)
  }, 120_000)
  afterAll(async () => {
    await peer?.close()
    await t.close()
  })

  // Proves the tester's first finding: two (here six) reschedules of one voucher-paid registration at
  // once move it once; the voucher pays for that one seat and no other.
  it('moves a voucher-paid registration once when reschedules race, and the voucher pays for one seat', async () => {
    const [s0, s1, s2, s3] = [await newSession(), await newSession(), await newSession(), await newSession()]
    const c = await candidate('rescheduled')
    const reg = await book(c, s0)
    const [code] = await vouchers(1)
    expect((await payWith(t.app, c, reg.id, code!)).json().status).toBe('confirmed')
    const targets = [s1, s2, s3, s1, s2, s3]
    const raced = await Promise.all(targets.map((sessionId, i) => call(via(i), 'POST', `/api/v1/registrations/${reg.id}/reschedule`, { session: c, body: { sessionId } })))
    no5xx(raced)
    const moved = raced.filter((r) => r.statusCode === 200)
    expect(moved, JSON.stringify(statuses(raced))).toHaveLength(1)
    expect(moved[0]!.json()).toMatchObject({ status: 'confirmed', paymentMethod: 'voucher' })
    const live = await liveOf(c.userId)
    expect(live.map((r) => [r.id, r.status, Number(r.holds_seat)])).toEqual([[moved[0]!.json().id, 'confirmed', 1]])
    const voucher = await t.app.db.selectFrom('vouchers').selectAll().where('code', '=', code!).executeTakeFirstOrThrow()
    expect([voucher.status, voucher.registration_id]).toEqual(['redeemed', live[0]!.id])
    await expectBalancedBooks()
  })

  // Proves that reschedules, voucher redemptions (two codes) and invoice payments racing on one held
  // registration end in one seat, paid once: one voucher used or the invoice paid, never both.
  it('leaves exactly one paid seat when reschedules, voucher payments and invoice payments race', async () => {
    for (let round = 0; round < 3; round++) {
      const [s0, s1, s2] = [await newSession(), await newSession(), await newSession()]
      const c = await candidate('paying')
      const reg = await book(c, s0)
      expect(reg.status).toBe('pending_payment')
      const invoiceId = (await askInvoice(t.app, c, reg.id)).json().invoiceId as string
      const [v1, v2] = await vouchers(2)
      const raced = await Promise.all([
        payWith(via(0), c, reg.id, v1!),
        payWith(via(1), c, reg.id, v2!),
        call(via(round), 'POST', `/api/v1/admin/invoices/${invoiceId}/paid`, { session: staff }),
        call(via(round + 1), 'POST', `/api/v1/admin/invoices/${invoiceId}/paid`, { session: staff }),
        call(via(0), 'POST', `/api/v1/registrations/${reg.id}/reschedule`, { session: c, body: { sessionId: s1 } }),
        call(via(1), 'POST', `/api/v1/registrations/${reg.id}/reschedule`, { session: c, body: { sessionId: s2 } }),
        askInvoice(via(round), c, reg.id),
      ])
      no5xx(raced)
      await expectBalancedBooks()
      let live = await liveOf(c.userId)
      expect(live).toHaveLength(1)
      // A reschedule that won before any payment carries the open invoice: paying it now is the one payment.
      if (live[0]!.status === 'pending_payment') {
        const open = await t.app.db.selectFrom('invoices').select('id').where('registration_id', '=', live[0]!.id).where('status', '=', 'open').executeTakeFirstOrThrow()
        expect((await call(t.app, 'POST', `/api/v1/admin/invoices/${open.id}/paid`, { session: staff })).statusCode).toBe(200)
        live = await liveOf(c.userId)
      }
      expect(live.map((r) => [r.status, Number(r.holds_seat)])).toEqual([['confirmed', 1]])
      const redeemed = await t.app.db.selectFrom('vouchers').select(['code', 'registration_id']).where('code', 'in', [v1!, v2!]).where('status', '=', 'redeemed').execute()
      const paidInvoices = await t.app.db.selectFrom('invoices').select('id').where('status', '=', 'paid').where('registration_id', '=', live[0]!.id).execute()
      expect(redeemed.length + paidInvoices.length, JSON.stringify({ round, statuses: statuses(raced), redeemed, paidInvoices })).toBe(1)
      if (redeemed.length) expect(redeemed[0]!.registration_id).toBe(live[0]!.id)
      await expectBalancedBooks()
    }
  })

  // Proves that a cancel racing reschedules releases the seat once (the release is in the cancel's
  // own transaction, conditional on the registration still holding it) and gives the voucher back
  // only if no registration keeps it; the voucher is then usable exactly once more.
  it('releases a seat once and returns the voucher only when nothing keeps it, when cancels race reschedules', async () => {
    for (let round = 0; round < 3; round++) {
      const [s0, s1, s2] = [await newSession(3), await newSession(3), await newSession(3)]
      const c = await candidate('cancelling')
      const reg = await book(c, s0)
      const [code] = await vouchers(1)
      expect((await payWith(t.app, c, reg.id, code!)).statusCode).toBe(200)
      const raced = await Promise.all([
        call(via(0), 'POST', `/api/v1/registrations/${reg.id}/cancel`, { session: c, body: {} }),
        call(via(1), 'POST', `/api/v1/registrations/${reg.id}/reschedule`, { session: c, body: { sessionId: s1 } }),
        call(via(round), 'POST', `/api/v1/registrations/${reg.id}/cancel`, { session: staff, body: { reason: 'race' } }),
        call(via(round + 1), 'POST', `/api/v1/registrations/${reg.id}/reschedule`, { session: c, body: { sessionId: s2 } }),
      ])
      no5xx(raced)
      expect(raced.filter((r) => r.statusCode === 200), JSON.stringify(statuses(raced))).toHaveLength(1)
      await expectBalancedBooks()
      const live = await liveOf(c.userId)
      const voucher = await t.app.db.selectFrom('vouchers').selectAll().where('code', '=', code!).executeTakeFirstOrThrow()
      if (live.length === 0) expect(voucher.status).toBe('available')
      else expect([live.length, voucher.status, voucher.registration_id]).toEqual([1, 'redeemed', live[0]!.id])
      // Someone else tries the same voucher twice at once: it pays once if it was given back, never if it is kept.
      const other = await candidate('second-user')
      const second = await book(other, s0)
      const tries = await Promise.all([payWith(via(0), other, second.id, code!), payWith(via(1), other, second.id, code!)])
      no5xx(tries)
      expect(tries.filter((r) => r.statusCode === 200)).toHaveLength(live.length === 0 ? 1 : 0)
      await expectBalancedBooks()
    }
  })

  // Proves idempotent invoice requests: asking six times at once (through two instances) issues one
  // open invoice and answers every request with it (the partial unique index decides).
  it('issues one invoice however many times it is asked for at once', async () => {
    const c = await candidate('invoiced')
    const reg = await book(c, await newSession())
    const asked = await Promise.all(Array.from({ length: 6 }, (_, i) => askInvoice(via(i), c, reg.id)))
    expect(statuses(asked)).toEqual([200, 200, 200, 200, 200, 200])
    expect(new Set(asked.map((r) => r.json().invoiceId)).size).toBe(1)
    const invoices = await t.app.db.selectFrom('invoices').select(['id', 'status']).where('registration_id', '=', reg.id).execute()
    expect(invoices).toEqual([{ id: asked[0]!.json().invoiceId, status: 'open' }])
    const again = await askInvoice(t.app, c, reg.id)
    expect(again.json().invoiceId).toBe(invoices[0]!.id)
    await expectBalancedBooks()
  })

  // Proves that a cancelled registration's invoice cannot be marked paid: the cancel voids it, and the
  // payment is refused (409) without confirming anything.
  it('refuses to mark paid the invoice of a cancelled registration', async () => {
    const c = await candidate('cancelled-invoice')
    const reg = await book(c, await newSession())
    const invoiceId = (await askInvoice(t.app, c, reg.id)).json().invoiceId as string
    expect((await call(t.app, 'POST', `/api/v1/registrations/${reg.id}/cancel`, { session: c, body: {} })).statusCode).toBe(200)
    const paid = await call(t.app, 'POST', `/api/v1/admin/invoices/${invoiceId}/paid`, { session: staff })
    expect(paid.statusCode, paid.body).toBe(409)
    expect(errorCode(paid)).toBe('CONFLICT')
    expect((await t.app.db.selectFrom('invoices').select('status').where('id', '=', invoiceId).executeTakeFirstOrThrow()).status).toBe('void')
    expect((await call(t.app, 'GET', `/api/v1/registrations/${reg.id}`, { session: c })).json().status).toBe('cancelled')
    await expectBalancedBooks()
  })

  // Proves that a move onto a waitlist keeps the payment: the voucher goes with the waitlisted
  // registration, which is confirmed (not asked to pay again) when a seat frees; cancelling a
  // waitlisted, paid registration gives the voucher back.
  it('keeps the payment of a registration moved onto a waitlist, and confirms it when a seat frees', async () => {
    const full = await newSession(1)
    const holder = await candidate('seat-holder')
    const held = await book(holder, full)
    const c = await candidate('waitlist-mover')
    const reg = await book(c, await newSession())
    const [code] = await vouchers(1)
    expect((await payWith(t.app, c, reg.id, code!)).statusCode).toBe(200)
    const moved = await call(t.app, 'POST', `/api/v1/registrations/${reg.id}/reschedule`, { session: c, body: { sessionId: full, waitlist: true } })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json()).toMatchObject({ status: 'waitlisted', paymentMethod: 'voucher', amountDueCents: 0 })
    await expectBalancedBooks()
    expect((await call(t.app, 'POST', `/api/v1/registrations/${held.id}/cancel`, { session: holder, body: {} })).statusCode).toBe(200)
    expect((await call(t.app, 'GET', `/api/v1/registrations/${moved.json().id}`, { session: c })).json()).toMatchObject({ status: 'confirmed', paymentMethod: 'voucher' })
    await expectBalancedBooks()

    // Moved onto a waitlist and cancelled there: the voucher is free again.
    const other = await candidate('waitlist-leaver')
    const second = await book(other, await newSession())
    const [code2] = await vouchers(1)
    expect((await payWith(t.app, other, second.id, code2!)).statusCode).toBe(200)
    const waiting = await call(t.app, 'POST', `/api/v1/registrations/${second.id}/reschedule`, { session: other, body: { sessionId: full, waitlist: true } })
    expect(waiting.json().status).toBe('waitlisted')
    expect((await call(t.app, 'POST', `/api/v1/registrations/${waiting.json().id}/cancel`, { session: other, body: {} })).statusCode).toBe(200)
    expect((await t.app.db.selectFrom('vouchers').select('status').where('code', '=', code2!).executeTakeFirstOrThrow()).status).toBe('available')
    await expectBalancedBooks()
  })

  // Proves that a hold ending while the candidate asks for an invoice does one or the other: the
  // expiry is conditional on the hold still running, so no registration ends expired with an open invoice.
  it('either expires a hold or issues its invoice when both happen at once, never half of each', async () => {
    const session = await newSession(5)
    const people = await Promise.all(Array.from({ length: 4 }, () => candidate('hold')))
    const regs = await Promise.all(people.map((c) => book(c, session)))
    // Their holds have just run out (as if the candidates had waited past them).
    await t.app.db.updateTable('registrations').set({ hold_expires_at: new Date(t.clock().getTime() - 60_000).toISOString() }).where('id', 'in', regs.map((r) => r.id)).execute()
    const raced = await Promise.all([
      ...people.map((c, i) => askInvoice(via(i), c, regs[i]!.id)),
      (peer?.app ?? t.app).services.registrations.releaseExpiredHolds(),
      t.app.services.registrations.releaseExpiredHolds(),
    ])
    no5xx(raced.slice(0, people.length) as LightMyRequestResponse[])
    for (const r of regs) {
      const row = await t.app.db.selectFrom('registrations').select(['status', 'hold_expires_at']).where('id', '=', r.id).executeTakeFirstOrThrow()
      expect(['expired', 'pending_payment']).toContain(row.status)
      if (row.status === 'pending_payment') expect(row.hold_expires_at).toBeNull()
    }
    await expectBalancedBooks()
  })

  // Proves a session cannot shrink below the seats taken when a booking takes the last seat at the
  // same moment: the shrink re-checks the count on the row it updates, so one of the two loses.
  it('never leaves more seats taken than a session has when a shrink races a booking', async () => {
    for (let round = 0; round < 6; round++) {
      const session = await newSession(3)
      await book(await candidate('shrink-holder'), session)
      await book(await candidate('shrink-holder'), session)
      const late = await candidate('shrink-late')
      const raced = await Promise.all([
        call(via(round), 'PATCH', `/api/v1/sessions/${session}`, { session: staff, body: { seats: 2 } }),
        call(via(round + 1), 'POST', '/api/v1/registrations', { session: late, body: { sessionId: session, modules: ['QBA'] } }),
      ])
      no5xx(raced)
      const [shrink, booking] = raced
      const row = await t.app.db.selectFrom('test_sessions').select(['seats', 'seats_taken']).where('id', '=', session).executeTakeFirstOrThrow()
      expect(Number(row.seats_taken)).toBeLessThanOrEqual(Number(row.seats))
      // Either the shrink won (and the late booking found the session full) or the booking did (and the shrink was refused).
      if (shrink!.statusCode === 200) expect(Number(row.seats)).toBe(2)
      else expect(errorCode(shrink!)).toBe('RULE_VIOLATION')
      expect([201, 409, 422]).toContain(booking!.statusCode)
    }
    await expectBalancedBooks()
  })

  // The same race made certain on PostgreSQL: the last seat is taken through the other server after the
  // shrink has read the session and while its transaction runs (inside a step of it), so only the
  // condition on the row it updates can see the booking.
  it('refuses a shrink when the last seat is taken after the shrink read the session', async (ctx) => {
    if (!peer) return ctx.skip()
    const session = await newSession(3)
    await book(await candidate('shrink-holder'), session)
    await book(await candidate('shrink-holder'), session)
    const late = await candidate('shrink-late')
    // The step is hooked in every app of this test (TEST_TWO_APPS: the shrink may reach either).
    const hooked = t.apps.map((a) => ({ registrations: a.services.registrations, original: a.services.registrations.liveCandidateIds }))
    let booked: LightMyRequestResponse | undefined
    for (const { registrations, original } of hooked) {
      registrations.liveCandidateIds = async (trx, id) => {
        booked ??= await call(peer!.app, 'POST', '/api/v1/registrations', { session: late, body: { sessionId: session, modules: ['QBA'] } })
        return original(trx, id)
      }
    }
    try {
      const shrink = await call(t.app, 'PATCH', `/api/v1/sessions/${session}`, { session: staff, body: { seats: 2 } })
      expect(booked?.statusCode, booked?.body).toBe(201)
      expect(shrink.statusCode, shrink.body).toBe(422)
      expect(errorCode(shrink)).toBe('RULE_VIOLATION')
    } finally {
      for (const { registrations, original } of hooked) registrations.liveCandidateIds = original
    }
    const row = await t.app.db.selectFrom('test_sessions').select(['seats', 'seats_taken']).where('id', '=', session).executeTakeFirstOrThrow()
    expect({ seats: Number(row.seats), taken: Number(row.seats_taken) }).toEqual({ seats: 3, taken: 3 })
    await expectBalancedBooks()
  })
})

describe.each(databases)('proctoring, scribing, approvals, imports and jobs are atomic on %s', (kind) => {
  let w: DeliveryWorld
  let peer: Awaited<ReturnType<typeof peerOf>>
  const via = (i: number) => (peer && i % 2 === 1 ? peer.app : w.t.app)
  const db = () => w.t.app.db

  beforeAll(async () => {
    w = await deliveryWorld(kind)
    peer = await peerOf(w.t)
  }, 180_000)
  afterAll(async () => {
    await peer?.close()
    await w.t.close()
  })

  const attemptRow = (id: string) => db().selectFrom('attempts').select(['status', 'deadline_at', 'extra_minutes']).where('id', '=', id).executeTakeFirstOrThrow()
  const eventKinds = async (id: string) => (await db().selectFrom('attempt_events').select('kind').where('attempt_id', '=', id).execute()).map((e) => e.kind)

  // Proves added time is arithmetic on the clock as it is, never a copy of an older read: five
  // additions at once all count, and additions racing a resume (which moves the deadline by the
  // pause) keep both.
  it('adds every minute of concurrent added time, and keeps it when a resume races it', async () => {
    const a = await w.admitted(`added-time-${kind}@example.com`, ['QBA'])
    const attempt = await w.start(a, 'QBA')
    const before = Date.parse((await attemptRow(attempt.id)).deadline_at)
    const added = await Promise.all(Array.from({ length: 5 }, (_, i) => call(via(i), 'POST', `/api/v1/attempts/${attempt.id}/extra-time`, { session: w.proctor, body: { minutes: 1, reason: `race ${i}` } })))
    expect(statuses(added)).toEqual([200, 200, 200, 200, 200])
    let row = await attemptRow(attempt.id)
    expect([Date.parse(row.deadline_at) - before, Number(row.extra_minutes)]).toEqual([5 * 60_000, 5])
    expect(await auditEntries(w, 'attempt.time_added', attempt.id)).toHaveLength(5)

    expect((await call(w.t.app, 'POST', `/api/v1/attempts/${attempt.id}/pause`, { session: w.proctor, body: { reason: 'fire drill' } })).statusCode).toBe(200)
    w.t.clock.advance(10 * 60_000)
    const raced = await Promise.all([
      call(via(0), 'POST', `/api/v1/attempts/${attempt.id}/resume`, { session: w.proctor }),
      call(via(1), 'POST', `/api/v1/attempts/${attempt.id}/extra-time`, { session: w.proctor, body: { minutes: 2, reason: 'during the drill' } }),
      call(via(2), 'POST', `/api/v1/attempts/${attempt.id}/extra-time`, { session: w.proctor, body: { minutes: 3, reason: 'during the drill' } }),
    ])
    expect(statuses(raced)).toEqual([200, 200, 200])
    row = await attemptRow(attempt.id)
    expect(row.status).toBe('in_progress')
    expect([Date.parse(row.deadline_at) - before, Number(row.extra_minutes)]).toEqual([(5 + 10 + 5) * 60_000, 10])
  })

  // Proves a void is one transaction: when its audit entry cannot be written (the database refuses
  // it), the attempt is not voided and no event says it was; once it can, it is, with both.
  it('voids an attempt with its event and audit entry together, or not at all', async () => {
    const a = await w.admitted(`void-fault-${kind}@example.com`, ['QBA'])
    const attempt = await w.start(a, 'QBA')
    const heal = await injectFault(w.t.app, 'atomic_void_fault', 'audit_log', "NEW.action = 'attempt.voided'")
    try {
      const failed = await call(w.t.app, 'POST', `/api/v1/attempts/${attempt.id}/void`, { session: w.proctor, body: { reason: 'misconduct' } })
      expect(failed.statusCode, failed.body).toBeGreaterThanOrEqual(500)
    } finally {
      await heal()
    }
    expect((await attemptRow(attempt.id)).status).toBe('in_progress')
    expect(await eventKinds(attempt.id)).not.toContain('voided')
    const voided = await call(w.t.app, 'POST', `/api/v1/attempts/${attempt.id}/void`, { session: w.proctor, body: { reason: 'misconduct' } })
    expect(voided.statusCode, voided.body).toBe(200)
    expect((await attemptRow(attempt.id)).status).toBe('voided')
    expect(await eventKinds(attempt.id)).toContain('voided')
    expect(await auditEntries(w, 'attempt.voided', attempt.id)).toHaveLength(1)
  })

  // Proves a scribed answer and the audit entry naming the scribe commit together: when the entry
  // cannot be written, the answer is not stored either.
  it('stores a scribed answer only with the audit entry that names the scribe', async () => {
    const a = await w.admitted(`scribe-fault-${kind}@example.com`, ['QBA'], { adjustments: ['scribe'] })
    const attempt = await w.start(a, 'QBA')
    const item = attempt.items[0]!.id
    const key = (await w.itemKey(item, attempt.id)).correctResponse
    const heal = await injectFault(w.t.app, 'atomic_scribe_fault', 'audit_log', "NEW.action = 'attempt.response_scribed'")
    try {
      const failed = await call(w.t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${item}`, { session: w.proctor, body: { response: key, seq: 1 } })
      expect(failed.statusCode, failed.body).toBeGreaterThanOrEqual(500)
    } finally {
      await heal()
    }
    expect(((await w.get(a.c, attempt.id)).json() as AttemptView).responses[item]).toBeUndefined()
    const saved = await call(w.t.app, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${item}`, { session: w.proctor, body: { response: key, seq: 1 } })
    expect(saved.statusCode, saved.body).toBe(200)
    expect(((await w.get(a.c, attempt.id)).json() as AttemptView).responses[item]).toMatchObject({ seq: 1 })
    expect(await auditEntries(w, 'attempt.response_scribed', attempt.id)).toHaveLength(1)
  })

  // Proves an onsite approval is one transaction: a failure while its session is written leaves no
  // center behind and the request undecided; approved again, it makes exactly one center and session.
  it('leaves no center behind when an onsite approval fails half-way', async () => {
    const employer = await login(w.t.app, 'employer@demo.test', 'mt1-demo')
    const company = `Fault Works ${kind}`
    const req = await call(w.t.app, 'POST', '/api/v1/onsite-requests', { session: employer, body: { companyName: company, addressLine1: '1 Forge Road', city: 'Akron', state: 'OH', postalCode: '44301', preferredDate: new Date(w.t.clock().getTime() + 40 * DAY).toISOString(), candidates: 7, modules: ['QBA'] } })
    expect(req.statusCode, req.body).toBe(201)
    const startsAt = new Date(w.t.clock().getTime() + 40 * DAY)
    const body = { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString(), seats: 11, proctorIds: [w.proctor.userId] }
    const centersOf = () => db().selectFrom('centers').select('id').where('name', '=', `${company} (onsite)`).execute()
    // Times the server cannot schedule (the last instant of year 9999, a three-day session) are a 400
    // before anything is written, not a database error on the center's derived certification date.
    for (const times of [
      { startsAt: '9999-12-31T20:00:00.000Z', endsAt: '9999-12-31T23:59:59.999Z' },
      { startsAt: body.startsAt, endsAt: new Date(startsAt.getTime() + 3 * DAY).toISOString() },
    ]) {
      const refused = await call(w.t.app, 'POST', `/api/v1/admin/onsite-requests/${req.json().id}/approve`, { session: w.staff, body: { ...body, ...times } })
      expect(refused.statusCode, refused.body).toBe(400)
      expect(refused.json().error.code).toBe('VALIDATION')
    }
    expect(await centersOf()).toEqual([])
    const heal = await injectFault(w.t.app, 'atomic_onsite_fault', 'test_sessions', 'NEW.seats = 11')
    try {
      const failed = await call(w.t.app, 'POST', `/api/v1/admin/onsite-requests/${req.json().id}/approve`, { session: w.staff, body })
      expect(failed.statusCode, failed.body).toBeGreaterThanOrEqual(500)
    } finally {
      await heal()
    }
    expect(await centersOf()).toEqual([])
    expect((await db().selectFrom('onsite_requests').select('status').where('id', '=', req.json().id).executeTakeFirstOrThrow()).status).toBe('pending')
    const approved = await call(w.t.app, 'POST', `/api/v1/admin/onsite-requests/${req.json().id}/approve`, { session: w.staff, body })
    expect(approved.statusCode, approved.body).toBe(200)
    expect(await centersOf()).toHaveLength(1)
    expect((await call(w.t.app, 'GET', `/api/v1/sessions/${approved.json().sessionId}`)).json()).toMatchObject({ seats: 11, modules: ['QBA'] })
  })

  // Proves a package import is all or nothing when it fails: the database refusing the third item
  // leaves none of the package's items (the first two included); the same package then imports whole.
  it('keeps nothing of a package whose import fails half-way', async () => {
    const dir = path.join(projectRoot, 'program', 'mt1', 'items', 'operational', 'ALG')
    const sources = fs.readdirSync(dir).filter((f) => f.endsWith('.xml')).sort().slice(0, 4)
    const ids = sources.map((_, i) => `ATOMIC-${kind.toUpperCase()}-${i + 1}`)
    const files = new Map(sources.map((f, i) => {
      const xml = fs.readFileSync(path.join(dir, f), 'utf8').replace(/(<qti-assessment-item[^>]*?\sidentifier=")[^"]+"/, `$1${ids[i]}"`)
      return [`${i + 1}-${ids[i]}.xml`, Buffer.from(xml)]
    }))
    const imported = () => db().selectFrom('items').select('identifier').where('identifier', 'in', ids).execute()
    const upload = () => call(w.t.app, 'POST', '/api/v1/admin/items/import', { session: w.staff, payload: zipFiles(files) as unknown as string, headers: { 'content-type': 'application/zip' } })
    const heal = await injectFault(w.t.app, 'atomic_import_fault', 'items', `NEW.identifier = '${ids[2]}'`)
    try {
      const failed = await upload()
      expect(failed.statusCode, failed.body).toBeGreaterThanOrEqual(500)
    } finally {
      await heal()
    }
    expect(await imported()).toEqual([])
    const whole = await upload()
    expect(whole.statusCode, whole.body).toBe(200)
    expect(whole.json().summary).toMatchObject({ imported: 4, failed: 0 })
    expect((await imported()).map((r) => r.identifier).sort()).toEqual(ids)
  })

  // Proves a cohort upload resumes after its process died: from its last checkpoint, with the row the
  // crash cut off between its registration and the checkpoint reported as registered, not twice.
  it('resumes a cohort upload left running by a process that died, each row once', async () => {
    const sessionId = await w.newSession(10 * DAY, 4, 15)
    const rows = Array.from({ length: 6 }, (_, i) => ({ name: `Resumed Person${i}`, email: `resumed-${i}-${kind}@example.com`, modules: 'QBA' }))
    const createdAt = w.t.clock().toISOString()
    // The run that died had handled rows 0 to 2; its last checkpoint was after row 1.
    for (const r of rows.slice(0, 3)) {
      const user = await w.t.app.services.users.createWithPassword({ email: r.email, firstName: 'Resumed', lastName: r.name, roles: ['candidate'] })
      await w.t.app.services.registrations.registerOnBehalf(w.staff.userId, user.id, { sessionId, modules: ['QBA'], waitlist: true })
    }
    const jobId = newId()
    await db().insertInto('jobs').values({
      id: jobId, kind: 'cohort_registration', status: 'running', total: rows.length, processed: 2, created_by: w.staff.userId, created_at: createdAt, finished_at: null,
      report: JSON.stringify(rows.slice(0, 2).map((r, i) => ({ row: i + 2, email: r.email, outcome: 'registered' }))),
      input: JSON.stringify({ createdBy: w.staff.userId, sessionId, rows }), owner: 'a-process-that-died', heartbeat_at: new Date(w.t.clock().getTime() - 5 * 60_000).toISOString(),
    }).execute()
    expect(await w.t.app.services.jobs.recover()).toEqual({ resumed: 1, failed: 0 })
    await w.t.idle()
    const job = (await call(w.t.app, 'GET', `/api/v1/jobs/${jobId}`, { session: w.staff })).json()
    expect(job).toMatchObject({ status: 'done', processed: 6, summary: { registered: 6, failed: 0 } })
    expect(job.report.map((l: { row: number }) => l.row)).toEqual([2, 3, 4, 5, 6, 7])
    const live = await db().selectFrom('registrations').select('candidate_id').where('session_id', '=', sessionId).where('status', 'in', ['pending_payment', 'confirmed', 'waitlisted']).execute()
    expect(new Set(live.map((r) => r.candidate_id)).size).toBe(6)
    expect(live).toHaveLength(6)
    expect(await bookProblems(db())).toEqual([])
  })
})

// Proves graceful shutdown waits for running jobs: a stopping process stops its upload at a
// checkpoint and gives it up; the next process resumes it, and every row is handled exactly once.
describe.each(databases)('jobs across a graceful stop on %s', (kind) => {
  it('stops a running upload at a checkpoint on close, and the next process finishes it, each row once', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-drain-'))
    const schema = kind === 'postgres' ? `drain_${Date.now().toString(36)}` : undefined
    const config = loadConfig({ DATA_DIR: dataDir, MT1_DEMO: '0', PUBLIC_URL: 'http://mt1.test' }, { databaseUrl: kind === 'postgres' ? process.env.TEST_DATABASE_URL : undefined, databaseSchema: schema, logLevel: 'silent' })
    const clock = testClock()
    let first: FastifyInstance | null = await buildApp(config, { logger: false, clock })
    let second: FastifyInstance | null = null
    try {
      const staff = await staffSession(first)
      await seedDemo(first, clock())
      const session = ((await call(first, 'GET', '/api/v1/sessions')).json().items as { id: string; startsAt: string }[]).find((s) => Date.parse(s.startsAt) > clock().getTime() + 5 * DAY)!
      const total = 300
      const csv = `name,email,modules\n${Array.from({ length: total }, (_, i) => `Drained Person${i},drained-${i}-${kind}@example.com,QBA`).join('\n')}\n`
      const started = await call(first, 'POST', `/api/v1/sessions/${session.id}/cohort`, { session: staff, payload: csv, headers: { 'content-type': 'text/csv' } })
      expect(started.statusCode, started.body).toBe(202)
      const jobId = started.json().jobId as string
      const job = () => first!.db.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow()
      while ((await job()).processed === 0) await new Promise((r) => setTimeout(r, 50))
      expect((await job()).status, 'the upload must still be running when the process stops').toBe('running')
      await first.close()
      first = null
      second = await buildApp(config, { logger: false, clock })
      const stopped = await second.db.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow()
      expect(stopped).toMatchObject({ status: 'running', owner: null })
      expect(Number(stopped.processed)).toBeLessThan(total)
      expect((JSON.parse(stopped.report!) as unknown[]).length).toBe(Number(stopped.processed))
      expect(await second.services.jobs.recover()).toEqual({ resumed: 1, failed: 0 })
      await second.services.jobs.idle()
      const done = await second.db.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow()
      const report = JSON.parse(done.report!) as { row: number; outcome: string }[]
      expect([done.status, Number(done.processed), report.length]).toEqual(['done', total, total])
      expect(report.map((l) => l.row)).toEqual(Array.from({ length: total }, (_, i) => i + 2))
      expect(report.filter((l) => l.outcome === 'failed')).toEqual([])
      const live = await second.db.selectFrom('registrations').select('candidate_id').where('session_id', '=', session.id).where('status', 'in', ['pending_payment', 'confirmed', 'waitlisted']).execute()
      expect([live.length, new Set(live.map((r) => r.candidate_id)).size]).toEqual([total, total])
      expect(await bookProblems(second.db)).toEqual([])
    } finally {
      await first?.close()
      await second?.close()
      await removeTestStorage(dataDir, schema)
    }
  }, 180_000)
})

/** A signed-in person talking to a server process over HTTP. */
interface Caller { cookie: string; csrf: string; id: string }

async function send(base: string, who: Caller | null, method: string, url: string, body?: unknown): Promise<{ status: number; json: any; setCookie: string | null }> {
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (who) Object.assign(headers, { cookie: who.cookie, 'x-csrf-token': who.csrf })
  const res = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined, setCookie: res.headers.get('set-cookie') }
}

async function signIn(base: string, email: string, registerAs?: { firstName: string; lastName: string }): Promise<Caller> {
  const res = registerAs
    ? await send(base, null, 'POST', '/api/v1/auth/register', { email, password: 'correct horse battery', ...registerAs })
    : await send(base, null, 'POST', '/api/v1/auth/login', { email, password: 'mt1-demo' })
  if (res.status >= 300) throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.json)}`)
  return { cookie: res.setCookie!.split(';')[0]!, csrf: res.json.csrfToken, id: res.json.user.id }
}

/** Deterministic choices for the race (the interleaving itself is up to the servers). */
function prng(seed: number) {
  let s = seed >>> 0
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s % n
  }
}

// Proves the books balance after a crash: candidates reschedule, cancel, book again, pay with
// vouchers and ask for invoices while staff mark invoices paid, through two server processes on
// PostgreSQL (one on SQLite); one process is killed with SIGKILL in the middle. Every seat counter
// still equals the registrations holding a seat, and every voucher pays for at most one.
describe.each(databases)('registration books after a SIGKILL on %s', (kind) => {
  afterEach(killServerProcesses)

  it('keeps seats equal to the registrations holding them when a server is killed mid-race', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-atomic-kill-'))
    const schema = kind === 'postgres' ? `atomic_kill_${Date.now().toString(36)}` : undefined
    const env: Record<string, string> = { DATA_DIR: dataDir, RATE_LIMIT_PUBLIC_PER_MINUTE: '0', ...(schema ? { DATABASE_URL: process.env.TEST_DATABASE_URL!, DATABASE_SCHEMA: schema } : {}) }
    const servers = [await startServerProcess(env)]
    if (kind === 'postgres') servers.push(await startServerProcess(env))
    const alive = new Set(servers.map((_, i) => i))
    const base = (i: number) => servers[[...alive][i % alive.size]!]!.base
    try {
      const staff = await signIn(base(0), 'admin@demo.test')
      const employer = await signIn(base(0), 'employer@demo.test')
      expect((await send(base(0), staff, 'PUT', '/api/v1/admin/fees', { QBA: 5000 })).status).toBe(200)
      const now = Date.now()
      const sessions = ((await send(base(0), null, 'GET', '/api/v1/sessions')).json.items as { id: string; startsAt: string; modules: string[] }[])
        .filter((s) => Date.parse(s.startsAt) > now + 3 * DAY && s.modules.includes('QBA')).map((s) => s.id)
      expect(sessions.length).toBeGreaterThanOrEqual(2)
      const codes = ((await send(base(0), employer, 'POST', '/api/v1/vouchers', { modules: ['QBA'], quantity: 60 })).json.items as { code: string }[]).map((v) => v.code)
      const people = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(base(i), `killed-race-${i}@example.com`, { firstName: 'Race', lastName: `Runner ${i}` })))

      let stop = false
      let acknowledged = 0
      const race = people.map(async (who, p) => {
        const pick = prng(p + 1)
        let registration: string | null = null
        for (let step = 0; !stop; step++) {
          const at = base(step + p)
          try {
            if (!registration) {
              const booked = await send(at, who, 'POST', '/api/v1/registrations', { sessionId: sessions[pick(sessions.length)], modules: ['QBA'], waitlist: true })
              if (booked.status === 201) registration = booked.json.id as string
            } else {
              const op = pick(5)
              const res = op === 0 ? await send(at, who, 'POST', `/api/v1/registrations/${registration}/reschedule`, { sessionId: sessions[pick(sessions.length)], waitlist: true })
                : op === 1 ? await send(at, who, 'POST', `/api/v1/registrations/${registration}/cancel`, {})
                  : op === 2 ? await send(at, who, 'POST', `/api/v1/registrations/${registration}/payment`, { method: 'voucher', code: codes[pick(codes.length)] })
                    : await send(at, who, 'POST', `/api/v1/registrations/${registration}/payment`, { method: 'invoice' })
              expect(res.status, JSON.stringify(res.json)).toBeLessThan(500)
              if (op === 0 && res.status === 200) registration = res.json.id as string
              if (op === 1 && res.status === 200) registration = null
              if (op === 3 && res.status === 200) {
                const paid = await send(base(step + p + 1), staff, 'POST', `/api/v1/admin/invoices/${res.json.invoiceId}/paid`)
                expect(paid.status, JSON.stringify(paid.json)).toBeLessThan(500)
              }
              if (res.status < 300) acknowledged++
            }
          } catch (err) {
            // A request to the killed server fails with it; the candidate carries on with another.
            if (!(err instanceof TypeError)) throw err
          }
        }
      })
      while (acknowledged < 150) await new Promise((r) => setTimeout(r, 20))
      const killed = exited(servers[0]!.child)
      servers[0]!.child.kill('SIGKILL')
      await killed
      alive.delete(0)
      if (alive.size > 0) {
        // The other process goes on serving the race for a while after the kill.
        const more = acknowledged + 30
        while (acknowledged < more) await new Promise((r) => setTimeout(r, 20))
      }
      stop = true
      await Promise.all(race)
      servers[0] = await startServerProcess(env)
      alive.add(0)
      expect((await send(servers[0].base, null, 'GET', '/api/v1/health')).status).toBe(200)

      const handle = await openDatabase({ dataDir, databaseUrl: env.DATABASE_URL, databaseSchema: schema })
      try {
        expect(await bookProblems(handle.db)).toEqual([])
        const held = await handle.db.selectFrom('registrations').select((eb) => eb.fn.countAll<number>().as('n')).where('holds_seat', '=', 1).executeTakeFirstOrThrow()
        console.info(`[atomic kill ${kind}] ${acknowledged} operations acknowledged; ${held.n} seats held after the restart, all accounted for`)
      } finally {
        await handle.close()
      }
    } finally {
      killServerProcesses()
      await removeTestStorage(dataDir, schema)
    }
  }, 240_000)
})
