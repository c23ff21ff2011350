// Skills training, instructor-led (issue 13): trainers and their certification, course offerings,
// enrolment (self, paid, sponsored), attendance and completion, and impartiality. This file assembles
// the module's services; what other modules and the lead's wiring call is on its top level:
// `learningLabAccess`, `organisationsOf`, `conflicts` (impartiality), `enrolmentInvoicePaid`.
import type { ServerContext } from '../../context.js'
import type { DbOrTx } from '../../db/database.js'
import type { UserDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import type { LearningRecordsService } from '../learning-records/learning-records.service.js'
import type { LearnerProgressReader } from '../learning/learner-progress.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { PaymentsService } from '../scheduling/payments.service.js'
import type { VoucherLedgerService } from '../scheduling/voucher-ledger.service.js'
import type { Actor } from '../accounts/actor.js'
import { createAttendanceService } from './attendance.service.js'
import { createCourseCancellation } from './course-cancellation.js'
import { createCourseViews } from './course-views.js'
import { createCoursesService } from './courses.service.js'
import { createEnrolmentsService } from './enrolments.service.js'
import { createImpartiality } from './impartiality.service.js'
import { createInvitationsService } from './invitations.service.js'
import { createSponsorshipsService } from './sponsorships.service.js'
import { createTrainersService } from './trainers.service.js'

export function createTrainingService(
  ctx: ServerContext,
  deps: {
    audit: AuditService; notifications: NotificationsService; program: ProgramService; users: UserDirectory; centers: CenterDirectory
    payments: PaymentsService; voucherLedger: VoucherLedgerService; learningRecords: LearningRecordsService
    /** The learners' Learning Lab progress a roster shows (the learning module reads it). */
    learnerProgress: LearnerProgressReader
  },
) {
  const views = createCourseViews(ctx, deps)
  const trainers = createTrainersService(ctx, deps)
  const courses = createCoursesService(ctx, { ...deps, trainers, views })
  const enrolments = createEnrolmentsService(ctx, { ...deps, views })
  const sponsorships = createSponsorshipsService(ctx, { ...deps, enrolments })
  const invitations = createInvitationsService(ctx, { ...deps, enrolments })
  const attendance = createAttendanceService(ctx, { ...deps, views })
  const cancelCourse = createCourseCancellation(ctx, { ...deps, courses, enrolments })
  const conflicts = createImpartiality(deps)
  return {
    trainers,
    courses,
    enrolments,
    sponsorships,
    invitations,
    attendance,
    cancelCourse,
    /** `{ allowed: true }` when the module's Learning Lab is free or the learner holds a confirmed seat for it (the Learning Lab's practice asks). */
    learningLabAccess: (within: DbOrTx, userId: string, module: string) => enrolments.learningLabAccess(within, userId, module),
    /** The centers whose courses the learner is enrolled in, and the employers who sponsor them (LRS forwarding). */
    organisationsOf: (within: DbOrTx, userId: string) => enrolments.organisationsOf(within, userId),
    /** ISO/IEC 17024: which of these trainers trained which of these learners within the period before a session. */
    conflicts,
    /** Staff mark an enrolment's invoice paid (the voucher ledger's invoice page routes it here). */
    enrolmentInvoicePaid: (actor: Actor | null, invoiceId: string, reference: string | null) => enrolments.invoicePaid(actor, invoiceId, reference),
    /** Trainers whose certification ends between two moments (expiry reminders, the attention count). */
    trainerCertificationsEndingBetween: (from: string, to: string) => trainers.endingBetween(from, to),
    /** Every trainer's certification (staff's certification watch). */
    trainerCertifications: (actor: Actor | null) => trainers.list(actor),
    /** Scheduled courses per trainer that end after the trainer's certification covers (not certified, suspended, or lapsing first). */
    coursesNotCovered: () => trainers.coursesNotCovered(),
  }
}

export type TrainingService = ReturnType<typeof createTrainingService>
