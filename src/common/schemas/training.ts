// Skills training, instructor-led (issue 13): trainers and their certification, course offerings and
// the public course finder, enrolment in a course or a module's Learning Lab (paid like registrations:
// voucher or invoice), seats an employer sponsors for named employees, attendance and completion.
import { Type, type Static } from 'typebox'
import { Code, Email, Id, IsoDateTime, Nullable, PageOf, PageQueryWith, PrintableText, Strict, StringEnum } from './common.js'
import { ProctorCertificationBody, ProctorCertificationView, RenewProctorBody, TimeZoneName } from './centers.js'
import { LearnerProgressView } from './practice.js'

/** Each list below answers in one page: `nextCursor` is always null. */
const OnePage = { nextCursor: Type.Null() }
const State = Type.String({ pattern: '^[A-Za-z]{2}$' })
const PostalCode = Type.String({ pattern: '^[0-9]{5}(-[0-9]{4})?$' })

// ---------- Trainers (certified by staff for a period, like proctors) ----------

/** A trainer's certification record: the same facts as a proctor's (training, agreement, conflict-of-interest declaration, period). */
export const TrainerCertificationBody = ProctorCertificationBody
export type TrainerCertificationBody = Static<typeof TrainerCertificationBody>
export const TrainerCertificationView = ProctorCertificationView
export type TrainerCertificationView = Static<typeof TrainerCertificationView>
export const RenewTrainerBody = RenewProctorBody
export type RenewTrainerBody = Static<typeof RenewTrainerBody>
export const TrainerList = Type.Object({ items: Type.Array(TrainerCertificationView), ...OnePage })
export type TrainerList = Static<typeof TrainerList>

// ---------- Course offerings ----------

export const COURSE_STATUSES = ['scheduled', 'cancelled', 'completed'] as const
export const CourseStatus = StringEnum(COURSE_STATUSES)
export type CourseStatus = Static<typeof CourseStatus>

export const MeetingBody = Type.Object({ startsAt: IsoDateTime, endsAt: IsoDateTime }, Strict)
export type MeetingBody = Static<typeof MeetingBody>
const Meetings = Type.Array(MeetingBody, { minItems: 1, maxItems: 40 })

/** Onsite at an employer's site: private to the employer's sponsored employees. */
export const OnsiteCourseBody = Type.Object({
  employerId: Id, companyName: PrintableText(200), addressLine1: PrintableText(200), city: PrintableText(100), state: State, postalCode: PostalCode, timeZone: TimeZoneName,
}, Strict)
export type OnsiteCourseBody = Static<typeof OnsiteCourseBody>

export const CreateCourseBody = Type.Object({
  title: PrintableText(200),
  module: Code,
  /** The module's skills the course covers (a subset of them). */
  skills: Type.Array(Code, { minItems: 1, maxItems: 12, uniqueItems: true }),
  trainerId: Id,
  /** A certified center, or `onsite` at an employer (exactly one of the two). */
  centerId: Type.Optional(Id),
  onsite: Type.Optional(OnsiteCourseBody),
  meetings: Meetings,
  seats: Type.Integer({ minimum: 1, maximum: 500 }),
  /** The fee of one seat in cents; absent or 0: free. */
  feeCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
}, Strict)
export type CreateCourseBody = Static<typeof CreateCourseBody>

/** Only what changes. Meetings and the trainer are fixed once attendance is recorded. */
export const UpdateCourseBody = Type.Object({
  title: Type.Optional(PrintableText(200)),
  skills: Type.Optional(Type.Array(Code, { minItems: 1, maxItems: 12, uniqueItems: true })),
  trainerId: Type.Optional(Id),
  meetings: Type.Optional(Meetings),
  seats: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  feeCents: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000 }))),
}, Strict)
export type UpdateCourseBody = Static<typeof UpdateCourseBody>

