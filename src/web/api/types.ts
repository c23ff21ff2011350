// Shapes of the API v1 responses the web app reads (see docs/API-FOUNDATION.md and ../shared/API.md).

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
  retakeWaitDays: number;
  certificateExpiryMonths: number | null;
  recommendedNcrcLevel: string;
  advancedStandingCreditsMax: number;
}

export interface Program {
  code: string;
  name: string;
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

export interface ApiToken {
  id: string;
  name: string;
  userId: string;
  userEmail: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiToken {
  id: string;
  name: string;
  token: string;
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
