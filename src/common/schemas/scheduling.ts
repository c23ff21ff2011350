// Scheduling's request and response schemas: sessions, invitation links, registrations, eligibility,
// fees, vouchers and invoices, cohorts and their jobs, rosters; each with its static type.
import { Type, type Static } from 'typebox'
import { Code, Id, IsoDateTime, ModuleList, Nullable, PageOf, PageQueryWith, Strict, StringEnum } from './common.js'

/** The IANA zone of the session's center: every time of the session is shown to people in it. */
export const CenterTimeZone = Type.String({ description: "The IANA time zone of the session's center (America/Chicago); show its times in it" })

// ---- Shared values

export const REGISTRATION_STATUSES = ['pending_payment', 'confirmed', 'waitlisted', 'cancelled', 'expired', 'no_show'] as const
export const RegistrationStatus = StringEnum(REGISTRATION_STATUSES)
export type RegistrationStatus = Static<typeof RegistrationStatus>

export const SESSION_STATUSES = ['scheduled', 'in_progress', 'closed', 'cancelled'] as const
export const SessionStatus = StringEnum(SESSION_STATUSES)
export type SessionStatus = Static<typeof SessionStatus>

/** An invitation token: 256 random bits in base64url (43 characters). */
export const InviteToken = Type.String({ minLength: 43, maxLength: 43, pattern: '^[A-Za-z0-9_-]{43}$' })

/** A request body that carries only an invitation token (invitation links, cohort invitations). */
export const InviteTokenBody = Type.Object({ token: InviteToken }, Strict)
export type InviteTokenBody = Static<typeof InviteTokenBody>

// ---- Sessions

export const CreateSessionBody = Type.Object({
  centerId: Id, startsAt: IsoDateTime, endsAt: IsoDateTime, seats: Type.Integer({ minimum: 1, maximum: 500 }), modules: ModuleList,
  proctorIds: Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true }),
}, Strict)
export type CreateSessionBody = Static<typeof CreateSessionBody>

export const UpdateSessionBody = Type.Object({
  startsAt: Type.Optional(IsoDateTime), endsAt: Type.Optional(IsoDateTime), seats: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  modules: Type.Optional(ModuleList), proctorIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true })),
}, { ...Strict, minProperties: 1 })
export type UpdateSessionBody = Static<typeof UpdateSessionBody>

export const CancelSessionBody = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 1000 }) }, Strict)
export type CancelSessionBody = Static<typeof CancelSessionBody>

/** A US state or territory code, as centers record it (the session finder filters by it). */
export const StateCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'Two capital letters, e.g. OH' })
/** A city name as typed: letters, spaces and the punctuation city names use; compared without regard to case. */
export const CityName = Type.String({ minLength: 1, maxLength: 80, pattern: "^[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]*$" })

export const SessionsQuery = PageQueryWith({
  from: Type.Optional(IsoDateTime), to: Type.Optional(IsoDateTime), centerId: Type.Optional(Id),
  // issue 12, candidate self-service: the session finder
  state: Type.Optional(StateCode), city: Type.Optional(CityName),
  // issue 13: "Book your retake" lists the sessions that offer the module to retake.
  module: Type.Optional(Code),
})
export type SessionsQuery = Static<typeof SessionsQuery>

export const PublicSessionView = Type.Object({
  id: Type.String(), centerId: Type.String(), centerName: Type.String(), city: Type.String(), state: Type.String(),
  startsAt: Type.String(), endsAt: Type.String(), seatsAvailable: Type.Integer(), modules: Type.Array(Type.String()), status: SessionStatus,
  timeZone: CenterTimeZone,
})
export type PublicSessionView = Static<typeof PublicSessionView>

export const PublicSessionsPage = PageOf(PublicSessionView)
export type PublicSessionsPage = Static<typeof PublicSessionsPage>

export const SessionView = Type.Object({
  id: Type.String(), centerId: Type.String(), startsAt: Type.String(), endsAt: Type.String(), seats: Type.Integer(), seatsAvailable: Type.Integer(),
  modules: Type.Array(Type.String()), status: SessionStatus, proctorIds: Type.Array(Type.String()), cancelReason: Type.Union([Type.String(), Type.Null()]),
  timeZone: CenterTimeZone,
})
export type SessionView = Static<typeof SessionView>

