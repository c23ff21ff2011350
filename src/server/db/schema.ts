// Table types for Kysely. Timestamps are ISO 8601 UTC strings on both databases (PostgreSQL's
// timestamptz is parsed back to ISO strings in database.ts); JSON columns hold text.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

export interface UsersTable {
  id: string
  email: string
  password_hash: string | null
  first_name: string
  last_name: string
  status: 'active' | 'disabled'
  created_at: string
  updated_at: string
}

export interface UserRolesTable {
  user_id: string
  role: string
  granted_at: string
  granted_by: string | null
}

export interface AuthSessionsTable {
  id_hash: string
  user_id: string
  csrf_token: string
  created_at: string
  expires_at: string
  last_seen_at: string
}

export interface LoginFailuresTable {
  id: Generated<number>
  email: string
  ip: string
  created_at: string
}

export interface PasswordResetsTable {
  token_hash: string
  user_id: string
  created_at: string
  expires_at: string
  used_at: string | null
}

export interface ApiTokensTable {
  id: string
  name: string
  token_hash: string
  user_id: string
  created_by: string
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
  /** JSON array of scopes (accounts/token-scopes.ts); null (never written by the app) allows nothing. */
  scopes: string | null
  /** Required for every token the app issues; a null is treated as expired. */
  expires_at: string | null
}

export interface EmailsTable {
  id: string
  to_address: string
  subject: string
  text_body: string
  transport: 'outbox' | 'smtp'
  status: 'queued' | 'sent' | 'failed'
  error: string | null
  created_at: string
  sent_at: string | null
}

export interface HandbookRequestsTable {
  id: string
  name: string
  email: string
  organization: string | null
  mailing_address: string | null
  format: 'pdf' | 'print'
  message: string | null
  status: 'open' | 'fulfilled'
  created_at: string
  fulfilled_at: string | null
  fulfilled_by: string | null
  fulfilment_note: string | null
}

export interface AuditLogTable {
  id: string
  actor_id: string | null
  action: string
  entity_type: string
  entity_id: string
  reason: string | null
  details: string | null
  created_at: string
}

export interface CentersTable {
  id: string
  name: string
  kind: 'center' | 'onsite'
  address_line1: string
  address_line2: string | null
  city: string
  state: string
  postal_code: string
  phone: string | null
  email: string | null
  status: 'applied' | 'certified' | 'suspended'
  certified_until: string | null
  created_at: string
  applied_by?: string | null
  status_reason?: string | null
  /** The IANA zone of the place (migration 0016): every time of its sessions is shown in it. */
  time_zone: string
}

export interface CenterMembersTable {
  center_id: string
  user_id: string
  role: 'admin'
}

export interface TestSessionsTable {
  id: string
  center_id: string
  starts_at: string
  ends_at: string
  seats: number
  /** JSON array of module codes offered. */
  modules: string
  status: 'scheduled' | 'in_progress' | 'closed' | 'cancelled'
  created_at: string
  created_by: string | null
  /** Registrations holding a seat; only ever changed by a conditional update, so never above seats. */
  seats_taken: Generated<number>
  cancel_reason: string | null
  /** When its proctor closed the session (the session report is final from then). */
  closed_at: ColumnType<string | null, string | null | undefined, string | null>
  // ---- Issue 12, session operations (migration 0020)
  /** An employer's onsite event held at a certified center: private, organised by this employer. */
  private_employer_id: ColumnType<string | null, string | null | undefined, string | null>
}

export interface SessionProctorsTable {
  session_id: string
  user_id: string
}

export interface ItemsTable {
  id: string
  identifier: string
  title: string
  module: string | null
  skill: string | null
  pool: 'operational' | 'practice'
  type: string
  status: 'draft' | 'in_review' | 'active' | 'retired'
  scoring_mode: 'auto' | 'manual'
  active_version: number | null
  latest_version: number
  origin: 'mt1' | 'import' | 'authored'
  author_id: string | null
  reviewer_id: string | null
  exposure_count: Generated<number>
  created_at: string
  updated_at: string
}

export interface ItemVersionsTable {
  item_id: string
  version: number
  qti_xml: string
  /** JSON of StoredItemModel: scoring, presentation, rationale, asset map. */
  model_json: string
  created_at: string
  created_by: string | null
  note: string | null
}

export interface ItemAssetsTable {
  sha256: string
  content_type: string
  bytes: Buffer
  size: number
  created_at: string
}

export interface ProctorCertificationsTable {
  user_id: string
  training_completed_on: string
  agreement_signed_on: string
  coi_declared_on: string
  certified_until: string
  status: 'certified' | 'suspended'
  updated_at: string
  updated_by: string | null
}

