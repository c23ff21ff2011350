// Session operations (issue 12): staff see and run sessions across every center, a center's
// administrators their own, and an employer their onsite events with who registered. Each schema
// with its static type; the routes, the web app and the tests import them.
import { Type, type Static } from 'typebox'
import { Code, Id, IsoDateTime, Nullable, PageOf, PageQueryWith, StringEnum } from './common.js'
import { RegistrationStatus, SESSION_STATUSES, SessionStatus } from './scheduling.js'

/** A state filter: two letters, any case (stored upper case). */
const StateCode = Type.String({ pattern: '^[A-Za-z]{2}$' })

export const StaffSessionsQuery = PageQueryWith({
  centerId: Type.Optional(Id),
  state: Type.Optional(StateCode),
  status: Type.Optional(StringEnum(SESSION_STATUSES)),
  module: Type.Optional(Code),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
})
export type StaffSessionsQuery = Static<typeof StaffSessionsQuery>

export const SessionProctorView = Type.Object({ id: Type.String(), name: Type.String() })
export type SessionProctorView = Static<typeof SessionProctorView>

export const StaffSessionView = Type.Object({
  id: Type.String(), centerId: Type.String(), centerName: Type.String(), city: Type.String(), state: Type.String(),
  timeZone: Nullable(Type.String({ description: "The center's IANA time zone, when the center has one" })),
  privateEvent: Type.Boolean({ description: "An employer's onsite event: not listed publicly" }),
  startsAt: Type.String(), endsAt: Type.String(), seats: Type.Integer(), seatsTaken: Type.Integer(), modules: Type.Array(Type.String()),
  status: SessionStatus, proctors: Type.Array(SessionProctorView), cancelReason: Nullable(Type.String()),
})
export type StaffSessionView = Static<typeof StaffSessionView>

export const StaffSessionsPage = PageOf(StaffSessionView)
export type StaffSessionsPage = Static<typeof StaffSessionsPage>

export const RegistrationCountsView = Type.Object({ confirmed: Type.Integer(), pendingPayment: Type.Integer(), waitlisted: Type.Integer() })
export type RegistrationCountsView = Static<typeof RegistrationCountsView>

/** One session for the people who run it: where, when, who proctors, how full, and what may be done with it. */
export const SessionDetailView = Type.Object({
  ...StaffSessionView.properties,
  address: Type.String({ description: "The center's street address, city, state and postal code on one line" }),
  registrations: RegistrationCountsView,
  canEdit: Type.Boolean({ description: 'Scheduled or in progress, and the reader may edit it' }),
  canCancel: Type.Boolean(),
})
export type SessionDetailView = Static<typeof SessionDetailView>

export const EventRegistrantView = Type.Object({
  registrationId: Type.String(), name: Type.String({ description: 'Last name, first name' }), email: Type.String(), modules: Type.Array(Type.String()),
  status: RegistrationStatus,
})
export type EventRegistrantView = Static<typeof EventRegistrantView>

/** An employer's onsite event as its employer sees it: the session and who registered (no accommodations). */
export const EmployerEventView = Type.Object({
  id: Type.String(), centerName: Type.String(), address: Type.String(), timeZone: Nullable(Type.String()),
  startsAt: Type.String(), endsAt: Type.String(), seats: Type.Integer(), seatsTaken: Type.Integer(), modules: Type.Array(Type.String()),
  status: SessionStatus, cancelReason: Nullable(Type.String()), registrants: Type.Array(EventRegistrantView),
})
export type EmployerEventView = Static<typeof EmployerEventView>
