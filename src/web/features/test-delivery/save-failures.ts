// What a failed save means for the queue. Pure: it reads only the error's code and status, the
// shape of ApiError in api/client.ts, so it can be unit-tested without a browser.

export type BlockKind = "paused" | "device" | "closed" | "signed_out";

/** retry: try again later (offline, 5xx). drop: this save can never succeed. block: stop sending. */
export type SaveVerdict = { action: "retry" } | { action: "drop" } | { action: "block"; kind: BlockKind; reason: string | null };

interface ErrorLike {
  code?: unknown;
  status?: unknown;
  details?: unknown;
}

function pauseReason(details: unknown): string | null {
  if (details && typeof details === "object" && "reason" in details) {
    const reason = (details as { reason: unknown }).reason;
    return typeof reason === "string" ? reason : null;
  }
  return null;
}

export function classifySaveError(error: unknown): SaveVerdict {
  const e = (error && typeof error === "object" ? error : {}) as ErrorLike;
  const code = typeof e.code === "string" ? e.code : "";
  const status = typeof e.status === "number" ? e.status : 0;
  if (code === "ATTEMPT_PAUSED") return { action: "block", kind: "paused", reason: pauseReason(e.details) };
  if (code === "DEVICE_NOT_ADMITTED") return { action: "block", kind: "device", reason: null };
  if (code === "ATTEMPT_CLOSED") return { action: "block", kind: "closed", reason: null };
  // Signed out (the login session expired): keep the answers on this computer until sign-in.
  if (status === 401) return { action: "block", kind: "signed_out", reason: null };
  // The database is down or restarting (503 DATABASE_UNAVAILABLE): like being offline, the answer
  // is kept and sent again later; never dropped, never shown as an error.
  if (code === "DATABASE_UNAVAILABLE") return { action: "retry" };
  if (code === "NETWORK_ERROR" || status === 0 || status === 408 || status === 429 || status >= 500) return { action: "retry" };
  // Anything else (400, 404, 413, a CSRF 403) would fail the same way every time.
  return { action: "drop" };
}