export const CancelCourseBody = Type.Object({ reason: PrintableText(1000) }, Strict)
export type CancelCourseBody = Static<typeof CancelCourseBody>

export const MeetingView = Type.Object({ id: Type.String(), startsAt: Type.String(), endsAt: Type.String() })
export type MeetingView = Static<typeof MeetingView>

export const CoursePlaceView = Type.Object({
  kind: StringEnum(['center', 'onsite'] as const),
  centerId: Nullable(Type.String()),
  employerId: Nullable(Type.String()),
  /** The center's name, or the employer's (onsite). */
  name: Type.String(),
  address: Type.String({ description: 'One line: street, city, state and postal code.' }),
  city: Type.String(),
  state: Type.String(),
})
export type CoursePlaceView = Static<typeof CoursePlaceView>

export const CourseView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  module: Type.String(),
  moduleName: Type.String(),
  skills: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  trainer: Type.Object({ id: Type.String(), name: Type.String() }),
  place: CoursePlaceView,
  timeZone: Type.String({ description: "The IANA time zone of the place: every meeting time is shown in it" }),
  meetings: Type.Array(MeetingView),
  seats: Type.Integer(),
  seatsLeft: Type.Integer(),
  feeCents: Nullable(Type.Integer()),
  currency: Type.String(),
  status: CourseStatus,
  cancelReason: Nullable(Type.String()),
  /** Self-enrolment is open: scheduled, public, a seat left and the first meeting not over. */
  enrolmentOpen: Type.Boolean(),
  /** Onsite at an employer: its employees come sponsored; the public finder leaves it out. */
  private: Type.Boolean(),
})
export type CourseView = Static<typeof CourseView>

export const CourseFinderQuery = PageQueryWith({
  state: Type.Optional(State),
  module: Type.Optional(Code),
  skill: Type.Optional(Code),
})
export type CourseFinderQuery = Static<typeof CourseFinderQuery>

export const CoursesPage = PageOf(CourseView)
export type CoursesPage = Static<typeof CoursesPage>

/** A course as those who run it see it: with how many are enrolled. */
export const ManagedCourseView = Type.Object({ ...CourseView.properties, enrolled: Type.Integer(), invited: Type.Integer() })
export type ManagedCourseView = Static<typeof ManagedCourseView>
export const ManagedCourseList = Type.Object({ items: Type.Array(ManagedCourseView), ...OnePage })
export type ManagedCourseList = Static<typeof ManagedCourseList>

// ---------- Enrolment and payment ----------

export const ENROLMENT_STATUSES = ['invited', 'pending_payment', 'confirmed', 'cancelled'] as const
export const EnrolmentStatus = StringEnum(ENROLMENT_STATUSES)
export type EnrolmentStatus = Static<typeof EnrolmentStatus>

/** A voucher code as printed (letters, digits, dashes and spaces; case does not matter). */
const VoucherCode = Type.String({ minLength: 4, maxLength: 40, pattern: '^[A-Za-z0-9 -]+$' })

/**
 * Enrol in a course (`offeringId`) or a module's Learning Lab (`module`): exactly one. A fee is paid
 * at once, by a training voucher's code or by asking for an invoice; a free seat needs neither.
 */
export const EnrolBody = Type.Object({
  offeringId: Type.Optional(Id),
  module: Type.Optional(Code),
  method: Type.Optional(StringEnum(['voucher', 'invoice'] as const)),
  voucherCode: Type.Optional(VoucherCode),
}, Strict)
export type EnrolBody = Static<typeof EnrolBody>

export const CancelEnrolmentBody = Type.Object({ reason: Type.Optional(PrintableText(1000)) }, Strict)
export type CancelEnrolmentBody = Static<typeof CancelEnrolmentBody>

export const EnrolmentInvoiceView = Type.Object({ id: Type.String(), number: Nullable(Type.String()), status: StringEnum(['open', 'paid', 'void'] as const), amountCents: Type.Integer(), currency: Type.String() })
export type EnrolmentInvoiceView = Static<typeof EnrolmentInvoiceView>