/** One session as its reader may see it: proctorIds only for staff, its center's administrators and its proctors. */
export const VisibleSessionView = Type.Object({ ...SessionView.properties, proctorIds: Type.Optional(SessionView.properties.proctorIds) })
export type VisibleSessionView = Static<typeof VisibleSessionView>

export const MySessionView = Type.Object({
  ...SessionView.properties, centerName: Type.String(),
  privateEvent: Type.Boolean({ description: "An employer's onsite event (at the company or at this center): not listed publicly" }),
})
export type MySessionView = Static<typeof MySessionView>

export const MySessionsPage = Type.Object({ items: Type.Array(MySessionView), nextCursor: Type.Null() })
export type MySessionsPage = Static<typeof MySessionsPage>

// ---- Invitation links (onsite company events)

export const CreateInvitationBody = Type.Object({ expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })) }, Strict)
export type CreateInvitationBody = Static<typeof CreateInvitationBody>

export const InvitationView = Type.Object({ id: Type.String(), sessionId: Type.String(), token: Type.String(), url: Type.String(), expiresAt: Type.String() })
export type InvitationView = Static<typeof InvitationView>

export const InvitedSessionView = Type.Object({
  sessionId: Type.String(), centerId: Type.String(), centerName: Type.String(), city: Type.String(), state: Type.String(), startsAt: Type.String(), endsAt: Type.String(),
  seatsAvailable: Type.Integer(), modules: Type.Array(Type.String()), status: SessionStatus, expiresAt: Type.String(), timeZone: CenterTimeZone,
})
export type InvitedSessionView = Static<typeof InvitedSessionView>

// ---- Registrations

export const RegisterBody = Type.Object({ sessionId: Id, modules: ModuleList, waitlist: Type.Optional(Type.Boolean()), inviteToken: Type.Optional(InviteToken) }, Strict)
export type RegisterBody = Static<typeof RegisterBody>

export const StaffRegisterBody = Type.Object({
  candidateId: Id, sessionId: Id, modules: ModuleList, waitlist: Type.Optional(Type.Boolean()), overrideReason: Type.String({ minLength: 5, maxLength: 1000 }),
}, Strict)
export type StaffRegisterBody = Static<typeof StaffRegisterBody>

export const CancelRegistrationBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 1000 })) }, Strict)
export type CancelRegistrationBody = Static<typeof CancelRegistrationBody>

export const RescheduleBody = Type.Object({ sessionId: Id, waitlist: Type.Optional(Type.Boolean()) }, Strict)
export type RescheduleBody = Static<typeof RescheduleBody>

export const PaymentBody = Type.Union([
  Type.Object({ method: Type.Literal('voucher'), code: Type.String({ minLength: 4, maxLength: 40 }) }, Strict),
  Type.Object({ method: Type.Literal('invoice') }, Strict),
])
export type PaymentBody = Static<typeof PaymentBody>

export const WaiveBody = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 1000 }) }, Strict)
export type WaiveBody = Static<typeof WaiveBody>

export const RegistrationView = Type.Object({
  id: Type.String(),
  confirmationNumber: Type.String({ description: 'The short code the candidate quotes to the program (MT1-XXXX-XXXX)' }),
  status: RegistrationStatus, sessionId: Type.String(), candidateId: Type.String(), modules: Type.Array(Type.String()),
  holdExpiresAt: Nullable(Type.String()), paymentMethod: Nullable(Type.String()), createdAt: Type.String(), amountDueCents: Type.Integer(),
  waitlistPosition: Type.Union([Type.Integer(), Type.Null()]),
})
export type RegistrationView = Static<typeof RegistrationView>

/** A new registration, with advice for the candidate (an NCRC level that would waive a module, …). */
export const NewRegistrationView = Type.Object({ ...RegistrationView.properties, advice: Nullable(Type.String()) })
export type NewRegistrationView = Static<typeof NewRegistrationView>

export const MyRegistrationView = Type.Object({
  ...RegistrationView.properties, startsAt: Type.String(), endsAt: Type.String(), centerName: Type.String(), city: Type.String(), state: Type.String(), canCancel: Type.Boolean(),
  voucherCode: Nullable(Type.String({ description: 'The voucher that paid this registration' })),
  timeZone: CenterTimeZone,
})
export type MyRegistrationView = Static<typeof MyRegistrationView>

