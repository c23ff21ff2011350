// Builds every module's service once, wiring the ones that call each other. Modules talk to each
// other only through these services.
import type { Program } from '../common/program/program-schema.js'
import type { ServerContext } from './context.js'
import { createApiTokensService } from './modules/accounts/api-tokens.service.js'
import { createAuthService } from './modules/accounts/auth.service.js'
import { createUsersService } from './modules/accounts/users.service.js'
import { createAccommodationsService } from './modules/accommodations/accommodations.service.js'
import { createAuditService } from './modules/audit/audit.service.js'
import { createCentersService } from './modules/centers/centers.service.js'
import { createHandbookService } from './modules/handbook/handbook.service.js'
import { createItemBankService } from './modules/item-bank/item-bank.service.js'
import { createNotificationsService } from './modules/notifications/notifications.service.js'
import { createProgramService } from './modules/program/program.service.js'
import { createCtdlService } from './modules/program/ctdl.service.js'
import { createSessionsService } from './modules/scheduling/sessions.service.js'
import { createProfileService } from './modules/accounts/profile.service.js'
import { createNcrcService } from './modules/accounts/ncrc.service.js'
import { createCredentialPageService } from './modules/credentials/credential-page.js'
import { createBadges } from './modules/credentials/badges.js'
import { createProctorsService } from './modules/centers/proctors.service.js'
import { createPaymentsService } from './modules/scheduling/payments.service.js'
// Issue 12, voucher ledger stream.
import { createInvoicesService } from './modules/scheduling/invoices.service.js'
import { createVoucherLedgerService } from './modules/scheduling/voucher-ledger.service.js'
import { createRegistrationsService } from './modules/scheduling/registrations.service.js'
import { createReceiptsService } from './modules/scheduling/receipts.service.js'
import { createSessionAdminService } from './modules/scheduling/session-admin.service.js'
import { createRosterService } from './modules/scheduling/roster.service.js'
import { createCohortService } from './modules/scheduling/cohort.service.js'
import { createEligibilityService } from './modules/scheduling/eligibility.service.js'
import { createInvitationsService } from './modules/scheduling/invitations.service.js'
import { createCenterAdminService } from './modules/centers/center-admin.service.js'
import { createDeliveryService } from './modules/delivery/delivery.service.js'
import { createProctoringService } from './modules/delivery/proctoring.service.js'
import { createResultsService } from './modules/results/results.service.js'
import { createDocumentsService } from './modules/results/documents.service.js'
import { createPathwayService } from './modules/results/pathway.service.js'
import { createRegistryService } from './modules/registry/registry.service.js'
import { createRevocationService } from './modules/registry/revocation.service.js'
import { createRescoringService } from './modules/results/rescoring.service.js'
import { createCredentialsService } from './modules/credentials/credentials.service.js'
import { createRegistryHoldersService } from './modules/registry/holders.service.js'
import { createCredentialRecordsService } from './modules/registry/credential-records.service.js'
import { createAttemptRecordsService } from './modules/delivery/attempt-records.service.js'
import { createJobQueue } from './modules/jobs/job-queue.js'
import { createJobsService } from './modules/jobs/jobs.service.js'
// ---- issue 12, person stream
import { createAttentionService } from './modules/people/attention.service.js'
import { createPersonRecordService } from './modules/people/person-record.service.js'
import { createRecordNames } from './modules/people/record-names.js'
// Session operations (issue 12): staff's list across centers, edits that tell candidates, cancelling.
import { createSessionOperationsService } from './modules/scheduling/session-operations.service.js'
import { createSessionCancellation } from './modules/scheduling/session-cancellation.js'
// issue 12, certification periods stream
import { createCertificationRemindersService } from './modules/centers/certification-reminders.service.js'
import { createCertificationOverviewService } from './modules/scheduling/certification-overview.service.js'
// issue 12, integrity stream
import { createIntegrityService } from './modules/integrity/integrity.service.js'
import { createIrregularityRecordsService } from './modules/delivery/irregularity-records.service.js'
// issue 13: skills training
import { createLearningRecordsService } from './modules/learning-records/learning-records.service.js'
import { createLessonsService } from './modules/learning/lessons.service.js'
// issue 13, lab-records stream: external learning record stores
import { createLearningRecordStoresService } from './modules/learning-records/learning-record-stores.service.js'
// issue 13, practice stream: practice sets and tests, mastery, study plans, progress
import { createLearnerProgressReader } from './modules/learning/learner-progress.js'
import { createMasteryService } from './modules/learning/mastery.service.js'
import type { PractiseAccess } from './modules/learning/practice-access.js'
import { createPracticeService } from './modules/learning/practice.service.js'
import { createPracticeTestService } from './modules/learning/practice-test.service.js'
import { createProgressService } from './modules/learning/progress.service.js'
// issue 13, staff reporting: mastery by skill
import { createMasteryReportService } from './modules/learning/mastery-report.service.js'
import { createStudyPlanService } from './modules/learning/study-plan.service.js'
// issue 13, training stream: trainers, courses, enrolment, attendance, impartiality
import { createTrainingService } from './modules/training/training.service.js'
import type { TrainingConflicts } from './modules/training/impartiality.js'
// issue 14: organisations (employers and colleges), their members and invitations
import { createOrganisationsService } from './modules/organisations/organisations.service.js'
// issue 14: colleges and advanced standing
import { createAdvancedStandingService } from './modules/advanced-standing/advanced-standing.service.js'
import { collegeDirectory } from './modules/advanced-standing/institutions.js'
import { createOrganisationSponsorships } from './modules/organisations/sponsorships.service.js'
import { createConsentsService } from './modules/organisations/consents.service.js'
// issue 15, item 4: modified-Angoff standard setting
import { createStandardSettingService } from './modules/standard-setting/standard-setting.service.js'
import { pValuesFromScores } from './modules/standard-setting/impact.js'
// issue 15, item 4: item statistics, the review queue, demographics for DIF, the technical report
import { createPsychometricsService } from './modules/psychometrics/psychometrics.service.js'
// issue 15: program analytics, aggregated from the owners' services
import { createAnalyticsService } from './modules/analytics/analytics.service.js'

