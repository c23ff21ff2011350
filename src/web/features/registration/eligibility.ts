// The candidate's module rules as the registration page explains them: which modules they may book
// at a session (GET /api/v1/me/eligibility) and why not, in words, with the date a retake opens.
import { useQuery } from "@tanstack/react-query";
import { api, ApiError } from "../../api/client";
import { formatDateTime } from "../../lib/format";
import type { EligibilityView } from "../../../common/schemas/scheduling";

export const eligibilityKeys = {
  all: ["me", "eligibility"] as const,
  session: (sessionId: string | null) => ["me", "eligibility", sessionId ?? "now"] as const,
};

/** Eligibility for a session's modules, or (without a session) for every module at a session starting now. */
export function useEligibility(sessionId: string | null, enabled = true) {
  return useQuery({
    queryKey: eligibilityKeys.session(sessionId),
    queryFn: ({ signal }) => api.get<EligibilityView>("/api/v1/me/eligibility", sessionId ? { sessionId } : undefined, signal),
    enabled,
  });
}

const REASONS: readonly string[] = ["MODULE_ALREADY_BOOKED", "MODULE_ALREADY_PASSED", "RETAKE_TOO_SOON"];

/** Why a module cannot be booked, said to the candidate (next to its disabled checkbox). */
export function reasonText(item: { reason: string | null; nextEligibleAt: string | null }): string {
  if (item.reason === "MODULE_ALREADY_PASSED") return "You have passed this module already.";
  if (item.reason === "MODULE_ALREADY_BOOKED") return "You are already booked for this module (see your registrations). You can book it again once that sitting is over, or after you cancel it.";
  if (item.reason === "RETAKE_TOO_SOON") {
    // The end of a waiting period belongs to the candidate, not to a place: the reader's own zone.
    return item.nextEligibleAt
      ? `Not yet: the waiting period before a retake runs until ${formatDateTime(item.nextEligibleAt)}. Choose a session that starts then or later.`
      : "Not yet: the waiting period before a retake has not passed.";
  }
  return "You cannot book this module now.";
}

/** Module code → why it cannot be booked, for the modules that cannot. */
export function unavailableModules(eligibility: EligibilityView | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of eligibility?.items ?? []) if (!item.eligible) out[item.module] = reasonText(item);
  return out;
}

/** A readable message for a registration the server refused under these rules; null for any other error. */
export function refusalMessage(error: unknown, nameOf: (code: string) => string): string | null {
  if (!(error instanceof ApiError) || !REASONS.includes(error.code)) return null;
  const details = (error.details ?? {}) as { module?: string; nextEligibleAt?: string | null };
  const module = details.module ? `${nameOf(details.module)} (${details.module})` : "this module";
  return `You cannot book ${module} at this session. ${reasonText({ reason: error.code, nextEligibleAt: details.nextEligibleAt ?? null })}`;
}
