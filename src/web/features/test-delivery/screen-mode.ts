// Which screen the test shows, from what the server last said and what the save queue ran into.
// The queue may learn of a pause (409 ATTEMPT_PAUSED) before the next GET of the attempt does; such
// a local signal counts until a newer server answer replaces it. Pure and unit-tested.
import type { BlockKind } from "./save-failures";

export type ScreenMode = "loading" | "load_error" | "device" | "signed_out" | "paused" | "finishing" | "finished" | "running";

export interface ScreenInputs {
  status: string | null;
  /** When the attempt data last arrived (0 when never). */
  dataUpdatedAt: number;
  loadErrorCode: string | null;
  errorUpdatedAt: number;
  blocked: { kind: BlockKind; at: number } | null;
  /** The local clock reached zero. */
  timeUp: boolean;
  /** This screen submitted the attempt and holds the result. */
  submittedHere: boolean;
}

const FINAL = new Set(["submitted", "scored", "voided"]);

export function screenMode(i: ScreenInputs): ScreenMode {
  if (i.submittedHere || (i.status && FINAL.has(i.status))) return "finished";
  const deviceError = i.loadErrorCode === "DEVICE_NOT_ADMITTED" && i.errorUpdatedAt >= i.dataUpdatedAt;
  // A queue signal is news only while no newer server answer has arrived.
  const signal = i.blocked && i.blocked.at > i.dataUpdatedAt ? i.blocked.kind : null;
  if (deviceError || signal === "device") return "device";
  if (!i.status) return i.loadErrorCode ? "load_error" : "loading";
  if (signal === "closed" || (i.timeUp && i.status === "in_progress")) return "finishing";
  if (i.status === "paused" || signal === "paused") return "paused";
  if (i.blocked?.kind === "signed_out") return "signed_out";
  return "running";
}

/** The queue was stopped by a pause or a device change, and a newer answer says the test runs again. */
export function queueMayResume(i: ScreenInputs): boolean {
  if (!i.blocked || i.blocked.kind === "closed" || i.blocked.kind === "signed_out") return false;
  const deviceError = i.loadErrorCode === "DEVICE_NOT_ADMITTED" && i.errorUpdatedAt >= i.dataUpdatedAt;
  return !deviceError && i.dataUpdatedAt > i.blocked.at && i.status === "in_progress";
}

/** How often to ask the server for the attempt, in ms (false: stop). */
export function pollMs(status: string | null, errorCode: string | null, timeUp: boolean): number | false {
  if (errorCode === "DEVICE_NOT_ADMITTED") return 5_000;
  if (!status) return errorCode ? 5_000 : false;
  if (status === "paused") return 5_000;
  if (status === "in_progress") return timeUp ? 2_000 : 20_000; // 20 s: notices a proctor's pause or added time
  if (status === "submitted") return 3_000; // waiting for the score
  return false;
}