export const EnrolmentView = Type.Object({
  id: Type.String(),
  kind: StringEnum(['course', 'learning_lab'] as const),
  offeringId: Nullable(Type.String()),
  module: Type.String(),
  /** The course's title, or "MT1 Online Learning Lab: <module name>". */
  title: Type.String(),
  status: EnrolmentStatus,
  learnerId: Nullable(Type.String()),
  paymentMethod: Nullable(StringEnum(['none', 'voucher', 'invoice'] as const)),
  feeCents: Type.Integer(),
  currency: Type.String(),
  invoice: Nullable(EnrolmentInvoiceView),
  voucherCode: Nullable(Type.String()),
  /** The employer who sponsored the seat, by name. */
  sponsor: Nullable(Type.String()),
  completion: Nullable(StringEnum(['completed', 'not_completed'] as const)),
  createdAt: Type.String(),
})
export type EnrolmentView = Static<typeof EnrolmentView>

/** One of the learner's courses: the course, their enrolment, and their attendance at each meeting. */
export const MyCourseView = Type.Object({
  enrolment: EnrolmentView,
  course: CourseView,
  /** Per meeting id: true present, false absent, null not recorded yet. */
  attendance: Type.Record(Type.String(), Nullable(Type.Boolean())),
  completionNote: Nullable(Type.String()),
})
export type MyCourseView = Static<typeof MyCourseView>

export const LearningLabSeatView = Type.Object({
  module: Type.String(),
  moduleName: Type.String(),
  /** 0: the module's Learning Lab is free and open to every account. */
  feeCents: Type.Integer(),
  currency: Type.String(),
  allowed: Type.Boolean(),
  seat: Nullable(EnrolmentView),
})
export type LearningLabSeatView = Static<typeof LearningLabSeatView>

export const MyTrainingView = Type.Object({
  courses: Type.Array(MyCourseView),
  learningLab: Type.Array(LearningLabSeatView),
})
export type MyTrainingView = Static<typeof MyTrainingView>

// ---------- Sponsored seats (employers) ----------

export const SponsorBody = Type.Object({
  offeringId: Type.Optional(Id),
  module: Type.Optional(Code),
  /** The employees, by the email address each signs in with. */
  emails: Type.Array(Email, { minItems: 1, maxItems: 100, uniqueItems: true }),
  /** How a fee is paid: an invoice to the employer now (a batch of training vouchers bought for these seats), or codes of a training voucher batch the employer bought. */
  payment: Type.Optional(StringEnum(['invoice', 'voucher_batch'] as const)),
  voucherBatchId: Type.Optional(Id),
}, Strict)
export type SponsorBody = Static<typeof SponsorBody>

export const SponsoredSeatView = Type.Object({
  id: Type.String(),
  email: Type.String(),
  title: Type.String(),
  kind: StringEnum(['course', 'learning_lab'] as const),
  offeringId: Nullable(Type.String()),
  module: Type.String(),
  status: EnrolmentStatus,
  /** The employee's name once they accepted. */
  learnerName: Nullable(Type.String()),
  voucherCode: Nullable(Type.String()),
  completion: Nullable(StringEnum(['completed', 'not_completed'] as const)),
  createdAt: Type.String(),
})
export type SponsoredSeatView = Static<typeof SponsoredSeatView>

export const SponsoredSeatList = Type.Object({ items: Type.Array(SponsoredSeatView), ...OnePage })
export type SponsoredSeatList = Static<typeof SponsoredSeatList>

export const SponsorshipReceipt = Type.Object({
  items: Type.Array(SponsoredSeatView),
  /** The voucher batch that paid the seats (bought now for an invoice, or the one named); null for free training. */
  voucherBatchId: Nullable(Type.String()),
  invoiceId: Nullable(Type.String()),
})
export type SponsorshipReceipt = Static<typeof SponsorshipReceipt>