export interface ProctorConflictsTable {
  proctor_id: string
  candidate_id: string
  reason: string
  declared_at: string
}

export interface CandidateProfilesTable {
  user_id: string
  ncrc_level: string | null
  ncrc_number: string | null
  state: string | null
  updated_at: string
  /** 1 when the holder lets the public registry find them by name (certificate lookups need no consent). */
  registry_listed: Generated<number>
  // ---- issue 14, travel stream (migration 0029)
  /** YYYY-MM-DD, the date on the NCRC certificate. */
  ncrc_date: string | null
  /** Any change to the NCRC's level, number, date or upload sets it back to 'unverified'. */
  ncrc_verification: Generated<NcrcVerification>
  ncrc_verification_reason: string | null
  ncrc_verified_by: string | null
  ncrc_verified_at: string | null
}

export type NcrcVerification = 'unverified' | 'verified' | 'not_verified'

/** The candidate's uploaded NCRC certificate (issue 14): one per candidate, a new upload replaces it. */
export interface NcrcCertificatesTable {
  user_id: string
  file_name: string
  content_type: string
  size: number
  sha256: string
  bytes: Buffer
  uploaded_at: string
}

/** `no_show`: staff marked a confirmed registration whose session ended without the candidate checking in. */
export type RegistrationStatus = 'pending_payment' | 'confirmed' | 'waitlisted' | 'cancelled' | 'expired' | 'no_show'

export interface RegistrationsTable {
  id: string
  session_id: string
  candidate_id: string
  /** JSON array of module codes. */
  modules: string
  status: RegistrationStatus
  /** 1 while the registration counts in the session's seats_taken. */
  holds_seat: number
  hold_expires_at: string | null
  payment_method: 'voucher' | 'invoice' | 'waived' | 'none' | null
  voucher_id: string | null
  override_reason: string | null
  created_by: string | null
  created_at: string
  updated_at: string
  cancelled_at: string | null
  /** Superseded by session_reminders (migration 0016): kept for the rows written before it, no longer written. */
  reminder_sent_at: string | null
  queue_no: number
  /** When its fee was paid (voucher, invoice, waiver); the payment moves with it to another session. */
  paid_at: ColumnType<string | null, string | null | undefined, string | null>
  // ---- issue 12, candidate self-service (migration 0017)
  /** The code the candidate quotes (MT1-XXXX-XXXX); unique, set on insert, backfilled for older rows. */
  confirmation_number: string
}

export interface CountersTable {
  name: string
  value: number
}

export interface FeeScheduleTable {
  module: string
  amount_cents: number
  currency: string
  updated_at: string
  updated_by: string | null
}

export interface VouchersTable {
  id: string
  code: string
  modules: string
  purchased_by: string | null
  status: 'available' | 'redeemed' | 'void'
  registration_id: string | null
  redeemed_at: string | null
  created_at: string
  expires_at: string | null
  /** The batch it was bought in (migration 0019; every voucher has one since). */
  batch_id: string | null
  // ---- issue 13, training stream (migration 0026)
  /** What it pays for: a registration (every voucher before training existed) or a training enrolment. */
  purpose: 'registration' | 'training'
  /** A training voucher's one subject ("lab:MM", "course:<offering id>"); null for a registration voucher. */
  training_subject: string | null
  /** The training enrolment a redeemed training voucher paid for. */
  enrolment_id: string | null
  // ---- issue 14 (migration 0027): a code an organisation assigned to a person by email.
  organisation_id: string | null
  assigned_email: string | null
  assigned_at: string | null
  assigned_by: string | null
}

export interface InvoicesTable {
  id: string
  /** Set when `subject_type` is 'registration'. */
  registration_id: string | null
  amount_cents: number
  currency: string
  status: 'open' | 'paid' | 'void'
  issued_at: string
  paid_at: string | null
  marked_by: string | null
  // ---- Issue 12, voucher ledger stream (migration 0019)
  subject_type: 'registration' | 'voucher_batch' | 'enrolment'
  /** Set when `subject_type` is 'voucher_batch'. */
  voucher_batch_id: string | null
  // ---- issue 13, training stream (migration 0026)
  /** Set when `subject_type` is 'enrolment' (a training enrolment's fee). */
  enrolment_id: string | null
  /** Who an enrolment's invoice is billed to (the learner): a registration's or batch's bill-to is read from its subject. */
  bill_to_id: string | null
  /** INV-YYYY-NNNNNN, from the per-year counter `invoice_number_YYYY`. */
  number: string | null
  payment_reference: string | null
  voided_at: string | null
  voided_by: string | null
  void_reason: string | null
}

