// Attendance, completion and impartiality on both databases (issue 13, items 4, 5 and 7): only the
// course's trainer and staff record attendance (once a meeting has started) and completion, the
// center's administrators read the roster, each new "present" is one xAPI `attended` and a completion
// one `completed`; and a trainer who trained a candidate within policies.trainerImpartialityMonths
// (12) before a session may not be assigned to proctor it (TRAINER_IMPARTIALITY, naming how many
// candidates, not who, to non-staff), the candidate cannot register for it, and the trainer cannot
// check them in, until the period has passed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addMonths } from '../../src/common/rules/certification-period.js'
import type { CourseRosterView, CourseView, MyTrainingView } from '../../src/common/schemas/training.js'
import { call, errorCode, type Session } from '../helpers/http-client.js'
import { databases } from '../helpers/test-app.js'
import { DAY, enrolmentOf, HOUR, trainingWorld, type Person, type TrainingWorld } from '../helpers/training.js'

describe.each(databases)('attendance, completion and impartiality on %s', (kind) => {
  let w: TrainingWorld
  let trainer: Person
  let otherTrainer: Person
  let proctor: Person

  const statements = (userId: string, verb: string) => w.t.app.db.selectFrom('learning_statements').selectAll().where('user_id', '=', userId).where('verb', '=', verb).execute()
  const roster = (session: Session | undefined, courseId: string) => call(w.t.app, 'GET', `/api/v1/training/courses/${courseId}/roster`, { session })
  const attend = (session: Session | undefined, course: CourseView, meeting: number, entries: { enrolmentId: string; present: boolean }[]) =>
    call(w.t.app, 'PUT', `/api/v1/training/courses/${course.id}/meetings/${course.meetings[meeting]!.id}/attendance`, { session, body: { entries } })
  const complete = (session: Session | undefined, enrolmentId: string, body: { completed: boolean; note?: string }) =>
    call(w.t.app, 'PUT', `/api/v1/training/enrolments/${enrolmentId}/completion`, { session, body })
  const written = async () => ({ attendance: await w.count('course_attendance'), statements: await w.count('learning_statements'), registrations: await w.count('registrations') })
  const session = async (startsInMs: number, proctorIds: string[], by: Session = w.staff) => {
    const res = await call(w.t.app, 'POST', '/api/v1/sessions', {
      session: by, body: { centerId: w.centerId, startsAt: w.iso(startsInMs), endsAt: w.iso(startsInMs + 4 * HOUR), seats: 10, modules: ['MM', 'SRMT', 'QBA'], proctorIds },
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json().id as string
  }
  // One live booking per module: each session here is booked for its own module.
  const registerFor = (p: Person, sessionId: string, module: string) => call(w.t.app, 'POST', '/api/v1/registrations', { session: p.session, body: { sessionId, modules: [module] } })
  const checkIn = (by: Person, sessionId: string, registrationId: string) => call(w.t.app, 'POST', `/api/v1/sessions/${sessionId}/checkins`, { session: by.session, body: { registrationId, idVerified: true } })
  const proctorsOf = async (sessionId: string) => (await w.t.app.db.selectFrom('session_proctors').select('user_id').where('session_id', '=', sessionId).execute()).map((r) => r.user_id).sort()

  beforeAll(async () => {
    w = await trainingWorld(kind)
    trainer = await w.certifiedTrainer('Trainer')
    await w.certifiedProctor(trainer)
    otherTrainer = await w.certifiedTrainer('Other')
    proctor = await w.person('Proctor', ['proctor'])
    await w.certifiedProctor(proctor)
  }, 120_000)
  afterAll(async () => w?.close())

  it('lets the trainer and staff record attendance and completion, the center read them, and nobody else', async () => {
    const course = await w.course({ trainer, meetingsAtH: [2, 26] })
    const ana = await w.person('Ana')
    const ben = await w.person('Ben')
    const a = enrolmentOf(await w.enrol(ana, { offeringId: course.id }))
    const b = enrolmentOf(await w.enrol(ben, { offeringId: course.id }))

    expect((await roster(trainer.session, course.id)).json<CourseRosterView>()).toMatchObject({ canRecord: true, openMeetingIds: [], completionOpen: false })
    expect((await roster(w.centerAdmin, course.id)).json<CourseRosterView>()).toMatchObject({ canRecord: false })
    expect((await roster(w.staff, course.id)).json<CourseRosterView>().learners.map((l) => l.name).sort()).toEqual([expect.stringMatching(/^Ana /), expect.stringMatching(/^Ben /)])
    for (const who of [otherTrainer.session, ana.session]) expect((await roster(who, course.id)).statusCode).toBe(403)
    expect((await roster(undefined, course.id)).statusCode).toBe(401)

    // Before the meeting starts, nothing is recorded.
    const nothing = await written()
    expect(errorCode(await attend(trainer.session, course, 0, [{ enrolmentId: a.id, present: true }]))).toBe('RULE_VIOLATION')
    w.t.clock.advance(2 * HOUR + 5 * 60_000)
    await w.relogin()
    for (const who of [w.centerAdmin, otherTrainer.session, ana.session]) expect((await attend(who, course, 0, [{ enrolmentId: a.id, present: true }])).statusCode).toBe(403)
    expect((await attend(undefined, course, 0, [{ enrolmentId: a.id, present: true }])).statusCode).toBe(401)
    expect((await attend(trainer.session, course, 0, [{ enrolmentId: a.id, present: true }, { enrolmentId: a.id, present: false }])).statusCode).toBe(400)
    expect((await attend(trainer.session, course, 0, [{ enrolmentId: '00000000-0000-4000-8000-000000000000', present: true }])).statusCode).toBe(400)
    expect((await call(w.t.app, 'PUT', `/api/v1/training/courses/${course.id}/meetings/00000000-0000-4000-8000-000000000000/attendance`, { session: trainer.session, body: { entries: [{ enrolmentId: a.id, present: true }] } })).statusCode).toBe(404)
    expect(await written()).toEqual(nothing)

    // One save for the meeting: Ana present, Ben absent. One `attended` for Ana.
    const saved = await attend(trainer.session, course, 0, [{ enrolmentId: a.id, present: true }, { enrolmentId: b.id, present: false }])
    expect(saved.statusCode, saved.body).toBe(200)
    const view = saved.json<CourseRosterView>()
    expect(view.openMeetingIds).toEqual([course.meetings[0]!.id])
    expect(view.learners.find((l) => l.enrolmentId === a.id)).toMatchObject({ attended: 1, attendance: { [course.meetings[0]!.id]: true, [course.meetings[1]!.id]: null } })
    expect(view.learners.find((l) => l.enrolmentId === b.id)).toMatchObject({ attended: 0, attendance: { [course.meetings[0]!.id]: false } })
    const [attended] = await statements(ana.userId, 'attended')
    expect(attended).toMatchObject({ object_kind: 'course_meeting', object_id: `http://mt1.test/training/meetings/${course.meetings[0]!.id}`, module: 'MM' })
    expect(JSON.parse(attended!.statement).context.contextActivities.parent[0].id).toBe(`http://mt1.test/training/courses/${course.id}`)
    // Saving the same again records nothing new; Ben marked present is his first `attended`. Staff may correct.
    await attend(trainer.session, course, 0, [{ enrolmentId: a.id, present: true }])
    expect(await statements(ana.userId, 'attended')).toHaveLength(1)
    expect((await attend(w.staff, course, 0, [{ enrolmentId: b.id, present: true }])).statusCode).toBe(200)
    expect(await statements(ben.userId, 'attended')).toHaveLength(1)

    // Completion: the trainer or staff; `completed` once; the center reads.
    expect((await complete(w.centerAdmin, a.id, { completed: true })).statusCode).toBe(403)
    const done = await complete(trainer.session, a.id, { completed: true, note: 'Passed the practical check' })
    expect(done.json<CourseRosterView>().learners.find((l) => l.enrolmentId === a.id)).toMatchObject({ completion: 'completed', completionNote: 'Passed the practical check' })
    await complete(trainer.session, a.id, { completed: true, note: 'Passed the practical check' })
    const completed = await statements(ana.userId, 'completed')
    expect(completed).toHaveLength(1)
    expect(JSON.parse(completed[0]!.statement).result).toEqual({ completion: true })
    expect((await complete(w.staff, b.id, { completed: false, note: 'Missed the practical' })).statusCode).toBe(200)
    expect(await statements(ben.userId, 'completed')).toHaveLength(0)
    expect((await complete(trainer.session, b.id, { completed: false, note: '<b>bold</b>' })).statusCode).toBe(400)

    // The learner sees their attendance and completion.
    const mine = (await call(w.t.app, 'GET', '/api/v1/me/training', { session: ana.session })).json<MyTrainingView>().courses.find((c) => c.course.id === course.id)!
    expect(mine).toMatchObject({ enrolment: { completion: 'completed' }, completionNote: 'Passed the practical check', attendance: { [course.meetings[0]!.id]: true, [course.meetings[1]!.id]: null } })

    // As taught: the trainer and the meetings are fixed now.
    expect(errorCode(await call(w.t.app, 'PATCH', `/api/v1/training/courses/${course.id}`, { session: w.staff, body: { trainerId: otherTrainer.userId } }))).toBe('ATTENDANCE_RECORDED')
    // Completed once the last meeting has started, by its trainer.
    expect(errorCode(await call(w.t.app, 'POST', `/api/v1/training/courses/${course.id}/complete`, { session: trainer.session }))).toBe('RULE_VIOLATION')
    expect((await call(w.t.app, 'POST', `/api/v1/training/courses/${course.id}/complete`, { session: otherTrainer.session })).statusCode).toBe(403)
    w.t.clock.advance(24 * HOUR)
    await w.relogin()
    const closed = await call(w.t.app, 'POST', `/api/v1/training/courses/${course.id}/complete`, { session: trainer.session })
    expect(closed.json<CourseView>().status).toBe('completed')
  })

  it('refuses a trainer as proctor, a registration and a check-in while the impartiality period runs, and allows them after', async () => {
    const kim = await w.person('Kim')
    const lee = await w.person('Lee')
    const absent = await w.person('Absent')
    // Sessions ahead: S1 proctored by P, S3 by the trainer and P (Kim and Lee register before any training).
    const s1 = await session(10 * DAY, [proctor.userId])
    const s3 = await session(14 * DAY, [trainer.userId, proctor.userId])
    for (const p of [kim, lee]) expect((await registerFor(p, s1, 'MM')).statusCode).toBe(201)
    const kimS3 = await registerFor(kim, s3, 'SRMT')
    const leeS3 = await registerFor(lee, s3, 'SRMT')
    expect([kimS3.statusCode, leeS3.statusCode]).toEqual([201, 201])

    // The trainer teaches Kim (present) and Absent (marked absent).
    const course = await w.course({ trainer, meetingsAtH: [1] })
    const k = enrolmentOf(await w.enrol(kim, { offeringId: course.id }))
    const x = enrolmentOf(await w.enrol(absent, { offeringId: course.id }))
    w.t.clock.advance(2 * HOUR)
    await w.relogin()
    expect((await attend(trainer.session, course, 0, [{ enrolmentId: k.id, present: true }, { enrolmentId: x.id, present: false }])).statusCode).toBe(200)
    const trainedAt = Date.parse(course.meetings[0]!.startsAt)

    // (a) Assigning the trainer to S1, where Kim sits: refused; the center hears how many, staff also who.
    const asCenter = await call(w.t.app, 'PATCH', `/api/v1/sessions/${s1}`, { session: w.centerAdmin, body: { proctorIds: [proctor.userId, trainer.userId] } })
    expect(asCenter.statusCode, asCenter.body).toBe(422)
    expect(asCenter.json().error).toEqual({
      code: 'TRAINER_IMPARTIALITY', message: expect.stringMatching(/^1 registered candidate was trained by a proctor you assigned within the 12 months before this session/),
      details: { conflicts: 1, proctorIds: [trainer.userId] },
    })
    const asStaff = await call(w.t.app, 'PATCH', `/api/v1/sessions/${s1}`, { session: w.staff, body: { proctorIds: [trainer.userId] } })
    expect(asStaff.json().error).toMatchObject({ code: 'TRAINER_IMPARTIALITY', details: { conflicts: 1, candidateIds: [kim.userId] } })
    expect(await proctorsOf(s1)).toEqual([proctor.userId])
    // Another trainer is fine.
    await w.certifiedProctor(otherTrainer)
    expect((await call(w.t.app, 'PATCH', `/api/v1/sessions/${s1}`, { session: w.staff, body: { proctorIds: [proctor.userId, otherTrainer.userId] } })).statusCode).toBe(200)

    // (b) A session the trainer proctors: Kim cannot register (nothing stored); Absent and Lee can.
    const s2 = await session(12 * DAY, [trainer.userId])
    const before = await written()
    const refused = await registerFor(kim, s2, 'QBA')
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error).toMatchObject({ code: 'TRAINER_IMPARTIALITY', message: expect.stringMatching(/trained you within the 12 months/) })
    expect(await written()).toEqual(before)
    expect((await registerFor(absent, s2, 'QBA')).statusCode).toBe(201)
    expect((await registerFor(lee, s2, 'QBA')).statusCode).toBe(201)

    // (c) At S3's check-in the trainer cannot admit Kim; the other proctor can; the trainer admits Lee.
    w.t.clock.set(new Date(Date.parse((await w.t.app.db.selectFrom('test_sessions').select('starts_at').where('id', '=', s3).executeTakeFirstOrThrow()).starts_at) + 10 * 60_000))
    await w.relogin()
    const byTrainer = await checkIn(trainer, s3, kimS3.json().id)
    expect(byTrainer.statusCode).toBe(422)
    expect(byTrainer.json().error).toMatchObject({ code: 'TRAINER_IMPARTIALITY', message: expect.stringMatching(/Ask another certified proctor of this session to check them in/) })
    expect(await w.t.app.db.selectFrom('checkins').select('registration_id').where('registration_id', '=', kimS3.json().id).execute()).toEqual([])
    expect((await checkIn(proctor, s3, kimS3.json().id)).statusCode).toBe(201)
    expect((await checkIn(trainer, s3, leeS3.json().id)).statusCode).toBe(201)

    // The period ends 12 months after the training: a session starting before then is still refused, one after it is not.
    w.t.clock.set(new Date(addMonths(new Date(trainedAt), 12).getTime() - 10 * DAY))
    await w.relogin()
    const within = await session(5 * DAY, [trainer.userId])
    expect(errorCode(await registerFor(kim, within, 'QBA'))).toBe('TRAINER_IMPARTIALITY')
    w.t.clock.advance(10 * DAY)
    await w.relogin()
    const after = await session(5 * DAY, [trainer.userId])
    const allowed = await registerFor(kim, after, 'QBA')
    expect(allowed.statusCode, allowed.body).toBe(201)
    w.t.clock.advance(5 * DAY + 5 * 60_000)
    await w.relogin()
    expect((await checkIn(trainer, after, allowed.json().id)).statusCode).toBe(201)
  })
})
