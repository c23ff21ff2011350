// Request and response schemas of the results module: the candidate's results, certificates and
// pathway, the documents' parameters, and staff scoring corrections (src/server/modules/results).
import { Type, type Static } from 'typebox'
import { Nullable, PageOf, PageQuery, PrintableText, Strict, StringEnum } from './common.js'
import { GrantedStanding } from './advanced-standing.js'

/** One skill's subscore within a module result. */
export const SkillResult = Type.Object({ code: Type.String(), name: Type.String(), percent: Type.Number(), belowStandard: Type.Boolean() })
export type SkillResult = Static<typeof SkillResult>

/** A scored module: its percent, pass and the skills feedback (also answered by delivery on submit). */
export const ModuleResult = Type.Object({
  module: Type.String(), percent: Type.Number(), passed: Type.Boolean(), skills: Type.Array(SkillResult),
})
export type ModuleResult = Static<typeof ModuleResult>

/** A training offering recommended for one skill below standard (program.json `training`). */
export const TrainingRecommendation = Type.Object({
  skill: Type.String(), kind: Type.Union([Type.Literal('learning_lab'), Type.Literal('practice_test'), Type.Literal('course')]),
  title: Type.String(), description: Type.String(), url: Type.Optional(Type.String()),
})
export type TrainingRecommendation = Static<typeof TrainingRecommendation>
export type TrainingKind = TrainingRecommendation['kind']

/** A certificate awarded by a result. */
export const Award = Type.Object({ type: Type.String(), certificateNumber: Type.String(), issuedOn: Type.String() })
export type Award = Static<typeof Award>

export const MyResultView = Type.Object({
  attemptId: Type.String(), sessionId: Type.String(), submittedAt: Nullable(Type.String()), scoredAt: Type.String(),
  ...ModuleResult.properties, training: Type.Array(TrainingRecommendation),
})
export type MyResultView = Static<typeof MyResultView>
export const MyResultsView = Type.Object({ items: Type.Array(MyResultView) })
export type MyResultsView = Static<typeof MyResultsView>

export const MyCredentialView = Type.Object({ certificateNumber: Type.String(), type: Type.String(), issuedOn: Type.String(), status: Type.String() })
export type MyCredentialView = Static<typeof MyCredentialView>
export const MyCredentialsView = Type.Object({ items: Type.Array(MyCredentialView) })
export type MyCredentialsView = Static<typeof MyCredentialsView>

export const PathwayModuleStatus = StringEnum(['passed', 'registered', 'attempted', 'not_started'] as const)
export type PathwayModuleStatus = Static<typeof PathwayModuleStatus>

export const PathwayView = Type.Object({
  ncrc: Type.Object({
    level: Nullable(Type.String()), recommended: Type.String(), meetsRecommendation: Type.Boolean(), advice: Nullable(Type.String()),
    date: Nullable(Type.String({ description: 'The date on the NCRC certificate' })),
    verification: StringEnum(['unverified', 'verified', 'not_verified'] as const),
  }),
  modules: Type.Array(Type.Object({
    code: Type.String(), name: Type.String(), status: PathwayModuleStatus,
    passedOn: Nullable(Type.String()), percent: Type.Optional(Type.Number()), certificateNumber: Type.Optional(Type.String()),
    registration: Type.Optional(Type.Object({ sessionId: Type.String(), startsAt: Type.String(), status: Type.String(), timeZone: Type.String({ description: "The IANA time zone of the session's center" }) })),
  })),
  credentials: Type.Array(Type.Object({
    code: Type.String(), name: Type.String(), earned: Type.Boolean(), issuedOn: Type.Optional(Type.String()), certificateNumber: Type.Optional(Type.String()),
    remaining: Type.Array(Type.String()),
  })),
  nextSessions: Type.Array(Type.Object({
    module: Type.String(), sessionId: Type.String(), startsAt: Type.String(), centerName: Type.String(), city: Type.String(), state: Type.String(),
    seatsAvailable: Type.Integer(), waitlist: Type.Boolean(), timeZone: Type.String({ description: "The IANA time zone of the session's center" }),
  })),
  /** issue 14: advanced-standing credit partner institutions granted for the holder's credentials. */
  advancedStanding: Type.Array(GrantedStanding),
})
export type PathwayView = Static<typeof PathwayView>

