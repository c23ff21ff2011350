// The test clock's arithmetic. The server is the authority: it sends remainingMs (frozen while
// paused) with every attempt. remainingMs is already "deadline minus the server's now" (serverTime),
// so anchoring it at the local moment the response arrived applies the server/client offset without
// ever trusting that the computer's wall clock agrees with the server's.

export interface ClockAnchor {
  remainingMs: number;
  /** Local Date.now() when the server's answer arrived. */
  receivedAt: number;
  running: boolean;
}

export function remainingAt(anchor: ClockAnchor, now: number): number {
  if (!anchor.running) return Math.max(0, anchor.remainingMs);
  return Math.max(0, anchor.remainingMs - (now - anchor.receivedAt));
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "41:07", or "1:05:00" from an hour up. Rounded up, so 0:00 means the time really is up. */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** For screen readers: "1 hour 5 minutes", "12 minutes 30 seconds", "45 seconds". */
export function spokenDuration(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return m > 0 ? `${unit(h, "hour")} ${unit(m, "minute")}` : unit(h, "hour");
  if (m > 0) return s > 0 && m < 10 ? `${unit(m, "minute")} ${unit(s, "second")}` : unit(m, "minute");
  return unit(s, "second");
}

/** The minutes-left marks at which the clock speaks up (once each, politely). */
export const WARNING_MINUTES = [10, 5, 1] as const;

/** The warning mark passed between two readings of the clock, if any (the smallest one passed). */
export function warningCrossed(previousMs: number, currentMs: number): number | null {
  let crossed: number | null = null;
  for (const minutes of WARNING_MINUTES) {
    const mark = minutes * 60_000;
    if (previousMs > mark && currentMs <= mark && currentMs > 0) crossed = minutes;
  }
  return crossed;
}

export function warningMessage(minutes: number): string {
  return minutes === 1 ? "1 minute left." : `${minutes} minutes left.`;
}
