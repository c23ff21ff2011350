// The Learning Lab's lessons, loaded once from the program directory (lesson-files.ts), and where
// each practice item is taught: practice feedback links back to that lesson section. Reading a
// lesson and finishing it are learning actions: each is an xAPI statement (learning-records),
// written in the action's own transaction.
import type { LearningEvent } from '../../../common/learning/xapi-statements.js'
import type { ServerContext } from '../../context.js'
import { inTransaction } from '../../db/transaction.js'
import { notFound } from '../../errors.js'
import { requireActor, type Actor } from '../accounts/actor.js'
import type { LearningRecordsService } from '../learning-records/learning-records.service.js'
import type { ProgramService } from '../program/program.service.js'
import { figurePath, loadLessons, type Lesson } from './lesson-files.js'
import { catalogueView, lessonView, skillOf } from './lesson-views.js'

export const FIGURES_PATH = '/api/v1/learning/figures'

export function createLessonsService(ctx: ServerContext, deps: { program: ProgramService; learningRecords: LearningRecordsService }) {
  // The lessons are read and rendered on first use, not at start: parsing every lesson's Markdown
  // was about half a second of each process start (issue 16). The content tests read every lesson
  // (test/content), so a broken file fails the build rather than a learner's first request.
  let catalog: { lessons: Lesson[]; byId: Map<string, Lesson>; sectionOfItem: Map<string, { lesson: Lesson; sectionId: string; heading: string }> } | undefined
  function lessonCatalog() {
    if (catalog) return catalog
    const lessons = loadLessons(ctx.config.programDir, (skill, name) => `${FIGURES_PATH}/${skill}/${name}`)
    const sectionOfItem = new Map<string, { lesson: Lesson; sectionId: string; heading: string }>()
    for (const lesson of lessons) {
      for (const s of lesson.sections) for (const item of s.practiceItems) sectionOfItem.set(item, { lesson, sectionId: s.id, heading: s.heading })
    }
    catalog = { lessons, byId: new Map(lessons.map((l) => [l.id, l])), sectionOfItem }
    return catalog
  }
  const program = deps.program.definition

  /** The lesson by id, or 404 naming the id (the id's shape is checked by the route's schema). */
  function lessonOrNotFound(id: string): Lesson {
    const lesson = lessonCatalog().byId.get(id)
    if (!lesson) throw notFound(`Lesson ${id}`)
    return lesson
  }

  /** What a statement about the lesson says: the lesson, its skill as parent, and its module. */
  function lessonEvent(userId: string, verb: 'experienced' | 'completed', lesson: Lesson): LearningEvent {
    const { module, skill } = skillOf(program, lesson.skill)
    return {
      userId, verb,
      object: { kind: 'lesson', ref: lesson.id, name: lesson.title, description: lesson.summary },
      skill: lesson.skill, module: module?.code ?? null,
      parent: { kind: 'skill', ref: lesson.skill, name: skill?.name ?? lesson.skill },
      ...(verb === 'completed' ? { result: { completion: true } } : {}),
    }
  }

  return {
    /** Every lesson, by skill then order. */
    all: (): readonly Lesson[] => lessonCatalog().lessons,
    ofSkill: (skill: string): Lesson[] => lessonCatalog().lessons.filter((l) => l.skill === skill),
    get: (id: string): Lesson | undefined => lessonCatalog().byId.get(id),
    /** The lesson section that teaches a practice item (by its QTI identifier), if any. */
    sectionOf: (itemIdentifier: string) => lessonCatalog().sectionOfItem.get(itemIdentifier),
    /** A figure file on disk, or null for anything that is not a lesson figure. */
    figureFile: (skill: string, name: string) => figurePath(ctx.config.programDir, skill, name),

    // --- issue 13, lab-lessons ---

    /** The three modules, their skills and each skill's lessons; with a signed-in caller, which they finished. Public. */
    async catalogue(actor: Actor | null) {
      const completed = actor ? await deps.learningRecords.completedLessons(actor.userId) : null
      return catalogueView(program, lessonCatalog().lessons, completed)
    },

    /**
     * One lesson to read (any signed-in account). A read is recorded as `experienced` unless
     * `record` is false (a HEAD request fetches nothing to read).
     */
    async read(actor: Actor | null, id: string, o: { record: boolean }) {
      const who = requireActor(actor)
      const lesson = lessonOrNotFound(id)
      const completedAt = await inTransaction(ctx.db, async (trx) => {
        if (o.record) await deps.learningRecords.record(trx, lessonEvent(who.userId, 'experienced', lesson))
        return (await deps.learningRecords.completedLessons(who.userId, trx)).get(lesson.id) ?? null
      })
      return lessonView(program, lesson, lessonCatalog().lessons.filter((l) => l.skill === lesson.skill), completedAt)
    },

    /** Marks a lesson finished: one `completed` statement per learner and lesson, however often it is asked. */
    async complete(actor: Actor | null, id: string) {
      const who = requireActor(actor)
      const lesson = lessonOrNotFound(id)
      const { statement, created } = await inTransaction(ctx.db, (trx) => deps.learningRecords.recordOnce(trx, lessonEvent(who.userId, 'completed', lesson)))
      return { lessonId: lesson.id, completedAt: statement.timestamp, alreadyCompleted: !created }
    },
  }
}

export type LessonsService = ReturnType<typeof createLessonsService>