// ---- Issue 12, voucher ledger stream (migration 0019)
export interface VoucherBatchesTable {
  id: string
  /** The employer or center account it was bought by or for; null when staff bought it for an organization. */
  buyer_id: string | null
  buyer_kind: 'employer' | 'center' | 'staff' | 'unknown'
  organization: string | null
  /** JSON array of module codes each voucher covers. */
  modules: string
  quantity: number
  unit_price_cents: number
  total_cents: number
  currency: string
  price_source: 'schedule' | 'staff' | 'legacy'
  invoice_id: string | null
  created_at: string
  created_by: string | null
  expires_at: string | null
  // ---- issue 13, training stream (migration 0026)
  purpose: 'registration' | 'training'
  training_subject: string | null
}

export interface InvoiceLinesTable {
  invoice_id: string
  position: number
  description: string
  quantity: number
  unit_cents: number
  amount_cents: number
}

export interface InvoiceEventsTable {
  id: string
  invoice_id: string
  kind: 'issued' | 'paid' | 'voided'
  actor_id: string | null
  at: string
  /** The payment reference (paid) or the reason (voided). */
  note: string | null
}
// ---- end of the voucher ledger stream's tables

export interface AccommodationRequestsTable {
  id: string
  candidate_id: string
  /** JSON arrays of category and adjustment codes. */
  categories: string
  adjustments: string
  statement: string
  status: 'pending' | 'approved' | 'partly_approved' | 'denied'
  approved_adjustments: string | null
  decision_reason: string | null
  decided_by: string | null
  decided_at: string | null
  created_at: string
}

export interface AccommodationDocumentsTable {
  id: string
  request_id: string
  file_name: string
  content_type: string
  size: number
  sha256: string
  bytes: Buffer
  uploaded_at: string
}

export interface OnsiteRequestsTable {
  id: string
  employer_id: string
  company_name: string
  address_line1: string
  city: string
  state: string
  postal_code: string
  preferred_date: string
  candidates: number
  modules: string
  notes: string | null
  status: 'pending' | 'approved' | 'declined'
  session_id: string | null
  decided_by: string | null
  created_at: string
}

export interface JobsTable {
  id: string
  kind: string
  status: 'running' | 'done' | 'failed'
  total: number
  processed: number
  report: string | null
  created_by: string
  created_at: string
  finished_at: string | null
  /** JSON input a resumed run starts again from (the rows of a cohort, the correction of a rescoring). */
  input: ColumnType<string | null, string | null | undefined, string | null>
  /** The process running it, and when that process last showed it was alive (a lease). */
  owner: ColumnType<string | null, string | null | undefined, string | null>
  heartbeat_at: ColumnType<string | null, string | null | undefined, string | null>
  /** Why it failed, for the person who started it. */
  error: ColumnType<string | null, string | null | undefined, string | null>
  /** How many times it was taken over after its process stopped. */
  resumes: Generated<number>
}

export interface CheckinsTable {
  registration_id: string
  session_id: string
  checked_in_by: string
  checked_in_at: string
}

/** A form drawn and rendered at check-in, consumed by Start (migration 0037). */
export interface PreparedFormsTable {
  registration_id: string
  module: string
  candidate_id: string
  seed: number
  /** JSON array of FormItem, as attempts.form. */
  form: string
  /** JSON array of CandidateItem: the items as the candidate receives them, opaque identifiers and no key. */
  items: string
  seen_overlap: number
  prepared_at: string
}

export interface ProctorPresenceTable {
  session_id: string
  proctor_id: string
  last_seen_at: string
}

export interface AttemptsTable {
  id: string
  registration_id: string
  session_id: string
  candidate_id: string
  module: string
  status: 'in_progress' | 'paused' | 'submitted' | 'scored' | 'voided'
  seed: number
  /** JSON array of FormItem: the items and versions the attempt drew, in order. */
  form: string
  time_factor: number
  started_at: string
  deadline_at: string
  paused_at: string | null
  pause_reason: string | null
  submitted_at: string | null
  updated_at: string
  /** The device the attempt is bound to (X-Attempt-Device); null when started without one. */
  device_id: string | null
  /** 1 once a proctor has allowed the attempt to move to another device. */
  readmit_allowed: Generated<number>
  /** 1 while another device is asking to take the attempt over. */
  awaiting_readmit: Generated<number>
  /** JSON array of item ids flagged for review. */
  flags: Generated<string>
  extra_minutes: Generated<number>
  /** The candidate's last request for this attempt. */
  last_seen_at: string | null
  /** Items of the form the candidate had seen in earlier attempts of the module (null: started before 0011). */
  seen_overlap: ColumnType<number | null, number | null | undefined, number | null>
}

