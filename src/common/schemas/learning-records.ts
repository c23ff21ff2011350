// Learning records (issue 13): a learner's xAPI statements as they read them, and the external
// learning record stores program staff send statements to, with their delivery queue and the
// Learning Lab's use over a period.
import { Type, type Static } from 'typebox'
import { LRS_URL_MAX_LENGTH } from '../rules/lrs-endpoint-url.js'
import { VERBS } from '../learning/xapi-statements.js'
import { Code, Id, IsoDateTime, Nullable, PageOf, PageQueryWith, PrintableText, Strict, StringEnum } from './common.js'

export const VERB_NAMES = Object.keys(VERBS) as (keyof typeof VERBS)[]
export const VerbName = StringEnum(VERB_NAMES)

export const LearningRecordsQuery = PageQueryWith({
  verb: Type.Optional(VerbName),
  skill: Type.Optional(Code),
})
export type LearningRecordsQuery = Static<typeof LearningRecordsQuery>

export const LearningRecordView = Type.Object({
  id: Id,
  /** When it happened (the statement's timestamp) and when it was stored, ISO 8601 UTC. */
  timestamp: Type.String(),
  storedAt: Type.String(),
  verb: VerbName,
  objectKind: Type.String(),
  skill: Nullable(Type.String()),
  module: Nullable(Type.String()),
  /** As a person reads it: when (UTC, zone named), verb, what, result. */
  summary: Type.Object({
    when: Type.String(),
    verb: Type.String(),
    what: Type.String(),
    result: Nullable(Type.String()),
  }),
  /** The whole xAPI 1.0.3 statement as stored. */
  statement: Type.Unknown({ description: 'The xAPI 1.0.3 statement as this platform stored it' }),
})
export type LearningRecordView = Static<typeof LearningRecordView>

export const LearningRecordsPage = PageOf(LearningRecordView)
export type LearningRecordsPage = Static<typeof LearningRecordsPage>

export const PersonParams = Type.Object({ id: Id }, Strict)

// ---- external learning record stores (staff)

export const OWNER_KINDS = ['program', 'center', 'employer'] as const
export const OwnerKind = StringEnum(OWNER_KINDS)
export type OwnerKind = (typeof OWNER_KINDS)[number]

/** The LRS's address; the shared rule (common/rules/lrs-endpoint-url.ts) decides what else it may not be. */
const LrsUrl = Type.String({ minLength: 1, maxLength: LRS_URL_MAX_LENGTH })
/** The Basic authentication key (user name) and secret an LRS issues. */
const AuthKey = Type.String({ minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' })
const AuthSecret = Type.String({ minLength: 1, maxLength: 500, pattern: '^[\\x20-\\x7e]+$' })

export const CreateLrsEndpointBody = Type.Object({
  name: PrintableText(120),
  ownerKind: OwnerKind,
  /** The center's id or the employer's account id; absent for the program. */
  ownerId: Type.Optional(Id),
  url: LrsUrl,
  authKey: AuthKey,
  authSecret: AuthSecret,
  active: Type.Optional(Type.Boolean()),
}, Strict)
export type CreateLrsEndpointBody = Static<typeof CreateLrsEndpointBody>

/** A change to an endpoint: what is absent stays; the secret is replaced only when one is given. */
export const UpdateLrsEndpointBody = Type.Object({
  name: Type.Optional(PrintableText(120)),
  url: Type.Optional(LrsUrl),
  authKey: Type.Optional(AuthKey),
  authSecret: Type.Optional(AuthSecret),
  active: Type.Optional(Type.Boolean()),
}, { ...Strict, minProperties: 1 })
export type UpdateLrsEndpointBody = Static<typeof UpdateLrsEndpointBody>

export const LrsEndpointParams = Type.Object({ id: Id }, Strict)

export const DeliveryCounts = Type.Object({ pending: Type.Integer(), sent: Type.Integer(), failed: Type.Integer() })
export type DeliveryCounts = Static<typeof DeliveryCounts>

export const LrsEndpointView = Type.Object({
  id: Id,
  name: Type.String(),
  ownerKind: OwnerKind,
  ownerId: Nullable(Type.String()),
  /** The center's or employer's name ("The whole program" for the program). */
  ownerName: Type.String(),
  url: Type.String(),
  authKey: Type.String(),
  /** The secret is never sent back; this only says one is set. */
  secretSet: Type.Boolean(),
  active: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  lastTest: Nullable(Type.Object({ at: Type.String(), ok: Type.Boolean(), detail: Type.String() })),
  deliveries: DeliveryCounts,
})
export type LrsEndpointView = Static<typeof LrsEndpointView>

export const LrsEndpointList = Type.Object({ items: Type.Array(LrsEndpointView) })
export type LrsEndpointList = Static<typeof LrsEndpointList>

export const LrsTestResult = Type.Object({
  ok: Type.Boolean(),
  /** The LRS's HTTP status, or null when nothing answered. */
  status: Nullable(Type.Integer()),
  detail: Type.String(),
  statementId: Type.String(),
  endpoint: LrsEndpointView,
})
export type LrsTestResult = Static<typeof LrsTestResult>

export const LrsRetryResult = Type.Object({ requeued: Type.Integer(), endpoint: LrsEndpointView })
export type LrsRetryResult = Static<typeof LrsRetryResult>

export const LrsDeliveryError = Type.Object({
  id: Type.String(),
  endpointId: Type.String(),
  endpointName: Type.String(),
  statementId: Type.String(),
  status: StringEnum(['pending', 'failed'] as const),
  attempts: Type.Integer(),
  error: Type.String(),
  lastAttemptAt: Nullable(Type.String()),
  nextAttemptAt: Nullable(Type.String()),
})
export type LrsDeliveryError = Static<typeof LrsDeliveryError>

export const LrsDeliveryStatus = Type.Object({
  totals: DeliveryCounts,
  errors: Type.Array(LrsDeliveryError),
})
export type LrsDeliveryStatus = Static<typeof LrsDeliveryStatus>

export const LrsOrganisations = Type.Object({
  centers: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  employers: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() })),
})
export type LrsOrganisations = Static<typeof LrsOrganisations>

// ---- Learning Lab use (staff)

export const LearningUsageQuery = Type.Object({
  from: IsoDateTime,
  to: IsoDateTime,
}, Strict)
export type LearningUsageQuery = Static<typeof LearningUsageQuery>

export const LearningUsage = Type.Object({
  from: Type.String(),
  to: Type.String(),
  /** Statements and distinct learners per verb. */
  byVerb: Type.Array(Type.Object({ verb: Type.String(), statements: Type.Integer(), learners: Type.Integer() })),
  /** Per skill (null: statements tied to no skill, such as enrolments): statements per verb, all statements and distinct learners. */
  bySkill: Type.Array(Type.Object({ skill: Nullable(Type.String()), verbs: Type.Record(Type.String(), Type.Integer()), statements: Type.Integer(), learners: Type.Integer() })),
})
export type LearningUsage = Static<typeof LearningUsage>
