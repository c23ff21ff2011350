// Advanced standing (issue 14, item 1): articulation agreements between the program and partner
// institutions, the public list of partners and what they grant, holders' requests for credit, the
// partner's decision, and what the pathway shows of granted credit.
import { Type, type Static } from 'typebox'
import { Code, Id, Nullable, PrintableText, Strict, StringEnum } from './common.js'

/** Each list below answers in one page: `nextCursor` is always null. */
const OnePage = { nextCursor: Type.Null() }

/** A calendar day, YYYY-MM-DD (the service checks the day exists). */
export const CalendarDay = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', maxLength: 10 })
/** Forgiving like the registry (case, dashes); the service checks the check character. */
const CertificateNumberInput = Type.String({ minLength: 4, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' })
/** Credits are small whole numbers: an agreement or a request never passes the program's cap (six). */
const Credits = Type.Integer({ minimum: 1, maximum: 60 })

// ---------- Articulation agreements ----------

export const AgreementCourse = Type.Object({
  code: PrintableText(20), title: PrintableText(200), credits: Type.Integer({ minimum: 0, maximum: 60 }),
}, Strict)
export type AgreementCourse = Static<typeof AgreementCourse>
const Courses = Type.Array(AgreementCourse, { maxItems: 20 })

export const CreateAgreementBody = Type.Object({
  institutionId: Id,
  /** A module code (MM, SRMT, QBA) or a certification (MS, MT1) of the program. */
  credential: Code,
  programName: PrintableText(200),
  programCode: Type.Optional(Nullable(PrintableText(40))),
  courses: Courses,
  credits: Credits,
  /** The credential must have been earned within this many years; absent or null: any age. */
  earnedWithinYears: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 50 }))),
  conditions: Type.Optional(Nullable(PrintableText(1000))),
  effectiveFrom: CalendarDay,
  effectiveTo: Type.Optional(Nullable(CalendarDay)),
}, Strict)
export type CreateAgreementBody = Static<typeof CreateAgreementBody>

/** Only what changes; the institution is fixed (another institution's agreement is a new one). */
export const UpdateAgreementBody = Type.Object({
  credential: Type.Optional(Code),
  programName: Type.Optional(PrintableText(200)),
  programCode: Type.Optional(Nullable(PrintableText(40))),
  courses: Type.Optional(Courses),
  credits: Type.Optional(Credits),
  earnedWithinYears: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 50 }))),
  conditions: Type.Optional(Nullable(PrintableText(1000))),
  effectiveFrom: Type.Optional(CalendarDay),
  effectiveTo: Type.Optional(Nullable(CalendarDay)),
}, Strict)
export type UpdateAgreementBody = Static<typeof UpdateAgreementBody>

export const AgreementIdParams = Type.Object({ id: Id }, Strict)

export const InstitutionSummary = Type.Object({
  id: Type.String(), name: Type.String(), city: Nullable(Type.String()), state: Nullable(Type.String()), website: Nullable(Type.String()),
})
export type InstitutionSummary = Static<typeof InstitutionSummary>

export const AgreementView = Type.Object({
  id: Type.String(),
  institution: InstitutionSummary,
  credential: Type.String(),
  credentialName: Type.String(),
  programName: Type.String(),
  programCode: Nullable(Type.String()),
  courses: Type.Array(Type.Object({ code: Type.String(), title: Type.String(), credits: Type.Integer() })),
  credits: Type.Integer(),
  earnedWithinYears: Nullable(Type.Integer()),
  conditions: Nullable(Type.String()),
  effectiveFrom: Type.String(),
  effectiveTo: Nullable(Type.String()),
  /** Whether it applies today. */
  inEffect: Type.Boolean(),
})
export type AgreementView = Static<typeof AgreementView>
export const AgreementList = Type.Object({ items: Type.Array(AgreementView), ...OnePage })
export type AgreementList = Static<typeof AgreementList>

/** A partner institution and the agreements it has in effect (public). */
export const PartnerView = Type.Object({ ...InstitutionSummary.properties, agreements: Type.Array(AgreementView) })
export type PartnerView = Static<typeof PartnerView>
export const PartnerList = Type.Object({
  items: Type.Array(PartnerView),
  /** The most credits one holder may receive at one institution, in all (program.json). */
  creditsCap: Type.Integer(),
  ...OnePage,
})
export type PartnerList = Static<typeof PartnerList>

