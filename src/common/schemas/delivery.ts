// Delivery's request and response schemas: the candidate's side (presence, check-in, the test day,
// attempts, responses, flags, breaks, submission) and the proctor's (console, incidents, pause/resume…).
import { Type, type Static } from 'typebox'
import { Code, Id, MultilineText, Nullable, PrintableText, Strict, StringEnum } from './common.js'
import { CandidateItemView } from './item-bank.js'
import { Award, ModuleResult } from './results.js'
import { RegistrationStatus, SessionStatus } from './scheduling.js'

// ---- Shared values

export const ATTEMPT_STATUSES = ['in_progress', 'paused', 'submitted', 'scored', 'voided'] as const
export const AttemptStatus = StringEnum(ATTEMPT_STATUSES)
export type AttemptStatus = Static<typeof AttemptStatus>

/** Why an attempt is paused: no certified proctor present, a proctor paused it, or the candidate's break. */
export const PAUSE_REASONS = ['no_proctor_present', 'proctor', 'break'] as const
export const PauseReason = StringEnum(PAUSE_REASONS)
export type PauseReason = Static<typeof PauseReason>

export const INCIDENT_CATEGORIES = ['proctor_absent', 'technical', 'identity', 'misconduct', 'disruption', 'health', 'other'] as const
export const IncidentCategory = StringEnum(INCIDENT_CATEGORIES)
export type IncidentCategory = Static<typeof IncidentCategory>

/** The test screen's device id (a random UUID it keeps); binds an attempt to one computer. */
export const DeviceHeaders = Type.Object({ 'x-attempt-device': Type.Optional(Type.String({ pattern: '^[A-Za-z0-9-]{8,64}$' })) })
export type DeviceHeaders = Static<typeof DeviceHeaders>

/**
 * A candidate's response is JSON a few levels deep at most ({"RESPONSE": [["A", "B"], …]}: a record
 * of lists of pairs or points). Deeper is refused with 400 before anything walks it (the route's
 * preValidation), so a hostile 10,000-level document cannot overflow a stack. Not a schema union: with
 * the app's type coercion a union of scalars and arrays would turn ["A"] into "A" and change what the
 * candidate chose.
 */
export const RESPONSE_DEPTH = 4
export const ResponseValue = Type.Unknown({ description: `The response: JSON nested at most ${RESPONSE_DEPTH} levels deep, by response identifier; free-form, its shape is the item's interaction's` })

// ---- The candidate's side

export const PresenceView = Type.Object({ presentUntil: Type.String() })
export type PresenceView = Static<typeof PresenceView>

export const CheckinBody = Type.Object({ registrationId: Id, idVerified: Type.Boolean() }, Strict)
export type CheckinBody = Static<typeof CheckinBody>

/** Each module's form as check-in prepared it: `problem` says why one could not be (Start then draws it). */
export const PreparedFormView = Type.Object({ module: Type.String(), prepared: Type.Boolean(), problem: Nullable(Type.String()) })
export const CheckinView = Type.Object({
  registrationId: Type.String(), checkedInAt: Type.String(), checkedInBy: Type.String(),
  forms: Type.Optional(Type.Array(PreparedFormView)),
})
export type CheckinView = Static<typeof CheckinView>

export const SittingModuleView = Type.Object({
  code: Type.String(), name: Type.String(), minutes: Type.Integer(), questions: Type.Integer(), calculator: Type.Boolean(),
  attempt: Nullable(Type.Object({ id: Type.String(), status: AttemptStatus })),
})
export type SittingModuleView = Static<typeof SittingModuleView>

export const SittingView = Type.Object({
  registrationId: Type.String(), status: RegistrationStatus, checkedIn: Type.Boolean(), proctorPresent: Type.Boolean(),
  session: Type.Object({
    id: Type.String(), startsAt: Type.String(), endsAt: Type.String(), centerName: Type.String(), closedAt: Nullable(Type.String()),
    timeZone: Type.String({ description: "The IANA time zone of the session's center" }),
  }),
  accommodations: Type.Array(Type.String(), { description: 'The approved adjustments applied at delivery (the instructions before Begin explain them).' }),
  modules: Type.Array(SittingModuleView),
})
export type SittingView = Static<typeof SittingView>

export const MyAttemptView = Type.Object({
  id: Type.String(), registrationId: Type.String(), module: Type.String(), status: AttemptStatus, startedAt: Type.String(), submittedAt: Nullable(Type.String()),
  result: Nullable(ModuleResult),
})
export type MyAttemptView = Static<typeof MyAttemptView>

export const MyAttemptsView = Type.Object({ items: Type.Array(MyAttemptView) })
export type MyAttemptsView = Static<typeof MyAttemptsView>

export const StartAttemptBody = Type.Object({ registrationId: Id, module: Code }, Strict)
export type StartAttemptBody = Static<typeof StartAttemptBody>

export const SavedResponseEntry = Type.Object({ response: ResponseValue, seq: Type.Integer(), savedAt: Type.String() })
export type SavedResponseEntry = Static<typeof SavedResponseEntry>

export const AttemptView = Type.Object({
  id: Type.String(), registrationId: Type.String(), sessionId: Type.String(), module: Type.String(), moduleName: Type.String(), status: AttemptStatus,
  startedAt: Type.String(), deadline: Type.String(), remainingMs: Type.Integer(), serverTime: Type.String(),
  pauseReason: Nullable(PauseReason), calculator: Type.Boolean(), accommodations: Type.Array(Type.String()),
  // Item bank's candidate view: never the answer; options in this attempt's order and identifiers.
  items: Type.Array(CandidateItemView),
  responses: Type.Record(Type.String(), SavedResponseEntry),
  flags: Type.Array(Type.String()),
  result: Nullable(ModuleResult),
})
export type AttemptView = Static<typeof AttemptView>