/** Forgiving like the registry (case, dashes); the service checks the check character. */
export const DocumentCertificateNumber = Type.String({ minLength: 4, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' })

/** Item versions are small counters; the bound keeps a hostile number out of an integer column (PostgreSQL: 500 on overflow). */
const MAX_VERSION = 1_000_000

export const ScoringCorrectionBody = Type.Object({
  version: Type.Integer({ minimum: 1, maximum: MAX_VERSION }), action: StringEnum(['use_version', 'drop'] as const),
  replacementVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_VERSION })), reason: PrintableText(500),
}, Strict)
export type ScoringCorrectionBody = Static<typeof ScoringCorrectionBody>

/** The rescoring job started by a correction. */
export const ScoringCorrectionView = Type.Object({ jobId: Type.String() })
export type ScoringCorrectionView = Static<typeof ScoringCorrectionView>

// ---------- Key correction screen (issue 12) ----------

export const ScoringCorrectionPreviewQuery = Type.Object({ version: Type.Integer({ minimum: 1, maximum: MAX_VERSION }) }, Strict)
export type ScoringCorrectionPreviewQuery = Static<typeof ScoringCorrectionPreviewQuery>

/** A dry run: what a correction of this version would rescore, before staff confirm it. Nothing is stored. */
export const ScoringCorrectionPreview = Type.Object({
  version: Type.Integer(),
  /** Scored attempts that drew this version: each is rescored. */
  attempts: Type.Integer(),
  /** Distinct candidates among them. */
  candidates: Type.Integer(),
  /** The correction of this version in force now, if any (a new one replaces it). */
  current: Nullable(Type.Object({ action: StringEnum(['use_version', 'drop'] as const), replacementVersion: Nullable(Type.Integer()), createdAt: Type.String() })),
})
export type ScoringCorrectionPreview = Static<typeof ScoringCorrectionPreview>

/** One correction staff made of an item, with its rescoring job's state. */
export const ScoringCorrectionRunView = Type.Object({
  jobId: Type.String(), version: Type.Integer(), action: StringEnum(['use_version', 'drop'] as const), replacementVersion: Nullable(Type.Integer()),
  reason: Type.String(), createdAt: Type.String(), createdBy: Nullable(Type.String()),
  status: StringEnum(['running', 'done', 'failed'] as const), processed: Type.Integer(), total: Type.Integer(), changed: Type.Integer(),
})
export type ScoringCorrectionRunView = Static<typeof ScoringCorrectionRunView>
export const ScoringCorrectionRunList = Type.Object({ items: Type.Array(ScoringCorrectionRunView), nextCursor: Type.Null() })
export type ScoringCorrectionRunList = Static<typeof ScoringCorrectionRunList>

/** A result a rescoring changed, and the certificates its candidate gained or lost with it. */
export const RescoringChangeView = Type.Object({
  attemptId: Type.String(), candidateId: Type.String(), candidateName: Type.String(), module: Type.String(),
  beforePercent: Type.Number(), afterPercent: Type.Number(), beforePassed: Type.Boolean(), afterPassed: Type.Boolean(),
  awarded: Type.Array(Type.Object({ type: Type.String(), certificateNumber: Type.String() })), withdrawn: Type.Array(Type.String()),
  changedAt: Type.String(),
})
export type RescoringChangeView = Static<typeof RescoringChangeView>
export const RescoringChangesPage = PageOf(RescoringChangeView)
export type RescoringChangesPage = Static<typeof RescoringChangesPage>
export const RescoringChangesQuery = PageQuery
export type RescoringChangesQuery = Static<typeof RescoringChangesQuery>
