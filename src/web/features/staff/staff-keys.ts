// Query keys for the program-staff screens, so a mutation can invalidate exactly what it changed.
export const staffKeys = {
  handbookRequests: ["admin", "handbook-requests"] as const,
  users: ["admin", "users"] as const,
  outbox: ["admin", "outbox"] as const,
  apiTokens: ["admin", "api-tokens"] as const,
  audit: ["admin", "audit"] as const,
};
