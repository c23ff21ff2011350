// Psychometrics in the product (issue 15, item 4): starting the statistics job, a period's module
// figures, an item's statistics per version, the review queue, the technical report, and the
// candidate's voluntary demographics. Program staff only, except a candidate's own demographics.
import { Type, type Static } from 'typebox'
import { Code, Id, IsoDateTime, Nullable, PrintableText, Strict, StringEnum } from './common.js'
import { DEMOGRAPHIC_QUESTIONS } from '../rules/demographics.js'

export const ITEM_REVIEW_FLAGS = ['very-hard', 'very-easy', 'low-discrimination', 'negative-discrimination', 'possible-miskey'] as const
export const ItemReviewFlagSchema = StringEnum(ITEM_REVIEW_FLAGS)
const Year = Type.Integer({ minimum: 2000, maximum: 2100 })
const Ratio = Nullable(Type.Number())

export const StartStatisticsBody = Type.Object({ year: Year, module: Type.Optional(Code) }, Strict)
export type StartStatisticsBody = Static<typeof StartStatisticsBody>
export const StartedJob = Type.Object({ jobId: Id })
export type StartedJob = Static<typeof StartedJob>

export const YearQuery = Type.Object({ year: Type.Optional(Year) }, Strict)
export type YearQuery = Static<typeof YearQuery>

const DifCount = Type.Object({ question: Type.String(), A: Type.Integer(), B: Type.Integer(), C: Type.Integer(), notEnough: Type.Integer() })

export const ModuleSnapshotView = Type.Object({
  scope: Type.String(),
  kind: StringEnum(['module', 'conjunctive'] as const),
  year: Type.Integer(),
  computedAt: IsoDateTime,
  jobId: Id,
  n: Type.Integer(),
  k: Type.Integer(),
  excluded: Type.Integer(),
  passRate: Ratio,
  cutPercent: Type.Number(),
  rawCut: Type.Integer(),
  mean: Ratio,
  sd: Ratio,
  kr20: Ratio,
  sem: Ratio,
  csemAtCut: Ratio,
  agreement: Ratio,
  kappa: Ratio,
  flagged: Type.Integer(),
  flags: Type.Record(Type.String(), Type.Integer()),
  dif: Type.Array(DifCount),
})
export type ModuleSnapshotView = Static<typeof ModuleSnapshotView>
export const SnapshotList = Type.Object({ year: Type.Integer(), items: Type.Array(ModuleSnapshotView) })
export type SnapshotList = Static<typeof SnapshotList>

const OptionView = Type.Object({ option: Type.String(), isKey: Type.Boolean(), proportion: Type.Number(), pointBiserial: Ratio })
const DifView = Type.Object({
  question: Type.String(), reference: Type.String(), focal: Type.String(), referenceCount: Type.Integer(), focalCount: Type.Integer(),
  status: StringEnum(['computed', 'not_enough'] as const), deltaMH: Ratio, chiSquare: Ratio, category: Nullable(StringEnum(['A', 'B', 'C'] as const)),
})
export const ItemVersionStatisticsView = Type.Object({
  itemId: Id, version: Type.Integer(), module: Type.String(), year: Type.Integer(), computedAt: IsoDateTime,
  exposure: Type.Integer(), p: Type.Number(), pointBiserial: Ratio, correctedItemTotal: Ratio, alphaIfDeleted: Ratio,
  omitted: Ratio, options: Type.Array(OptionView), flags: Type.Array(ItemReviewFlagSchema), dif: Type.Array(DifView),
})
export type ItemVersionStatisticsView = Static<typeof ItemVersionStatisticsView>
export const ItemStatisticsList = Type.Object({ items: Type.Array(ItemVersionStatisticsView) })
export type ItemStatisticsList = Static<typeof ItemStatisticsList>

export const ReviewQueueEntry = Type.Object({
  itemId: Id, identifier: Type.String(), title: Type.String(), module: Type.String(), skill: Nullable(Type.String()),
  status: Type.String(), version: Type.Integer(), exposure: Type.Integer(), p: Type.Number(), correctedItemTotal: Ratio,
  flags: Type.Array(ItemReviewFlagSchema), difC: Type.Integer(),
})
export type ReviewQueueEntry = Static<typeof ReviewQueueEntry>
export const ReviewQueue = Type.Object({ year: Type.Integer(), items: Type.Array(ReviewQueueEntry) })
export type ReviewQueue = Static<typeof ReviewQueue>

