// Request and response schemas of the integrity module (src/server/modules/integrity): the staff
// irregularity queue, the case (incidents, results held, released or voided, the candidate's notice
// and appeal, the appeal decision) and the candidate's own view of their cases.
import { Type, type Static } from 'typebox'
import { IncidentCategory } from './delivery.js'
import { Id, IsoDateTime, MultilineText, Nullable, PageOf, PageQueryWith, Strict, StringEnum } from './common.js'

export const CASE_STATUSES = ['open', 'held', 'released', 'voided'] as const
export const CaseStatus = StringEnum(CASE_STATUSES)
export type CaseStatus = Static<typeof CaseStatus>

export const APPEAL_STATUSES = ['pending', 'upheld', 'denied'] as const
export const AppealStatus = StringEnum(APPEAL_STATUSES)
export type AppealStatus = Static<typeof AppealStatus>

/** An incident's place in the queue: not yet in a case, or the status of its case. */
export const QUEUE_STATUSES = ['awaiting', ...CASE_STATUSES] as const
export const QueueStatus = StringEnum(QUEUE_STATUSES)
export type QueueStatus = Static<typeof QueueStatus>

/** The longest appeal statement a candidate may write. */
export const APPEAL_STATEMENT_MAX = 4000

export const IrregularityQueueQuery = PageQueryWith({
  status: Type.Optional(QueueStatus),
  centerId: Type.Optional(Id),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
})
export type IrregularityQueueQuery = Static<typeof IrregularityQueueQuery>

const PersonRef = Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() })
export type PersonRef = Static<typeof PersonRef>

/** One incident as the queue shows it: its session, center, candidate and case. */
export const QueueIncident = Type.Object({
  id: Type.String(),
  category: IncidentCategory,
  occurredAt: Type.String(),
  endedAt: Nullable(Type.String()),
  narrative: Type.String(),
  actionTaken: Type.String(),
  automatic: Type.Boolean(),
  session: Type.Object({ id: Type.String(), startsAt: Type.String(), endsAt: Type.String(), timeZone: Nullable(Type.String()) }),
  center: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  candidate: Nullable(PersonRef),
  reportedBy: Nullable(PersonRef),
  caseId: Nullable(Type.String()),
  status: QueueStatus,
})
export type QueueIncident = Static<typeof QueueIncident>
export const IrregularityQueuePage = PageOf(QueueIncident)
export type IrregularityQueuePage = Static<typeof IrregularityQueuePage>

export const IncidentParams = Type.Object({ incidentId: Id })
export type IncidentParams = Static<typeof IncidentParams>
export const CaseParams = Type.Object({ caseId: Id })
export type CaseParams = Static<typeof CaseParams>

/** A scored result a case may concern (what staff choose from when opening one). */
export const CaseableResult = Type.Object({
  attemptId: Type.String(), module: Type.String(), sessionId: Type.String(), submittedAt: Nullable(Type.String()),
  attemptStatus: Type.String(), caseId: Nullable(Type.String()),
})
export type CaseableResult = Static<typeof CaseableResult>

/** An incident with the candidates of its session (or its one candidate) and their results. */
export const IncidentForCase = Type.Object({
  incident: QueueIncident,
  candidates: Type.Array(Type.Object({ candidate: PersonRef, results: Type.Array(CaseableResult) })),
})
export type IncidentForCase = Static<typeof IncidentForCase>

export const OpenCaseBody = Type.Object({
  attemptIds: Type.Array(Id, { minItems: 1, maxItems: 10, uniqueItems: true }),
  incidentIds: Type.Array(Id, { maxItems: 20, uniqueItems: true }),
  note: MultilineText(2000),
}, Strict)
export type OpenCaseBody = Static<typeof OpenCaseBody>

/** A staff decision on a case: the reason is told to the candidate and kept in the audit log. */
export const CaseDecisionBody = Type.Object({ reason: MultilineText(2000), version: Type.Integer({ minimum: 1, maximum: 1_000_000 }) }, Strict)
export type CaseDecisionBody = Static<typeof CaseDecisionBody>

