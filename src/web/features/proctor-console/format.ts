// Pure wording and arithmetic for the console: clocks, relative times and human labels.
import type { AttemptStatus, Connection, IncidentCategory, PauseReason } from "../../../common/schemas/delivery";

/** Milliseconds as a clock, "mm:ss" (minutes may exceed 59: "95:00"); never negative. */
export function formatClock(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

/**
 * The time left now. The server's remainingMs was true when the console was fetched; a running clock
 * loses the time elapsed since (measured on this computer, so the two clocks' offset does not matter).
 */
export function liveRemainingMs(attempt: { status: AttemptStatus; remainingMs: number }, fetchedAt: number, now: number): number {
  if (attempt.status !== "in_progress") return Math.max(0, attempt.remainingMs);
  return Math.max(0, attempt.remainingMs - Math.max(0, now - fetchedAt));
}

/** "just now", "40 s ago", "3 min ago", "2 h ago"; "—" when there is no time. */
export function relativeTime(iso: string | null | undefined, now: number): string {
  if (!iso) return "—";
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return "—";
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 5) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ago`;
}

export const PAUSE_REASON_LABELS: Record<PauseReason, string> = {
  no_proctor_present: "no proctor present",
  proctor: "by the proctor",
  break: "break",
};

export function attemptStatusLabel(status: AttemptStatus, pauseReason: PauseReason | null): string {
  switch (status) {
    case "in_progress":
      return "Running";
    case "paused":
      return pauseReason ? `Paused: ${PAUSE_REASON_LABELS[pauseReason] ?? pauseReason.replace(/_/g, " ")}` : "Paused";
    case "submitted":
      return "Submitted";
    case "scored":
      return "Scored";
    case "voided":
      return "Voided";
    default:
      return String(status).replace(/_/g, " ");
  }
}

/** The badge class for an attempt's status: amber for what needs the proctor's eye. */
export function attemptStatusTone(status: AttemptStatus): string {
  if (status === "in_progress") return "badge badge--success";
  if (status === "paused") return "badge badge--warning";
  if (status === "voided") return "badge badge--danger";
  return "badge badge--muted";
}

export const CONNECTION_LABELS: Record<Connection, string> = { online: "Online", idle: "Idle", offline: "Offline" };

export const INCIDENT_CATEGORY_LABELS: Record<IncidentCategory, string> = {
  proctor_absent: "Proctor absent",
  technical: "Technical problem",
  identity: "Identity concern",
  misconduct: "Suspected misconduct",
  disruption: "Disruption in the room",
  health: "Health or medical",
  other: "Other",
};

export function incidentCategoryLabel(category: string): string {
  return INCIDENT_CATEGORY_LABELS[category as IncidentCategory] ?? category.replace(/_/g, " ");
}

/** The attempt is still open: it can be paused, resumed, extended or voided, and blocks closing. */
export function isOpenAttempt(status: AttemptStatus): boolean {
  return status === "in_progress" || status === "paused";
}

/**
 * The server refuses < and > in what people type (reasons, narratives): say so beside the field
 * instead of letting the request fail.
 */
export function markupError(text: string): string | undefined {
  return /[<>]/.test(text) ? "Remove the < and > characters: the record does not accept them." : undefined;
}