export const SendToReviewBody = Type.Object({ reason: PrintableText(500) }, Strict)
export type SendToReviewBody = Static<typeof SendToReviewBody>

export const ReportParams = Type.Object({ module: Code, year: Type.String({ pattern: '^20[0-9]{2}\\.pdf$' }) }, Strict)
export const ItemParams = Type.Object({ id: Id }, Strict)

// ---------- Demographics (the candidate's own, voluntary) ----------

const answer = (q: keyof typeof DEMOGRAPHIC_QUESTIONS) => Type.Optional(StringEnum(Object.keys(DEMOGRAPHIC_QUESTIONS[q].options)))
export const DemographicAnswers = Type.Object({
  gender: answer('gender'), ethnicity: answer('ethnicity'), ageBand: answer('ageBand'), firstLanguage: answer('firstLanguage'),
}, Strict)
export type DemographicAnswers = Static<typeof DemographicAnswers>
export const SaveDemographicsBody = Type.Object({ consent: Type.Literal(true), answers: DemographicAnswers }, Strict)
export type SaveDemographicsBody = Static<typeof SaveDemographicsBody>
export const MyDemographicsView = Type.Object({ answers: Nullable(DemographicAnswers), consentedAt: Nullable(IsoDateTime) })
export type MyDemographicsView = Static<typeof MyDemographicsView>

// ---------- IRT calibration and form comparability around the cut ----------

export const FormComparabilityParams = Type.Object({ module: Code }, Strict)
export const CALIBRATION_CAVEATS = ['few-examinees', 'not-converged', 'bounded-items'] as const
export const ITEM_EXCLUSION_REASONS = ['not-presented', 'all-correct', 'all-wrong'] as const

export const CalibrationView = Type.Object({
  status: StringEnum(['calibrated', 'not_calibrated'] as const),
  model: Type.String(),
  computedAt: IsoDateTime,
  jobId: Id,
  /** Scored attempts of the period (each an examinee answering its own form). */
  examinees: Type.Integer(),
  itemsCalibrated: Type.Integer(),
  itemsExcluded: Type.Integer(),
  discrimination: Ratio,
  seDiscrimination: Ratio,
  /** θ of the borderline candidate: where the expected percent over the pool is the cut. */
  thetaCut: Ratio,
  logLikelihood: Ratio,
  converged: Type.Boolean(),
  iterations: Type.Integer(),
  reason: Nullable(Type.String()),
  caveats: Type.Array(StringEnum(CALIBRATION_CAVEATS)),
})
export type CalibrationView = Static<typeof CalibrationView>

export const ComparabilitySummary = Type.Object({
  forms: Type.Integer(), min: Ratio, median: Ratio, max: Ratio, spread: Ratio, beyondTolerance: Type.Integer(),
})
export type ComparabilitySummary = Static<typeof ComparabilitySummary>

export const FormAtCutView = Type.Object({
  formKey: Type.String(),
  items: Type.Integer(),
  candidates: Type.Integer(),
  expectedPoints: Type.Number(),
  expectedPercent: Type.Number(),
  differencePercent: Type.Number(),
  beyondTolerance: Type.Boolean(),
  boundedItems: Type.Integer(),
  fewCandidates: Type.Boolean(),
})
export type FormAtCutView = Static<typeof FormAtCutView>

export const CalibratedItemView = Type.Object({
  itemId: Id, version: Type.Integer(), presented: Type.Integer(), p: Type.Number(),
  difficulty: Ratio, seDifficulty: Ratio, excluded: Nullable(StringEnum(ITEM_EXCLUSION_REASONS)),
})
export type CalibratedItemView = Static<typeof CalibratedItemView>

export const FormComparabilityView = Type.Object({
  module: Type.String(),
  moduleName: Type.String(),
  year: Type.Integer(),
  cutPercent: Type.Number(),
  /** Percentage points either side of the cut within which a form counts as comparable. */
  tolerance: Type.Number(),
  fewCandidatesPerForm: Type.Integer(),
  calibration: Nullable(CalibrationView),
  summary: Nullable(ComparabilitySummary),
  forms: Type.Array(FormAtCutView),
  items: Type.Array(CalibratedItemView),
})
export type FormComparabilityView = Static<typeof FormComparabilityView>