export interface AttemptResponsesTable {
  attempt_id: string
  item_id: string
  response: string
  seq: number
  saved_at: string
}

export interface AttemptEventsTable {
  id: string
  attempt_id: string
  kind: string
  actor_id: string | null
  reason: string | null
  at: string
}

export interface SessionIncidentsTable {
  id: string
  session_id: string
  category: string
  occurred_at: string
  ended_at: string | null
  narrative: string
  action_taken: string
  registration_id: string | null
  reported_by: string | null
  automatic: number
  created_at: string
}

export interface ResultsTable {
  attempt_id: string
  candidate_id: string
  module: string
  earned_micro: number
  possible_micro: number
  percent: number
  passed: number
  /** JSON array of SkillResult. */
  skills: string
  /** JSON array of {itemId, version, skill, score, maxScore}. */
  item_scores: string
  scored_at: string
  /** The date (YYYY-MM-DD, UTC) the module was passed, when it was. */
  passed_on: string | null
}

export interface CredentialsTable {
  certificate_number: string
  candidate_id: string
  type: string
  issued_on: string
  status: 'active' | 'revoked' | 'withdrawn'
  status_index: number
  status_reason: string | null
  status_changed_at: string | null
  created_at: string
}

/**
 * The registry's copy of a holder's public name, state and search opt-in (migration 0015), written
 * only by the registry's holders service; the accounts module tells it of each change.
 */
export interface RegistryHoldersTable {
  user_id: string
  first_name: string
  last_name: string
  state: string | null
  /** 1 when the holder opted in to the name search (their profile's registry_listed). */
  listed: Generated<number>
  /** The holder's NCRC level and whether staff verified it (issue 14): the stack the lookup states. */
  ncrc_level: string | null
  ncrc_verified: Generated<number>
}

export interface ScoringCorrectionsTable {
  item_id: string
  /** The version candidates saw. */
  version: number
  action: 'use_version' | 'drop'
  /** With use_version: the version whose key scores it instead. */
  replacement_version: number | null
  reason: string
  created_by: string
  created_at: string
}

/** A link that lets a candidate register for a private (onsite) session; only the token's hash is kept. */
export interface SessionInvitationsTable {
  id: string
  session_id: string
  token_hash: string
  created_by: string
  created_at: string
  expires_at: string
}

/** A cohort upload's request that an existing account join a session; registered only once accepted. */
export interface CohortInvitationsTable {
  id: string
  token_hash: string
  session_id: string
  user_id: string
  /** JSON array of module codes. */
  modules: string
  created_by: string
  created_at: string
  expires_at: string
  accepted_at: string | null
  registration_id: string | null
}

// ---------- issue 12: certification periods and key-correction records (migration 0022) ----------

/** An expiry reminder sent for one certification period (its end) and lead time: sent once. */
export interface CertificationRemindersSentTable {
  subject_kind: 'center' | 'proctor' | 'trainer'
  subject_id: string
  certified_until: string
  days_before: number
  sent_at: string
}

/** Every scoring correction staff made, with the rescoring job it started (the item page's history). */
export interface ScoringCorrectionRunsTable {
  job_id: string
  item_id: string
  version: number
  action: 'use_version' | 'drop'
  replacement_version: number | null
  reason: string
  created_by: string
  created_at: string
}

/** One result a rescoring changed: before and after, and the certificates the candidate gained or lost. */
export interface RescoringChangesTable {
  job_id: string
  attempt_id: string
  candidate_id: string
  module: string
  before_percent: number
  after_percent: number
  before_passed: number
  after_passed: number
  /** JSON array of {type, certificateNumber}. */
  awarded: string
  /** JSON array of certificate numbers. */
  withdrawn: string
  changed_at: string
}

// ---- issue 12, time zones (migration 0016)

/** One reminder sent before a session, per registration and the policy's hours before it. */
export interface SessionRemindersTable {
  registration_id: string
  hours_before: number
  sent_at: string
}

