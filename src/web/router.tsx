import { lazy, Suspense, type ReactNode } from "react";
import { createBrowserRouter } from "react-router";
import { Layout } from "./components/layout";
import { RequireAuth } from "./features/auth/require-auth";
import { AboutPage } from "./routes/about-page";
import { AccommodationsPage } from "./routes/accommodations-page";
import { AccountPage } from "./routes/account-page";
import { ApplyPage } from "./routes/apply-page";
import { CentersPage } from "./routes/centers-page";
import { DashboardPage } from "./routes/dashboard-page";
import { EligibilityPage } from "./routes/eligibility-page";
import { EmployersPage } from "./routes/employers-page";
import { ForgotPasswordPage } from "./routes/forgot-password-page";
import { HandbookPage } from "./routes/handbook-page";
import { HomePage } from "./routes/home-page";
import { LoginPage } from "./routes/login-page";
import { ModulesPage } from "./routes/modules-page";
import { NotFoundPage } from "./routes/not-found-page";
import { RegisterPage } from "./routes/register-page";
import { ResetPasswordPage } from "./routes/reset-password-page";
import { RouteErrorPage } from "./routes/route-error-page";
import { ApiTokensPage } from "./routes/staff/api-tokens-page";
import { AuditPage } from "./routes/staff/audit-page";
import { PersonPage } from "./routes/staff/person-page";
import { FormPreviewPage } from "./routes/staff/form-preview-page";
import { HandbookRequestsPage } from "./routes/staff/handbook-requests-page";
import { ItemNewPage } from "./routes/staff/item-new-page";
import { ItemPage } from "./routes/staff/item-page";
import { ItemsPage } from "./routes/staff/items-page";
import { ReviewQueuePage } from "./routes/staff/review-queue-page";
import { FormComparabilityPage } from "./routes/staff/form-comparability-page";
import { OutboxPage } from "./routes/staff/outbox-page";
import { UsersPage } from "./routes/staff/users-page";
// Scheduling, registration, fees and accommodations pages.
import { AccommodationRequestPage } from "./routes/accommodation-request-page";
import { CenterPage } from "./routes/center-page";
import { EmployerPage } from "./routes/employer-page";
import { RosterPage } from "./routes/roster-page";
import { SessionsPage } from "./routes/sessions-page";
import { InvitationPage } from "./routes/invitation-page";
import { CohortInvitationPage } from "./routes/cohort-invitation-page";
import { AccommodationQueuePage } from "./routes/staff/accommodation-queue-page";
import { CentersAdminPage } from "./routes/staff/centers-admin-page";
import { FeesPage } from "./routes/staff/fees-page";
import { ProctorsPage } from "./routes/staff/proctors-page";
// issue 12, certification periods stream
import { CertificationsPage } from "./routes/staff/certifications-page";
// Issue 12, voucher ledger stream: the ledger and invoices.
import { VouchersPage } from "./routes/staff/vouchers-page";
import { InvoicesPage } from "./routes/staff/invoices-page";
import { InvoicePage } from "./routes/staff/invoice-page";
// Test delivery: the candidate's sitting and test screen, the proctor's console and scribe mode.
import { ProctorConsolePage } from "./routes/proctor-console-page";
import { ScribePage } from "./routes/scribe-page";
import { SittingPage } from "./routes/sitting-page";
import { BeginPage } from "./routes/begin-page";
import { TestPage } from "./routes/test-page";
// The national certificant registry: public verification, and the staff side with revocation.
import { RegistryPage } from "./routes/registry-page";
// The achievement each Open Badges credential names (its id), public.
import { AchievementPage } from "./routes/achievement-page";
import { RegistryAdminPage } from "./routes/staff/registry-admin-page";
// The candidate's results, certificates and documents.
import { CredentialsPage } from "./routes/credentials-page";
import { CredentialPage } from "./routes/credential-page";
import { ResultsPage } from "./routes/results-page";
// Session operations: staff's sessions across centers, a center's own session, an employer's event.
import { StaffSessionsPage } from "./routes/staff/sessions-page";
import { StaffSessionPage } from "./routes/staff/session-page";
import { CenterSessionPage } from "./routes/center-session-page";
import { EmployerEventPage } from "./routes/employer-event-page";
// Candidate self-service (issue 12): receipts, moving and cancelling a registration, and the program's notices.
import { AccessibilityPage } from "./routes/self-service/accessibility-page";
import { CancelPage } from "./routes/self-service/cancel-page";
import { PrivacyPage } from "./routes/self-service/privacy-page";
import { ReceiptPage } from "./routes/self-service/receipt-page";
import { ReschedulePage } from "./routes/self-service/reschedule-page";
import { TermsPage } from "./routes/self-service/terms-page";
// issue 12, integrity stream: the irregularity queue, cases and appeals.
import { IrregularitiesPage } from "./routes/staff/irregularities-page";
import { IrregularityCasePage } from "./routes/staff/irregularity-case-page";
import { IrregularityCasesPage } from "./routes/staff/irregularity-cases-page";
// issue 13, lab-records stream: external learning record stores and Learning Lab use
import { LearningRecordsPage } from "./routes/staff/learning-records-page";
// issue 15: program analytics, lazily loaded so the chart library is fetched only by those who open it.
import { Loading } from "./components/query-status";
const AnalyticsPage = lazy(() => import("./routes/staff/analytics-page"));
// issue 13, lab-lessons: the Learning Lab's home, a skill, a lesson. Imported after the test screen's
// pages: its stylesheet overrides theirs (styles/contrast-theme.css).
import { LearningHomePage } from "./features/learning/learning-home-page";
import { SkillPage } from "./features/learning/skill-page";
import { LessonPage } from "./features/learning/lesson-page";
// issue 13, practice stream: practice sets, practice tests, study plans, progress.
import { PracticeSetPage } from "./features/practice/practice-set-page";
import { PracticeTestsPage } from "./features/practice/practice-tests-page";
import { PracticeTestPage } from "./features/practice/practice-test-page";
import { PracticeTestScreen } from "./features/practice/practice-test-screen";
import { StudyPlanPage } from "./features/practice/study-plan-page";
import { ProgressPage } from "./features/practice/progress-page";
// issue 13, training stream: trainers, courses, enrolment, sponsored seats, rosters.
import { TrainersPage } from "./features/training/trainers-page";
import { ManageCoursesPage } from "./features/training/manage-courses-page";
import { CourseFinderPage } from "./features/training/course-finder-page";
import { CoursePage } from "./features/training/course-page";
import { RosterPage as CourseRosterPage } from "./features/training/roster-page";
import { MyTrainingPage } from "./features/training/my-training-page";
import { InvitationPage as TrainingInvitationPage } from "./features/training/invitation-page";
import { TrainerPage } from "./features/training/trainer-page";
import { SponsorPage } from "./features/training/sponsor-page";
// issue 15, item 4: modified-Angoff standard setting
import { StudiesPage } from "./features/standard-setting/studies-page";
import { StudyPage } from "./features/standard-setting/study-page";
import { RatePage } from "./features/standard-setting/rate-page";
// issue 14: partner colleges and advanced standing
import { PartnersPage } from "./features/advanced-standing/partners-page";
import { CollegeRequestsPage } from "./features/advanced-standing/college-requests-page";
import { StaffAgreementsPage } from "./features/advanced-standing/staff-agreements-page";
// issue 14: organisations (employers and colleges), sponsored candidates and consent.
import { OrganisationInvitationPage } from "./features/organisations/invitation-page";
import { MyOrganisationsPage } from "./features/organisations/my-organisations-page";
import { OrganisationPage } from "./features/organisations/organisation-page";
import { SponsoredCandidatesPage } from "./features/organisations/sponsored-candidates-page";
import { StaffOrganisationsPage } from "./features/organisations/staff-organisations-page";

