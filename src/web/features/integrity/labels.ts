// Words for the integrity screens: statuses, incident categories and timeline events, so no status
// is told by colour alone and every screen says the same thing.
import type { AppealStatus, CaseEvent, CaseStatus, QueueStatus } from "../../../common/schemas/integrity";
import { INCIDENT_CATEGORY_LABELS } from "../proctor-console/format";

export const QUEUE_STATUS_LABELS: Record<QueueStatus, string> = {
  awaiting: "Awaiting review",
  open: "Case open",
  held: "Result held",
  released: "Released",
  voided: "Voided",
};

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: "Open: under review, result not held",
  held: "Result held",
  released: "Released",
  voided: "Voided",
};

export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = {
  pending: "Appeal waiting for a decision",
  upheld: "Appeal upheld",
  denied: "Appeal denied",
};

/** The console's words for an incident's category, so staff read what the proctor chose. */
export const CATEGORY_LABELS = INCIDENT_CATEGORY_LABELS;

export const EVENT_LABELS: Record<CaseEvent["kind"], string> = {
  opened: "Case opened",
  held: "Result held",
  released: "Result released",
  voided: "Result voided",
  notified: "Candidate emailed",
  appealed: "Candidate appealed",
  appeal_upheld: "Appeal upheld",
  appeal_denied: "Appeal denied",
};

/** The badge class of a status: the words carry the meaning, the colour only repeats it. */
export function statusTone(status: QueueStatus): string {
  if (status === "awaiting" || status === "held") return "badge badge--warning";
  if (status === "released") return "badge badge--success";
  return "badge badge--muted";
}
