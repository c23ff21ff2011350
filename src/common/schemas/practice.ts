// Request and response schemas of the Learning Lab's practice (issue 13, practice stream): mastery per
// skill, practice sets with immediate feedback, full-length practice tests with their diagnostic,
// study plans, and the learner's progress. Items are the item bank's candidate view with per-set (or
// per-test) opaque identifiers; a key is sent only in the feedback to an answer already stored.
import { Type, type Static } from 'typebox'
import type { PresentationNode } from '../items/presentation.js'
import { Code, Id, IsoDateTime, Nullable, Strict, StringEnum } from './common.js'
import { ResponseValue } from './delivery.js'
import { CandidateItemView } from './item-bank.js'
import { SkillResult } from './results.js'

const PresentationNodes = Type.Unsafe<PresentationNode[]>(Type.Unknown({ description: 'Presentation nodes (src/common/items/presentation.ts), drawn by the item renderer' }))

// ---------- Mastery

export const SkillMasteryView = Type.Object({
  skill: Type.String(), skillName: Type.String(), module: Type.String(),
  /** Answers in the window so far (at most `window`), and the correct ones among them. */
  answered: Type.Integer(), correct: Type.Integer(),
  window: Type.Integer({ description: 'How many of the latest answers are judged (policies.learning.masteryWindow)' }),
  percent: Type.Integer({ description: 'The share of them that must be correct (policies.learning.masteryPercent)' }),
  mastered: Type.Boolean(),
  toMaster: Type.Integer({ description: 'The fewest further answers, all correct, that would master the skill (0 when mastered)' }),
  masteredSince: Nullable(Type.String({ description: 'When the skill was first mastered' })),
})
export type SkillMasteryView = Static<typeof SkillMasteryView>

/**
 * A learner's Learning Lab progress as a course's trainer and its center's administrators see it: mastery
 * of the course's skills, the lessons of those skills finished, and the last time they used the Lab.
 */
export const LearnerProgressView = Type.Object({
  skills: Type.Array(SkillMasteryView),
  lessonsCompleted: Type.Integer(),
  lessonsTotal: Type.Integer(),
  lastActiveAt: Nullable(Type.String()),
})
export type LearnerProgressView = Static<typeof LearnerProgressView>

export const MasteryView = Type.Object({ items: Type.Array(SkillMasteryView) })
export type MasteryView = Static<typeof MasteryView>

// ---------- Practice sets

export const StartPracticeSetBody = Type.Object({ skill: Code }, Strict)
export type StartPracticeSetBody = Static<typeof StartPracticeSetBody>

export const LessonLink = Type.Object({
  lessonId: Type.String(), lessonTitle: Type.String(), sectionId: Type.String(), heading: Type.String(),
  href: Type.String({ description: '/learning/lessons/<id>#<section>' }),
})
export type LessonLink = Static<typeof LessonLink>

/** What an answer gets back, at once: right or wrong, the key as the set presented it, why, and where it is taught. */
export const PracticeFeedback = Type.Object({
  itemId: Type.String(),
  correct: Type.Boolean(),
  score: Type.Number(), maxScore: Type.Number(),
  response: ResponseValue,
  correctResponse: Nullable(ResponseValue),
  rationale: PresentationNodes,
  lesson: Nullable(LessonLink),
  answeredAt: Type.String(),
})
export type PracticeFeedback = Static<typeof PracticeFeedback>

export const PracticeSetView = Type.Object({
  id: Type.String(), module: Type.String(), moduleName: Type.String(), skill: Type.String(), skillName: Type.String(),
  createdAt: Type.String(), completedAt: Nullable(Type.String()),
  items: Type.Array(CandidateItemView),
  /** The feedback of the items answered so far, by item id. */
  feedback: Type.Record(Type.String(), PracticeFeedback),
  mastery: SkillMasteryView,
})
export type PracticeSetView = Static<typeof PracticeSetView>

export const AnswerPracticeItemBody = Type.Object({ response: ResponseValue }, Strict)
export type AnswerPracticeItemBody = Static<typeof AnswerPracticeItemBody>

