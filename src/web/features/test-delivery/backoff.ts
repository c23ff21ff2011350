// Retry delays for saves that failed for a reason that may pass (offline, a 5xx, a timeout).
// Exponential from 0.5 s up to 8 s, with "equal jitter" (half fixed, half random) so that a room of
// candidates whose Wi-Fi came back at the same moment do not all retry in lock step.

export const FIRST_RETRY_MS = 500;
export const MAX_RETRY_MS = 8_000;

/** The delay before retry number `failures` (1 for the first retry). */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base / 2 + random() * (base / 2));
}