export interface Database {
  users: UsersTable
  user_roles: UserRolesTable
  auth_sessions: AuthSessionsTable
  login_failures: LoginFailuresTable
  password_resets: PasswordResetsTable
  api_tokens: ApiTokensTable
  emails: EmailsTable
  handbook_requests: HandbookRequestsTable
  audit_log: AuditLogTable
  centers: CentersTable
  center_members: CenterMembersTable
  test_sessions: TestSessionsTable
  session_proctors: SessionProctorsTable
  items: ItemsTable
  item_versions: ItemVersionsTable
  item_assets: ItemAssetsTable
  proctor_certifications: ProctorCertificationsTable
  proctor_conflicts: ProctorConflictsTable
  candidate_profiles: CandidateProfilesTable
  registrations: RegistrationsTable
  fee_schedule: FeeScheduleTable
  vouchers: VouchersTable
  invoices: InvoicesTable
  counters: CountersTable
  accommodation_requests: AccommodationRequestsTable
  accommodation_documents: AccommodationDocumentsTable
  onsite_requests: OnsiteRequestsTable
  jobs: JobsTable
  checkins: CheckinsTable
  prepared_forms: PreparedFormsTable
  proctor_presence: ProctorPresenceTable
  attempts: AttemptsTable
  attempt_responses: AttemptResponsesTable
  attempt_events: AttemptEventsTable
  session_incidents: SessionIncidentsTable
  results: ResultsTable
  credentials: CredentialsTable
  registry_holders: RegistryHoldersTable
  // issue 14, travel stream (migration 0029)
  ncrc_certificates: NcrcCertificatesTable
  scoring_corrections: ScoringCorrectionsTable
  session_invitations: SessionInvitationsTable
  cohort_invitations: CohortInvitationsTable
  // issue 12, certification periods stream (migration 0022)
  certification_reminders_sent: CertificationRemindersSentTable
  scoring_correction_runs: ScoringCorrectionRunsTable
  rescoring_changes: RescoringChangesTable
  // issue 12, integrity stream: irregularity cases (migration 0018)
  irregularity_cases: IrregularityCasesTable
  irregularity_case_results: IrregularityCaseResultsTable
  irregularity_case_incidents: IrregularityCaseIncidentsTable
  irregularity_case_events: IrregularityCaseEventsTable
  // Issue 12, voucher ledger stream.
  voucher_batches: VoucherBatchesTable
  invoice_lines: InvoiceLinesTable
  invoice_events: InvoiceEventsTable
  // issue 12, time zones
  session_reminders: SessionRemindersTable
  // issue 13: learning records (migration 0023)
  learning_statements: LearningStatementsTable
  // issue 13, lab-records stream (migration 0025)
  lrs_endpoints: LrsEndpointsTable
  lrs_deliveries: LrsDeliveriesTable
  // issue 13, practice stream (migration 0024)
  practice_sets: PracticeSetsTable
  practice_tests: PracticeTestsTable
  practice_test_responses: PracticeTestResponsesTable
  practice_answers: PracticeAnswersTable
  skill_masteries: SkillMasteriesTable
  study_plans: StudyPlansTable
  // issue 13, training stream: trainers, courses, enrolment, attendance (migration 0026)
  trainer_certifications: TrainerCertificationsTable
  course_offerings: CourseOfferingsTable
  course_meetings: CourseMeetingsTable
  training_enrolments: TrainingEnrolmentsTable
  course_attendance: CourseAttendanceTable
  // issue 14: organisations (migration 0027)
  organisations: OrganisationsTable
  organisation_members: OrganisationMembersTable
  organisation_invitations: OrganisationInvitationsTable
  // issue 14: advanced standing (migration 0028)
  articulation_agreements: ArticulationAgreementsTable
  advanced_standing_requests: AdvancedStandingRequestsTable
  advanced_standing_totals: AdvancedStandingTotalsTable
  // issue 15, item 4: item statistics and demographics (migration 0030)
  psychometric_snapshots: PsychometricSnapshotsTable
  item_statistics: ItemStatisticsTable
  candidate_demographics: CandidateDemographicsTable
  consents: ConsentsTable
  // issue 15, item 4: modified-Angoff standard setting
  standard_setting_studies: StandardSettingStudiesTable
  standard_setting_panelists: StandardSettingPanelistsTable
  standard_setting_ratings: StandardSettingRatingsTable
  standard_setting_rounds: StandardSettingRoundsTable
  // issue 16, item 1: issuer signing keys under the key-encryption key (migration 0034)
  issuer_keys: IssuerKeysTable
  // issue 16, stateless stream: shared rate-limit counters (migration 0036)
  rate_limit_counters: RateLimitCountersTable
  // issue 15: IRT calibration and form comparability (migration 0033)
  irt_calibrations: IrtCalibrationsTable
  irt_item_parameters: IrtItemParametersTable
  irt_form_comparability: IrtFormComparabilityTable
}

