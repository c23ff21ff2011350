// The attempt as scribe mode reads it (GET /attempts/{id}, docs/DELIVERY.md "The attempt") and the save call.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { CandidateResponse, ItemPresentation } from "../../api/types";
import type { AttemptStatus, PauseReason } from "./types";

export interface ScribeAttempt {
  id: string;
  registrationId: string;
  sessionId: string;
  module: string;
  moduleName?: string;
  status: AttemptStatus;
  deadline: string;
  remainingMs: number;
  pauseReason: PauseReason | null;
  accommodations?: string[];
  items: { id: string; type: string; presentation: ItemPresentation }[];
  responses: Record<string, { response: CandidateResponse; seq: number; savedAt: string }>;
}

export interface SaveAnswer {
  itemId: string;
  seq: number;
  applied: boolean;
  savedAt: string;
}

/** Re-read now and then for the status and the clock; the page keeps its own copy of the responses. */
const SCRIBE_POLL_MS = 10_000;

export const scribeKeys = { attempt: (id: string) => ["scribe-attempt", id] as const };

export function useScribeAttempt(attemptId: string) {
  return useQuery({
    queryKey: scribeKeys.attempt(attemptId),
    queryFn: ({ signal }) => api.get<ScribeAttempt>(`/api/v1/attempts/${encodeURIComponent(attemptId)}`, undefined, signal),
    enabled: !!attemptId,
    refetchInterval: SCRIBE_POLL_MS,
    // The responses on screen are the scribe's; a refetch on focus would only add noise.
    refetchOnWindowFocus: false,
  });
}

export function saveResponse(attemptId: string, itemId: string, response: CandidateResponse, seq: number) {
  return api.put<SaveAnswer>(`/api/v1/attempts/${encodeURIComponent(attemptId)}/responses/${encodeURIComponent(itemId)}`, { response, seq });
}
