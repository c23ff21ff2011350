// What the Learning Lab's routes answer, built from the program and the loaded lessons: the
// catalogue (modules → skills → lessons) and one lesson with its neighbours. Pure functions.
import type { Program } from '../../../common/program/program-schema.js'
import type { LearningCatalogueView, LessonView } from '../../../common/schemas/learning.js'
import type { Lesson } from './lesson-files.js'

/** The module and skill a skill code belongs to (undefined for a code the program lacks). */
export function skillOf(program: Program, code: string) {
  for (const module of program.modules) {
    const skill = module.skills.find((s) => s.code === code)
    if (skill) return { module, skill }
  }
  return { module: undefined, skill: undefined }
}

/**
 * Every module of the program with its skills in program order, each with its lessons in order.
 * `completed` (lesson id → when) is the signed-in caller's progress; null for a visitor, whose
 * lessons then carry no `completed` at all.
 */
export function catalogueView(program: Program, lessons: readonly Lesson[], completed: ReadonlyMap<string, string> | null): LearningCatalogueView {
  return {
    signedIn: completed !== null,
    modules: program.modules.map((m) => ({
      code: m.code, name: m.name, description: m.description,
      skills: m.skills.map((s) => ({
        code: s.code, name: s.name, outline: s.description,
        lessons: lessons.filter((l) => l.skill === s.code).map((l) => ({
          id: l.id, title: l.title, summary: l.summary, minutes: l.minutes,
          sections: l.sections.map((section) => ({ id: section.id, heading: section.heading })),
          ...(completed ? { completed: completed.has(l.id) } : {}),
        })),
      })),
    })),
  }
}

/** One lesson to read, with the previous and next lesson of its skill (`ofSkill` in order). */
export function lessonView(program: Program, lesson: Lesson, ofSkill: readonly Lesson[], completedAt: string | null): LessonView {
  const { module, skill } = skillOf(program, lesson.skill)
  const at = ofSkill.findIndex((l) => l.id === lesson.id)
  const link = (l: Lesson | undefined) => (l ? { id: l.id, title: l.title } : null)
  return {
    id: lesson.id, title: lesson.title, summary: lesson.summary, minutes: lesson.minutes,
    skill: lesson.skill, skillName: skill?.name ?? lesson.skill, module: module?.code ?? '', moduleName: module?.name ?? '',
    order: at + 1, lessonsInSkill: ofSkill.length,
    sections: lesson.sections.map((s) => ({ id: s.id, heading: s.heading, html: s.html, spokenText: s.spokenText, practiceItemCount: s.practiceItems.length })),
    previous: link(ofSkill[at - 1]), next: link(ofSkill[at + 1]),
    completedAt,
  }
}