/** One issuer signing key; the secret sealed under the KEK named by kek_id (crypto/envelope.ts). */
export interface IssuerKeysTable {
  id: string
  public_key_multibase: string
  secret_ciphertext: string
  secret_iv: string
  secret_tag: string
  kek_id: string
  created_at: string
  /** Null for the one current key (a unique index keeps it one); retired keys stay published. */
  retired_at: string | null
}

// ---- issue 14: organisations (migration 0027)
export type OrganisationKind = 'employer' | 'college'
export type OrganisationRole = 'owner' | 'member'

export interface OrganisationsTable {
  id: string
  kind: OrganisationKind
  name: string
  website: string | null
  city: string | null
  state: string | null
  created_at: string
  created_by: string | null
}

export interface OrganisationMembersTable {
  organisation_id: string
  user_id: string
  role: OrganisationRole
  joined_at: string
}

/** A candidate's consent to share their results with an organisation; withdrawn, it stays as the record. */
export interface ConsentsTable {
  id: string
  candidate_id: string
  organisation_id: string
  scope: 'results'
  granted_at: string
  withdrawn_at: string | null
}

export interface OrganisationInvitationsTable {
  id: string
  organisation_id: string
  /** Normalized (lower case): the account that accepts must sign in with it. */
  email: string
  role: OrganisationRole
  token_hash: string
  invited_by: string | null
  created_at: string
  expires_at: string
  accepted_at: string | null
  accepted_by: string | null
  withdrawn_at: string | null
}

// ---- issue 13, training stream (migration 0026)
export interface TrainerCertificationsTable {
  user_id: string
  training_completed_on: string
  agreement_signed_on: string
  coi_declared_on: string
  certified_until: string
  status: 'certified' | 'suspended'
  updated_at: string
  updated_by: string | null
}

export type CourseStatus = 'scheduled' | 'cancelled' | 'completed'

export interface CourseOfferingsTable {
  id: string
  title: string
  module: string
  /** JSON array of skill codes. */
  skills: string
  trainer_id: string
  center_id: string | null
  /** An onsite course at this employer (private: its employees come sponsored). */
  employer_id: string | null
  /** Onsite: the company's name and address (one line); null at a center (the center's stand). */
  place_name: string | null
  address: string | null
  city: string
  state: string
  time_zone: string
  seats: number
  seats_taken: Generated<number>
  fee_cents: number | null
  currency: string
  status: CourseStatus
  cancel_reason: string | null
  first_starts_at: string
  last_ends_at: string
  created_at: string
  created_by: string | null
  updated_at: string
}

export interface CourseMeetingsTable {
  id: string
  offering_id: string
  starts_at: string
  ends_at: string
}

/** `invited`: a sponsored seat waiting for its employee to accept it (paid by the sponsor already). */
export type EnrolmentStatus = 'invited' | 'pending_payment' | 'confirmed' | 'cancelled'

export interface TrainingEnrolmentsTable {
  id: string
  subject: string
  offering_id: string | null
  module: string
  learner_id: string | null
  invitee_email: string | null
  invitation_token_hash: string | null
  sponsor_id: string | null
  status: EnrolmentStatus
  holds_seat: number
  fee_cents: number
  payment_method: 'none' | 'voucher' | 'invoice' | null
  voucher_id: string | null
  paid_at: string | null
  completion: 'completed' | 'not_completed' | null
  completion_note: string | null
  completion_at: string | null
  completion_by: string | null
  accepted_at: string | null
  cancelled_at: string | null
  created_at: string
  created_by: string | null
  updated_at: string
  /** issue 14 (migration 0027): the organisation that sponsored the seat, through its member `sponsor_id`. */
  organisation_id: string | null
}

export interface CourseAttendanceTable {
  meeting_id: string
  enrolment_id: string
  present: number
  recorded_at: string
  recorded_by: string | null
}

// --- issue 12, integrity stream: irregularity cases (migration 0018) ---
export interface IrregularityCasesTable {
  id: string
  candidate_id: string
  status: 'open' | 'held' | 'released' | 'voided'
  version: number
  opened_by: string
  opened_at: string
  note: string
  held_by: string | null
  held_at: string | null
  hold_reason: string | null
  decided_by: string | null
  decided_at: string | null
  decision_reason: string | null
  /** When the candidate was last told of a decision they may appeal (a hold or a void). */
  noticed_at: string | null
  appeal_statement: string | null
  appealed_at: string | null
  appeal_status: 'pending' | 'upheld' | 'denied' | null
  appeal_decided_by: string | null
  appeal_decided_at: string | null
  appeal_reason: string | null
  updated_at: string
}