const staff = (element: ReactNode) => <RequireAuth requiredRole="program_staff">{element}</RequireAuth>;

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      {
        // A pathless child holds the error boundary, so a crash keeps the header and navigation.
        errorElement: <RouteErrorPage />,
        children: [
      { index: true, element: <HomePage /> },
      { path: "about", element: <AboutPage /> },
      { path: "modules", element: <ModulesPage /> },
      { path: "eligibility", element: <EligibilityPage /> },
      { path: "apply", element: <ApplyPage /> },
      { path: "accommodations", element: <AccommodationsPage /> },
      { path: "employers", element: <EmployersPage /> },
      { path: "centers", element: <CentersPage /> },
      { path: "handbook", element: <HandbookPage /> },
      { path: "login", element: <LoginPage /> },
      { path: "register", element: <RegisterPage /> },
      { path: "forgot-password", element: <ForgotPasswordPage /> },
      { path: "reset-password", element: <ResetPasswordPage /> },
      { path: "account", element: <RequireAuth><AccountPage /></RequireAuth> },
      { path: "dashboard", element: <RequireAuth><DashboardPage /></RequireAuth> },
      { path: "results", element: <RequireAuth requiredRole="candidate"><ResultsPage /></RequireAuth> },
      { path: "credentials", element: <RequireAuth requiredRole="candidate"><CredentialsPage /></RequireAuth> },
      { path: "staff/handbook-requests", element: staff(<HandbookRequestsPage />) },
      { path: "staff/users", element: staff(<UsersPage />) },
      { path: "staff/people/:id", element: staff(<PersonPage />) },
      { path: "staff/outbox", element: staff(<OutboxPage />) },
      { path: "staff/api-tokens", element: staff(<ApiTokensPage />) },
      { path: "staff/audit", element: staff(<AuditPage />) },
      { path: "staff/items", element: staff(<ItemsPage />) },
      { path: "staff/items/new", element: staff(<ItemNewPage />) },
      { path: "staff/items/review-queue", element: staff(<ReviewQueuePage />) },
      { path: "staff/psychometrics/forms", element: staff(<FormComparabilityPage />) },
      { path: "staff/items/:id", element: staff(<ItemPage />) },
      { path: "staff/forms/preview", element: staff(<FormPreviewPage />) },
      { path: "sessions", element: <SessionsPage /> },
      { path: "invitation", element: <InvitationPage /> },
      { path: "cohort-invitation", element: <RequireAuth><CohortInvitationPage /></RequireAuth> },
      { path: "sessions/:id/roster", element: <RequireAuth><RosterPage /></RequireAuth> },
      { path: "accommodations/request", element: <RequireAuth><AccommodationRequestPage /></RequireAuth> },
      { path: "center", element: <RequireAuth><CenterPage /></RequireAuth> },
      { path: "sitting/:registrationId", element: <RequireAuth requiredRole="candidate"><SittingPage /></RequireAuth> },
      { path: "proctor/sessions/:id", element: <RequireAuth requiredRole="proctor"><ProctorConsolePage /></RequireAuth> },
      { path: "proctor/attempts/:attemptId/scribe", element: <RequireAuth requiredRole="proctor"><ScribePage /></RequireAuth> },
      { path: "employer", element: <RequireAuth requiredRole="employer"><EmployerPage /></RequireAuth> },
      { path: "staff/accommodations", element: staff(<AccommodationQueuePage />) },
      { path: "staff/fees", element: staff(<FeesPage />) },
      { path: "staff/vouchers", element: staff(<VouchersPage />) },
      { path: "staff/invoices", element: staff(<InvoicesPage />) },
      { path: "staff/invoices/:id", element: staff(<InvoicePage />) },
      { path: "staff/centers", element: staff(<CentersAdminPage />) },
      { path: "staff/proctors", element: staff(<ProctorsPage />) },
      { path: "staff/certifications", element: staff(<CertificationsPage />) },
      { path: "registry/:certificateNumber?", element: <RegistryPage /> },
      { path: "achievements/:code", element: <AchievementPage /> },
      // issue 14: each certificate's public page, the address holders share
      { path: "credentials/:certificateNumber", element: <CredentialPage /> },
      { path: "staff/registry", element: staff(<RegistryAdminPage />) },
      { path: "staff/sessions", element: staff(<StaffSessionsPage />) },
      { path: "staff/sessions/:id", element: staff(<StaffSessionPage />) },
      { path: "center/sessions/:id", element: <RequireAuth><CenterSessionPage /></RequireAuth> },
      { path: "employer/events/:id", element: <RequireAuth requiredRole="employer"><EmployerEventPage /></RequireAuth> },
      // issue 12, candidate self-service
      { path: "registrations/:id/receipt", element: <RequireAuth><ReceiptPage /></RequireAuth> },
      { path: "registrations/:id/reschedule", element: <RequireAuth requiredRole="candidate"><ReschedulePage /></RequireAuth> },
      { path: "registrations/:id/cancel", element: <RequireAuth requiredRole="candidate"><CancelPage /></RequireAuth> },
      { path: "privacy", element: <PrivacyPage /> },
      { path: "terms", element: <TermsPage /> },
      { path: "accessibility", element: <AccessibilityPage /> },
      // issue 12, integrity stream
      { path: "staff/irregularities", element: staff(<IrregularitiesPage />) },
      { path: "staff/irregularities/cases", element: staff(<IrregularityCasesPage />) },
      { path: "staff/irregularities/:caseId", element: staff(<IrregularityCasePage />) },
      // issue 13, lab-records stream
      { path: "staff/learning-records", element: staff(<LearningRecordsPage />) },
      { path: "staff/analytics", element: staff(<Suspense fallback={<Loading label="Loading the analytics…" />}><AnalyticsPage /></Suspense>) },
      // issue 13, lab-lessons (public pages; the lesson asks a visitor to sign in itself, keeping a #section)
      { path: "learning", element: <LearningHomePage /> },
      { path: "learning/skills/:skill", element: <SkillPage /> },
      { path: "learning/lessons/:id", element: <LessonPage /> },
      // issue 13, practice stream
      { path: "learning/practice/:skill", element: <RequireAuth><PracticeSetPage /></RequireAuth> },
      { path: "learning/practice-tests", element: <RequireAuth><PracticeTestsPage /></RequireAuth> },
      { path: "learning/practice-tests/:id", element: <RequireAuth><PracticeTestPage /></RequireAuth> },
      { path: "learning/study-plans/:id", element: <RequireAuth><StudyPlanPage /></RequireAuth> },
      { path: "learning/progress", element: <RequireAuth><ProgressPage /></RequireAuth> },
      // issue 13, training stream
      { path: "staff/trainers", element: staff(<TrainersPage />) },
      { path: "staff/courses", element: staff(<ManageCoursesPage staff />) },
      { path: "staff/standard-setting", element: staff(<StudiesPage />) },
      { path: "staff/standard-setting/:id", element: staff(<StudyPage />) },
      { path: "standard-setting/:id/rate", element: <RequireAuth><RatePage /></RequireAuth> },
      { path: "center/courses", element: <RequireAuth requiredRole="center_admin"><ManageCoursesPage staff={false} /></RequireAuth> },
      { path: "training/courses", element: <CourseFinderPage /> },
      { path: "training/courses/:id", element: <CoursePage /> },
      { path: "training/courses/:id/roster", element: <RequireAuth><CourseRosterPage /></RequireAuth> },
      { path: "training/my-courses", element: <RequireAuth><MyTrainingPage /></RequireAuth> },
      { path: "training/invitation", element: <RequireAuth><TrainingInvitationPage /></RequireAuth> },
      { path: "trainer", element: <RequireAuth requiredRole="trainer"><TrainerPage /></RequireAuth> },
      { path: "employer/training", element: <RequireAuth requiredRole="employer"><SponsorPage /></RequireAuth> },
      // issue 14: partner colleges and advanced standing
      { path: "partners", element: <PartnersPage /> },
      { path: "college/advanced-standing", element: <RequireAuth requiredRole="college_partner"><CollegeRequestsPage /></RequireAuth> },
      { path: "staff/advanced-standing", element: staff(<StaffAgreementsPage />) },
      // issue 14: organisations
      { path: "staff/organisations", element: staff(<StaffOrganisationsPage />) },
      { path: "organisations", element: <RequireAuth><MyOrganisationsPage /></RequireAuth> },
      { path: "organisations/invitation", element: <RequireAuth><OrganisationInvitationPage /></RequireAuth> },
      { path: "organisations/:id", element: <RequireAuth><OrganisationPage /></RequireAuth> },
      { path: "organisations/:id/sponsored", element: <RequireAuth><SponsoredCandidatesPage /></RequireAuth> },
      { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
  // The test screen stands alone: no site header or navigation to leave the test by.
  { path: "sitting/:registrationId/begin/:module", element: <RequireAuth requiredRole="candidate"><BeginPage /></RequireAuth>, errorElement: <RouteErrorPage /> },
  { path: "test/:attemptId", element: <RequireAuth requiredRole="candidate"><TestPage /></RequireAuth>, errorElement: <RouteErrorPage /> },
  // issue 13, practice stream: a practice test is taken on the test screen's own layout.
  { path: "learning/practice-tests/:id/take", element: <RequireAuth><PracticeTestScreen /></RequireAuth>, errorElement: <RouteErrorPage /> },
]);
