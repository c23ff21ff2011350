// The proctor's presence as the console knows it, from its own heartbeats. The server counts the
// proctor present for a window after each heartbeat; once that window passes without one, running
// attempts pause with "no proctor present".

export const HEARTBEAT_MS = 15_000;
/** After a failed heartbeat, try again sooner: one lost request must not let the window lapse. */
export const RETRY_MS = 5_000;
export const DEFAULT_PRESENCE_WINDOW_MS = 60_000;

export interface PresenceState {
  /** When (this computer's clock) the server last accepted a heartbeat. */
  lastOkAt: number | null;
  /** The last heartbeat failed with this message. */
  error: string | null;
}

export type PresenceLevel = "starting" | "live" | "failing" | "lapsed";

export function presenceLevel(state: PresenceState, now: number, windowMs = DEFAULT_PRESENCE_WINDOW_MS): PresenceLevel {
  if (!state.error) return state.lastOkAt === null ? "starting" : "live";
  if (state.lastOkAt !== null && now - state.lastOkAt < windowMs) return "failing";
  return "lapsed";
}

/** Milliseconds until the server stops counting the proctor present (0 once lapsed or never confirmed). */
export function presenceLeftMs(state: PresenceState, now: number, windowMs = DEFAULT_PRESENCE_WINDOW_MS): number {
  return state.lastOkAt === null ? 0 : Math.max(0, state.lastOkAt + windowMs - now);
}