/** Buy training vouchers (employers, centers, staff): each code pays one seat of the subject at its fee. */
export const BuyTrainingVouchersBody = Type.Object({
  offeringId: Type.Optional(Id),
  module: Type.Optional(Code),
  quantity: Type.Integer({ minimum: 1, maximum: 500 }),
  organization: Type.Optional(PrintableText(200)),
  /** The total the buyer saw; refused (409 PRICE_CHANGED) when the fee changed meanwhile. */
  expectedTotalCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 5_000_000_000 })),
}, Strict)
export type BuyTrainingVouchersBody = Static<typeof BuyTrainingVouchersBody>

/** An invitation's token, as the emailed link carries it. */
export const InvitationTokenBody = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) }, Strict)
export type InvitationTokenBody = Static<typeof InvitationTokenBody>

export const TrainingInvitationView = Type.Object({
  enrolmentId: Type.String(),
  title: Type.String(),
  kind: StringEnum(['course', 'learning_lab'] as const),
  offeringId: Nullable(Type.String()),
  module: Type.String(),
  sponsor: Type.String(),
  /** The address it was sent to: the account that accepts it must use this address. */
  email: Type.String(),
  status: StringEnum(['open', 'accepted', 'cancelled'] as const),
  course: Nullable(CourseView),
})
export type TrainingInvitationView = Static<typeof TrainingInvitationView>

// ---------- Attendance, completion and the roster ----------

export const AttendanceBody = Type.Object({
  entries: Type.Array(Type.Object({ enrolmentId: Id, present: Type.Boolean() }, Strict), { minItems: 1, maxItems: 500 }),
}, Strict)
export type AttendanceBody = Static<typeof AttendanceBody>

export const CompletionBody = Type.Object({
  completed: Type.Boolean(),
  note: Type.Optional(Type.String({ maxLength: 1000, pattern: '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f<>]*$' })),
}, Strict)
export type CompletionBody = Static<typeof CompletionBody>

export const RosterLearnerView = Type.Object({
  enrolmentId: Type.String(),
  learnerId: Nullable(Type.String()),
  /** The learner's name; for a sponsored seat not accepted yet, the address it was sent to. */
  name: Type.String(),
  email: Type.String(),
  status: EnrolmentStatus,
  sponsor: Nullable(Type.String()),
  attendance: Type.Record(Type.String(), Nullable(Type.Boolean())),
  /** Meetings attended so far, of those that have started. */
  attended: Type.Integer(),
  completion: Nullable(StringEnum(['completed', 'not_completed'] as const)),
  completionNote: Nullable(Type.String()),
  /** The learner's Learning Lab progress in the course's skills; null for a sponsored seat nobody has accepted yet. */
  progress: Nullable(LearnerProgressView),
})
export type RosterLearnerView = Static<typeof RosterLearnerView>

export const CourseRosterView = Type.Object({
  course: CourseView,
  /** The offering's trainer and staff record attendance and completion; the center's administrators read. */
  canRecord: Type.Boolean(),
  /** Meetings whose attendance can be recorded now (started). */
  openMeetingIds: Type.Array(Type.String()),
  completionOpen: Type.Boolean(),
  learners: Type.Array(RosterLearnerView),
})
export type CourseRosterView = Static<typeof CourseRosterView>

export const CourseIdParams = Type.Object({ id: Id }, Strict)
export const MeetingParams = Type.Object({ id: Id, meetingId: Id }, Strict)

/** What the learning-lab helper stream reads: whether a learner may use a module's Learning Lab. */
export const LearningLabAccess = Type.Union([Type.Object({ allowed: Type.Literal(true) }), Type.Object({ allowed: Type.Literal(false), reason: Type.String() })])
export type LearningLabAccess = Static<typeof LearningLabAccess>

