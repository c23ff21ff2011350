// Time zones (issue 12): a center in America/Chicago, sessions on either side of the March 2027
// daylight-saving change and one after the November change. The API carries the center's zone; the
// emails, the calendar invitation, the roster and the reminders say the time at the center with its
// abbreviation; reminders go out per the program's policy hours; a zone that is not an IANA zone is
// refused and nothing is stored.
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zonedWallTimeToUtc } from '../../src/common/time-zones.js'
import { deliveredFile, deliveredMail } from '../helpers/mail.js'
import { call, errorCode, login, register, staffSession, type Session } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

const CHICAGO = 'America/Chicago'
const at = (wall: string) => zonedWallTimeToUtc(wall, CHICAGO)!
const hours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000)

describe.each(databases)('time zones on %s', (kind) => {
  let t: TestApp
  let staff: Session
  let admin: Session
  let candidate: Session
  let centerId: string
  let proctorId: string
  const email = `tz-candidate-${kind}@example.com`
  const sessions: Record<'march15' | 'march12' | 'november8', { id: string; startsAt: string }> = {} as never
  const registrations: Record<string, string> = {}

  const count = async (table: 'centers' | 'audit_log' | 'onsite_requests') =>
    Number((await t.app.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

  const schedule = async (startWall: string, endWall: string, modules: string[]) => {
    const res = await call(t.app, 'POST', '/api/v1/sessions', {
      session: admin, body: { centerId, startsAt: at(startWall), endsAt: at(endWall), seats: 10, modules, proctorIds: [proctorId] },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().timeZone).toBe(CHICAGO)
    return res.json() as { id: string; startsAt: string }
  }

  /** Moves the clock; sign-ins lapse over months, so everyone signs in again. */
  const moveClock = async (to: Date) => {
    t.clock.set(to)
    staff = await login(t.app, 'staff@mt1.test', 'staff password 1')
    admin = await login(t.app, `tz-applicant-${kind}@example.com`, 'correct horse battery')
    candidate = await login(t.app, email, 'correct horse battery')
  }

  const calendarOf = async (mailId: string) => {
    const eml = fs.readFileSync(deliveredFile(t, mailId), 'utf8')
    return Buffer.from(/filename=mt1-assessment\.ics\s+([\s\S]*?)\n--/.exec(eml)![1]!.replace(/\s+/g, ''), 'base64').toString('utf8')
  }

  beforeAll(async () => {
    t = await createTestApp(kind)
    t.clock.set(new Date('2027-03-01T15:00:00.000Z'))
    staff = await staffSession(t.app)
    const applicant = await register(t.app, { email: `tz-applicant-${kind}@example.com` })
    const applied = await call(t.app, 'POST', '/api/v1/centers/applications', {
      session: applicant,
      body: { name: 'Lakeshore Assessment Center', addressLine1: '200 W Adams St', city: 'Chicago', state: 'IL', postalCode: '60606', phone: '312-555-0100', email: 'lakeshore@example.com', timeZone: CHICAGO },
    })
    expect(applied.statusCode, applied.body).toBe(201)
    centerId = applied.json().id
    expect(applied.json().timeZone).toBe(CHICAGO)
    const certified = await call(t.app, 'POST', `/api/v1/admin/centers/${centerId}/certify`, { session: staff, body: { certifiedUntil: '2028-06-01T00:00:00.000Z' } })
    expect(certified.statusCode, certified.body).toBe(200)
    admin = await login(t.app, `tz-applicant-${kind}@example.com`, 'correct horse battery')
    const proctor = await t.app.services.users.createWithPassword({ email: `tz-proctor-${kind}@example.com`, firstName: 'Pat', lastName: 'Proctor', roles: ['proctor'] })
    proctorId = proctor.id
    const since = '2027-01-01T00:00:00.000Z'
    const cert = await call(t.app, 'PUT', `/api/v1/admin/proctors/${proctorId}/certification`, {
      session: staff, body: { trainingCompletedOn: since, agreementSignedOn: since, coiDeclaredOn: since, certifiedUntil: '2028-06-01T00:00:00.000Z', status: 'certified' },
    })
    expect(cert.statusCode, cert.body).toBe(200)
    candidate = await register(t.app, { email })
  }, 60_000)
  afterAll(async () => t.close())

  it('lists the center with its IANA zone', async () => {
    const listed = (await call(t.app, 'GET', '/api/v1/centers?state=IL')).json().items
    expect(listed).toEqual([expect.objectContaining({ id: centerId, timeZone: CHICAGO })])
  })

  it('schedules at the center on both sides of the March change, and the public list carries the zone', async () => {
    // 9:00 AM at the center is 15:00 UTC under CST (before 14 March 2027) and 14:00 UTC under CDT.
    sessions.march12 = await schedule('2027-03-12T09:00', '2027-03-12T13:00', ['SRMT'])
    sessions.march15 = await schedule('2027-03-15T09:00', '2027-03-15T13:00', ['MM'])
    expect(sessions.march12.startsAt).toBe('2027-03-12T15:00:00.000Z')
    expect(sessions.march15.startsAt).toBe('2027-03-15T14:00:00.000Z')
    const listed = (await call(t.app, 'GET', `/api/v1/sessions?centerId=${centerId}`)).json().items
    expect(listed.map((s: { id: string; timeZone: string }) => [s.id, s.timeZone])).toEqual([[sessions.march12.id, CHICAGO], [sessions.march15.id, CHICAGO]])
    expect((await call(t.app, 'GET', `/api/v1/sessions/${sessions.march15.id}`)).json().timeZone).toBe(CHICAGO)
  })

  it('confirms each seat in the center time, with its abbreviation, in the email and the calendar invitation', async () => {
    for (const [key, module] of [['march12', 'SRMT'], ['march15', 'MM']] as const) {
      // A second apart, so "the newest confirmation" below is told by its time, not by the outbox files' write order.
      t.clock.advance(1_000)
      const res = await call(t.app, 'POST', '/api/v1/registrations', { session: candidate, body: { sessionId: sessions[key].id, modules: [module] } })
      expect(res.statusCode, res.body).toBe(201)
      expect(res.json().status).toBe('confirmed')
      registrations[key] = res.json().id
    }
    const mail = await deliveredMail(t, email, /confirmed/)
    expect(mail.text).toContain('on Monday, March 15, 2027, 9:00 AM – 1:00 PM CDT')
    const ics = await calendarOf(mail.id)
    expect(ics).toContain('DTSTART;TZID=America/Chicago:20270315T090000')
    expect(ics).toContain('DTEND;TZID=America/Chicago:20270315T130000')
    expect(ics).toMatch(/BEGIN:DAYLIGHT\r\nDTSTART:20270314T020000\r\nTZOFFSETFROM:-0600\r\nTZOFFSETTO:-0500\r\nTZNAME:CDT/)
    expect(ics).not.toMatch(/DTSTART:\d{8}T\d{6}Z/)

    const mine = (await call(t.app, 'GET', '/api/v1/me/registrations', { session: candidate })).json().items
    expect(mine.map((r: { sessionId: string; timeZone: string }) => r.timeZone)).toEqual([CHICAGO, CHICAGO])
    const roster = (await call(t.app, 'GET', `/api/v1/sessions/${sessions.march12.id}/roster`, { session: admin })).json()
    expect(roster.session.timeZone).toBe(CHICAGO)
  })

  it('sends each reminder of the policy once, with "in 2 days" or "tomorrow" and the center time', async () => {
    const program = t.app.services.program
    const shipped = program.definition
    program.definition = { ...shipped, policies: { ...shipped.policies, reminders: { ...shipped.policies.reminders, sessionHoursBefore: [48, 20] } } }
    try {
      // 49 hours before the 12 March session: nothing is due yet.
      t.clock.set(hours(sessions.march12.startsAt, -49))
      expect(await t.app.services.registrations.sendReminders()).toBe(0)
      // 47 hours before (Wednesday 10 March, 10 AM at the center): the 48-hour reminder, once.
      t.clock.set(hours(sessions.march12.startsAt, -47))
      expect(await t.app.services.registrations.sendReminders()).toBe(1)
      expect(await t.app.services.registrations.sendReminders()).toBe(0)
      let mail = await deliveredMail(t, email, /^Reminder/)
      expect(mail.subject).toBe('Reminder: your MT1 assessment is in 2 days')
      expect(mail.text).toContain('on Friday, March 12, 2027, 9:00 AM – 1:00 PM CST')
      // 19 hours before (Thursday, 2 PM): the 20-hour reminder says tomorrow.
      t.clock.set(hours(sessions.march12.startsAt, -19))
      expect(await t.app.services.registrations.sendReminders()).toBe(1)
      mail = await deliveredMail(t, email, /^Reminder/)
      expect(mail.subject).toBe('Reminder: your MT1 assessment is tomorrow')

      // The 15 March session is after the change: its reminder says CDT. 47 hours before it, the
      // 20-hour entry is not due, so exactly one email goes.
      t.clock.set(hours(sessions.march15.startsAt, -47))
      expect(await t.app.services.registrations.sendReminders()).toBe(1)
      mail = await deliveredMail(t, email, /^Reminder/)
      expect(mail.text).toContain('on Monday, March 15, 2027, 9:00 AM – 1:00 PM CDT')
      const sent = await t.app.db.selectFrom('session_reminders').select(['registration_id', 'hours_before']).where('registration_id', 'in', Object.values(registrations)).execute()
      expect(sent.map((r) => `${r.registration_id === registrations.march12 ? 'march12' : 'march15'}/${Number(r.hours_before)}`).sort()).toEqual(['march12/20', 'march12/48', 'march15/48'])
    } finally {
      program.definition = shipped
    }
  })

  it('says the November session in CST in the confirmation, calendar and cancellation', async () => {
    await moveClock(new Date('2027-10-01T15:00:00.000Z'))
    // 7 November 2027: clocks go back at 2:00 AM CDT; 9:00 AM on the 8th is CST, 15:00 UTC.
    sessions.november8 = await schedule('2027-11-08T09:00', '2027-11-08T13:00', ['QBA'])
    expect(sessions.november8.startsAt).toBe('2027-11-08T15:00:00.000Z')
    const reg = await call(t.app, 'POST', '/api/v1/registrations', { session: candidate, body: { sessionId: sessions.november8.id, modules: ['QBA'] } })
    expect(reg.statusCode, reg.body).toBe(201)
    const mail = await deliveredMail(t, email, /confirmed/)
    expect(mail.text).toContain('on Monday, November 8, 2027, 9:00 AM – 1:00 PM CST')
    const ics = await calendarOf(mail.id)
    expect(ics).toContain('DTSTART;TZID=America/Chicago:20271108T090000')
    expect(ics).toMatch(/BEGIN:STANDARD\r\nDTSTART:20271107T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0600\r\nTZNAME:CST/)
    const cancelled = await call(t.app, 'POST', `/api/v1/registrations/${reg.json().id}/cancel`, { session: candidate, body: {} })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    expect((await deliveredMail(t, email, /cancelled/)).text).toContain('on Monday, November 8, 2027, 9:00 AM – 1:00 PM CST')
  })

  it('lets staff change the zone (audited); the sessions keep their instants and show in the new zone', async () => {
    const audits = await count('audit_log')
    const changed = await call(t.app, 'PUT', `/api/v1/admin/centers/${centerId}/time-zone`, { session: staff, body: { timeZone: 'America/Denver', reason: 'The center moved to Denver' } })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json().timeZone).toBe('America/Denver')
    expect(await count('audit_log')).toBe(audits + 1)
    const session = (await call(t.app, 'GET', `/api/v1/sessions/${sessions.november8.id}`)).json()
    expect([session.startsAt, session.timeZone]).toEqual(['2027-11-08T15:00:00.000Z', 'America/Denver'])
    // The same zone again changes nothing and records nothing.
    expect((await call(t.app, 'PUT', `/api/v1/admin/centers/${centerId}/time-zone`, { session: staff, body: { timeZone: 'America/Denver' } })).statusCode).toBe(200)
    expect(await count('audit_log')).toBe(audits + 1)
    await call(t.app, 'PUT', `/api/v1/admin/centers/${centerId}/time-zone`, { session: staff, body: { timeZone: CHICAGO, reason: 'Back' } })
  })

  it('refuses a zone that is not an IANA zone, malformed, oversized or hostile, and stores nothing', async () => {
    const centers = await count('centers')
    const audits = await count('audit_log')
    for (const timeZone of ['Mars/Olympus_Mons', 'EST', '+05:00', 'America/Chicago/../../etc', '../../etc/passwd', `America/${'x'.repeat(200)}`, '', 42, null]) {
      const set = await call(t.app, 'PUT', `/api/v1/admin/centers/${centerId}/time-zone`, { session: staff, body: { timeZone } })
      expect(set.statusCode, `${String(timeZone)}: ${set.body}`).toBe(400)
      expect(errorCode(set)).toBe('VALIDATION')
      const applied = await call(t.app, 'POST', '/api/v1/centers/applications', {
        session: candidate, body: { name: 'Nowhere Center', addressLine1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701', phone: '217-555-0100', email: 'nowhere@example.com', timeZone },
      })
      expect(applied.statusCode, `${String(timeZone)}: ${applied.body}`).toBe(400)
    }
    // The validator's pattern lets this one through; the zone database does not know it.
    const unknown = await call(t.app, 'PUT', `/api/v1/admin/centers/${centerId}/time-zone`, { session: staff, body: { timeZone: 'America/Atlantis' } })
    expect(unknown.json().error.details).toEqual([expect.objectContaining({ field: 'timeZone' })])
    // Extra fields are refused too.
    expect((await call(t.app, 'PUT', `/api/v1/admin/centers/${centerId}/time-zone`, { session: staff, body: { timeZone: CHICAGO, admin: true } })).statusCode).toBe(400)
    expect([await count('centers'), await count('audit_log')]).toEqual([centers, audits])
    expect((await call(t.app, 'GET', '/api/v1/centers?state=IL')).json().items[0].timeZone).toBe(CHICAGO)
  })

  it('lets only staff set a zone', async () => {
    expect((await call(t.app, 'PUT', `/api/v1/admin/centers/${centerId}/time-zone`, { body: { timeZone: 'America/Denver' } })).statusCode).toBe(401)
    expect((await call(t.app, 'PUT', `/api/v1/admin/centers/${centerId}/time-zone`, { session: admin, body: { timeZone: 'America/Denver' } })).statusCode).toBe(403)
    expect((await call(t.app, 'PUT', `/api/v1/admin/centers/${centerId}/time-zone`, { session: candidate, body: { timeZone: 'America/Denver' } })).statusCode).toBe(403)
    expect((await call(t.app, 'PUT', `/api/v1/admin/centers/${centerId}/time-zone`, { session: staff, body: { timeZone: 'America/Denver' }, csrf: false })).statusCode).toBe(403)
    expect((await call(t.app, 'PUT', '/api/v1/admin/centers/no-such-center/time-zone', { session: staff, body: { timeZone: 'America/Denver' } })).statusCode).toBe(404)
    expect((await call(t.app, 'GET', '/api/v1/centers?state=IL')).json().items[0].timeZone).toBe(CHICAGO)
  })

  it("gives an approved onsite event the zone of the company's address, and refuses an unknown one leaving the request pending", async () => {
    const employer = await t.app.services.users.createWithPassword({ email: `tz-employer-${kind}@example.com`, password: 'employer password 1', firstName: 'Erin', lastName: 'Employer', roles: ['employer'] })
    const employerSession = await login(t.app, employer.email, 'employer password 1')
    const req = await call(t.app, 'POST', '/api/v1/onsite-requests', {
      session: employerSession,
      body: { companyName: 'Sierra Fabrication', addressLine1: '5 Foundry Rd', city: 'Reno', state: 'NV', postalCode: '89501', preferredDate: '2027-10-20T16:00:00.000Z', candidates: 6, modules: ['MM'] },
    })
    expect(req.statusCode, req.body).toBe(201)
    const body = { startsAt: '2027-10-20T16:00:00.000Z', endsAt: '2027-10-20T19:00:00.000Z', seats: 6, proctorIds: [proctorId] }
    const centers = await count('centers')
    const refused = await call(t.app, 'POST', `/api/v1/admin/onsite-requests/${req.json().id}/approve`, { session: staff, body: { ...body, timeZone: 'America/Atlantis' } })
    expect(refused.statusCode).toBe(400)
    expect(await count('centers')).toBe(centers)
    const pending = (await call(t.app, 'GET', '/api/v1/onsite-requests', { session: staff })).json().items.find((r: { id: string }) => r.id === req.json().id)
    expect(pending.status).toBe('pending')
    const approved = await call(t.app, 'POST', `/api/v1/admin/onsite-requests/${req.json().id}/approve`, { session: staff, body: { ...body, timeZone: 'America/Los_Angeles' } })
    expect(approved.statusCode, approved.body).toBe(200)
    expect((await call(t.app, 'GET', `/api/v1/sessions/${approved.json().sessionId}`, { session: staff })).json().timeZone).toBe('America/Los_Angeles')
  })
})
