// The attempt as scribe mode reads it (GET /attempts/{id}, docs/DELIVERY.md "The attempt") and the save call.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { CandidateResponse } from "../../api/types";
import type { AttemptView, SavedResponseView, SaveResponseBody } from "../../../common/schemas/delivery";

/** Re-read now and then for the status and the clock; the page keeps its own copy of the responses. */
const SCRIBE_POLL_MS = 10_000;

export const scribeKeys = { attempt: (id: string) => ["scribe-attempt", id] as const };

export function useScribeAttempt(attemptId: string) {
  return useQuery({
    queryKey: scribeKeys.attempt(attemptId),
    queryFn: ({ signal }) => api.get<AttemptView>(`/api/v1/attempts/${encodeURIComponent(attemptId)}`, undefined, signal),
    enabled: !!attemptId,
    refetchInterval: SCRIBE_POLL_MS,
    // The responses on screen are the scribe's; a refetch on focus would only add noise.
    refetchOnWindowFocus: false,
  });
}

export function saveResponse(attemptId: string, itemId: string, response: CandidateResponse, seq: number) {
  return api.put<SavedResponseView>(`/api/v1/attempts/${encodeURIComponent(attemptId)}/responses/${encodeURIComponent(itemId)}`, { response, seq } satisfies SaveResponseBody);
}
