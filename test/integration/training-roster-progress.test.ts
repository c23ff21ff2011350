// A course's roster shows each learner's Learning Lab progress in the course's skills (issue 13, item 5):
// mastery by the program's rule, the lessons of those skills finished and when they last used the Lab;
// read by the course's trainer, staff and the center's administrators, on both databases, and by nobody else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PracticeAnswerView, PracticeSetView } from '../../src/common/schemas/practice.js'
import type { CourseRosterView, CourseView } from '../../src/common/schemas/training.js'
import { call, type Session } from '../helpers/http-client.js'
import { keyAsPresented } from '../helpers/practice-keys.js'
import { databases } from '../helpers/test-app.js'
import { enrolmentOf, trainingWorld, type Person, type TrainingWorld } from '../helpers/training.js'

describe.each(databases)('learning progress on a course roster on %s', (kind) => {
  let w: TrainingWorld
  let trainer: Person
  let course: CourseView
  let ada: Person
  let ben: Person
  let outsider: Person

  const roster = (session: Session | undefined) => call(w.t.app, 'GET', `/api/v1/training/courses/${course.id}/roster`, { session })

  /** Answers `pattern` ('1' right, '0' wrong) of the skill's practice sets, in turn. */
  async function practise(p: Person, skill: string, pattern: string) {
    let set: PracticeSetView | null = null
    let i = 0
    for (const right of pattern) {
      if (!set || i === set.items.length) {
        const res = await call(w.t.app, 'POST', '/api/v1/learning/practice-sets', { session: p.session, body: { skill } })
        expect(res.statusCode, res.body).toBe(201)
        set = res.json() as PracticeSetView
        i = 0
      }
      const item = set.items[i++]!
      const key = (await call(w.t.app, 'GET', `/api/v1/admin/items/${item.id}`, { session: w.staff })).json()
      const response = right === '1' ? keyAsPresented(key, item as unknown as { presentation: { body: unknown } }) : {}
      const res = await call(w.t.app, 'POST', `/api/v1/learning/practice-sets/${set.id}/items/${item.id}/answer`, { session: p.session, body: { response } })
      expect(res.statusCode, res.body).toBe(201)
      expect((res.json() as PracticeAnswerView).feedback.correct).toBe(right === '1')
    }
  }

  beforeAll(async () => {
    w = await trainingWorld(kind)
    await w.t.app.services.itemBank.seedShippedBank()
    trainer = await w.certifiedTrainer('Teacher')
    course = await w.course({ trainer, module: 'SRMT', skills: ['CHEM', 'ELEC'] })
    ada = await w.person('Ada')
    ben = await w.person('Ben')
    outsider = await w.person('Outsider')
    enrolmentOf(await w.enrol(ada, { offeringId: course.id }))
    enrolmentOf(await w.enrol(ben, { offeringId: course.id }))
    // Ada masters CHEM, has begun ELEC, practised a skill the course does not cover and finished a CHEM lesson.
    await practise(ada, 'CHEM', '1111111111')
    await practise(ada, 'ELEC', '110')
    await practise(ada, 'MECH', '1')
    const chemLesson = w.t.app.services.lessons.ofSkill('CHEM')[0]!
    expect((await call(w.t.app, 'POST', `/api/v1/learning/lessons/${chemLesson.id}/completion`, { session: ada.session })).statusCode).toBeLessThan(300)
    // Someone not on the roster practises too: it shows nowhere on it.
    await practise(outsider, 'CHEM', '11')
  }, 240_000)
  afterAll(async () => w?.close())

  it("shows each learner's mastery, lessons and last use in the course's skills", async () => {
    const res = await roster(trainer.session)
    expect(res.statusCode, res.body).toBe(200)
    const view = res.json() as CourseRosterView
    expect(view.learners.map((l) => l.learnerId).sort()).toEqual([ada.userId, ben.userId].sort())
    const lessonsTotal = w.t.app.services.lessons.ofSkill('CHEM').length + w.t.app.services.lessons.ofSkill('ELEC').length
    const a = view.learners.find((l) => l.learnerId === ada.userId)!.progress!
    expect(a.skills.map((s) => s.skill)).toEqual(['CHEM', 'ELEC'])
    const [chem, elec] = a.skills
    expect(chem).toMatchObject({ mastered: true, answered: 10, correct: 10, toMaster: 0 })
    expect(chem!.masteredSince).not.toBeNull()
    expect(elec).toMatchObject({ mastered: false, answered: 3, correct: 2, masteredSince: null })
    expect(a.lessonsCompleted).toBe(1)
    expect(a.lessonsTotal).toBe(lessonsTotal)
    expect(a.lastActiveAt).not.toBeNull()
    const b = view.learners.find((l) => l.learnerId === ben.userId)!.progress!
    expect(b.skills.every((s) => s.answered === 0 && !s.mastered)).toBe(true)
    expect(b).toMatchObject({ lessonsCompleted: 0, lessonsTotal, lastActiveAt: null })
  })

  it('judges mastery by the latest answers, as the learner sees it on their progress page', async () => {
    await practise(ada, 'CHEM', '000')
    const a = ((await roster(trainer.session)).json() as CourseRosterView).learners.find((l) => l.learnerId === ada.userId)!.progress!
    const own = (await call(w.t.app, 'GET', '/api/v1/learning/mastery', { session: ada.session })).json() as { items: { skill: string }[] }
    for (const s of a.skills) expect(s).toEqual(own.items.find((m) => m.skill === s.skill))
    // Dropping below the rule keeps the day it was first mastered.
    expect(a.skills[0]).toMatchObject({ mastered: false, answered: 10, correct: 7 })
    expect(a.skills[0]!.masteredSince).not.toBeNull()
  })

  it("lets staff and the center's administrators read it, and nobody else", async () => {
    const staff = (await roster(w.staff)).json() as CourseRosterView
    const center = (await roster(w.centerAdmin)).json() as CourseRosterView
    const mine = (await roster(trainer.session)).json() as CourseRosterView
    expect(staff.learners).toEqual(mine.learners)
    expect(center.learners).toEqual(mine.learners)
    const other = await w.certifiedTrainer('Other')
    for (const who of [other.session, ada.session, outsider.session]) expect((await roster(who)).statusCode).toBe(403)
    expect((await roster(undefined)).statusCode).toBe(401)
  })
})