// ---------- Requests and decisions ----------

/** `withdrawn`: the holder took back a pending request (its credits count again toward the cap). */
export const REQUEST_STATUSES = ['pending', 'granted', 'declined', 'withdrawn'] as const
export const RequestStatus = StringEnum(REQUEST_STATUSES)
export type RequestStatus = Static<typeof RequestStatus>

export const ApplyBody = Type.Object({
  agreementId: Id,
  certificateNumber: CertificateNumberInput,
  /** How many credits to ask for; absent: as many as the agreement grants. */
  credits: Type.Optional(Credits),
}, Strict)
export type ApplyBody = Static<typeof ApplyBody>

export const DecisionBody = Type.Object({
  decision: StringEnum(['grant', 'decline'] as const),
  /** Granting: at least one, at most what the request asked for. */
  credits: Type.Optional(Credits),
  /** Granting: the institution's courses the credential counts as. */
  courseEquivalents: Type.Optional(Type.Array(PrintableText(200), { maxItems: 20 })),
  /** Declining: the reason the holder is told. */
  reason: Type.Optional(PrintableText(1000)),
}, Strict)
export type DecisionBody = Static<typeof DecisionBody>

/** Withdrawing: the reason, optional, is told to the institution's college partners only (and audited). */
export const WithdrawalBody = Type.Object({ reason: Type.Optional(PrintableText(500)) }, Strict)
export type WithdrawalBody = Static<typeof WithdrawalBody>

export const RequestIdParams = Type.Object({ id: Id }, Strict)
export const RequestsQuery = Type.Object({ status: Type.Optional(RequestStatus), institutionId: Type.Optional(Id) }, Strict)
export type RequestsQuery = Static<typeof RequestsQuery>
export const ExportQuery = Type.Object({ institutionId: Type.Optional(Id) }, Strict)
export type ExportQuery = Static<typeof ExportQuery>

export const RequestView = Type.Object({
  id: Type.String(),
  institution: Type.Object({ id: Type.String(), name: Type.String() }),
  agreement: Type.Object({ id: Type.String(), programName: Type.String(), programCode: Nullable(Type.String()), credential: Type.String(), credits: Type.Integer() }),
  holder: Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() }),
  certificateNumber: Type.String(),
  credentialType: Type.String(),
  credentialName: Type.String(),
  credentialIssuedOn: Type.String(),
  creditsRequested: Type.Integer(),
  status: RequestStatus,
  creditsGranted: Nullable(Type.Integer()),
  courseEquivalents: Type.Array(Type.String()),
  declineReason: Nullable(Type.String()),
  /** What the server checked when the holder applied, and the registry's status now. */
  verification: Type.Object({
    signatureVerified: Type.Boolean(),
    registryStatusAtRequest: Type.String(),
    verifiedAt: Type.String(),
    registryStatusNow: Type.String(),
  }),
  /** The credential is no longer active (revoked or withdrawn) while the request is open or granted. */
  flagged: Type.Boolean(),
  createdAt: Type.String(),
  /** When it was granted or declined, or withdrawn by the holder. */
  decidedAt: Nullable(Type.String()),
})
export type RequestView = Static<typeof RequestView>
export const RequestList = Type.Object({ items: Type.Array(RequestView), ...OnePage })
export type RequestList = Static<typeof RequestList>

/** Granted credit as the holder's pathway shows it. */
export const GrantedStanding = Type.Object({
  requestId: Type.String(), institutionName: Type.String(), programName: Type.String(), credits: Type.Integer(),
  courseEquivalents: Type.Array(Type.String()), decidedAt: Type.String(), certificateNumber: Type.String(), flagged: Type.Boolean(),
})
export type GrantedStanding = Static<typeof GrantedStanding>

/** My institutions, as the college partner's pages choose among them. */
export const MyInstitutions = Type.Object({ items: Type.Array(InstitutionSummary), ...OnePage })
export type MyInstitutions = Static<typeof MyInstitutions>
