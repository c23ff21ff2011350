// The Learning Lab's lessons, loaded once from the program directory (lesson-files.ts), and where
// each practice item is taught: practice feedback links back to that lesson section.
import type { ServerContext } from '../../context.js'
import { figurePath, loadLessons, type Lesson } from './lesson-files.js'

export const FIGURES_PATH = '/api/v1/learning/figures'

export function createLessonsService(ctx: ServerContext) {
  const lessons = loadLessons(ctx.config.programDir, (skill, name) => `${FIGURES_PATH}/${skill}/${name}`)
  const byId = new Map(lessons.map((l) => [l.id, l]))
  const sectionOfItem = new Map<string, { lesson: Lesson; sectionId: string; heading: string }>()
  for (const lesson of lessons) {
    for (const s of lesson.sections) for (const item of s.practiceItems) sectionOfItem.set(item, { lesson, sectionId: s.id, heading: s.heading })
  }
  return {
    /** Every lesson, by skill then order. */
    all: (): readonly Lesson[] => lessons,
    ofSkill: (skill: string): Lesson[] => lessons.filter((l) => l.skill === skill),
    get: (id: string): Lesson | undefined => byId.get(id),
    /** The lesson section that teaches a practice item (by its QTI identifier), if any. */
    sectionOf: (itemIdentifier: string) => sectionOfItem.get(itemIdentifier),
    /** A figure file on disk, or null for anything that is not a lesson figure. */
    figureFile: (skill: string, name: string) => figurePath(ctx.config.programDir, skill, name),
  }
}

export type LessonsService = ReturnType<typeof createLessonsService>
