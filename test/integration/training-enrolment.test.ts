// Enrolment in training on both databases (issue 13, item 2): a free seat is confirmed at once; a fee
// is paid like a registration's, by a training voucher (redeemed once, for its own course or Learning
// Lab only) or an invoice staff mark paid through the invoices page; a refused payment stores nothing;
// an employer sponsors seats for named employees (invoice or voucher batch), who accept them by the
// emailed link; seats are never oversold under concurrency; a module's Learning Lab is open when free
// or to a confirmed seat; and every confirmed seat is an xAPI `registered` statement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CourseView, EnrolmentView, MyTrainingView, SponsoredSeatList, SponsorshipReceipt } from '../../src/common/schemas/training.js'
import type { VoucherBatchDetail } from '../../src/common/schemas/payments.js'
import { call, errorCode } from '../helpers/http-client.js'
import { deliveredToken } from '../helpers/mail.js'
import { databases } from '../helpers/test-app.js'
import { DAY, enrolmentOf, HOUR, trainingWorld, type Person, type TrainingWorld } from '../helpers/training.js'

describe.each(databases)('training enrolment on %s', (kind) => {
  let w: TrainingWorld
  let trainer: Person
  let employer: Person

  /** Everything a refused enrolment or payment must leave as it was. */
  const ledger = async (courseId?: string) => ({
    enrolments: await w.count('training_enrolments'),
    invoices: await w.count('invoices'),
    batches: await w.count('voucher_batches'),
    redeemed: Number((await w.t.app.db.selectFrom('vouchers').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'redeemed').executeTakeFirstOrThrow()).n),
    statements: await w.count('learning_statements'),
    seatsTaken: courseId ? Number((await w.t.app.db.selectFrom('course_offerings').select('seats_taken').where('id', '=', courseId).executeTakeFirstOrThrow()).seats_taken) : 0,
  })
  const registeredStatements = (userId: string) =>
    w.t.app.db.selectFrom('learning_statements').selectAll().where('user_id', '=', userId).where('verb', '=', 'registered').execute()
  const buyTrainingVouchers = async (buyer: Person, body: Record<string, unknown>) => {
    const res = await call(w.t.app, 'POST', '/api/v1/training/voucher-batches', { session: buyer.session, body })
    expect(res.statusCode, res.body).toBe(201)
    return res.json<VoucherBatchDetail>()
  }

  beforeAll(async () => {
    w = await trainingWorld(kind)
    trainer = await w.certifiedTrainer('Trainer')
    employer = await w.person('Employer', ['employer'])
  }, 120_000)
  afterAll(async () => w?.close())

  it('confirms a free course seat at once, takes one seat, records `registered` and emails the learner', async () => {
    const course = await w.course({ trainer, seats: 5 })
    const learner = await w.person('Free')
    const e = enrolmentOf(await w.enrol(learner, { offeringId: course.id }))
    expect(e).toMatchObject({ status: 'confirmed', paymentMethod: 'none', kind: 'course', offeringId: course.id, learnerId: learner.userId, feeCents: 0 })
    const after = (await call(w.t.app, 'GET', `/api/v1/training/courses/${course.id}`)).json<CourseView>()
    expect(after.seatsLeft).toBe(4)
    const [statement] = await registeredStatements(learner.userId)
    expect(statement).toMatchObject({ verb: 'registered', object_kind: 'course', object_id: `http://mt1.test/training/courses/${course.id}`, module: 'MM' })
    expect(JSON.parse(statement!.statement)).toMatchObject({ actor: { account: { name: learner.userId } }, verb: { id: 'http://adlnet.gov/expapi/verbs/registered' }, version: '1.0.0' })
    const mail = await w.t.app.db.selectFrom('emails').select(['subject', 'text_body']).where('to_address', '=', learner.email).execute()
    expect(mail.map((m) => m.subject)).toContain(`You are enrolled: ${course.title}`)
    // Twice is once.
    const again = await w.enrol(learner, { offeringId: course.id })
    expect(again.statusCode).toBe(409)
    expect(errorCode(again)).toBe('ALREADY_ENROLLED')
  })

  it('asks for a payment when there is a fee, and stores nothing for a refused one', async () => {
    const course = await w.course({ trainer, feeCents: 15_000 })
    const learner = await w.person('Refused')
    const before = await ledger(course.id)
    const refusals: [Record<string, unknown>, number, string][] = [
      [{ offeringId: course.id }, 422, 'PAYMENT_REQUIRED'],
      [{ offeringId: course.id, method: 'voucher' }, 400, 'VALIDATION'],
      [{ offeringId: course.id, method: 'voucher', voucherCode: 'NOPE-NOPE-NOPE' }, 422, 'VOUCHER_INVALID'],
      [{ offeringId: course.id, module: 'MM' }, 400, 'VALIDATION'],
      [{}, 400, 'VALIDATION'],
      [{ offeringId: course.id, method: 'cash' }, 400, 'VALIDATION'],
    ]
    for (const [body, status, code] of refusals) {
      const res = await call(w.t.app, 'POST', '/api/v1/training/enrolments', { session: learner.session, body })
      expect(res.statusCode, JSON.stringify(body) + res.body).toBe(status)
      expect(errorCode(res)).toBe(code)
    }
    // An exam voucher, and a training voucher of another course, do not pay this seat.
    const exam = await call(w.t.app, 'POST', '/api/v1/vouchers', { session: w.staff, body: { modules: ['MM'], quantity: 1, unitPriceCents: 9000 } })
    expect(exam.statusCode, exam.body).toBe(201)
    const otherCourse = await w.course({ trainer, feeCents: 15_000 })
    const other = await buyTrainingVouchers(employer, { offeringId: otherCourse.id, quantity: 1 })
    const settled = await ledger(course.id)
    for (const code of [exam.json().items[0].code as string, other.codes[0]!.code]) {
      const res = await w.enrol(learner, { offeringId: course.id, method: 'voucher', voucherCode: code })
      expect(res.statusCode, res.body).toBe(422)
      expect(errorCode(res)).toBe('VOUCHER_INVALID')
    }
    expect(await ledger(course.id)).toEqual(settled)
    expect(settled).toMatchObject({ enrolments: before.enrolments, redeemed: before.redeemed, seatsTaken: 0, statements: before.statements })
  })

  it('confirms a seat paid by a training voucher, which pays once and never pays an assessment registration', async () => {
    const course = await w.course({ trainer, feeCents: 12_500 })
    const batch = await buyTrainingVouchers(employer, { offeringId: course.id, quantity: 1, expectedTotalCents: 12_500 })
    expect(batch).toMatchObject({ purpose: 'training', trainingSubject: `course:${course.id}`, quantity: 1, unitPriceCents: 12_500, modules: ['MM'] })
    expect(batch.invoice?.status).toBe('open')
    const code = batch.codes[0]!.code
    const first = await w.person('Voucher')
    const e = enrolmentOf(await w.enrol(first, { offeringId: course.id, method: 'voucher', voucherCode: code.toLowerCase() }))
    expect(e).toMatchObject({ status: 'confirmed', paymentMethod: 'voucher', voucherCode: code, feeCents: 12_500 })
    expect(await registeredStatements(first.userId)).toHaveLength(1)
    // The code is spent: a second learner is refused, and nothing of theirs is stored.
    const second = await w.person('Second')
    const before = await ledger(course.id)
    const res = await w.enrol(second, { offeringId: course.id, method: 'voucher', voucherCode: code })
    expect(errorCode(res)).toBe('VOUCHER_INVALID')
    expect(await ledger(course.id)).toEqual(before)
    // The ledger shows the code used, by the enrolment.
    const ledgerBatch = (await call(w.t.app, 'GET', `/api/v1/voucher-batches/${batch.id}`, { session: employer.session })).json<VoucherBatchDetail>()
    expect(ledgerBatch.codes[0]).toMatchObject({ status: 'redeemed', enrolmentId: e.id })

    // A training code offered for an assessment registration is refused.
    await call(w.t.app, 'PUT', '/api/v1/admin/fees', { session: w.staff, body: { QBA: 9000 } })
    try {
      const sessions = (await call(w.t.app, 'GET', '/api/v1/sessions')).json().items as { id: string; startsAt: string; centerId: string }[]
      const later = sessions.find((s) => s.centerId === w.centerId && Date.parse(s.startsAt) > Date.now() + 5 * DAY)!
      const candidate = await w.person('Exam')
      const reg = await call(w.t.app, 'POST', '/api/v1/registrations', { session: candidate.session, body: { sessionId: later.id, modules: ['QBA'] } })
      expect(reg.json().status, reg.body).toBe('pending_payment')
      const lab = await buyTrainingVouchers(employer, { offeringId: course.id, quantity: 1 })
      const pay = await call(w.t.app, 'POST', `/api/v1/registrations/${reg.json().id}/payment`, { session: candidate.session, body: { method: 'voucher', code: lab.codes[0]!.code } })
      expect(pay.statusCode, pay.body).toBe(422)
      expect(pay.json().error.message).toMatch(/pays for training/)
    } finally {
      await call(w.t.app, 'PUT', '/api/v1/admin/fees', { session: w.staff, body: { QBA: null } })
    }
  })

  it('holds a seat on an invoice until staff mark it paid on the invoices page; then it is confirmed and `registered`', async () => {
    const course = await w.course({ trainer, feeCents: 20_000 })
    const learner = await w.person('Invoice')
    const e = enrolmentOf(await w.enrol(learner, { offeringId: course.id, method: 'invoice' }))
    expect(e).toMatchObject({ status: 'pending_payment', paymentMethod: 'invoice', invoice: { status: 'open', amountCents: 20_000, currency: 'USD' } })
    expect(e.invoice!.number).toMatch(/^INV-\d{4}-\d{6}$/)
    expect(await registeredStatements(learner.userId)).toHaveLength(0)
    // The learner reads their invoice; someone else cannot; staff see it in the list with its subject.
    const invoiceId = e.invoice!.id
    const mine = await call(w.t.app, 'GET', `/api/v1/invoices/${invoiceId}`, { session: learner.session })
    expect(mine.statusCode, mine.body).toBe(200)
    expect(mine.json()).toMatchObject({ subject: 'enrolment', enrolmentId: e.id, billTo: { email: learner.email }, lines: [{ description: `Training seat: ${course.title}`, amountCents: 20_000 }] })
    const stranger = await w.person('Stranger')
    expect((await call(w.t.app, 'GET', `/api/v1/invoices/${invoiceId}`, { session: stranger.session })).statusCode).toBe(404)
    const listed = (await call(w.t.app, 'GET', '/api/v1/admin/invoices?subject=enrolment', { session: w.staff })).json().items as { id: string }[]
    expect(listed.map((i) => i.id)).toContain(invoiceId)
    // Voiding an enrolment's invoice is refused: it ends with its enrolment.
    const voided = await call(w.t.app, 'POST', `/api/v1/admin/invoices/${invoiceId}/void`, { session: w.staff, body: { reason: 'Trying to void directly' } })
    expect(voided.statusCode).toBe(409)
    // Only staff mark it paid.
    expect((await call(w.t.app, 'POST', `/api/v1/admin/invoices/${invoiceId}/paid`, { session: learner.session, body: { paymentReference: 'CHK-1' } })).statusCode).toBe(403)
    const paid = await call(w.t.app, 'POST', `/api/v1/admin/invoices/${invoiceId}/paid`, { session: w.staff, body: { paymentReference: 'CHK-1042' } })
    expect(paid.statusCode, paid.body).toBe(200)
    const mineNow = (await call(w.t.app, 'GET', '/api/v1/me/training', { session: learner.session })).json<MyTrainingView>()
    expect(mineNow.courses.find((c) => c.course.id === course.id)?.enrolment).toMatchObject({ status: 'confirmed', invoice: { status: 'paid' } })
    expect(await registeredStatements(learner.userId)).toHaveLength(1)
    expect((await call(w.t.app, 'POST', `/api/v1/admin/invoices/${invoiceId}/paid`, { session: w.staff, body: {} })).statusCode).toBe(409)
  })

  it('opens a free Learning Lab to everyone, and a paid one to a confirmed seat only', async () => {
    const learner = await w.person('Lab')
    const access = (module: string) => w.t.app.services.training.learningLabAccess(w.t.app.db, learner.userId, module)
    expect(await access('QBA')).toEqual({ allowed: true })
    expect(await access('NOPE')).toMatchObject({ allowed: false })
    w.setLabFee('QBA', 4_900)
    try {
      expect(await access('QBA')).toEqual({ allowed: false, reason: expect.stringMatching(/Quality and Business Acumen Learning Lab needs a seat \(\$49\.00\)/) })
      const seat = enrolmentOf(await w.enrol(learner, { module: 'QBA', method: 'invoice' }))
      expect(seat).toMatchObject({ kind: 'learning_lab', module: 'QBA', title: 'MT1 Online Learning Lab: Quality and Business Acumen', status: 'pending_payment' })
      expect(await access('QBA')).toMatchObject({ allowed: false, reason: expect.stringMatching(/held until its invoice is paid/) })
      const lab = (await call(w.t.app, 'GET', '/api/v1/me/training', { session: learner.session })).json<MyTrainingView>().learningLab
      expect(lab.find((l) => l.module === 'QBA')).toMatchObject({ feeCents: 4_900, allowed: false, seat: { id: seat.id } })
      expect(lab.find((l) => l.module === 'MM')).toMatchObject({ feeCents: 0, allowed: true, seat: null })
      expect((await call(w.t.app, 'POST', `/api/v1/admin/invoices/${seat.invoice!.id}/paid`, { session: w.staff, body: {} })).statusCode).toBe(200)
      expect(await access('QBA')).toEqual({ allowed: true })
      const [statement] = await registeredStatements(learner.userId)
      expect(statement).toMatchObject({ object_kind: 'learning_lab', object_id: 'http://mt1.test/learning/modules/QBA' })
      // Free modules need no seat: enrolling in one is a confirmed seat at no cost.
      expect(enrolmentOf(await w.enrol(learner, { module: 'MM' }))).toMatchObject({ status: 'confirmed', paymentMethod: 'none' })
    } finally {
      w.setLabFee('QBA', null)
    }
  })

  it('lets an employer sponsor named employees, who accept by the emailed link; a withdrawn seat returns its code', async () => {
    const course = await w.course({ trainer, feeCents: 10_000, seats: 6 })
    const alice = await w.person('Alice')
    const bob = await w.person('Bob')
    const before = await ledger(course.id)
    // A paid course needs a payment; a candidate cannot sponsor.
    expect(errorCode(await call(w.t.app, 'POST', '/api/v1/training/sponsorships', { session: employer.session, body: { offeringId: course.id, emails: [alice.email] } }))).toBe('PAYMENT_REQUIRED')
    expect((await call(w.t.app, 'POST', '/api/v1/training/sponsorships', { session: alice.session, body: { offeringId: course.id, emails: [bob.email], payment: 'invoice' } })).statusCode).toBe(403)
    expect(await ledger(course.id)).toEqual(before)

    const res = await call(w.t.app, 'POST', '/api/v1/training/sponsorships', { session: employer.session, body: { offeringId: course.id, emails: [alice.email, bob.email.toUpperCase()], payment: 'invoice' } })
    expect(res.statusCode, res.body).toBe(201)
    const receipt = res.json<SponsorshipReceipt>()
    expect(receipt.items.map((s) => [s.email, s.status])).toEqual([[alice.email, 'invited'], [bob.email, 'invited']])
    expect(receipt.invoiceId).toBeTruthy()
    const invoice = (await call(w.t.app, 'GET', `/api/v1/invoices/${receipt.invoiceId}`, { session: employer.session })).json()
    expect(invoice).toMatchObject({ subject: 'voucher_batch', amountCents: 20_000, billTo: { email: employer.email } })
    expect((await ledger(course.id)).seatsTaken).toBe(2)
    // The same address cannot be sent a second open seat here.
    expect(errorCode(await call(w.t.app, 'POST', '/api/v1/training/sponsorships', { session: employer.session, body: { offeringId: course.id, emails: [alice.email], payment: 'invoice' } }))).toBe('ALREADY_ENROLLED')

    // Alice accepts with her account; Bob's link is not hers.
    const token = await deliveredToken(w.t, alice.email, /sponsored a seat/)
    const bobToken = await deliveredToken(w.t, bob.email, /sponsored a seat/)
    const wrong = await call(w.t.app, 'POST', '/api/v1/training/invitations/accept', { session: alice.session, body: { token: bobToken } })
    expect(errorCode(wrong)).toBe('INVITATION_INVALID')
    const lookup = await call(w.t.app, 'POST', '/api/v1/training/invitations/lookup', { session: alice.session, body: { token } })
    expect(lookup.json()).toMatchObject({ status: 'open', title: course.title, email: alice.email, course: { id: course.id } })
    const accepted = await call(w.t.app, 'POST', '/api/v1/training/invitations/accept', { session: alice.session, body: { token } })
    expect(accepted.statusCode, accepted.body).toBe(200)
    expect(accepted.json<EnrolmentView>()).toMatchObject({ status: 'confirmed', learnerId: alice.userId, paymentMethod: 'voucher', sponsor: expect.stringMatching(/^Employer /) })
    expect(await registeredStatements(alice.userId)).toHaveLength(1)
    expect((await call(w.t.app, 'POST', '/api/v1/training/invitations/accept', { session: alice.session, body: { token } })).statusCode).toBe(409)
    expect(await w.t.app.services.training.organisationsOf(w.t.app.db, alice.userId)).toEqual({ centers: [w.centerId], employers: [employer.userId] })

    // The employer sees the seats and withdraws Bob's: the seat and its code come back.
    const seats = (await call(w.t.app, 'GET', '/api/v1/training/sponsorships', { session: employer.session })).json<SponsoredSeatList>().items
    const bobSeat = seats.find((s) => s.email === bob.email)!
    expect(seats.find((s) => s.email === alice.email)).toMatchObject({ status: 'confirmed', learnerName: expect.stringMatching(/^Alice /) })
    const withdrawn = await call(w.t.app, 'POST', `/api/v1/training/enrolments/${bobSeat.id}/cancel`, { session: employer.session, body: {} })
    expect(withdrawn.statusCode, withdrawn.body).toBe(200)
    expect((await ledger(course.id)).seatsTaken).toBe(1)
    expect(errorCode(await call(w.t.app, 'POST', '/api/v1/training/invitations/accept', { session: bob.session, body: { token: bobToken } }))).toBe('INVITATION_INVALID')

    // The returned code pays another employee's seat from the same batch; two seats are more than it has left.
    const batchId = receipt.voucherBatchId!
    const carol = await w.person('Carol')
    const dave = await w.person('Dave')
    const settled = await ledger(course.id)
    const tooMany = await call(w.t.app, 'POST', '/api/v1/training/sponsorships', { session: employer.session, body: { offeringId: course.id, emails: [carol.email, dave.email], payment: 'voucher_batch', voucherBatchId: batchId } })
    expect(errorCode(tooMany)).toBe('VOUCHER_INVALID')
    expect(await ledger(course.id)).toEqual(settled)
    const another = await w.person('OtherEmployer', ['employer'])
    expect((await call(w.t.app, 'POST', '/api/v1/training/sponsorships', { session: another.session, body: { offeringId: course.id, emails: [carol.email], payment: 'voucher_batch', voucherBatchId: batchId } })).statusCode).toBe(404)
    const fromBatch = await call(w.t.app, 'POST', '/api/v1/training/sponsorships', { session: employer.session, body: { offeringId: course.id, emails: [carol.email], payment: 'voucher_batch', voucherBatchId: batchId } })
    expect(fromBatch.statusCode, fromBatch.body).toBe(201)
    expect(fromBatch.json<SponsorshipReceipt>()).toMatchObject({ invoiceId: null, voucherBatchId: batchId })
  })

  it('sponsors Learning Lab seats for free modules with no payment', async () => {
    const erin = await w.person('Erin')
    const res = await call(w.t.app, 'POST', '/api/v1/training/sponsorships', { session: employer.session, body: { module: 'SRMT', emails: [erin.email] } })
    expect(res.statusCode, res.body).toBe(201)
    const token = await deliveredToken(w.t, erin.email, /sponsored a seat/)
    const accepted = await call(w.t.app, 'POST', '/api/v1/training/invitations/accept', { session: erin.session, body: { token } })
    expect(accepted.json()).toMatchObject({ status: 'confirmed', paymentMethod: 'none', kind: 'learning_lab', module: 'SRMT' })
    expect(await w.t.app.services.training.organisationsOf(w.t.app.db, erin.userId)).toEqual({ centers: [], employers: [employer.userId] })
  })

  it('never oversells a course, whatever arrives at once', async () => {
    const course = await w.course({ trainer, seats: 3 })
    const learners = await Promise.all(Array.from({ length: 10 }, (_, i) => w.person(`Rush${i}`)))
    const results = await Promise.all(learners.map((l) => w.enrol(l, { offeringId: course.id })))
    const statuses = results.map((r) => r.statusCode).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(3)
    expect(results.filter((r) => r.statusCode !== 201).map(errorCode)).toEqual(Array(7).fill('COURSE_FULL'))
    expect((await ledger(course.id)).seatsTaken).toBe(3)
    expect(Number((await w.t.app.db.selectFrom('training_enrolments').select((eb) => eb.fn.countAll().as('n')).where('offering_id', '=', course.id).executeTakeFirstOrThrow()).n)).toBe(3)
    // A sponsorship asking for more seats than are left takes none.
    const wide = await w.course({ trainer, seats: 2 })
    const many = await call(w.t.app, 'POST', '/api/v1/training/sponsorships', { session: employer.session, body: { offeringId: wide.id, emails: ['x1@example.com', 'x2@example.com', 'x3@example.com'] } })
    expect(errorCode(many)).toBe('COURSE_FULL')
    expect((await ledger(wide.id)).seatsTaken).toBe(0)
    // One learner twice at once: one seat.
    const twice = await w.course({ trainer, seats: 5 })
    const eager = await w.person('Eager')
    const both = await Promise.all([w.enrol(eager, { offeringId: twice.id }), w.enrol(eager, { offeringId: twice.id })])
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409])
    expect((await ledger(twice.id)).seatsTaken).toBe(1)
  })

  it('cancels an enrolment: the learner until the course begins (seat, voucher and invoice settled), staff later', async () => {
    const course = await w.course({ trainer, feeCents: 5_000, meetingsAtH: [30, 54] })
    const batch = await buyTrainingVouchers(employer, { offeringId: course.id, quantity: 1 })
    const byVoucher = await w.person('CancelV')
    const byInvoice = await w.person('CancelI')
    const v = enrolmentOf(await w.enrol(byVoucher, { offeringId: course.id, method: 'voucher', voucherCode: batch.codes[0]!.code }))
    const i = enrolmentOf(await w.enrol(byInvoice, { offeringId: course.id, method: 'invoice' }))
    expect((await ledger(course.id)).seatsTaken).toBe(2)
    // Nobody else's to cancel.
    expect((await call(w.t.app, 'POST', `/api/v1/training/enrolments/${v.id}/cancel`, { session: byInvoice.session, body: {} })).statusCode).toBe(404)
    const cancelled = await call(w.t.app, 'POST', `/api/v1/training/enrolments/${v.id}/cancel`, { session: byVoucher.session, body: { reason: 'Changed shifts' } })
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' })
    const code = await w.t.app.db.selectFrom('vouchers').select(['status', 'enrolment_id']).where('code', '=', batch.codes[0]!.code).executeTakeFirstOrThrow()
    expect(code).toEqual({ status: 'available', enrolment_id: null })
    expect((await ledger(course.id)).seatsTaken).toBe(1)
    // Once the course has begun, the learner asks the program; staff cancel, and the open invoice is void.
    w.t.clock.advance(31 * HOUR)
    await w.relogin()
    const late = await call(w.t.app, 'POST', `/api/v1/training/enrolments/${i.id}/cancel`, { session: byInvoice.session, body: {} })
    expect(errorCode(late)).toBe('ENROLMENT_CLOSED')
    const byStaff = await call(w.t.app, 'POST', `/api/v1/training/enrolments/${i.id}/cancel`, { session: w.staff, body: { reason: 'Asked the program office' } })
    expect(byStaff.json()).toMatchObject({ status: 'cancelled', invoice: { status: 'void' } })
    expect((await ledger(course.id)).seatsTaken).toBe(0)
    expect((await call(w.t.app, 'POST', `/api/v1/training/enrolments/${i.id}/cancel`, { session: w.staff, body: {} })).statusCode).toBe(409)
    // Enrolment closed once the first meeting ended.
    w.t.clock.advance(3 * HOUR)
    await w.relogin()
    expect(errorCode(await w.enrol(await w.person('TooLate'), { offeringId: course.id }))).toBe('ENROLMENT_CLOSED')
  })
})
