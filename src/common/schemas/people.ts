// A person's record for program staff (account, roles, registrations, attempts, results, credentials,
// accommodations, payments and their audit trail), the staff actions on a registration that live on
// it (reschedule, no-show), and the staff dashboard's counts of what needs attention.
import { Type, type Static } from 'typebox'
import { AccommodationRequestView } from './accommodations.js'
import { UserView } from './accounts.js'
import { AuditEntryView } from './audit.js'
import { Id, MultilineText, Nullable, Strict } from './common.js'
import { RegistrationView, SessionStatus } from './scheduling.js'

// ---- Staff actions on a registration

export const StaffRescheduleBody = Type.Object({
  sessionId: Id,
  reason: MultilineText(1000),
  waitlist: Type.Optional(Type.Boolean({ description: 'Join the new session\'s waitlist when it is full.' })),
}, Strict)
export type StaffRescheduleBody = Static<typeof StaffRescheduleBody>

export const NoShowBody = Type.Object({ note: MultilineText(1000) }, Strict)
export type NoShowBody = Static<typeof NoShowBody>

// ---- The record

export const PersonRegistrationView = Type.Object({
  ...RegistrationView.properties,
  paidAt: Nullable(Type.String()),
  overrideReason: Nullable(Type.String({ description: 'Why staff registered the candidate against a rule, when they did.' })),
  updatedAt: Type.String(),
  session: Type.Object({
    id: Type.String(), startsAt: Type.String(), endsAt: Type.String(), status: SessionStatus,
    centerId: Type.String(), centerName: Type.String(), city: Type.String(), state: Type.String(),
    timeZone: Type.String({ description: 'The center\'s IANA time zone: the session\'s times are shown in it.' }),
  }),
  checkedInAt: Nullable(Type.String()),
  canMarkNoShow: Type.Boolean({ description: 'Confirmed, the session is over and the candidate never checked in.' }),
  canReschedule: Type.Boolean(),
  canWaive: Type.Boolean(),
})
export type PersonRegistrationView = Static<typeof PersonRegistrationView>

export const PersonAttemptView = Type.Object({
  id: Type.String(), registrationId: Type.String(), sessionId: Type.String(), module: Type.String(), status: Type.String(),
  startedAt: Type.String(), submittedAt: Nullable(Type.String()),
})
export type PersonAttemptView = Static<typeof PersonAttemptView>

export const PersonResultView = Type.Object({
  attemptId: Type.String(), module: Type.String(), percent: Type.Number(), passed: Type.Boolean(), scoredAt: Type.String(),
})
export type PersonResultView = Static<typeof PersonResultView>

export const PersonCredentialView = Type.Object({
  certificateNumber: Type.String(), type: Type.String(), issuedOn: Type.String(), status: Type.String(), statusReason: Nullable(Type.String()),
})
export type PersonCredentialView = Static<typeof PersonCredentialView>

export const PersonInvoiceView = Type.Object({
  id: Type.String(), number: Nullable(Type.String()), registrationId: Nullable(Type.String()), amountCents: Type.Integer(), currency: Type.String(), status: Type.String(),
  issuedAt: Type.String(), paidAt: Nullable(Type.String()),
})
export type PersonInvoiceView = Static<typeof PersonInvoiceView>

export const PersonVoucherView = Type.Object({
  id: Type.String(), code: Type.String(), registrationId: Nullable(Type.String()), modules: Type.Array(Type.String()), status: Type.String(), redeemedAt: Nullable(Type.String()),
})
export type PersonVoucherView = Static<typeof PersonVoucherView>

export const PersonAccountView = Type.Object({
  ...UserView.properties,
  lastLoginAt: Nullable(Type.String({ description: 'The start of their newest session still on record; null when none is.' })),
})
export type PersonAccountView = Static<typeof PersonAccountView>

export const PersonRecordView = Type.Object({
  account: PersonAccountView,
  registrations: Type.Array(PersonRegistrationView),
  attempts: Type.Array(PersonAttemptView),
  results: Type.Array(PersonResultView),
  credentials: Type.Array(PersonCredentialView),
  accommodations: Type.Array(AccommodationRequestView),
  payments: Type.Object({ invoices: Type.Array(PersonInvoiceView), vouchers: Type.Array(PersonVoucherView) }),
  audit: Type.Array(AuditEntryView, { description: 'The newest 100 entries by them or on their records; the audit log has the rest.' }),
})
export type PersonRecordView = Static<typeof PersonRecordView>

// ---- What needs attention (the staff dashboard)

const Count = (description: string) => Type.Integer({ minimum: 0, description })

export const AttentionView = Type.Object({
  accommodationRequestsPending: Count('Accommodation requests waiting for a decision.'),
  handbookRequestsOpen: Count('Handbook requests not yet fulfilled.'),
  incidentsRecent: Count('Incidents logged in the last 30 days (reviewing them is the irregularity queue\'s).'),
  // Held results and open appeals belong to the integrity module (issue 12); null until it exists.
  resultsHeld: Nullable(Count('Results withheld pending review.')),
  appealsOpen: Nullable(Count('Appeals waiting for a decision.')),
  centersExpiring: Count('Certified centers whose certification ends within `expiringWithinDays`.'),
  proctorsExpiring: Count('Certified proctors whose certification ends within `expiringWithinDays`.'),
  trainersExpiring: Count('Certified trainers whose certification ends within `expiringWithinDays`.'),
  expiringWithinDays: Count('How far ahead certifications count as ending: the program\'s earliest certification expiry reminder (policies.reminders).'),
  jobsFailed: Count('Background jobs that failed in the last 7 days.'),
  asOf: Type.String(),
})
export type AttentionView = Static<typeof AttentionView>
