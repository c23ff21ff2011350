// Modified-Angoff standard setting (issue 15, item 4): studies, panelists, ratings per round, impact
// data between rounds and the recommended cut with its standard error, kept with staff's decision.
import { Type, type Static } from 'typebox'
import { STUDY_STATUSES } from '../rules/angoff.js'
import { Code, Email, Id, MultilineText, Nullable, PersonName, PrintableText, Strict, StringEnum } from './common.js'
import { CorrectResponse, Presentation } from './item-bank.js'

export const StudyStatus = StringEnum(STUDY_STATUSES)
export type StudyStatus = Static<typeof StudyStatus>
export const ItemSource = StringEnum(['pool', 'form'] as const)
export type ItemSource = Static<typeof ItemSource>

const DateOnly = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'A calendar day, YYYY-MM-DD.' })

export const StudyIdParams = Type.Object({ id: Id }, Strict)
export type StudyIdParams = Static<typeof StudyIdParams>

export const CreateStudyBody = Type.Object({
  module: Code,
  title: PrintableText(200),
  meetingDate: DateOnly,
  /** Shown to panelists first: how to imagine the minimally competent candidate (plain text, line breaks kept). */
  trainingNote: MultilineText(10_000),
  /** Every active operational item of the module, or one form drawn by its blueprint. */
  itemSource: ItemSource,
}, Strict)
export type CreateStudyBody = Static<typeof CreateStudyBody>

/** An existing account by email; a new one needs the person's name (they get a link to choose a password). */
export const AddPanelistBody = Type.Object({
  email: Email,
  firstName: Type.Optional(PersonName),
  lastName: Type.Optional(PersonName),
}, Strict)
export type AddPanelistBody = Static<typeof AddPanelistBody>

export const RatingParams = Type.Object({ id: Id, round: Type.Integer({ minimum: 1, maximum: 2 }), itemId: Id }, Strict)
export type RatingParams = Static<typeof RatingParams>
/** The probability (whole percent) that a minimally competent candidate answers the item correctly. */
export const RatingBody = Type.Object({ rating: Type.Integer({ minimum: 0, maximum: 100 }) }, Strict)
export type RatingBody = Static<typeof RatingBody>
export const RatingView = Type.Object({ itemId: Type.String(), round: Type.Integer(), rating: Type.Integer(), savedAt: Type.String() })
export type RatingView = Static<typeof RatingView>

export const DecisionBody = Type.Object({ note: MultilineText(4000) }, Strict)
export type DecisionBody = Static<typeof DecisionBody>

export const StudySummaryView = Type.Object({
  id: Type.String(), module: Type.String(), moduleName: Type.String(), title: Type.String(), meetingDate: Type.String(),
  status: StudyStatus, itemCount: Type.Integer(), panelistCount: Type.Integer(),
  /** The last closed round's recommended cut (percent), null before any. */
  cutPercent: Nullable(Type.Number()), se: Nullable(Type.Number()), createdAt: Type.String(),
})
export type StudySummaryView = Static<typeof StudySummaryView>
export const StudyList = Type.Object({ items: Type.Array(StudySummaryView), nextCursor: Type.Null() })
export type StudyList = Static<typeof StudyList>

export const PanelistView = Type.Object({
  userId: Type.String(), name: Type.String(), email: Type.String(),
  /** Items rated in the open round (or the last one), of the study's items. */
  rated: Type.Integer(),
  /** This panelist's cut in each closed round (mean of their ratings), round 1 first. */
  cuts: Type.Array(Type.Number()),
})
export type PanelistView = Static<typeof PanelistView>

export const RoundView = Type.Object({
  round: Type.Integer(), openedAt: Type.String(), closedAt: Nullable(Type.String()),
  cutPercent: Nullable(Type.Number()), sd: Nullable(Type.Number()), se: Nullable(Type.Number()), panelists: Nullable(Type.Integer()),
  /** Percent of recent candidates at or above this round's cut; null without scored results. */
  passRate: Nullable(Type.Number()),
})
export type RoundView = Static<typeof RoundView>

export const ItemImpactView = Type.Object({
  itemId: Type.String(), identifier: Type.String(), skill: Nullable(Type.String()),
  /** Proportion correct on real attempts (0–1), null when no candidate saw it. */
  pValue: Nullable(Type.Number()),
  /** The panel's mean rating (percent), and the spread (SD, lowest, highest). */
  mean: Type.Number(), sd: Nullable(Type.Number()), min: Type.Integer(), max: Type.Integer(),
})
export type ItemImpactView = Static<typeof ItemImpactView>

/** Impact data of the last closed round: what the panel sees before the next round. */
export const ImpactView = Type.Object({
  round: Type.Integer(),
  items: Type.Array(ItemImpactView),
  /** How many recent scored results the pass rates come from. */
  results: Type.Integer(),
  passRateAtCut: Nullable(Type.Number()),
  passRateAtStandard: Nullable(Type.Number()),
})
export type ImpactView = Static<typeof ImpactView>

export const StudyView = Type.Object({
  ...StudySummaryView.properties,
  trainingNote: Type.String(), itemSource: ItemSource,
  /** The program's pass percent for the module (the standard the study documents). */
  passPercent: Type.Number(),
  openRound: Nullable(Type.Integer()),
  panelists: Type.Array(PanelistView),
  rounds: Type.Array(RoundView),
  impact: Nullable(ImpactView),
  decisionNote: Nullable(Type.String()), decidedAt: Nullable(Type.String()), decidedBy: Nullable(Type.String()),
  createdBy: Nullable(Type.String()),
})
export type StudyView = Static<typeof StudyView>

export const RatingItemView = Type.Object({
  id: Type.String(), identifier: Type.String(), skill: Nullable(Type.String()),
  presentation: Presentation,
  /** Angoff panelists see the key. */
  correctResponse: CorrectResponse,
})
export type RatingItemView = Static<typeof RatingItemView>

/** A panelist's workspace: the training note, the items with keys, their own ratings, and impact data between rounds. */
export const RatingWorkspaceView = Type.Object({
  id: Type.String(), module: Type.String(), moduleName: Type.String(), title: Type.String(), meetingDate: Type.String(),
  status: StudyStatus, trainingNote: Type.String(), openRound: Nullable(Type.Integer()), passPercent: Type.Number(),
  items: Type.Array(RatingItemView),
  /** My ratings of the open round (or the last one), by item. */
  ratings: Type.Array(RatingView),
  /** My ratings of the previous round, for reference while revising. */
  previousRatings: Type.Array(RatingView),
  impact: Nullable(ImpactView),
  rounds: Type.Array(RoundView),
})
export type RatingWorkspaceView = Static<typeof RatingWorkspaceView>

/** The studies I am a panelist of. */
export const MyStudyList = Type.Object({ items: Type.Array(StudySummaryView), nextCursor: Type.Null() })
export type MyStudyList = Static<typeof MyStudyList>
