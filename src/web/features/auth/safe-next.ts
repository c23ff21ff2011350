// Only follow a ?next= that stays on this site, so a crafted link cannot send a user elsewhere after login.
export function safeNext(next: string | null, fallback = "/dashboard"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
