// Pure rules of scribe mode: the order of saves, what the save indicator says, and what a refused
// save means for the proctor.

/**
 * The seq of the next save: the clock in ms (so it keeps growing across reloads and computers),
 * but always above the last one sent, since the server ignores a save whose seq is not newer.
 */
export function nextSeq(lastSeq: number, now: number): number {
  return Math.max(now, lastSeq + 1);
}

export interface SaveState {
  /** Changes waiting for the typing pause before they are sent. */
  pending: number;
  inFlight: number;
  error: string | null;
  lastSavedAt: number | null;
}

export type SaveTone = "idle" | "saving" | "saved" | "error";

export function saveStatus(state: SaveState): { tone: SaveTone; text: string } {
  if (state.error) return { tone: "error", text: `Not saved: ${state.error}` };
  if (state.inFlight > 0 || state.pending > 0) return { tone: "saving", text: "Saving…" };
  if (state.lastSavedAt !== null) return { tone: "saved", text: "All entries saved" };
  return { tone: "idle", text: "No entries yet in this visit" };
}

/** The error codes after which saving again cannot help until something changes on the server. */
export const FINAL_SAVE_ERRORS = new Set(["ATTEMPT_CLOSED"]);

/** Extra words for a refused save, beside the server's own message. */
export function saveErrorAdvice(code: string): string | null {
  switch (code) {
    case "ATTEMPT_PAUSED":
      return "Resume the test from the console, then choose Try again.";
    case "ATTEMPT_CLOSED":
      return "The test has ended; no more entries can be saved.";
    case "NETWORK_ERROR":
      return "Your entries are kept on this page; choose Try again when the connection is back.";
    default:
      return null;
  }
}

/** The highest seq among the responses already saved, so this visit's saves come after them. */
export function lastSavedSeq(responses: Record<string, { seq: number }>): number {
  return Object.values(responses).reduce((max, r) => Math.max(max, r.seq ?? 0), 0);
}
