// The proctor console's calls (docs/DELIVERY.md, "Proctor") and the live console query.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type {
  AttemptStateView,
  ChangedCountView,
  CheckinBody,
  CheckinView,
  ClosedSessionView,
  ConsoleView,
  ExtraTimeBody,
  IncidentBody,
  IncidentView,
  ReadmittedAttemptView,
  ReasonBody,
  VoidedAttemptView,
} from "../../../common/schemas/delivery";

/** The roster refreshes this often while the console is open. */
export const CONSOLE_POLL_MS = 5_000;

export const consoleKeys = {
  console: (sessionId: string) => ["proctor-console", sessionId] as const,
};

const session = (id: string) => `/api/v1/sessions/${encodeURIComponent(id)}`;
const attempt = (id: string) => `/api/v1/attempts/${encodeURIComponent(id)}`;

export function useConsole(sessionId: string, options: { poll?: boolean; enabled?: boolean } = {}) {
  const { poll = true, enabled = true } = options;
  return useQuery({
    queryKey: consoleKeys.console(sessionId),
    queryFn: ({ signal }) => api.get<ConsoleView>(`${session(sessionId)}/console`, undefined, signal),
    enabled: enabled && !!sessionId,
    refetchInterval: poll ? CONSOLE_POLL_MS : false,
    // A failed poll is shown beside the last good roster; the next poll is the retry.
    retry: false,
  });
}

export const consoleCalls = {
  checkIn: (sessionId: string, registrationId: string) =>
    api.post<CheckinView>(`${session(sessionId)}/checkins`, { registrationId, idVerified: true } satisfies CheckinBody),
  pause: (attemptId: string, reason: string) => api.post<AttemptStateView>(`${attempt(attemptId)}/pause`, { reason } satisfies ReasonBody),
  resume: (attemptId: string) => api.post<AttemptStateView>(`${attempt(attemptId)}/resume`),
  addTime: (attemptId: string, minutes: number, reason: string) =>
    api.post<AttemptStateView>(`${attempt(attemptId)}/extra-time`, { minutes, reason } satisfies ExtraTimeBody),
  void: (attemptId: string, reason: string) => api.post<VoidedAttemptView>(`${attempt(attemptId)}/void`, { reason } satisfies ReasonBody),
  readmit: (attemptId: string) => api.post<ReadmittedAttemptView>(`${attempt(attemptId)}/readmit`),
  pauseAll: (sessionId: string, reason: string) => api.post<ChangedCountView>(`${session(sessionId)}/pause-all`, { reason } satisfies ReasonBody),
  resumeAll: (sessionId: string) => api.post<ChangedCountView>(`${session(sessionId)}/resume-all`),
  reportIncident: (sessionId: string, incident: IncidentBody) => api.post<IncidentView>(`${session(sessionId)}/incidents`, incident),
  close: (sessionId: string) => api.post<ClosedSessionView>(`${session(sessionId)}/close`),
};

export const reportPdfUrl = (sessionId: string) => `${session(sessionId)}/report.pdf`;

/**
 * A console action: on success the roster is fetched again at once (not at the next poll), so the
 * proctor sees the effect of what they just did.
 */
export function useConsoleAction<TInput, TResult>(sessionId: string, call: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => queryClient.invalidateQueries({ queryKey: consoleKeys.console(sessionId) }),
  });
}
