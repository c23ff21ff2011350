// The API v1 shapes the web app reads. Each is the static type of the schema the server's route
// declares (src/common/schemas/<module>.ts), re-exported here under the names the web code uses.
import type { Static } from "typebox";
import type { ItemPresentation, PresentationNode } from "../../common/items/presentation";
import { ROLES, type Role } from "../../common/roles";
import type { ErrorBody, PageOf } from "../../common/schemas/common";

export type { Role };
export const ALL_ROLES: readonly Role[] = ROLES;

export type { UserView as User, SessionView as AuthResponse, ApiTokenView as ApiToken, CreatedApiTokenView as CreatedApiToken } from "../../common/schemas/accounts";
export { TOKEN_SCOPES, type TokenScope } from "../../common/schemas/accounts";

/** A page of a list: the static type of `PageOf(item)` for items of type T. */
export type Page<T> = Omit<Static<ReturnType<typeof PageOf>>, "items"> & { items: T[] };

export type ApiErrorBody = Static<typeof ErrorBody>;

export type {
  ProgramSkillView as Skill,
  ProgramModuleView as ProgramModule,
  ProgramCredentialView as ProgramCredential,
  ProgramPoliciesView as ProgramPolicies,
  ProgramView as Program,
} from "../../common/schemas/program";

export type { CenterView as Center } from "../../common/schemas/centers";

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

export type {
  HandbookFormat,
  HandbookRequestBody as HandbookRequestInput,
  HandbookRequestView as HandbookRequest,
} from "../../common/schemas/handbook";

export type { OutboxMessageView as OutboxMessage } from "../../common/schemas/notifications";

export type { AuditEntryView as AuditEntry } from "../../common/schemas/audit";

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