export const MyRegistrationsPage = Type.Object({ items: Type.Array(MyRegistrationView), nextCursor: Type.Null() })
export type MyRegistrationsPage = Static<typeof MyRegistrationsPage>

// ---- Receipts (issue 12, candidate self-service)

/** A registration's printable receipt: what was booked, where, when, the amount and how it is paid. */
export const ReceiptView = Type.Object({
  registrationId: Type.String(), confirmationNumber: Type.String(), status: RegistrationStatus, bookedAt: Type.String(),
  candidateName: Type.String(), candidateEmail: Type.String(),
  modules: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), amountCents: Nullable(Type.Integer({ description: 'null: the program publishes no fee for it' })) })),
  centerName: Type.String(), address: Type.String(), startsAt: Type.String(), endsAt: Type.String(), timeZone: CenterTimeZone,
  amountCents: Type.Integer({ description: 'The invoice amount when one was issued, otherwise the sum of the published fees' }), currency: Type.String(),
  paymentMethod: Nullable(StringEnum(['voucher', 'invoice', 'waived', 'none'] as const)), paidAt: Nullable(Type.String()),
  invoice: Nullable(Type.Object({ id: Type.String(), status: StringEnum(['open', 'paid', 'void'] as const), issuedAt: Type.String() })),
})
export type ReceiptView = Static<typeof ReceiptView>

/** Asking for an invoice: what it will be for. */
export const InvoiceRequestedView = Type.Object({ invoiceId: Type.String(), amountCents: Type.Integer(), currency: Type.String() })
export type InvoiceRequestedView = Static<typeof InvoiceRequestedView>

/** Paying with a voucher answers the (now confirmed) registration; asking for an invoice, the invoice. */
export const PaymentView = Type.Union([RegistrationView, InvoiceRequestedView])
export type PaymentView = Static<typeof PaymentView>

export const EligibilityQuery = Type.Object({ sessionId: Type.Optional(Id) }, Strict)
export type EligibilityQuery = Static<typeof EligibilityQuery>

export const EligibilityView = Type.Object({
  sessionId: Nullable(Type.String()), startsAt: Nullable(Type.String()),
  items: Type.Array(Type.Object({
    module: Type.String(), eligible: Type.Boolean(),
    reason: Type.Union([Type.Literal('MODULE_ALREADY_BOOKED'), Type.Literal('MODULE_ALREADY_PASSED'), Type.Literal('RETAKE_TOO_SOON'), Type.Null()]),
    nextEligibleAt: Nullable(Type.String()),
  })),
})
export type EligibilityView = Static<typeof EligibilityView>

// ---- Fees, vouchers, invoices

export const FeesView = Type.Object({ currency: Type.String(), items: Type.Array(Type.Object({ module: Type.String(), amountCents: Type.Union([Type.Integer(), Type.Null()]) })) })
export type FeesView = Static<typeof FeesView>

/** Fees per module code, in cents. */
// null takes a module's fee down: candidates are then told to pay by voucher or invoice. Null comes
// first in the union: the validator coerces types, and would otherwise read null as a fee of 0.
export const SetFeesBody = Type.Record(Code, Type.Union([Type.Null(), Type.Integer({ minimum: 0, maximum: 10_000_000 })]), { minProperties: 1, maxProperties: 3 })
export type SetFeesBody = Static<typeof SetFeesBody>

// Buying vouchers: BuyVoucherBatchBody in ./payments.ts (a batch against an invoice).

export const VOUCHER_STATUSES = ['available', 'redeemed', 'void'] as const
export const VoucherView = Type.Object({
  id: Type.String(), code: Type.String(), modules: Type.Array(Type.String()), status: StringEnum(VOUCHER_STATUSES), expiresAt: Nullable(Type.String()),
})
export type VoucherView = Static<typeof VoucherView>

export const BoughtVouchersView = Type.Object({ items: Type.Array(VoucherView) })
export type BoughtVouchersView = Static<typeof BoughtVouchersView>

