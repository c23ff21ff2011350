// The Learning Lab's views: the catalogue keeps the program's order and carries progress only for a
// signed-in reader; a lesson names its module, skill, position and neighbours within its skill.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadProgram } from '../program/program.loader.js'
import type { Lesson } from './lesson-files.js'
import { catalogueView, lessonView } from './lesson-views.js'

const program = loadProgram(path.resolve('program/mt1'))
const lesson = (id: string, sections = ['one']): Lesson => {
  const [skill, n] = id.split('-') as [string, string]
  return {
    id, skill, order: Number(n), title: `Lesson ${id}`, summary: `About ${id}`, minutes: 5, figures: [], figureAlts: [],
    sections: sections.map((s) => ({ id: s, heading: s.toUpperCase(), html: `<p>${s}</p>`, spokenText: s, practiceItems: s === 'one' ? ['MT1-MEAS-P01'] : [] })),
  }
}
const lessons = [lesson('MEAS-1', ['one', 'two']), lesson('MEAS-2'), lesson('MEAS-3'), lesson('SPC-1')]

describe('the Learning Lab catalogue', () => {
  it('lists every module and skill in program order with its lessons, and no progress for a visitor', () => {
    const view = catalogueView(program, lessons, null)
    expect(view.signedIn).toBe(false)
    expect(view.modules.flatMap((m) => m.skills.map((s) => `${s.code}:${s.lessons.length}`))).toEqual([
      'MEAS:3', 'ALG:0', 'MQ:0', 'SPAT:0', 'MECH:0', 'FPT:0', 'ELEC:0', 'CHEM:0', 'MPC:0', 'SPC:1', 'QLM:0', 'FLBA:0',
    ])
    expect(view.modules[0]!.skills[0]!.lessons[0]).toEqual({ id: 'MEAS-1', title: 'Lesson MEAS-1', summary: 'About MEAS-1', minutes: 5, sections: [{ id: 'one', heading: 'ONE' }, { id: 'two', heading: 'TWO' }] })
  })

  it('marks the lessons a signed-in reader finished, and only those', () => {
    const view = catalogueView(program, lessons, new Map([['MEAS-2', '2026-12-01T10:00:00.000Z']]))
    expect(view.signedIn).toBe(true)
    expect(view.modules[0]!.skills[0]!.lessons.map((l) => l.completed)).toEqual([false, true, false])
  })
})

describe('a lesson to read', () => {
  const meas = lessons.filter((l) => l.skill === 'MEAS')
  it('names its module and skill, its place, and its neighbours within the skill', () => {
    expect(lessonView(program, meas[0]!, meas, null)).toMatchObject({
      module: 'MM', moduleName: 'Math and Measurement', skill: 'MEAS', skillName: 'Measurement', order: 1, lessonsInSkill: 3,
      previous: null, next: { id: 'MEAS-2', title: 'Lesson MEAS-2' }, completedAt: null,
    })
    expect(lessonView(program, meas[1]!, meas, null)).toMatchObject({ previous: { id: 'MEAS-1' }, next: { id: 'MEAS-3' } })
    expect(lessonView(program, meas[2]!, meas, '2026-12-01T10:00:00.000Z')).toMatchObject({ previous: { id: 'MEAS-2' }, next: null, completedAt: '2026-12-01T10:00:00.000Z' })
  })

  it('counts the practice items of each section and never sends their identifiers', () => {
    const view = lessonView(program, meas[0]!, meas, null)
    expect(view.sections).toEqual([
      { id: 'one', heading: 'ONE', html: '<p>one</p>', spokenText: 'one', practiceItemCount: 1 },
      { id: 'two', heading: 'TWO', html: '<p>two</p>', spokenText: 'two', practiceItemCount: 0 },
    ])
  })
})