export const PracticeAnswerView = Type.Object({
  feedback: PracticeFeedback,
  /** The skill's mastery after this answer. */
  mastery: SkillMasteryView,
  /** This answer mastered the skill for the first time. */
  masteredNow: Type.Boolean(),
  setCompleted: Type.Boolean(),
  /** Study plans this answer completed (every skill mastered). */
  plansCompleted: Type.Array(Type.String()),
})
export type PracticeAnswerView = Static<typeof PracticeAnswerView>

// ---------- Practice tests

export const StartPracticeTestBody = Type.Object({ module: Code, timed: Type.Boolean() }, Strict)
export type StartPracticeTestBody = Static<typeof StartPracticeTestBody>

export const PRACTICE_TEST_STATUSES = ['in_progress', 'submitted'] as const
export const PracticeTestStatus = StringEnum(PRACTICE_TEST_STATUSES)

/** Shaped like the real score report: the percent, whether it would have passed, each skill against the standard. */
export const PracticeDiagnostic = Type.Object({
  module: Type.String(), percent: Type.Number(),
  passed: Type.Boolean({ description: 'Would have passed at the program\'s pass mark' }),
  passPercent: Type.Number(),
  skills: Type.Array(SkillResult),
  answered: Type.Integer(), total: Type.Integer(),
})
export type PracticeDiagnostic = Static<typeof PracticeDiagnostic>

const testFields = {
  id: Type.String(), module: Type.String(), moduleName: Type.String(), timed: Type.Boolean(), status: PracticeTestStatus,
  startedAt: Type.String(), submittedAt: Nullable(Type.String()),
  submittedBy: Nullable(StringEnum(['learner', 'deadline'] as const)),
  itemCount: Type.Integer(),
  diagnostic: Nullable(PracticeDiagnostic),
}

export const PracticeTestSummary = Type.Object(testFields)
export type PracticeTestSummary = Static<typeof PracticeTestSummary>

export const PracticeTestsView = Type.Object({ items: Type.Array(PracticeTestSummary) })
export type PracticeTestsView = Static<typeof PracticeTestsView>

export const PracticeTestView = Type.Object({
  ...testFields,
  /** Timed tests: the deadline and the time left (by the server's clock); null when untimed. */
  deadline: Nullable(Type.String()), remainingMs: Nullable(Type.Integer()), serverTime: Type.String(),
  calculator: Type.Boolean(),
  /** While it runs: the items in this test's order and identifiers; none once submitted. */
  items: Type.Array(CandidateItemView),
  /** Saved responses, in this test's identifiers, by item id. */
  responses: Type.Record(Type.String(), ResponseValue),
})
export type PracticeTestView = Static<typeof PracticeTestView>

export const SavePracticeResponseBody = Type.Object({ response: ResponseValue }, Strict)
export type SavePracticeResponseBody = Static<typeof SavePracticeResponseBody>

export const SavedPracticeResponseView = Type.Object({ itemId: Type.String(), savedAt: Type.String() })
export type SavedPracticeResponseView = Static<typeof SavedPracticeResponseView>

// ---------- Study plans

export const STUDY_PLAN_SOURCES = ['result', 'practice_test'] as const
export const StudyPlanSource = StringEnum(STUDY_PLAN_SOURCES)

/** A plan from a real result (`id`: the attempt it scores) or a practice test's diagnostic (`id`: the practice test). */
export const StartStudyPlanBody = Type.Object({ source: StudyPlanSource, id: Id }, Strict)
export type StartStudyPlanBody = Static<typeof StartStudyPlanBody>

export const StudyPlanSkillView = Type.Object({
  skill: Type.String(), name: Type.String(),
  lessons: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), summary: Type.String(), minutes: Type.Integer(), href: Type.String() })),
  practiceHref: Type.String(), skillHref: Type.String(),
  mastery: SkillMasteryView,
})
export type StudyPlanSkillView = Static<typeof StudyPlanSkillView>

export const RetakeInvitationView = Type.Object({
  status: StringEnum(['open', 'booked', 'passed'] as const),
  earliestAt: Nullable(Type.String({ description: 'The earliest session start the program\'s rules allow' })),
  bookHref: Type.String(),
})
export type RetakeInvitationView = Static<typeof RetakeInvitationView>