export function createServices(ctx: ServerContext, program: Program) {
  // The audit log names actors through the accounts module, which is built after it and records audit entries itself.
  // Records are named by the modules that own them (people/record-names.ts), built further down.
  const audit = createAuditService(ctx, { contacts: (ids) => users.contactsOf(ids), describe: (refs) => recordNames(refs) })
  // issue 13, training stream: ISO/IEC 17024 impartiality, asked by scheduling (assignment, registration)
  // and delivery (check-in) of the training module, which is built further down.
  const impartiality: TrainingConflicts = (within, question) => training.conflicts(within, question)
  // Background jobs (cohort uploads, rescoring): each module registers its kind; recovered at start, drained at stop.
  // On PostgreSQL the job queue decides which process runs a job (job-queue.ts); null on SQLite.
  const jobs = createJobsService(ctx, { queue: createJobQueue(ctx) })
  const notifications = createNotificationsService(ctx, { queue: jobs.queue })
  const auth = createAuthService(ctx, { audit, notifications })
  const users = createUsersService(ctx, { audit, notifications, auth, registry: { nameChanged: (within, id) => registryHolders.nameChanged(within, id) } })
  // The registry owns the credentials and its copy of holders' names, states and search opt-in;
  // accounts tells it of name and profile changes (registryHolders), results awards through it.
  // Built from a lambda on users so the accounts services can be handed registryHolders too.
  const registryHolders = createRegistryHoldersService({ contacts: { contactsOf: (ids, within) => users.contactsOf(ids, within) } })
  const credentialRecords = createCredentialRecordsService(ctx, { holders: registryHolders })
  // What other modules may read of delivery's attempts and responses (results, rescoring, documents).
  const attemptRecords = createAttemptRecordsService(ctx)
  const programService = createProgramService(program)
  // Centers answer scheduling's and delivery's questions about a center (its kind, place, administrators).
  const centers = createCentersService(ctx)
  const profiles = createProfileService(ctx, { program: programService, registry: registryHolders, audit })
  // issue 14: the NCRC's uploaded copy and staff's verification (accounts owns the profile).
  const ncrc = createNcrcService(ctx, { audit, profiles, exists: async (id) => (await users.contactsOf([id])).has(id) })
  const proctors = createProctorsService(ctx, { audit, program: programService, users })
  // Payments are a leaf (fees, vouchers, invoices); registrations own every transition of a
  // registration, paying included, and call payments inside their transactions.
  // Invoices are documents of either subject (a registration, a voucher batch); the voucher ledger
  // sells batches against them and settles them, a registration's through the registrations service.
  const invoices = createInvoicesService(ctx, { program: programService, users })
  const voucherLedger = createVoucherLedgerService(ctx, {
    audit, program: programService, users, centers, invoices,
    registrationInvoicePaid: (actor, invoiceId, reference) => registrations.markInvoicePaid(actor, invoiceId, reference),
    enrolmentInvoicePaid: (actor, invoiceId, reference) => training.enrolmentInvoicePaid(actor, invoiceId, reference),
  })
  const payments = createPaymentsService(ctx, { audit, program: programService, invoices, ledger: voucherLedger })
  const invitations = createInvitationsService(ctx, { audit, centers })
  // Registration judges a candidate's module rules from their attempts, which the results service reads.
  const eligibility = createEligibilityService(ctx, { program: programService, centers, attempts: (trx, candidateId) => results.attemptHistory(trx, candidateId) })
  const registrations = createRegistrationsService(ctx, {
    audit, notifications, program: programService, payments, profiles, invitations, eligibility, users, centers,
    checkins: (within, ids) => attemptRecords.checkinsOf(ids, within),
    impartiality,
  })
  const sessionAdmin = createSessionAdminService(ctx, { audit, proctors, program: programService, registrations, centers, impartiality })
  const accommodations = createAccommodationsService(ctx, { audit, notifications, program: programService, users })
  const itemBank = createItemBankService(ctx, { audit, program: programService, users })
  // issue 12, integrity stream: results held by an irregularity case count for nothing until released;
  // the integrity module (built below) answers which, and calls results back to reconcile.
  const holds = {
    heldAttemptIds: (within: Parameters<typeof integrity.heldAttemptIds>[0], candidateId: string) => integrity.heldAttemptIds(within, candidateId),
    heldAttemptIdsOfMany: (within: Parameters<typeof integrity.heldAttemptIds>[0], candidateIds: readonly string[]) => integrity.heldAttemptIdsOfMany(within, candidateIds),
  }
  const results = createResultsService(ctx, { audit, program: programService, itemBank, attempts: attemptRecords, credentials: credentialRecords, notifications, contacts: users, holds })
  const delivery = createDeliveryService(ctx, { audit, program: programService, itemBank, accommodations, registrations, results, sessions: sessionAdmin, proctors, centers, impartiality })
  const sessions = createSessionsService(ctx, { centers })
  const handbook = createHandbookService(ctx, { audit, notifications, users })
  // issue 12, integrity stream
  const integrity = createIntegrityService(ctx, {
    audit, notifications, program: programService, records: createIrregularityRecordsService(ctx), attempts: attemptRecords, results: () => results,
    contacts: users, centers, sessions: sessionAdmin, registrations,
  })
  // ---- issue 12, person stream: a person's record and the staff dashboard read through the owners' services.
  // Organisations, consents and courses are built further down; the audit log asks for names only when read.
  const recordNames = createRecordNames({
    contacts: users, centers, registrations, sessions, attempts: attemptRecords, accommodations, invoices,
    organisations: { namesOf: async (ids) => new Map([...(await organisations.many(ctx.db, ids)).values()].map((o) => [o.id, o.name])) },
    consents: { describe: (ids) => consents.describe(ids) },
    courses: { titlesOf: (ids) => training.courses.titlesOf(ids) },
  })
  const personRecords = createPersonRecordService({
    users, registrations, payments, attempts: attemptRecords, results, credentials: credentialRecords, accommodations, audit,
  })
  const attention = createAttentionService(ctx, {
    accommodations, handbook, attempts: attemptRecords, centers, proctors, jobs, integrity, program: programService,
    // Training is built below; the count is asked only when staff open the dashboard.
    trainers: { certificationsEndingBetween: async (from, to) => (await training.trainerCertificationsEndingBetween(from, to)).length },
  })
  // issue 14: advanced standing. It verifies a holder's credential through the credentials module, and
  // its partner institutions are the organisations module's colleges (built further down: asked at call time).
  const credentials = createCredentialsService(ctx, { audit, program: programService, credentials: credentialRecords, profiles })
  const advancedStanding = createAdvancedStandingService(ctx, {
    audit, notifications, program: programService, users, credentialRecords, credentials,
    institutions: collegeDirectory({
      get: (within, id) => organisations.get(within, id),
      many: (within, ids) => organisations.many(within, ids),
      organisationsOf: (within, userId, kind) => organisations.organisationsOf(within, userId, kind),
      membersOf: (within, organisationId) => organisations.membersOf(within, organisationId),
    }),
  })
  // issue 12, candidate self-service: a registration's receipt and calendar invitation
  const receipts = createReceiptsService(ctx, { payments, program: programService, users, centers })
  // issue 13: every lesson view, practice answer, enrolment and attendance is an xAPI statement.
  // issue 13, lab-records stream: statements are queued in the recording transaction for the external
  // learning record stores whose audience includes the learner, and sent after the commit.
  const learningRecordStores = createLearningRecordStoresService(ctx, {
    audit, centers, users,
    // A center's or an employer's store hears of the learners it trains or sponsors (the training module knows which).
    audience: { organisationsOf: (within, userId) => training.organisationsOf(within, userId) },
  })
  const learningRecords = createLearningRecordsService(ctx, { forwarding: learningRecordStores, users })
  const lessons = createLessonsService(ctx, { program: programService, learningRecords })
  // issue 13, practice stream. Whether a learner may practise a module's skills:
  // issue 13, training stream: training is paid through scheduling's payments and voucher ledger.
  const mastery = createMasteryService(ctx, { program: programService, learningRecords })
  // A course's roster shows its learners' mastery and lessons of the course's skills (issue 13, item 5).
  const learnerProgress = createLearnerProgressReader({ mastery, learningRecords, lessonsOfSkill: (skill) => lessons.ofSkill(skill) })
  const training = createTrainingService(ctx, { audit, notifications, program: programService, users, centers, payments, voucherLedger, learningRecords, learnerProgress })
  // A module's Learning Lab is open when it is free, or to a learner holding a seat in it (training enrolments).
  const practiseAccess: PractiseAccess = { canPractise: (userId, module) => training.learningLabAccess(ctx.db, userId, module) }
  const studyPlans = createStudyPlanService(ctx, {
    program: programService, lessons, mastery, learningRecords, results, eligibility, notifications, contacts: users,
  })
  const practiceTests = createPracticeTestService(ctx, { program: programService, itemBank, accommodations, learningRecords, mastery, studyPlans, access: practiseAccess })
  const registry = createRegistryService(ctx)
  // issue 14: employers and colleges as organisations; other modules ask it who belongs to which.
  const organisations = createOrganisationsService(ctx, { audit, notifications, users })
  // Employers sponsor people as the organisation through training's seats and scheduling's vouchers;
  // what a sponsored candidate shares (results, certificates) is read from results and the registry.
  const organisationSponsorships = createOrganisationSponsorships(ctx, {
    organisations, training: training.sponsorships, voucherLedger, results, credentials: credentialRecords, users, notifications, program: programService,
  })
  const consents = createConsentsService(ctx, { audit, sponsorships: organisationSponsorships })
  // issue 15, item 4: impact data reads results' item scores and percents (the statistics module's stored p can replace itemPValues).
  const standardSetting = createStandardSettingService(ctx, {
    audit, notifications, program: programService, users, itemBank,
    itemPValues: async (module) => pValuesFromScores(await results.recentModuleScores(module)),
    recentPercents: async (module) => (await results.recentModuleScores(module)).map((r) => r.percent),
  })
  // issue 15, item 4. The technical report's standard-setting record is the latest completed study of the module that year.
  const psychometrics = createPsychometricsService(ctx, {
    audit, program: programService, jobs, results, attempts: attemptRecords, itemBank, minGroupSize: ctx.config.difMinGroupSize,
    standardSetting: (module, year) => standardSetting.recordFor(module, year),
  })
  return {
    standardSetting,
    psychometrics,
    // issue 15: program analytics
    analytics: createAnalyticsService({
      program: programService, results, attempts: attemptRecords, integrity, sessions, centers, accommodations, credentials: credentialRecords,
    }),
    organisations,
    organisationSponsorships,
    consents,
    training,
    practice: createPracticeService(ctx, { program: programService, itemBank, lessons, learningRecords, mastery, studyPlans, access: practiseAccess }),
    practiceTests,
    studyPlans,
    learningProgress: createProgressService(ctx, { mastery, practiceTests, studyPlans }),
    masteryReport: createMasteryReportService(ctx, { program: programService }),
    practiseAccess,
    learningRecords,
    learningRecordStores,
    lessons,
    integrity,
    personRecords,
    attention,
    jobs,
    delivery,
    proctoring: createProctoringService(ctx, { audit, accommodations, delivery, results, sessions: sessionAdmin, registrations, users, centers }),
    results,
    documents: createDocumentsService(ctx, {
      program: programService, attempts: attemptRecords, credentials: credentialRecords, contacts: users, holds,
      // issue 12, time zones: the score report's date is the day at the sitting's center.
      sessionTimeZone: async (sessionId) => (await sessionAdmin.get(sessionId)).timeZone,
    }),
    pathway: createPathwayService(ctx, { program: programService, profiles, registrations, sessions, results, credentials: credentialRecords, advancedStanding: advancedStanding.requests }),
    rescoring: createRescoringService(ctx, { audit, notifications, results, jobs, itemBank, attempts: attemptRecords, contacts: users }),
    accommodations,
    roster: createRosterService(ctx, { accommodations, centers, users }),
    cohorts: createCohortService(ctx, { audit, users, auth, notifications, registrations, jobs, centers }),
    centerAdmin: createCenterAdminService(ctx, { audit, proctors, sessionAdmin, users, program: programService }),
    // issue 12, certification periods stream: expiry reminders (on the minute, in main.ts) and the staff watch
    certificationReminders: createCertificationRemindersService(ctx, {
      users, notifications, program: programService, trainers: { endingBetween: (from, to) => training.trainerCertificationsEndingBetween(from, to) },
    }),
    certificationOverview: createCertificationOverviewService(ctx, { centers, proctors, trainers: training }),
    profiles,
    ncrc,
    proctors,
    payments,
    invoices,
    voucherLedger,
    registrations,
    receipts,
    eligibility,
    invitations,
    sessionAdmin,
    sessionOperations: createSessionOperationsService(ctx, { centers, users, notifications, sessionAdmin }),
    cancelSession: createSessionCancellation(ctx, { audit, centers, users, notifications, registrations, sessionAdmin }),
    program: programService,
    // issue 14: the program in CTDL, with the advanced-standing agreements in force today (the partners' public list).
    ctdl: createCtdlService(ctx, {
      program: programService,
      agreements: async () => (await advancedStanding.agreements.partners()).items.flatMap((p) => p.agreements.map((a) => ({
        id: a.id, institution: { id: p.id, name: p.name, url: p.website }, credential: a.credential,
        program: a.programName, courses: a.courses.map((c) => ({ code: c.code, name: c.title })), credits: a.credits,
        conditions: [a.earnedWithinYears !== null ? `Earned within ${a.earnedWithinYears} years.` : null, a.conditions].filter(Boolean).join(' ') || null,
        effectiveFrom: a.effectiveFrom, effectiveTo: a.effectiveTo,
      }))),
    }),
    audit,
    notifications,
    auth,
    users,
    apiTokens: createApiTokensService(ctx, { audit }),
    handbook,
    centers,
    sessions,
    itemBank,
    registry,
    registryHolders,
    credentialRecords,
    attemptRecords,
    revocation: createRevocationService(ctx, { audit, notifications, program: programService, contacts: users }),
    credentials,
    // issue 14: each certificate's public page, worded from the program and read live from the registry.
    credentialPages: createCredentialPageService(ctx, { program: programService, urls: credentials.urls, lookup: (n) => registry.lookup(n) }),
    badges: createBadges(programService.definition),
    advancedStanding,
  }
}

export type Services = ReturnType<typeof createServices>
