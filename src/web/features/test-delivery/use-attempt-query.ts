// The attempt from the server, polled as the situation needs (see pollMs): every 5 s while paused
// or waiting to be re-admitted, every 2 s once the clock ran out, every 20 s while running.
import { useQuery } from "@tanstack/react-query";
import { ApiError } from "../../api/client";
import { deliveryApi, deliveryKeys } from "./delivery-api";
import { pollMs } from "./screen-mode";

const transient = (error: unknown) => !(error instanceof ApiError) || error.status === 0 || error.status >= 500;

export function errorCodeOf(error: unknown): string | null {
  return error instanceof ApiError ? error.code : error ? "UNKNOWN" : null;
}

export function useAttemptQuery(attemptId: string, timeUp: boolean) {
  return useQuery({
    queryKey: deliveryKeys.attempt(attemptId),
    queryFn: ({ signal }) => deliveryApi.get(attemptId, signal),
    // Polling decides freshness here; a refetch on mount or focus would only add load.
    staleTime: Infinity,
    retry: (failures, error) => transient(error) && failures < 2,
    refetchInterval: (query) => pollMs(query.state.data?.status ?? null, errorCodeOf(query.state.error), timeUp),
    // A paused candidate may look at nothing else, but the tab can still be in the background.
    refetchIntervalInBackground: true,
  });
}
