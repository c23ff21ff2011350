// Centers: the public list of certified assessment centers, applications and certification,
// onsite company testing requests, and proctors' certification records and declared conflicts.
import { Type, type Static } from 'typebox'
import { Email, Id, IsoDateTime, ModuleList, Nullable, PageOf, PageQueryWith, PrintableText, Strict } from './common.js'

const State = Type.String({ pattern: '^[A-Za-z]{2}$' })
/** An IANA time zone name ("America/Chicago"); the server also checks the runtime knows it. */
export const timeZoneName = (description = 'An IANA time zone, such as America/Chicago') =>
  Type.String({ minLength: 3, maxLength: 64, pattern: '^(?:[A-Za-z]+(?:/[A-Za-z0-9_+-]+)+|UTC)$', description })
export const TimeZoneName = timeZoneName()
const PostalCode = Type.String({ pattern: '^[0-9]{5}(-[0-9]{4})?$' })
/** Each list below answers in one page: `nextCursor` is always null. */
const OnePage = { nextCursor: Type.Null() }

export const CenterStatus = Type.Union([Type.Literal('applied'), Type.Literal('certified'), Type.Literal('suspended')])
export type CenterStatus = Static<typeof CenterStatus>

export const CenterView = Type.Object({
  id: Type.String(), name: Type.String(), kind: Type.Union([Type.Literal('center'), Type.Literal('onsite')]),
  addressLine1: Type.String(), addressLine2: Nullable(Type.String()), city: Type.String(), state: Type.String(),
  postalCode: Type.String(), phone: Nullable(Type.String()), email: Nullable(Type.String()), status: CenterStatus,
  certifiedUntil: Nullable(Type.String()),
  timeZone: Type.String({ description: 'The IANA time zone of the place (America/New_York); every session time there is shown in it' }),
})
export type CenterView = Static<typeof CenterView>

export const CentersQuery = PageQueryWith({
  state: Type.Optional(State),
  city: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
})
export type CentersQuery = Static<typeof CentersQuery>

export const CentersPage = PageOf(CenterView)
export type CentersPage = Static<typeof CentersPage>

/** The centers a staff member or center administrator sees, all at once. */
export const CenterList = Type.Object({ items: Type.Array(CenterView), ...OnePage })
export type CenterList = Static<typeof CenterList>

export const CenterApplicationBody = Type.Object({
  name: PrintableText(200), addressLine1: PrintableText(200), addressLine2: Type.Optional(PrintableText(200)), city: PrintableText(100),
  state: State, postalCode: PostalCode, phone: PrintableText(40), email: Email,
  timeZone: Type.Optional(timeZoneName('The IANA time zone of the center (America/New_York when not given)')),
}, Strict)
export type CenterApplicationBody = Static<typeof CenterApplicationBody>

export const AdminCentersQuery = Type.Object({ status: Type.Optional(CenterStatus) }, Strict)
export type AdminCentersQuery = Static<typeof AdminCentersQuery>

/** Without a date the certification runs `policies.certificationPeriodMonths` from its current end (or from now, when lapsed). */
export const CertifyCenterBody = Type.Object({ certifiedUntil: Type.Optional(IsoDateTime) }, Strict)
export type CertifyCenterBody = Static<typeof CertifyCenterBody>

/** Staff set or change a center's time zone, saying why when it changes (sessions move on the clock face). */
export const CenterTimeZoneBody = Type.Object({ timeZone: TimeZoneName, reason: Type.Optional(Type.String({ maxLength: 1000 })) }, Strict)
export type CenterTimeZoneBody = Static<typeof CenterTimeZoneBody>

/** Suspending or reinstating a center says why. */
export const CenterStatusChangeBody = Type.Object({ reason: PrintableText(1000) }, Strict)
export type CenterStatusChangeBody = Static<typeof CenterStatusChangeBody>

// ---------- Onsite company testing ----------

export const OnsiteRequestStatus = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('declined')])
export type OnsiteRequestStatus = Static<typeof OnsiteRequestStatus>

export const OnsiteRequestBody = Type.Object({
  companyName: PrintableText(200), addressLine1: PrintableText(200), city: PrintableText(100), state: State, postalCode: PostalCode,
  preferredDate: IsoDateTime, candidates: Type.Integer({ minimum: 1, maximum: 500 }), modules: ModuleList, notes: Type.Optional(Type.String({ maxLength: 2000 })),
}, Strict)
export type OnsiteRequestBody = Static<typeof OnsiteRequestBody>

export const OnsiteRequestReceipt = Type.Object({ id: Type.String(), status: OnsiteRequestStatus })
export type OnsiteRequestReceipt = Static<typeof OnsiteRequestReceipt>

export const OnsiteRequestView = Type.Object({
  id: Type.String(), companyName: Type.String(),
  address: Type.String({ description: 'One line: street, city, state and postal code.' }),
  preferredDate: Type.String(), candidates: Type.Integer(), modules: Type.Array(Type.String()), notes: Nullable(Type.String()),
  status: OnsiteRequestStatus, sessionId: Nullable(Type.String()), createdAt: Type.String(),
})
export type OnsiteRequestView = Static<typeof OnsiteRequestView>