export const MyVoucherView = Type.Object({ ...VoucherView.properties, redeemedAt: Nullable(Type.String()) })
export type MyVoucherView = Static<typeof MyVoucherView>

export const MyVouchersPage = Type.Object({ items: Type.Array(MyVoucherView), nextCursor: Type.Null() })
export type MyVouchersPage = Static<typeof MyVouchersPage>

// The invoice list and an invoice's detail: ./payments.ts.

export const InvoicePaidView = Type.Object({ id: Type.String(), status: Type.Literal('paid') })
export type InvoicePaidView = Static<typeof InvoicePaidView>

// ---- Cohorts and jobs

export const CohortStartedView = Type.Object({ jobId: Type.String(), total: Type.Integer() })
export type CohortStartedView = Static<typeof CohortStartedView>

export const CohortInvitationView = Type.Object({
  sessionId: Type.String(), centerId: Type.String(), centerName: Type.String(), city: Type.String(), state: Type.String(),
  startsAt: Type.String(), endsAt: Type.String(), modules: Type.Array(Type.String()), expiresAt: Type.String(),
  status: StringEnum(['open', 'accepted', 'expired'] as const), registrationId: Type.Union([Type.String(), Type.Null()]), timeZone: CenterTimeZone,
})
export type CohortInvitationView = Static<typeof CohortInvitationView>

export const AcceptedCohortInvitationView = Type.Object({
  id: Type.String(), status: RegistrationStatus, sessionId: Type.String(), candidateId: Type.String(), modules: Type.Array(Type.String()), amountDueCents: Type.Integer(),
})
export type AcceptedCohortInvitationView = Static<typeof AcceptedCohortInvitationView>

export const COHORT_OUTCOMES = ['registered', 'waitlisted', 'invited', 'failed'] as const
/** One row of an uploaded cohort; `invited`: the email has an account, which is emailed an invitation instead. */
export const CohortLineView = Type.Object({
  row: Type.Integer(), email: Type.String(), outcome: StringEnum(COHORT_OUTCOMES), reason: Type.Optional(Type.String()),
})
export type CohortLineView = Static<typeof CohortLineView>

export const CohortSummaryView = Type.Object({ registered: Type.Integer(), waitlisted: Type.Integer(), invited: Type.Integer(), failed: Type.Integer() })
export type CohortSummaryView = Static<typeof CohortSummaryView>

/** A rescoring job's counts so far (and, when it stopped, why); the results module runs it. */
export const RescoreSummaryView = Type.Object({
  attempts: Type.Optional(Type.Integer()), changed: Type.Optional(Type.Integer()), candidatesTold: Type.Optional(Type.Integer()), error: Type.Optional(Type.String()),
})
export type RescoreSummaryView = Static<typeof RescoreSummaryView>

export const JobView = Type.Object({
  id: Type.String(), kind: Type.String(), status: StringEnum(['running', 'done', 'failed'] as const), total: Type.Integer(), processed: Type.Integer(),
  createdAt: Type.String(), finishedAt: Nullable(Type.String()), error: Nullable(Type.String()),
  summary: Nullable(Type.Union([CohortSummaryView, RescoreSummaryView], { description: "A cohort's counts per outcome, or a rescoring's counts" })),
  report: Nullable(Type.Array(CohortLineView, { description: "A cohort's line-by-line report; null for other kinds of job" })),
})
export type JobView = Static<typeof JobView>

// ---- Rosters

export const RosterQuery = Type.Object({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('pdf')])) }, Strict)
export type RosterQuery = Static<typeof RosterQuery>

export const RosterEntryView = Type.Object({
  registrationId: Type.String(), candidateId: Type.String(), name: Type.String({ description: 'Last name, first name' }), email: Type.String(),
  modules: Type.Array(Type.String()), status: RegistrationStatus, accommodations: Type.Array(Type.String()),
})
export type RosterEntryView = Static<typeof RosterEntryView>

export const RosterView = Type.Object({
  session: Type.Object({ id: Type.String(), startsAt: Type.String(), endsAt: Type.String(), seats: Type.Integer(), status: SessionStatus, timeZone: CenterTimeZone }),
  items: Type.Array(RosterEntryView),
})
export type RosterView = Static<typeof RosterView>