export interface IrregularityCaseResultsTable {
  case_id: string
  attempt_id: string
  module: string
  session_id: string
}

export interface IrregularityCaseIncidentsTable {
  case_id: string
  incident_id: string
}

export interface IrregularityCaseEventsTable {
  id: string
  case_id: string
  kind: string
  actor_id: string | null
  reason: string | null
  /** JSON object, or null. */
  details: string | null
  at: string
  /** Order within the case (events of one action share their time). */
  seq: number
}
// --- end integrity stream ---

export type UserRow = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>

// --- issue 13: learning records (migration 0023) ---
/** One xAPI 1.0.3 statement: the whole statement as JSON, and the columns screens filter on. */
export interface LearningStatementsTable {
  id: string
  user_id: string
  /** The verb's short name (experienced, answered, completed, passed, failed, mastered, registered, attended). */
  verb: string
  /** What the object is: lesson, practice_item, practice_set, practice_test, learning_lab, course. */
  object_kind: string
  /** The object's activity IRI. */
  object_id: string
  skill: string | null
  module: string | null
  statement: string
  timestamp: string
  stored_at: string
}

// --- issue 13, lab-records stream: external learning record stores (migration 0025) ---
/** An external LRS staff configured: the whole program's, a center's or an employer's. */
export interface LrsEndpointsTable {
  id: string
  name: string
  owner_kind: 'program' | 'center' | 'employer'
  /** The center's id or the employer's account id; null for the program. */
  owner_id: string | null
  /** The LRS's base address, ending in a slash (statements go to `<url>statements`). */
  url: string
  auth_key: string
  /** Never returned by any API nor logged; sealed under the key-encryption key (envelope sealText) unless auth_secret_kek_id is null. */
  auth_secret: string
  /** The KEK that sealed auth_secret; null for a row written before migration 0034, sealed at the next start. */
  auth_secret_kek_id: string | null
  active: number
  created_by: string
  created_at: string
  updated_at: string
  last_test_at: string | null
  last_test_ok: number | null
  last_test_detail: string | null
}

/** One statement to send to one endpoint. */
export interface LrsDeliveriesTable {
  id: string
  statement_id: string
  endpoint_id: string
  status: 'pending' | 'sent' | 'failed'
  attempts: number
  next_attempt_at: string
  locked_until: string | null
  last_error: string | null
  last_attempt_at: string | null
  sent_at: string | null
  created_at: string
}

// --- issue 13, practice stream (migration 0024) ---
/** A practice set: a few practice items of one skill, drawn for one learner. */
export interface PracticeSetsTable {
  id: string
  user_id: string
  module: string
  skill: string
  /** Draws the set's option order and opaque identifiers; never leaves the server. */
  seed: number
  /** JSON FormItem[] (item id, version, skill), in the order shown. */
  items: string
  created_at: string
  completed_at: string | null
}

export interface PracticeTestsTable {
  id: string
  user_id: string
  module: string
  seed: number
  /** JSON FormItem[]: the items drawn by the module's blueprint from the practice pool. */
  form: string
  timed: number
  status: 'in_progress' | 'submitted'
  started_at: string
  /** Timed tests only: answers after it are refused and the test is submitted as of it. */
  deadline_at: string | null
  submitted_at: string | null
  submitted_by: 'learner' | 'deadline' | null
  /** JSON: the diagnostic (common/rules/module-result.ts ModuleResult) once submitted. */
  result: string | null
  updated_at: string
}

export interface PracticeTestResponsesTable {
  test_id: string
  item_id: string
  /** JSON, in authored identifiers. */
  response: string
  saved_at: string
}

/** One practice answer (the mastery rule reads each learner's latest per skill). */
export interface PracticeAnswersTable {
  id: string
  user_id: string
  item_id: string
  item_version: number
  module: string
  skill: string
  source_kind: 'set' | 'test'
  source_id: string
  /** JSON, in authored identifiers. */
  response: string
  score_micro: number
  correct: number
  answered_at: string
  /** Order among answers stored at the same moment (a practice test's, in form order). */
  seq: number
}

/** The first time a learner mastered a skill. */
export interface SkillMasteriesTable {
  user_id: string
  skill: string
  module: string
  mastered_at: string
}

export interface StudyPlansTable {
  id: string
  user_id: string
  module: string
  source_kind: 'result' | 'practice_test'
  source_id: string
  /** JSON array of skill codes below standard, in the result's order. */
  skills: string
  created_at: string
  completed_at: string | null
  invited_at: string | null
}

