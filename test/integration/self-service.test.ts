// Candidate self-service (issue 12): a confirmation number on every registration, shown to its
// candidate and in the email; a receipt and a calendar invitation only for their owner; the session
// finder's state and city filters (hostile values refused with a 400, nothing found is an empty page);
// emails when a result is released and when a certificate is issued, through the outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONFIRMATION_NUMBER_PATTERN } from '../../src/common/rules/confirmation-number.js'
import { HOUR, deliveryWorld, type DeliveryWorld } from '../helpers/delivery.js'
import { call, errorCode, register, type Session } from '../helpers/http-client.js'
import { databases } from '../helpers/test-app.js'

const CONFIRMATION = new RegExp(CONFIRMATION_NUMBER_PATTERN)

describe.each(databases)('candidate self-service on %s', (kind) => {
  let w: DeliveryWorld
  let futureSession: string
  let otherSession: string

  const outboxTo = (to: string) => w.t.app.db.selectFrom('emails').select(['subject', 'text_body']).where('to_address', '=', to).orderBy('created_at').execute()

  beforeAll(async () => {
    w = await deliveryWorld(kind)
    futureSession = await w.newSession(5 * 24 * HOUR)
    otherSession = await w.newSession(9 * 24 * HOUR)
  }, 120_000)
  afterAll(async () => w.t.close())

  describe('confirmation numbers', () => {
    it('gives every registration its own number, shown in My registrations and in the confirmation email', async () => {
      const numbers = new Set<string>()
      for (let i = 0; i < 4; i++) {
        const c = await register(w.t.app, { email: `confirm-${i}-${kind}@example.com` })
        const res = await call(w.t.app, 'POST', '/api/v1/registrations', { session: c, body: { sessionId: futureSession, modules: ['MM'] } })
        expect(res.statusCode, res.body).toBe(201)
        const number = res.json().confirmationNumber as string
        expect(number).toMatch(CONFIRMATION)
        numbers.add(number)
        const mine = (await call(w.t.app, 'GET', '/api/v1/me/registrations', { session: c })).json().items as { id: string; confirmationNumber: string }[]
        expect(mine).toEqual([expect.objectContaining({ id: res.json().id, confirmationNumber: number })])
        await w.t.flushEmails()
        const [mail] = await outboxTo(`confirm-${i}-${kind}@example.com`)
        expect(mail?.text_body).toContain(number)
      }
      expect(numbers.size).toBe(4)
      // The unique index is the last word: a duplicate cannot be stored.
      const [a, b] = await w.t.app.db.selectFrom('registrations').select(['id', 'confirmation_number']).limit(2).execute()
      await expect(w.t.app.db.updateTable('registrations').set({ confirmation_number: a!.confirmation_number }).where('id', '=', b!.id).execute()).rejects.toThrow()
    })

    it('gives a rescheduled registration a number of its own', async () => {
      const c = await register(w.t.app, { email: `moving-${kind}@example.com` })
      const first = (await call(w.t.app, 'POST', '/api/v1/registrations', { session: c, body: { sessionId: futureSession, modules: ['QBA'] } })).json()
      const moved = await call(w.t.app, 'POST', `/api/v1/registrations/${first.id}/reschedule`, { session: c, body: { sessionId: otherSession } })
      expect(moved.statusCode, moved.body).toBe(200)
      expect(moved.json().confirmationNumber).toMatch(CONFIRMATION)
      expect(moved.json().confirmationNumber).not.toBe(first.confirmationNumber)
    })
  })

  describe('receipt and calendar invitation', () => {
    let owner: Session
    let registrationId: string
    let confirmationNumber: string

    beforeAll(async () => {
      owner = await register(w.t.app, { email: `receipt-${kind}@example.com`, firstName: 'Rita', lastName: 'Receipt' })
      const res = await call(w.t.app, 'POST', '/api/v1/registrations', { session: owner, body: { sessionId: futureSession, modules: ['MM', 'SRMT'] } })
      expect(res.statusCode, res.body).toBe(201)
      registrationId = res.json().id
      confirmationNumber = res.json().confirmationNumber
    })

    it('shows its owner what was booked, where, when, the amount and how it is paid', async () => {
      const res = await call(w.t.app, 'GET', `/api/v1/registrations/${registrationId}/receipt`, { session: owner })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toMatchObject({
        registrationId, confirmationNumber, status: 'confirmed', candidateName: 'Rita Receipt', centerName: 'MT1 Demo Assessment Center',
        modules: [{ code: 'MM', name: 'Math and Measurement', amountCents: null }, { code: 'SRMT', amountCents: null }], amountCents: 0, paymentMethod: 'none', currency: 'USD',
      })
      expect(res.json().address).toContain('Richmond, VA')
    })

    it('prices the receipt from the fee schedule and the invoice', async () => {
      expect((await call(w.t.app, 'PUT', '/api/v1/admin/fees', { session: w.staff, body: { QBA: 4500 } })).statusCode).toBe(200)
      const c = await register(w.t.app, { email: `invoiced-${kind}@example.com` })
      const reg = (await call(w.t.app, 'POST', '/api/v1/registrations', { session: c, body: { sessionId: futureSession, modules: ['QBA'] } })).json()
      expect(reg.status).toBe('pending_payment')
      expect((await call(w.t.app, 'POST', `/api/v1/registrations/${reg.id}/payment`, { session: c, body: { method: 'invoice' } })).statusCode).toBe(200)
      const receipt = (await call(w.t.app, 'GET', `/api/v1/registrations/${reg.id}/receipt`, { session: c })).json()
      expect(receipt).toMatchObject({ amountCents: 4500, paymentMethod: 'invoice', modules: [{ code: 'QBA', amountCents: 4500 }], invoice: { status: 'open' } })
      // A calendar invitation waits for the confirmed seat.
      const ics = await call(w.t.app, 'GET', `/api/v1/registrations/${reg.id}/calendar`, { session: c })
      expect(ics.statusCode).toBe(409)
      expect((await call(w.t.app, 'PUT', '/api/v1/admin/fees', { session: w.staff, body: { QBA: 0 } })).statusCode).toBe(200)
    })

    it('gives the owner the calendar invitation of a confirmed seat', async () => {
      const res = await call(w.t.app, 'GET', `/api/v1/registrations/${registrationId}/calendar`, { session: owner })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.headers['content-type']).toMatch(/^text\/calendar/)
      expect(res.headers['content-disposition']).toContain(`mt1-${confirmationNumber}.ics`)
      expect(res.body).toContain('BEGIN:VEVENT')
      expect(res.body).toContain('MT1 Demo Assessment Center')
    })

    it('shows another candidate nothing (404), asks a visitor to log in (401) and refuses malformed ids (400)', async () => {
      const other = await register(w.t.app, { email: `nosy-${kind}@example.com` })
      for (const path of ['receipt', 'calendar']) {
        const foreign = await call(w.t.app, 'GET', `/api/v1/registrations/${registrationId}/${path}`, { session: other })
        expect(foreign.statusCode).toBe(404)
        expect(foreign.body).not.toContain(confirmationNumber)
        expect((await call(w.t.app, 'GET', `/api/v1/registrations/${registrationId}/${path}`)).statusCode).toBe(401)
        for (const bad of ['%00', 'x'.repeat(300), "1'%20OR%20'1'='1"]) {
          const res = await call(w.t.app, 'GET', `/api/v1/registrations/${bad}/${path}`, { session: owner })
          expect([400, 404, 414], `${path} ${bad}`).toContain(res.statusCode)
        }
      }
      const staffView = await call(w.t.app, 'GET', `/api/v1/registrations/${registrationId}/receipt`, { session: w.staff })
      expect(staffView.statusCode).toBe(200)
    })
  })

  describe('the session finder', () => {
    const find = (query: string) => call(w.t.app, 'GET', `/api/v1/sessions?${query}`)

    it('filters sessions by state and city, the city without regard to case', async () => {
      const all = (await find('limit=100')).json().items as { id: string; city: string; state: string }[]
      expect(all.length).toBeGreaterThan(0)
      const richmond = (await find('state=VA&city=richmond&limit=100')).json().items as { id: string; city: string; state: string }[]
      expect(richmond.map((s) => s.id)).toEqual(all.filter((s) => s.city === 'Richmond').map((s) => s.id))
      expect(richmond.map((s) => s.id)).toContain(futureSession)
      const inVirginia = (await find('state=VA&limit=100')).json().items as unknown[]
      expect(inVirginia).toHaveLength(all.filter((s) => s.state === 'VA').length)
      expect((await find('state=OH')).json()).toEqual({ items: [], nextCursor: null })
      expect((await find('city=Nowhere')).json().items).toEqual([])
      // The contract's filters still combine with them.
      const from = new Date(w.t.clock().getTime() + 4 * 24 * HOUR).toISOString()
      const later = (await find(`state=VA&city=Richmond&from=${encodeURIComponent(from)}`)).json().items as { id: string }[]
      expect(later.map((s) => s.id)).toEqual(expect.arrayContaining([futureSession, otherSession]))
    })

    it('lists only the sessions that offer a module, for "Book your retake"', async () => {
      const all = (await find('limit=100')).json().items as { id: string; modules: string[] }[]
      for (const module of ['MM', 'SRMT', 'QBA']) {
        const offering = (await find(`module=${module}&limit=100`)).json().items as { id: string; modules: string[] }[]
        expect(offering.map((s) => s.id), module).toEqual(all.filter((s) => s.modules.includes(module)).map((s) => s.id))
      }
      expect((await find('module=ZZZ')).json().items).toEqual([])
      for (const q of ['module=mm', 'module=%25', 'module=M_', "module=MM'--", `module=${'M'.repeat(11)}`, 'module=MM&module=QBA']) {
        const res = await find(q)
        expect(res.statusCode, q).toBe(400)
        expect(errorCode(res), q).toBe('VALIDATION')
      }
    })

    it('refuses hostile and malformed values with a 400', async () => {
      for (const q of ['state=va', 'state=VIR', 'state=', "city=Rich'%20OR%201=1--", 'city=%3Cscript%3E', `city=${'a'.repeat(81)}`, 'city=', 'city=%00', 'state[]=VA', 'city=Richmond&city=Norfolk']) {
        const res = await find(q)
        expect(res.statusCode, q).toBe(400)
        expect(errorCode(res), q).toBe('VALIDATION')
      }
    })
  })

  describe('result and certificate emails', () => {
    it('tells the candidate their result is released and their certificate issued, without any item content', async () => {
      const email = `result-mail-${kind}@example.com`
      const a = await w.admitted(email, ['MM'], { firstName: 'Rosa' })
      const attempt = await w.start(a, 'MM')
      const answered = await w.answerCorrectly(a.c, attempt, attempt.items.length)
      const res = await w.submit(a.c, attempt.id)
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json().result.passed).toBe(true)
      const [award] = res.json().awarded as { type: string; certificateNumber: string }[]
      expect(award?.type).toBe('MM')
      await w.t.flushEmails()
      const mails = await outboxTo(email)
      const released = mails.find((m) => /result for Math and Measurement is ready/.test(m.subject))
      const issued = mails.find((m) => /certificate is issued/.test(m.subject))
      expect(released?.text_body).toContain('you passed')
      expect(released?.text_body).toContain('http://mt1.test/results')
      expect(issued?.text_body).toContain(award!.certificateNumber)
      expect(issued?.text_body).toContain('http://mt1.test/credentials')
      for (const m of [released!, issued!]) for (const itemId of answered) expect(m.text_body).not.toContain(itemId)
    })

    it('tells a candidate who did not pass, and issues no certificate email', async () => {
      const email = `result-fail-${kind}@example.com`
      const a = await w.admitted(email, ['QBA'])
      const attempt = await w.start(a, 'QBA')
      expect((await w.submit(a.c, attempt.id)).json().result.passed).toBe(false)
      await w.t.flushEmails()
      const mails = await outboxTo(email)
      expect(mails.filter((m) => /is ready/.test(m.subject)).map((m) => m.text_body)).toEqual([expect.stringContaining('you did not pass this time')])
      expect(mails.some((m) => /certificate is issued/.test(m.subject))).toBe(false)
    })
  })
})
