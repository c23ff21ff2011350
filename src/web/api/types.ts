// The API v1 shapes the web app reads. Each is the static type of the schema the server's route
// declares (src/common/schemas/<module>.ts), re-exported here under the names the web code uses.
import type { Static } from "typebox";
import { ROLES, type Role } from "../../common/roles";
import type { ErrorBody, PageOf } from "../../common/schemas/common";
import type { ImportReportView } from "../../common/schemas/item-bank";

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

export type { PublicSessionView as TestSession } from "../../common/schemas/scheduling";

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
  ItemPresentation,
  PresentationNode,
} from "../../common/items/presentation";

/** A candidate's answers to one item, by response identifier, in the shapes the scorer reads. */
export type { CandidateResponse } from "../../common/qti/scoring";

export type {
  ItemStatus,
  ItemPool,
  ItemSummaryView as ItemSummary,
  ItemVersionView as ItemVersion,
  ItemDetailView as ItemDetail,
  ItemPreviewView as ItemPreview,
  ImportReportView as ImportReport,
  FigureUploadView as FigureUpload,
  CandidateItemView as CandidateItem,
  FormPreviewView as FormPreview,
} from "../../common/schemas/item-bank";

/** One line of an item package's import report. */
export type ImportReportLine = ImportReportView["lines"][number];
