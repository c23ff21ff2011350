// The Learning Lab's lessons (issue 13): the public catalogue of modules, skills and lessons, one
// lesson to read, its completion, and the parameters that name a lesson or a lesson figure.
import { Type, type Static } from 'typebox'
import { Nullable, Strict } from './common.js'

/** A skill code as lessons use it (MEAS, ALG, …). */
export const SKILL_CODE_PATTERN = '^[A-Z]{2,5}$'
/** A lesson id: its skill and its number within the skill (MEAS-1). */
export const LESSON_ID_PATTERN = '^[A-Z]{2,5}-\\d{1,2}$'

export const LessonParams = Type.Object({ id: Type.String({ pattern: LESSON_ID_PATTERN, maxLength: 8 }) }, Strict)
export type LessonParams = Static<typeof LessonParams>

/**
 * A lesson figure. The name is only bounded here: anything that is not a figure file of a lesson
 * (another extension, a path, `..`) answers 404 from the lookup, as a static file server would.
 */
export const LessonFigureParams = Type.Object({
  skill: Type.String({ pattern: SKILL_CODE_PATTERN, maxLength: 5 }),
  name: Type.String({ minLength: 1, maxLength: 120 }),
}, Strict)
export type LessonFigureParams = Static<typeof LessonFigureParams>

export const LessonSectionHeading = Type.Object({
  /** The section's anchor in the lesson page (`#<id>`), the slug of its heading. */
  id: Type.String(),
  heading: Type.String(),
})
export type LessonSectionHeading = Static<typeof LessonSectionHeading>

export const LessonSummaryView = Type.Object({
  id: Type.String(), title: Type.String(), summary: Type.String(),
  /** Estimated reading time in minutes. */
  minutes: Type.Integer(),
  sections: Type.Array(LessonSectionHeading),
  /** Only for a signed-in caller: whether they have marked the lesson finished. */
  completed: Type.Optional(Type.Boolean()),
})
export type LessonSummaryView = Static<typeof LessonSummaryView>

export const LearningSkillView = Type.Object({
  code: Type.String(), name: Type.String(),
  /** What the skill covers, from the program (the MT1 Skills Standards' outline). */
  outline: Type.String(),
  lessons: Type.Array(LessonSummaryView),
})
export type LearningSkillView = Static<typeof LearningSkillView>

export const LearningModuleView = Type.Object({
  code: Type.String(), name: Type.String(), description: Type.String(),
  skills: Type.Array(LearningSkillView),
})
export type LearningModuleView = Static<typeof LearningModuleView>

export const LearningCatalogueView = Type.Object({
  modules: Type.Array(LearningModuleView),
  /** Whether the lessons carry the caller's progress (`completed`). */
  signedIn: Type.Boolean(),
})
export type LearningCatalogueView = Static<typeof LearningCatalogueView>

export const LessonSectionView = Type.Object({
  id: Type.String(), heading: Type.String(),
  /** The section's body as HTML rendered from the lesson's Markdown (no raw HTML, links and figures checked). */
  html: Type.String(),
  /** The section as plain text in reading order, for read-aloud. */
  spokenText: Type.String(),
  /** How many practice items exercise this section. */
  practiceItemCount: Type.Integer(),
})
export type LessonSectionView = Static<typeof LessonSectionView>

export const LessonLinkView = Type.Object({ id: Type.String(), title: Type.String() })
export type LessonLinkView = Static<typeof LessonLinkView>

export const LessonView = Type.Object({
  id: Type.String(), title: Type.String(), summary: Type.String(), minutes: Type.Integer(),
  skill: Type.String(), skillName: Type.String(), module: Type.String(), moduleName: Type.String(),
  /** Position among the skill's lessons, and how many it has. */
  order: Type.Integer(), lessonsInSkill: Type.Integer(),
  sections: Type.Array(LessonSectionView),
  previous: Nullable(LessonLinkView),
  next: Nullable(LessonLinkView),
  /** When the reader marked it finished (their first completion), or null. */
  completedAt: Nullable(Type.String()),
})
export type LessonView = Static<typeof LessonView>

export const LessonCompletionView = Type.Object({
  lessonId: Type.String(),
  completedAt: Type.String(),
  /** True when the lesson was already finished: nothing new was recorded. */
  alreadyCompleted: Type.Boolean(),
})
export type LessonCompletionView = Static<typeof LessonCompletionView>
