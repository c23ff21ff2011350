// Trainers and course offerings on both databases (issue 13, items 1, 2 and 7): staff certify trainers
// for a period like proctors (renewal, expiry, reminders); an expired or suspended trainer cannot be
// given a course; staff and a center's administrators schedule courses at certified centers (staff
// also onsite at an employer, private); the public finder lists them by state, module and skill with
// the seats left; cancelling a course ends every seat and returns what was paid, telling each
// learner; and hostile, malformed, oversized and unauthorized requests are refused storing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addMonths } from '../../src/common/rules/certification-period.js'
import type { CourseView, CoursesPage, ManagedCourseList, TrainerCertificationView, TrainerList } from '../../src/common/schemas/training.js'
import type { VoucherBatchDetail } from '../../src/common/schemas/payments.js'
import { call, errorCode } from '../helpers/http-client.js'
import { databases } from '../helpers/test-app.js'
import { DAY, enrolmentOf, HOUR, trainingWorld, type Person, type TrainingWorld } from '../helpers/training.js'

describe.each(databases)('trainers and courses on %s', (kind) => {
  let w: TrainingWorld
  let trainer: Person

  const trainers = async () => (await call(w.t.app, 'GET', '/api/v1/admin/trainers', { session: w.staff })).json<TrainerList>().items
  const meetings = (...hours: number[]) => hours.map((h) => ({ startsAt: w.iso(h * HOUR), endsAt: w.iso(h * HOUR + 3 * HOUR) }))
  const courseBody = (o: Record<string, unknown> = {}) => ({ title: 'Measurement basics', module: 'MM', skills: ['MEAS'], trainerId: trainer.userId, centerId: w.centerId, meetings: meetings(24), seats: 8, ...o })
  const createCourse = (session = w.staff, o: Record<string, unknown> = {}) => call(w.t.app, 'POST', '/api/v1/training/courses', { session, body: courseBody(o) })
  const find = async (query: string) => (await call(w.t.app, 'GET', `/api/v1/training/courses${query}`)).json<CoursesPage>()
  /** Row counts of everything a training request could write. */
  const snapshot = async () => Object.fromEntries(await Promise.all((['course_offerings', 'course_meetings', 'training_enrolments', 'course_attendance', 'trainer_certifications', 'invoices', 'vouchers', 'voucher_batches', 'learning_statements', 'audit_log'] as const)
    .map(async (table) => [table, await w.count(table)] as const)))

  beforeAll(async () => {
    w = await trainingWorld(kind)
    trainer = await w.certifiedTrainer('Trainer')
  }, 120_000)
  afterAll(async () => w?.close())

  it('lists every trainer account, records and renews a certification by the program period like a proctor', async () => {
    const fresh = await w.person('NewTrainer', ['trainer'])
    expect((await trainers()).find((t) => t.userId === fresh.userId)).toMatchObject({ status: 'none', certifiedNow: false, certifiedUntil: null })
    // The demo trainer is seeded certified.
    expect((await trainers()).find((t) => t.email === 'trainer@demo.test')).toMatchObject({ status: 'certified', certifiedNow: true })
    // Renewing needs a record; a record needs the role.
    expect((await call(w.t.app, 'POST', `/api/v1/admin/trainers/${fresh.userId}/certification/renew`, { session: w.staff, body: {} })).statusCode).toBe(422)
    const candidate = await w.person('NotTrainer')
    const since = w.iso(-DAY)
    const body = { trainingCompletedOn: since, agreementSignedOn: since, coiDeclaredOn: since, certifiedUntil: w.iso(10 * DAY), status: 'certified' }
    expect((await call(w.t.app, 'PUT', `/api/v1/admin/trainers/${candidate.userId}/certification`, { session: w.staff, body })).statusCode).toBe(422)
    const recorded = await call(w.t.app, 'PUT', `/api/v1/admin/trainers/${fresh.userId}/certification`, { session: w.staff, body })
    expect(recorded.json<TrainerCertificationView>()).toMatchObject({ status: 'certified', certifiedNow: true, daysLeft: 10 })
    const end = recorded.json<TrainerCertificationView>().certifiedUntil!
    const renewed = await call(w.t.app, 'POST', `/api/v1/admin/trainers/${fresh.userId}/certification/renew`, { session: w.staff, body: {} })
    // Still running: extended from its end by policies.certificationPeriodMonths (24).
    expect(renewed.json<TrainerCertificationView>().certifiedUntil).toBe(addMonths(new Date(end), 24).toISOString())
    // Center administrators read the list (they choose a course's trainer); candidates do not; only staff record.
    expect((await call(w.t.app, 'GET', '/api/v1/admin/trainers', { session: w.centerAdmin })).statusCode).toBe(200)
    expect((await call(w.t.app, 'GET', '/api/v1/admin/trainers', { session: candidate.session })).statusCode).toBe(403)
    expect((await call(w.t.app, 'PUT', `/api/v1/admin/trainers/${fresh.userId}/certification`, { session: w.centerAdmin, body })).statusCode).toBe(403)
    const audit = await w.t.app.db.selectFrom('audit_log').select('action').where('entity_id', '=', fresh.userId).where('action', 'like', 'trainer.%').execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['trainer.certified', 'trainer.renewed'])
  })

  it('gives no course to a trainer whose certification does not cover it, is suspended or has lapsed', async () => {
    const short = await w.certifiedTrainer('Short', 3 * DAY)
    const plain = await w.person('Plain')
    const before = await snapshot()
    const beyond = await createCourse(w.staff, { trainerId: short.userId, meetings: meetings(24, 24 * 4) })
    expect(beyond.statusCode).toBe(422)
    expect(beyond.json().error).toMatchObject({ code: 'TRAINER_NOT_CERTIFIED', details: { reason: 'lapses_before_end' } })
    const notTrainer = await createCourse(w.staff, { trainerId: plain.userId })
    expect(errorCode(notTrainer)).toBe('TRAINER_NOT_CERTIFIED')
    expect(await snapshot()).toEqual(before)
    expect((await createCourse(w.staff, { trainerId: short.userId, meetings: meetings(24) })).statusCode).toBe(201)
    // Suspended: refused.
    const since = w.iso(-DAY)
    await call(w.t.app, 'PUT', `/api/v1/admin/trainers/${short.userId}/certification`, { session: w.staff, body: { trainingCompletedOn: since, agreementSignedOn: since, coiDeclaredOn: since, certifiedUntil: w.iso(3 * DAY), status: 'suspended' } })
    expect((await createCourse(w.staff, { trainerId: short.userId })).json().error).toMatchObject({ code: 'TRAINER_NOT_CERTIFIED', details: { reason: 'suspended' } })
    await call(w.t.app, 'PUT', `/api/v1/admin/trainers/${short.userId}/certification`, { session: w.staff, body: { trainingCompletedOn: since, agreementSignedOn: since, coiDeclaredOn: since, certifiedUntil: w.iso(3 * DAY), status: 'certified' } })
    // Its expiry reminder (both the 60- and 30-day leads are due: the most urgent one) goes out once, to the trainer and staff.
    const reminded = await w.t.app.services.certificationReminders.sendExpiryReminders()
    expect(reminded.reminded).toBeGreaterThanOrEqual(1)
    const mails = (await w.t.app.db.selectFrom('emails').select(['subject', 'text_body']).where('to_address', '=', short.email).execute()).filter((m) => /^Trainer certification ends/.test(m.subject))
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toMatch(/\(30 days\)$/)
    expect(mails[0]!.text_body).toMatch(/MT1 trainer certification of Short [\s\S]*cannot be given courses to teach/)
    await w.t.app.services.certificationReminders.sendExpiryReminders()
    expect((await w.t.app.db.selectFrom('emails').select('subject').where('to_address', '=', short.email).execute()).filter((m) => /^Trainer certification/.test(m.subject))).toHaveLength(1)
    w.t.clock.advance(4 * DAY)
    await w.relogin()
    const lapsed = await createCourse(w.staff, { trainerId: short.userId })
    expect(lapsed.json().error).toMatchObject({ code: 'TRAINER_NOT_CERTIFIED', details: { reason: 'lapses_before_end' } })
    expect((await trainers()).find((t) => t.userId === short.userId)).toMatchObject({ certifiedNow: false })
  })

  it("lets a center's administrators schedule its courses only; staff hold onsite ones, which stay private", async () => {
    const mine = await createCourse(w.centerAdmin)
    expect(mine.statusCode, mine.body).toBe(201)
    expect(mine.json<CourseView>()).toMatchObject({ place: { kind: 'center', centerId: w.centerId, name: 'MT1 Demo Assessment Center', state: 'VA' }, timeZone: 'America/New_York', seatsLeft: 8, enrolmentOpen: true, private: false })
    const employer = await w.person('Acme', ['employer'])
    const before = await snapshot()
    expect((await createCourse(w.centerAdmin, { centerId: w.otherCenterId })).statusCode).toBe(403)
    const onsite = { employerId: employer.userId, companyName: 'Acme Fabrication', addressLine1: '1 Mill Road', city: 'Dayton', state: 'OH', postalCode: '45402', timeZone: 'America/New_York' }
    expect((await createCourse(w.centerAdmin, { centerId: undefined, onsite })).statusCode).toBe(403)
    expect(errorCode(await createCourse(w.staff, { onsite }))).toBe('VALIDATION')
    expect(errorCode(await createCourse(w.staff, { skills: ['MECH'] }))).toBe('VALIDATION')
    expect(errorCode(await createCourse(w.staff, { meetings: [...meetings(24), ...meetings(25)] }))).toBe('VALIDATION')
    expect(errorCode(await createCourse(w.staff, { meetings: meetings(-10) }))).toBe('VALIDATION')
    expect(await snapshot()).toEqual(before)
    const privateCourse = await createCourse(w.staff, { centerId: undefined, onsite, title: 'Acme in-house measurement' })
    expect(privateCourse.statusCode, privateCourse.body).toBe(201)
    const view = privateCourse.json<CourseView>()
    expect(view).toMatchObject({ private: true, enrolmentOpen: false, place: { kind: 'onsite', name: 'Acme Fabrication', address: '1 Mill Road, Dayton, OH 45402', state: 'OH' } })
    expect((await find('?state=OH')).items).toEqual([])
    // Its employer finds it (to sponsor its employees' seats); nobody else does.
    const forEmployer = (await call(w.t.app, 'GET', '/api/v1/training/courses?state=OH', { session: employer.session })).json<CoursesPage>().items
    expect(forEmployer.map((c) => c.id)).toEqual([view.id])
    const stranger = await w.person('Stranger')
    expect((await call(w.t.app, 'GET', `/api/v1/training/courses/${view.id}`, { session: stranger.session })).statusCode).toBe(404)
    expect((await call(w.t.app, 'GET', `/api/v1/training/courses/${view.id}`, { session: employer.session })).statusCode).toBe(200)
    expect((await w.enrol(stranger, { offeringId: view.id })).statusCode).toBe(404)
    // The center's administrator lists the center's courses; staff every course; the trainer theirs.
    const managed = (await call(w.t.app, 'GET', '/api/v1/training/managed-courses', { session: w.centerAdmin })).json<ManagedCourseList>().items
    expect(managed.map((c) => c.id)).toContain(mine.json().id)
    expect(managed.map((c) => c.id)).not.toContain(view.id)
    const taught = (await call(w.t.app, 'GET', '/api/v1/trainer/courses', { session: trainer.session })).json<ManagedCourseList>().items
    expect(taught.map((c) => c.id)).toEqual(expect.arrayContaining([mine.json().id, view.id]))
    expect((await call(w.t.app, 'GET', '/api/v1/trainer/courses', { session: stranger.session })).statusCode).toBe(403)
  })

  it('finds public courses by state, module and skill, soonest first, with the seats left and pages', async () => {
    const qba = await w.course({ trainer, module: 'QBA', skills: ['SPC', 'FLBA'], seats: 2, meetingsAtH: [100], title: 'SPC in practice' })
    await w.enrol(await w.person('Finder'), { offeringId: qba.id })
    const byModule = (await find('?module=QBA')).items
    expect(byModule.find((c) => c.id === qba.id)).toMatchObject({ seatsLeft: 1, module: 'QBA', moduleName: 'Quality and Business Acumen', skills: [{ code: 'SPC', name: 'Statistical Process Control' }, { code: 'FLBA', name: 'Financial Literacy and Business Acumen' }] })
    expect((await find('?skill=FLBA')).items.map((c) => c.id)).toContain(qba.id)
    expect((await find('?skill=QLM')).items.map((c) => c.id)).not.toContain(qba.id)
    expect((await find('?state=va&module=QBA')).items.map((c) => c.id)).toContain(qba.id)
    expect((await find('?state=CA')).items).toEqual([])
    const all = (await find('?limit=200')).items
    const starts = all.map((c) => c.meetings[0]!.startsAt)
    expect(starts).toEqual([...starts].sort())
    const first = await find('?limit=1')
    expect(first.items).toHaveLength(1)
    const second = await find(`?limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`)
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id)
    expect((await call(w.t.app, 'GET', '/api/v1/training/courses?cursor=garbage')).statusCode).toBe(400)
    expect((await call(w.t.app, 'GET', '/api/v1/training/courses?skill=meas')).statusCode).toBe(400)
  })

  it('edits a course within its rules: never below the seats taken', async () => {
    const course = await w.course({ trainer, seats: 3 })
    await w.enrol(await w.person('Edit1'), { offeringId: course.id })
    await w.enrol(await w.person('Edit2'), { offeringId: course.id })
    const shrink = await call(w.t.app, 'PATCH', `/api/v1/training/courses/${course.id}`, { session: w.staff, body: { seats: 1 } })
    expect(shrink.statusCode).toBe(422)
    const ok = await call(w.t.app, 'PATCH', `/api/v1/training/courses/${course.id}`, { session: w.centerAdmin, body: { seats: 2, title: 'Renamed', feeCents: 0 } })
    expect(ok.json<CourseView>()).toMatchObject({ seats: 2, seatsLeft: 0, title: 'Renamed', feeCents: null, enrolmentOpen: false })
    const other = await w.person('OtherAdmin', ['center_admin'])
    expect((await call(w.t.app, 'PATCH', `/api/v1/training/courses/${course.id}`, { session: other.session, body: { seats: 5 } })).statusCode).toBe(403)
  })

  it("puts trainers on staff's certification watch: their period, courses a lapse leaves uncovered, and the dashboard count", async () => {
    const watch = async () => {
      const res = await call(w.t.app, 'GET', '/api/v1/admin/certifications', { session: w.staff })
      expect(res.statusCode, res.body).toBe(200)
      return res.json() as { items: { kind: string; id: string; certifiedUntil: string | null; daysLeft: number | null; coursesAtRisk: number }[] }
    }
    const attention = async () => ((await call(w.t.app, 'GET', '/api/v1/admin/attention', { session: w.staff })).json() as { trainersExpiring: number }).trainersExpiring
    const expiringBefore = await attention()
    const soon = await w.certifiedTrainer('Soon', 40 * DAY)
    expect(await attention()).toBe(expiringBefore + 1)
    await w.course({ trainer: soon, meetingsAtH: [24 * 20] })
    const entry = async () => (await watch()).items.find((i) => i.kind === 'trainer' && i.id === soon.userId)!
    expect(await entry()).toMatchObject({ daysLeft: 40, coursesAtRisk: 0 })
    // Staff shorten the certification to before the course: the course is flagged, not cancelled.
    const since = w.iso(-30 * DAY)
    const cut = await call(w.t.app, 'PUT', `/api/v1/admin/trainers/${soon.userId}/certification`, {
      session: w.staff, body: { trainingCompletedOn: since, agreementSignedOn: since, coiDeclaredOn: since, certifiedUntil: w.iso(10 * DAY), status: 'certified' },
    })
    expect(cut.statusCode, cut.body).toBe(200)
    expect(await entry()).toMatchObject({ daysLeft: 10, coursesAtRisk: 1 })
  })

  it("emails the course's learners when its meetings, trainer or title change, and not for seats or the fee", async () => {
    const course = await w.course({ trainer, seats: 4 })
    const ada = await w.person('Moved1')
    enrolmentOf(await w.enrol(ada, { offeringId: course.id }))
    const changed = async () => (await w.t.app.db.selectFrom('emails').select(['subject', 'text_body']).where('to_address', '=', ada.email).execute()).filter((m) => m.subject.startsWith('Course changed'))
    expect((await call(w.t.app, 'PATCH', `/api/v1/training/courses/${course.id}`, { session: w.staff, body: { seats: 6, feeCents: 0 } })).statusCode).toBe(200)
    expect(await changed()).toHaveLength(0)
    const later = course.meetings.map((m) => ({ startsAt: new Date(Date.parse(m.startsAt) + 2 * DAY).toISOString(), endsAt: new Date(Date.parse(m.endsAt) + 2 * DAY).toISOString() }))
    const other = await w.certifiedTrainer('Stand-in')
    const res = await call(w.t.app, 'PATCH', `/api/v1/training/courses/${course.id}`, { session: w.staff, body: { meetings: later, trainerId: other.userId } })
    expect(res.statusCode, res.body).toBe(200)
    const [mail, ...more] = await changed()
    expect(more).toHaveLength(0)
    expect(mail!.text_body).toMatch(/The meetings have moved\. They were:/)
    expect(mail!.text_body).toMatch(/Your trainer is now Stand-in/)
    // A refused change sends nothing.
    expect((await call(w.t.app, 'PATCH', `/api/v1/training/courses/${course.id}`, { session: w.staff, body: { seats: 0 } })).statusCode).toBe(400)
    expect(await changed()).toHaveLength(1)
  })

  it('cancels a course: every seat ends, vouchers and invoices are settled, and each learner is told', async () => {
    const employer = await w.person('Sponsor', ['employer'])
    const course = await w.course({ trainer, feeCents: 8_000, seats: 6 })
    const batch = (await call(w.t.app, 'POST', '/api/v1/training/voucher-batches', { session: employer.session, body: { offeringId: course.id, quantity: 1 } })).json<VoucherBatchDetail>()
    const byVoucher = await w.person('Vee')
    const byInvoice = await w.person('Ivy')
    const v = enrolmentOf(await w.enrol(byVoucher, { offeringId: course.id, method: 'voucher', voucherCode: batch.codes[0]!.code }))
    const i = enrolmentOf(await w.enrol(byInvoice, { offeringId: course.id, method: 'invoice' }))
    const sponsored = await call(w.t.app, 'POST', '/api/v1/training/sponsorships', { session: employer.session, body: { offeringId: course.id, emails: ['pat-invited@example.com'], payment: 'invoice' } })
    expect(sponsored.statusCode, sponsored.body).toBe(201)
    expect((await call(w.t.app, 'POST', `/api/v1/training/courses/${course.id}/cancel`, { session: byVoucher.session, body: { reason: 'No room' } })).statusCode).toBe(403)
    expect(errorCode(await call(w.t.app, 'POST', `/api/v1/training/courses/${course.id}/cancel`, { session: w.staff, body: { reason: 'x' } }))).toBe('VALIDATION')

    const res = await call(w.t.app, 'POST', `/api/v1/training/courses/${course.id}/cancel`, { session: w.centerAdmin, body: { reason: 'The trainer is unwell' } })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<CourseView>()).toMatchObject({ status: 'cancelled', cancelReason: 'The trainer is unwell', seatsLeft: 6, enrolmentOpen: false })
    const rows = await w.t.app.db.selectFrom('training_enrolments').select(['id', 'status', 'holds_seat']).where('offering_id', '=', course.id).execute()
    expect(rows.map((r) => [r.status, Number(r.holds_seat)])).toEqual([['cancelled', 0], ['cancelled', 0], ['cancelled', 0]])
    expect(await w.t.app.db.selectFrom('vouchers').select('status').where('code', '=', batch.codes[0]!.code).executeTakeFirstOrThrow()).toEqual({ status: 'available' })
    expect(await w.t.app.db.selectFrom('invoices').select('status').where('id', '=', i.invoice!.id).executeTakeFirstOrThrow()).toEqual({ status: 'void' })
    // The sponsored seat's code goes back to the employer's batch too.
    const sponsorBatch = sponsored.json().voucherBatchId as string
    expect((await w.t.app.db.selectFrom('vouchers').select('status').where('batch_id', '=', sponsorBatch).execute()).map((r) => r.status)).toEqual(['available'])
    const mail = async (to: string) => (await w.t.app.db.selectFrom('emails').select(['subject', 'text_body']).where('to_address', '=', to).execute()).find((m) => m.subject === `Course cancelled: ${course.title}`)
    expect((await mail(byVoucher.email))?.text_body).toMatch(/The trainer is unwell[\s\S]*The voucher you paid with is available again/)
    expect((await mail(byInvoice.email))?.text_body).toMatch(/Your open invoice is void/)
    expect((await mail('pat-invited@example.com'))?.text_body).toMatch(/sponsored is withdrawn/)
    expect((await mail(employer.email))?.text_body).toMatch(/The 1 seat you sponsored ended with it; their voucher codes are back in your batch/)
    expect(v.id).toBeTruthy()
    expect((await call(w.t.app, 'POST', `/api/v1/training/courses/${course.id}/cancel`, { session: w.staff, body: { reason: 'Again' } })).statusCode).toBe(409)
    expect(errorCode(await w.enrol(await w.person('After'), { offeringId: course.id }))).toBe('ENROLMENT_CLOSED')
    expect(await w.t.app.db.selectFrom('audit_log').select('action').where('entity_id', '=', course.id).where('action', '=', 'course.cancelled').execute()).toHaveLength(1)
  })

  it('refuses hostile, malformed, oversized and unauthorized requests with a 4xx, storing nothing', async () => {
    const course = await w.course({ trainer })
    const candidate = await w.person('Hostile')
    const employer = await w.person('HostileEmployer', ['employer'])
    const before = await snapshot()
    const cases: { method: 'GET' | 'POST' | 'PUT' | 'PATCH'; url: string; session?: Person['session'] | undefined; body?: unknown; payload?: string; status: number }[] = [
      { method: 'POST', url: '/api/v1/training/courses', body: courseBody(), status: 401 },
      { method: 'POST', url: '/api/v1/training/courses', session: candidate.session, body: courseBody(), status: 403 },
      { method: 'POST', url: '/api/v1/training/courses', session: employer.session, body: courseBody(), status: 403 },
      { method: 'POST', url: '/api/v1/training/courses', session: w.staff, body: { ...courseBody(), extra: 1 }, status: 400 },
      { method: 'POST', url: '/api/v1/training/courses', session: w.staff, body: courseBody({ title: 'x'.repeat(201) }), status: 400 },
      { method: 'POST', url: '/api/v1/training/courses', session: w.staff, body: courseBody({ title: '<script>alert(1)</script>' }), status: 400 },
      { method: 'POST', url: '/api/v1/training/courses', session: w.staff, body: courseBody({ seats: 501 }), status: 400 },
      { method: 'POST', url: '/api/v1/training/courses', session: w.staff, body: courseBody({ meetings: meetings(...Array.from({ length: 41 }, (_, k) => 24 + k * 5)) }), status: 400 },
      { method: 'POST', url: '/api/v1/training/courses', session: w.staff, body: courseBody({ meetings: [{ startsAt: '2027-02-30T09:00:00Z', endsAt: '2027-03-01T09:00:00Z' }] }), status: 400 },
      { method: 'POST', url: '/api/v1/training/courses', session: w.staff, body: courseBody({ trainerId: "x' OR 1=1 --" }), status: 400 },
      { method: 'POST', url: '/api/v1/training/courses', session: w.staff, body: courseBody({ trainerId: '00000000-0000-4000-8000-000000000000' }), status: 422 },
      { method: 'POST', url: '/api/v1/training/courses', session: w.staff, body: courseBody({ centerId: '00000000-0000-4000-8000-000000000000' }), status: 404 },
      { method: 'POST', url: '/api/v1/training/courses', session: w.staff, payload: '{"title": "broken', status: 400 },
      { method: 'POST', url: '/api/v1/training/enrolments', body: { offeringId: course.id }, status: 401 },
      { method: 'POST', url: '/api/v1/training/enrolments', session: candidate.session, body: { offeringId: '00000000-0000-4000-8000-000000000000' }, status: 404 },
      { method: 'POST', url: '/api/v1/training/enrolments', session: candidate.session, body: { offeringId: course.id, voucherCode: 'x'.repeat(41) }, status: 400 },
      { method: 'POST', url: '/api/v1/training/enrolments', session: candidate.session, body: { module: 'mm' }, status: 400 },
      { method: 'POST', url: '/api/v1/training/enrolments', session: candidate.session, body: { module: 'ZZ' }, status: 400 },
      { method: 'POST', url: '/api/v1/training/sponsorships', session: employer.session, body: { offeringId: course.id, emails: Array.from({ length: 101 }, (_, k) => `e${k}@example.com`) }, status: 400 },
      { method: 'POST', url: '/api/v1/training/sponsorships', session: employer.session, body: { offeringId: course.id, emails: ['not-an-email'] }, status: 400 },
      { method: 'POST', url: '/api/v1/training/sponsorships', session: employer.session, body: { offeringId: course.id, emails: ['dup@example.com', 'DUP@example.com'] }, status: 400 },
      { method: 'POST', url: '/api/v1/training/sponsorships', session: w.centerAdmin, body: { offeringId: course.id, emails: ['a@example.com'] }, status: 403 },
      { method: 'POST', url: '/api/v1/training/voucher-batches', session: candidate.session, body: { offeringId: course.id, quantity: 1 }, status: 403 },
      { method: 'POST', url: '/api/v1/training/voucher-batches', session: employer.session, body: { offeringId: course.id, quantity: 1 }, status: 422 },
      { method: 'POST', url: '/api/v1/training/voucher-batches', session: employer.session, body: { offeringId: course.id, quantity: 501 }, status: 400 },
      { method: 'POST', url: '/api/v1/training/invitations/accept', session: candidate.session, body: { token: 'A'.repeat(43) }, status: 422 },
      { method: 'POST', url: '/api/v1/training/invitations/accept', session: candidate.session, body: { token: '../../etc/passwd' }, status: 400 },
      { method: 'POST', url: '/api/v1/training/invitations/accept', body: { token: 'A'.repeat(43) }, status: 401 },
      { method: 'PATCH', url: `/api/v1/training/courses/${course.id}`, session: candidate.session, body: { seats: 2 }, status: 403 },
      { method: 'PATCH', url: `/api/v1/training/courses/${course.id}`, session: w.staff, body: { status: 'cancelled' }, status: 400 },
      { method: 'POST', url: `/api/v1/training/courses/${course.id}/cancel`, session: trainer.session, body: { reason: 'Not mine to cancel' }, status: 403 },
      { method: 'POST', url: `/api/v1/training/courses/${course.id}/cancel`, session: w.staff, body: { reason: 'a\u0000b' }, status: 400 },
      { method: 'PUT', url: `/api/v1/admin/trainers/${trainer.userId}/certification`, session: w.centerAdmin, body: { trainingCompletedOn: w.iso(0), agreementSignedOn: w.iso(0), coiDeclaredOn: w.iso(0), certifiedUntil: w.iso(DAY), status: 'certified' }, status: 403 },
      { method: 'PUT', url: `/api/v1/admin/trainers/${trainer.userId}/certification`, session: w.staff, body: { certifiedUntil: w.iso(DAY), status: 'revoked' }, status: 400 },
      { method: 'GET', url: '/api/v1/training/managed-courses', session: candidate.session, status: 403 },
      { method: 'GET', url: '/api/v1/training/managed-courses', status: 401 },
      { method: 'GET', url: '/api/v1/training/sponsorships', session: candidate.session, status: 403 },
      { method: 'GET', url: '/api/v1/me/training', status: 401 },
      { method: 'GET', url: `/api/v1/training/courses/${'a'.repeat(65)}`, status: 400 },
      { method: 'GET', url: '/api/v1/training/courses?limit=100000', status: 400 },
      { method: 'GET', url: '/api/v1/training/courses?state=Virginia', status: 400 },
    ]
    for (const c of cases) {
      const res = await call(w.t.app, c.method, c.url, { session: c.session, ...(c.payload !== undefined ? { payload: c.payload } : { body: c.body }) })
      expect(res.statusCode, `${c.method} ${c.url} ${JSON.stringify(c.body)?.slice(0, 120)}: ${res.body.slice(0, 300)}`).toBe(c.status)
      expect(res.json(), c.url).toEqual({ error: { code: expect.any(String), message: expect.any(String), ...(res.json().error.details !== undefined ? { details: expect.anything() } : {}) } })
    }
    expect(await snapshot()).toEqual(before)
  })
})