export const SaveResponseBody = Type.Object({ response: ResponseValue, seq: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })) }, Strict)
export type SaveResponseBody = Static<typeof SaveResponseBody>

export const SavedResponseView = Type.Object({ itemId: Type.String(), seq: Type.Integer(), applied: Type.Boolean(), savedAt: Type.String() })
export type SavedResponseView = Static<typeof SavedResponseView>

export const FlagsBody = Type.Object({ itemIds: Type.Array(Id, { maxItems: 200 }) }, Strict)
export type FlagsBody = Static<typeof FlagsBody>

export const FlagsView = Type.Object({ itemIds: Type.Array(Type.String()) })
export type FlagsView = Static<typeof FlagsView>

export const AttemptEventBody = Type.Object({ kind: StringEnum(['focus_lost', 'focus_returned'] as const) }, Strict)
export type AttemptEventBody = Static<typeof AttemptEventBody>

export const SubmitView = Type.Object({ result: ModuleResult, awarded: Type.Array(Award) })
export type SubmitView = Static<typeof SubmitView>

// ---- The proctor's side

const Reason = PrintableText(500)

/** Pausing, voiding: why (audited). */
export const ReasonBody = Type.Object({ reason: Reason }, Strict)
export type ReasonBody = Static<typeof ReasonBody>

export const ExtraTimeBody = Type.Object({ minutes: Type.Integer({ minimum: 1, maximum: 120 }), reason: Reason }, Strict)
export type ExtraTimeBody = Static<typeof ExtraTimeBody>

export const IncidentBody = Type.Object({
  category: IncidentCategory, occurredAt: Type.String({ format: 'date-time' }), narrative: MultilineText(4000),
  actionTaken: MultilineText(2000), registrationId: Type.Optional(Id),
}, Strict)
export type IncidentBody = Static<typeof IncidentBody>

/** An attempt's new state after a proctor's pause, resume or added time. */
export const AttemptStateView = Type.Object({ id: Type.String(), status: AttemptStatus, deadline: Type.String() })
export type AttemptStateView = Static<typeof AttemptStateView>

export const VoidedAttemptView = Type.Object({ id: Type.String(), status: AttemptStatus })
export type VoidedAttemptView = Static<typeof VoidedAttemptView>

export const ReadmittedAttemptView = Type.Object({ id: Type.String() })
export type ReadmittedAttemptView = Static<typeof ReadmittedAttemptView>

export const ChangedCountView = Type.Object({ changed: Type.Integer() })
export type ChangedCountView = Static<typeof ChangedCountView>

export const IncidentView = Type.Object({
  id: Type.String(), category: IncidentCategory, occurredAt: Type.String(),
  endedAt: Nullable(Type.String({ description: "When a lasting incident (a proctor's absence) ended; null while it lasts or for a moment" })),
  narrative: Type.String(), actionTaken: Type.String(), registrationId: Nullable(Type.String()), reportedBy: Nullable(Type.String()), automatic: Type.Boolean(),
})
export type IncidentView = Static<typeof IncidentView>

/** How recently the candidate's computer was heard from: within 30 s, within 2 min, or longer ago. */
export const CONNECTIONS = ['online', 'idle', 'offline'] as const
export const Connection = StringEnum(CONNECTIONS)
export type Connection = Static<typeof Connection>

export const ConsoleAttemptView = Type.Object({
  id: Type.String(), module: Type.String(), status: AttemptStatus, pauseReason: Nullable(PauseReason), deadline: Type.String(),
  remainingMs: Type.Integer({ description: 'Frozen while paused; the console counts it down between polls while it runs' }),
  answered: Type.Integer(), total: Type.Integer(), lastSaveAt: Nullable(Type.String()), connection: Connection,
  focusLost: Type.Integer(), awaitingReadmit: Type.Boolean(), extraMinutes: Type.Integer(),
})
export type ConsoleAttemptView = Static<typeof ConsoleAttemptView>

export const ConsoleCandidateView = Type.Object({
  registrationId: Type.String(), candidateId: Type.String(), name: Type.String(), modules: Type.Array(Type.String()), checkedInAt: Nullable(Type.String()),
  accommodations: Type.Array(Type.String()), attempts: Type.Array(ConsoleAttemptView),
})
export type ConsoleCandidateView = Static<typeof ConsoleCandidateView>

export const ConsoleSessionView = Type.Object({
  id: Type.String(), centerName: Type.String(), startsAt: Type.String(), endsAt: Type.String(), status: SessionStatus, closedAt: Nullable(Type.String()),
  timeZone: Type.String({ description: "The IANA time zone of the session's center" }),
})
export type ConsoleSessionView = Static<typeof ConsoleSessionView>

export const ConsoleView = Type.Object({
  session: ConsoleSessionView,
  proctorPresent: Type.Boolean(),
  candidates: Type.Array(ConsoleCandidateView),
  incidents: Type.Array(IncidentView),
})
export type ConsoleView = Static<typeof ConsoleView>

export const ClosedSessionView = Type.Object({ id: Type.String(), closedAt: Type.String() })
export type ClosedSessionView = Static<typeof ClosedSessionView>