export const OnsiteRequestList = Type.Object({ items: Type.Array(OnsiteRequestView), ...OnePage })
export type OnsiteRequestList = Static<typeof OnsiteRequestList>

export const ApproveOnsiteBody = Type.Object({
  startsAt: IsoDateTime, endsAt: IsoDateTime, seats: Type.Integer({ minimum: 1, maximum: 500 }),
  proctorIds: Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true }),
  /** A certified center to hold the private event at; without it, the event is at the company's address. */
  centerId: Type.Optional(Id),
  timeZone: Type.Optional(timeZoneName("The IANA time zone of the company's address (America/New_York when not given)")),
}, Strict)
export type ApproveOnsiteBody = Static<typeof ApproveOnsiteBody>

export const ApprovedOnsiteView = Type.Object({ id: Type.String(), status: OnsiteRequestStatus, sessionId: Type.String(), centerId: Type.String() })
export type ApprovedOnsiteView = Static<typeof ApprovedOnsiteView>

// ---------- Proctors ----------

export const ProctorStatus = Type.Union([Type.Literal('certified'), Type.Literal('suspended')])
export type ProctorStatus = Static<typeof ProctorStatus>

/** `none`: the account has the proctor role but no certification record yet (listed so staff can record one). */
export const ProctorRecordStatus = Type.Union([Type.Literal('certified'), Type.Literal('suspended'), Type.Literal('none')])
export type ProctorRecordStatus = Static<typeof ProctorRecordStatus>

export const ProctorCertificationView = Type.Object({
  userId: Type.String(), email: Type.String(), name: Type.String(), trainingCompletedOn: Nullable(Type.String()), agreementSignedOn: Nullable(Type.String()),
  coiDeclaredOn: Nullable(Type.String()), certifiedUntil: Nullable(Type.String()), status: ProctorRecordStatus, certifiedNow: Type.Boolean(),
  /** Whole days until the certification ends (negative once lapsed); null without a record. */
  daysLeft: Nullable(Type.Integer()),
})
export type ProctorCertificationView = Static<typeof ProctorCertificationView>

export const ProctorList = Type.Object({ items: Type.Array(ProctorCertificationView), ...OnePage })
export type ProctorList = Static<typeof ProctorList>

export const ProctorCertificationBody = Type.Object({
  trainingCompletedOn: IsoDateTime, agreementSignedOn: IsoDateTime, coiDeclaredOn: IsoDateTime, certifiedUntil: IsoDateTime,
  status: ProctorStatus,
}, Strict)
export type ProctorCertificationBody = Static<typeof ProctorCertificationBody>

export const ProctorConflictBody = Type.Object({ candidateId: Id, reason: Type.String({ minLength: 3, maxLength: 500 }) }, Strict)
export type ProctorConflictBody = Static<typeof ProctorConflictBody>

// ---------- Certification periods (issue 12) ----------

/** Renew a proctor's certification: until a date, or by the program's period from its current end. */
export const RenewProctorBody = Type.Object({ certifiedUntil: Type.Optional(IsoDateTime) }, Strict)
export type RenewProctorBody = Static<typeof RenewProctorBody>

export const CertificationSubjectKind = Type.Union([Type.Literal('center'), Type.Literal('proctor'), Type.Literal('trainer')])
export type CertificationSubjectKind = Static<typeof CertificationSubjectKind>

/** One center's or proctor's certification period as staff watch it. */
export const CertificationPeriodView = Type.Object({
  kind: CertificationSubjectKind, id: Type.String(), name: Type.String(), status: Type.String(),
  certifiedUntil: Nullable(Type.String()), current: Type.Boolean(), daysLeft: Nullable(Type.Integer()),
  /** Upcoming sessions (of the center, or the proctor's) that end after this certification does. */
  sessionsAtRisk: Type.Integer(),
  /** A trainer's scheduled courses that end after this certification covers (0 for centers and proctors). */
  coursesAtRisk: Type.Integer(),
})
export type CertificationPeriodView = Static<typeof CertificationPeriodView>

/** An upcoming session its center's or a proctor's certification no longer covers: flagged for staff, never cancelled silently. */
export const FlaggedSessionView = Type.Object({
  sessionId: Type.String(), centerId: Type.String(), centerName: Type.String(), startsAt: Type.String(), endsAt: Type.String(),
  timeZone: Type.String({ description: "The center's IANA time zone: the session's times are shown in it" }),
  reasons: Type.Array(Type.String()),
})
export type FlaggedSessionView = Static<typeof FlaggedSessionView>

export const CertificationOverview = Type.Object({ items: Type.Array(CertificationPeriodView), flaggedSessions: Type.Array(FlaggedSessionView), ...OnePage })
export type CertificationOverview = Static<typeof CertificationOverview>