const planFields = {
  id: Type.String(), module: Type.String(), moduleName: Type.String(),
  source: Type.Object({ kind: StudyPlanSource, id: Type.String() }),
  createdAt: Type.String(), completedAt: Nullable(Type.String()),
  /** How many of its skills are mastered now. */
  masteredCount: Type.Integer(), skillCount: Type.Integer(),
}

export const StudyPlanSummary = Type.Object({ ...planFields, skills: Type.Array(Type.String()) })
export type StudyPlanSummary = Static<typeof StudyPlanSummary>

export const StudyPlansView = Type.Object({ items: Type.Array(StudyPlanSummary) })
export type StudyPlansView = Static<typeof StudyPlansView>

export const StudyPlanView = Type.Object({
  ...planFields,
  skills: Type.Array(StudyPlanSkillView),
  /** Once every skill is mastered: the invitation to book the module again. */
  retake: Nullable(RetakeInvitationView),
})
export type StudyPlanView = Static<typeof StudyPlanView>

// ---------- Progress

export const ProgressView = Type.Object({
  mastery: Type.Array(SkillMasteryView),
  practiceTests: Type.Array(PracticeTestSummary),
  /** The newest plan not yet complete, else the newest; null without plans. */
  studyPlan: Nullable(StudyPlanView),
  studyPlans: Type.Array(StudyPlanSummary),
})
export type ProgressView = Static<typeof ProgressView>

// ---------- Mastery by skill (program staff)

export const MasteryReportQuery = Type.Object({
  from: IsoDateTime,
  to: IsoDateTime,
}, Strict)
export type MasteryReportQuery = Static<typeof MasteryReportQuery>

/** Practice over [from, to) and mastery as of `to`, shared by a skill's row and a module's. */
const practiceFigures = {
  practisingLearners: Type.Integer({ description: 'Distinct learners with practice answers in the period' }),
  answers: Type.Integer({ description: 'Practice answers in the period (sets and practice tests)' }),
  correctAnswers: Type.Integer(),
  percentCorrect: Nullable(Type.Integer({ description: 'Correct answers in whole percent, truncated; null without answers' })),
  everPractised: Type.Integer({ description: 'Distinct learners who had practised before the end of the period' }),
  fewLearners: Type.Boolean({ description: 'Fewer practising learners than the report\'s minimum: read the percents with care' }),
}

export const SkillMasteryReportRow = Type.Object({
  skill: Type.String(), skillName: Type.String(), module: Type.String(),
  ...practiceFigures,
  newlyMastered: Type.Integer({ description: 'Learners who first reached mastery of the skill in the period' }),
  mastered: Type.Integer({ description: 'Learners who had reached mastery of the skill before the end of the period' }),
  masteredPercent: Nullable(Type.Integer({ description: 'mastered of everPractised, in whole percent, truncated' })),
})
export type SkillMasteryReportRow = Static<typeof SkillMasteryReportRow>

export const ModuleMasteryReportRow = Type.Object({
  module: Type.String(), moduleName: Type.String(), skillCount: Type.Integer(),
  ...practiceFigures,
  newMasteries: Type.Integer({ description: 'Skills of the module first mastered in the period, counted per learner and skill' }),
  masteredAll: Type.Integer({ description: 'Learners who had mastered every skill of the module before the end of the period' }),
  masteredAllPercent: Nullable(Type.Integer({ description: 'masteredAll of everPractised, in whole percent, truncated' })),
})
export type ModuleMasteryReportRow = Static<typeof ModuleMasteryReportRow>

export const MasteryReport = Type.Object({
  from: Type.String(), to: Type.String(),
  policy: Type.Object({
    window: Type.Integer(), percent: Type.Integer(),
    correctNeeded: Type.Integer({ description: 'The fewest correct answers of the window that master a skill' }),
  }),
  fewLearners: Type.Integer({ description: 'Groups with fewer practising learners than this are flagged' }),
  /** The twelve skills in program order. */
  skills: Type.Array(SkillMasteryReportRow),
  modules: Type.Array(ModuleMasteryReportRow),
})
export type MasteryReport = Static<typeof MasteryReport>
