// Shapes of the API v1 responses the web app reads (the OpenAPI document at /api/openapi.json and ../shared/API.md are the reference).
import type { ItemPresentation, PresentationNode } from "../../common/items/presentation";

export type Role =
  | "candidate"
  | "proctor"
  | "center_admin"
  | "program_staff"
  | "employer"
  | "college_partner";

export const ALL_ROLES: readonly Role[] = [
  "candidate",
  "proctor",
  "center_admin",
  "program_staff",
  "employer",
  "college_partner",
];

export interface User {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  status: "active" | "disabled";
  createdAt: string;
}

export interface AuthResponse {
  user: User;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export interface Skill {
  code: string;
  name: string;
  description: string;
}

export interface ProgramModule {
  code: string;
  name: string;
  description: string;
  passPercent: number;
  timeLimitMinutes: number;
  itemCount: number;
  skills: Skill[];
}

export interface ProgramCredential {
  code: string;
  name: string;
  description: string;
  requiresModules: string[];
}

export interface ProgramPolicies {
  registrationLeadHours: number;
  /** Waits after the 1st, 2nd, … attempt of a module that did not pass (the last applies after), and a cap per 12 months. */
  retake: { waitDaysAfterAttempt: number[]; maxAttemptsPer12Months: number | null };
  certificateExpiryMonths: number | null;
  recommendedNcrcLevel: string;
  advancedStandingCreditsMax: number;
}

export interface Program {
  code: string;
  name: string;
  /** The body that runs the program and issues its credentials. */
  owner: string;
  description: string;
  modules: ProgramModule[];
  credentials: ProgramCredential[];
  policies: ProgramPolicies;
  fees: { module: string; amountCents: number; currency: string }[];
  contact: { phone: string; email?: string };
}

export interface Center {
  id: string;
  name: string;
  kind: "center" | "onsite";
  addressLine1: string;
  addressLine2?: string | null;
  city: string;
  state: string;
  postalCode: string;
  phone: string | null;
  email: string | null;
  status?: string;
  certifiedUntil: string | null;
}

export interface TestSession {
  id: string;
  centerId: string;
  centerName: string;
  city: string;
  state: string;
  startsAt: string;
  endsAt: string;
  seatsAvailable: number;
  modules: string[];
  status: string;
}

export type HandbookFormat = "pdf" | "print";

export interface HandbookRequestInput {
  name: string;
  email: string;
  organization?: string;
  mailingAddress?: string;
  format: HandbookFormat;
  message?: string;
}

export interface HandbookRequest {
  id: string;
  name: string;
  email: string;
  organization: string | null;
  mailingAddress: string | null;
  format: HandbookFormat;
  message: string | null;
  status: "open" | "fulfilled";
  createdAt: string;
  fulfilledAt: string | null;
  fulfilledBy: string | null;
  fulfilledByName: string | null;
  fulfilmentNote: string | null;
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  transport: "outbox" | "smtp";
  status: string;
  createdAt: string;
}

/** What an API token may be used for (server: accounts/token-scopes.ts). */
export const TOKEN_SCOPES = ["registry:verify", "registrations", "results", "admin"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface ApiToken {
  id: string;
  name: string;
  userId: string;
  userEmail: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  scopes: TokenScope[];
  expiresAt: string | null;
}

export interface CreatedApiToken {
  id: string;
  name: string;
  token: string;
  scopes: TokenScope[];
  expiresAt: string;
}

export interface AuditEntry {
  id: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  reason: string | null;
  details: unknown;
  createdAt: string;
}

// ---------- Item bank (staff) and the candidate item presentation ----------

export type {
  ChoiceOption,
  ElementNode,
  FigureRef,
  GapNode,
  Interaction,
  InteractionNode,
} from "../../common/items/presentation";

export type { ItemPresentation, PresentationNode };

/** A candidate's answers to one item, by response identifier, in the shapes the scorer reads. */
export type CandidateResponse = Record<string, unknown>;

export type ItemStatus = "draft" | "in_review" | "active" | "retired";
export type ItemPool = "operational" | "practice";

export interface ItemSummary {
  id: string;
  identifier: string;
  title: string;
  module: string | null;
  skill: string | null;
  pool: ItemPool;
  type: string;
  status: ItemStatus;
  scoringMode: string;
  version: number;
  activeVersion: number | null;
  pendingReview: boolean;
  origin: string;
  exposureCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ItemVersion {
  version: number;
  createdAt: string;
  createdBy: string | null;
  note: string | null;
}

export interface ItemDetail extends ItemSummary {
  correctResponse: CandidateResponse | null;
  maxScore: number;
  presentation: ItemPresentation;
  rationale: PresentationNode[];
  assets: Record<string, string>;
  warnings: string[];
  qtiXml: string;
  versions: ItemVersion[];
}

export interface ItemPreview {
  identifier: string;
  title: string;
  type: string;
  scoringMode: string;
  presentation: ItemPresentation;
  rationale: PresentationNode[];
  warnings: string[];
  correctResponse: CandidateResponse | null;
  maxScore: number;
}

export interface ImportReportLine {
  path: string;
  identifier: string | null;
  outcome: string;
  reason?: string;
  type?: string;
  manualScoring?: boolean;
  warnings?: string[];
}

export interface ImportReport {
  lines: ImportReportLine[];
  notes: string[];
  summary: { imported: number; updated: number; unchanged: number; failed: number };
}

export interface FigureUpload {
  sha256: string;
  contentType: string;
  size: number;
}

export interface CandidateItem {
  id: string;
  type: string;
  presentation: ItemPresentation;
}

export interface FormPreview {
  seed: number;
  form: { itemId: string; version: number; skill: string }[];
  items: CandidateItem[];
}
