// Queries and the start action for the candidate's test day (the sitting page).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { ApiError } from "../../api/client";
import { deliveryApi, deliveryKeys } from "./delivery-api";

/** Polls every 5 s until the candidate is checked in and a proctor is present. */
export function useSitting(registrationId: string) {
  return useQuery({
    queryKey: deliveryKeys.sitting(registrationId),
    queryFn: ({ signal }) => deliveryApi.sitting(registrationId, signal),
    // Coming back from a module must show it submitted at once, not after the next poll.
    staleTime: 0,
    refetchInterval: (query) => {
      const s = query.state.data;
      return !s || !s.checkedIn || !s.proctorPresent ? 5_000 : 30_000;
    },
    refetchIntervalInBackground: true,
  });
}

/** Results of finished modules (the sitting lists only each attempt's id and status). */
export function useMyAttempts(enabled: boolean) {
  return useQuery({
    queryKey: deliveryKeys.myAttempts,
    queryFn: ({ signal }) => deliveryApi.myAttempts(signal),
    staleTime: 0,
    enabled,
  });
}

/** Start a module, or resume it when it was started already (409 ATTEMPT_EXISTS), then open the test. */
export function useStartModule(registrationId: string) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (module: string) => {
      try {
        const attempt = await deliveryApi.start(registrationId, module);
        queryClient.setQueryData(deliveryKeys.attempt(attempt.id), attempt);
        return attempt.id;
      } catch (error) {
        const details = error instanceof ApiError && error.code === "ATTEMPT_EXISTS" ? (error.details as { attemptId?: unknown } | undefined) : undefined;
        if (typeof details?.attemptId === "string") return details.attemptId;
        throw error;
      }
    },
    onSuccess: (attemptId) => navigate(`/test/${encodeURIComponent(attemptId)}`),
    onError: () => void queryClient.invalidateQueries({ queryKey: deliveryKeys.sitting(registrationId) }),
  });
}

export function startErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "NOT_CHECKED_IN") return "You are not checked in yet. Your proctor checks your photo ID and admits you; then you can start.";
    if (error.code === "NO_PROCTOR_PRESENT") return "No proctor is present right now. You can start when your proctor is in the room.";
    return error.message;
  }
  return error instanceof Error ? error.message : "The module could not be started.";
}