export const AppealDecisionBody = Type.Object({
  outcome: StringEnum(['upheld', 'denied'] as const), reason: MultilineText(2000), version: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
}, Strict)
export type AppealDecisionBody = Static<typeof AppealDecisionBody>

export const AppealBody = Type.Object({ statement: MultilineText(APPEAL_STATEMENT_MAX) }, Strict)
export type AppealBody = Static<typeof AppealBody>

export const CASE_EVENT_KINDS = ['opened', 'held', 'released', 'voided', 'notified', 'appealed', 'appeal_upheld', 'appeal_denied'] as const
export const CaseEventKind = StringEnum(CASE_EVENT_KINDS)

export const CaseEvent = Type.Object({
  kind: CaseEventKind, at: Type.String(), actor: Nullable(PersonRef), reason: Nullable(Type.String()), details: Nullable(Type.String()),
})
export type CaseEvent = Static<typeof CaseEvent>

export const CaseAppeal = Type.Object({
  statement: Type.String(), appealedAt: Type.String(), status: AppealStatus,
  decidedBy: Nullable(PersonRef), decidedAt: Nullable(Type.String()), reason: Nullable(Type.String()),
})
export type CaseAppeal = Static<typeof CaseAppeal>

/** The whole case as staff see it: one record, with its timeline. */
export const CaseView = Type.Object({
  id: Type.String(),
  status: CaseStatus,
  version: Type.Integer(),
  candidate: PersonRef,
  note: Type.String(),
  openedBy: Nullable(PersonRef),
  openedAt: Type.String(),
  results: Type.Array(Type.Object({ attemptId: Type.String(), module: Type.String(), sessionId: Type.String(), percent: Nullable(Type.Number()), passed: Nullable(Type.Boolean()), attemptStatus: Type.String() })),
  incidents: Type.Array(QueueIncident),
  heldBy: Nullable(PersonRef),
  heldAt: Nullable(Type.String()),
  holdReason: Nullable(Type.String()),
  decidedBy: Nullable(PersonRef),
  decidedAt: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  noticedAt: Nullable(Type.String()),
  appealDeadline: Nullable(Type.String()),
  appeal: Nullable(CaseAppeal),
  timeline: Type.Array(CaseEvent),
})
export type CaseView = Static<typeof CaseView>

export const CaseListQuery = PageQueryWith({ status: Type.Optional(CaseStatus), appeal: Type.Optional(AppealStatus) })
export type CaseListQuery = Static<typeof CaseListQuery>

export const CaseSummary = Type.Object({
  id: Type.String(), status: CaseStatus, candidate: PersonRef, modules: Type.Array(Type.String()), openedAt: Type.String(),
  updatedAt: Type.String(), appealStatus: Nullable(AppealStatus),
})
export type CaseSummary = Static<typeof CaseSummary>
export const CaseListPage = PageOf(CaseSummary)
export type CaseListPage = Static<typeof CaseListPage>

/** A case as its candidate sees it: what is under review, what was decided and why, and their appeal. */
export const MyCase = Type.Object({
  id: Type.String(),
  status: CaseStatus,
  timeZone: Type.String({ description: "The IANA zone of the center where the results were sat: the case's times are shown in it" }),
  modules: Type.Array(Type.Object({ attemptId: Type.String(), module: Type.String(), sessionId: Type.String() })),
  heldAt: Nullable(Type.String()),
  holdReason: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  noticedAt: Nullable(Type.String()),
  appealDeadline: Nullable(Type.String()),
  canAppeal: Type.Boolean(),
  appeal: Nullable(Type.Object({ statement: Type.String(), appealedAt: Type.String(), status: AppealStatus, decidedAt: Nullable(Type.String()), reason: Nullable(Type.String()) })),
})
export type MyCase = Static<typeof MyCase>
export const MyCasesView = Type.Object({ items: Type.Array(MyCase) })
export type MyCasesView = Static<typeof MyCasesView>