// ---- issue 14: advanced standing (migration 0028)
export interface ArticulationAgreementsTable {
  id: string
  institution_id: string
  credential: string
  program_name: string
  program_code: string | null
  /** JSON array of { code, title, credits }. */
  courses: string
  credits: number
  earned_within_years: number | null
  conditions: string | null
  /** YYYY-MM-DD */
  effective_from: string
  effective_to: string | null
  created_at: string
  created_by: string | null
  updated_at: string
}

export type AdvancedStandingStatus = 'pending' | 'granted' | 'declined' | 'withdrawn'

export interface AdvancedStandingRequestsTable {
  id: string
  agreement_id: string
  institution_id: string
  holder_id: string
  certificate_number: string
  credential_type: string
  credits_requested: number
  status: AdvancedStandingStatus
  credits_granted: number | null
  /** JSON array of strings. */
  course_equivalents: string | null
  decline_reason: string | null
  signature_verified: number
  registry_status: string
  verified_at: string
  created_at: string
  decided_at: string | null
  decided_by: string | null
}

export interface AdvancedStandingTotalsTable {
  holder_id: string
  institution_id: string
  committed: number
}

// issue 15, item 4: modified-Angoff standard setting
export interface StandardSettingStudiesTable {
  id: string
  module: string
  title: string
  meeting_date: string
  training_note: string
  item_source: 'pool' | 'form'
  /** JSON array of {itemId, version}. */
  items: string
  status: 'draft' | 'round1_open' | 'round1_closed' | 'round2_open' | 'round2_closed' | 'completed'
  decision_note: string | null
  decided_at: string | null
  decided_by: string | null
  created_at: string
  created_by: string
  updated_at: string
}

export interface StandardSettingPanelistsTable {
  study_id: string
  user_id: string
  added_at: string
  added_by: string
}

export interface StandardSettingRatingsTable {
  study_id: string
  round: number
  panelist_id: string
  item_id: string
  rating: number
  saved_at: string
}

export interface StandardSettingRoundsTable {
  study_id: string
  round: number
  opened_at: string
  closed_at: string | null
  cut_percent: number | null
  sd: number | null
  se: number | null
  panelists: number | null
}
// ---- issue 15, item 4: item statistics (migration 0030)
/** One computed period: a module's figures, or a credential's conjunctive decision (scope = its code). */
export interface PsychometricSnapshotsTable {
  scope: string
  year: number
  job_id: string
  started_by: string
  computed_at: string
  candidates: number
  /** JSON: the module's reliability, decision consistency, flag and DIF counts (psychometrics schemas). */
  summary: string
}

export interface ItemStatisticsTable {
  module: string
  year: number
  item_id: string
  version: number
  computed_at: string
  exposure: number
  p: number
  /** JSON array of ItemReviewFlag. */
  flags: string
  /** JSON: correlations, alpha-if-deleted, distractors, DIF by question. */
  detail: string
}

/** Voluntary, self-reported answers, given with consent; only ever read in aggregate. */
export interface CandidateDemographicsTable {
  user_id: string
  /** JSON: question code → answer code ("prefer_not" included). */
  answers: string
  consented_at: string
  updated_at: string
}

// ---- issue 16, stateless stream: shared rate-limit counters (migration 0036)
/** Requests counted for one (route, client) in the window that ends at window_ends_ms. */
export interface RateLimitCountersTable {
  key: string
  hits: number
  window_ends_ms: number
}

// ---- issue 15: IRT calibration and form comparability (migration 0033)
export interface IrtCalibrationsTable {
  module: string
  year: number
  job_id: string
  computed_at: string
  status: 'calibrated' | 'not_calibrated'
  model: string
  examinees: number
  discrimination: number | null
  theta_cut: number | null
  cut_percent: number
  /** JSON: log-likelihood, convergence, excluded items, the comparability summary, caveats. */
  detail: string
}

export interface IrtItemParametersTable {
  module: string
  year: number
  item_id: string
  version: number
  presented: number
  p: number
  slope: number | null
  difficulty: number | null
  se_difficulty: number | null
  /** Why the item version was left out of the calibration, else null. */
  excluded: string | null
}

export interface IrtFormComparabilityTable {
  module: string
  year: number
  form_key: string
  items: number
  candidates: number
  expected_points: number
  expected_percent: number
  beyond_tolerance: number
  bounded_items: number
  /** JSON array of "itemId@version", sorted. */
  item_versions: string
}
