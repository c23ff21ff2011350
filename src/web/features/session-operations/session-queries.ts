// Queries of session operations: staff's list across centers (cursor paged, or a whole month for the
// calendar), one session's details for the people who run it, and an employer's event.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { DateTime } from "luxon";
import { DEFAULT_TIME_ZONE } from "../../../common/time-zones";
import { api } from "../../api/client";
import { useCursorList } from "../../lib/use-cursor-list";
import type { EmployerEventView, SessionDetailView, StaffSessionsPage, StaffSessionView } from "../../../common/schemas/session-operations";

export const sessionOpsKeys = {
  all: ["session-operations"] as const,
  list: ["session-operations", "list"] as const,
  month: ["session-operations", "month"] as const,
  detail: (id: string) => ["session-operations", "detail", id] as const,
  event: (id: string) => ["session-operations", "event", id] as const,
};

/** The filters staff narrow sessions by; empty strings mean "any". */
export interface SessionFilters {
  centerId: string;
  state: string;
  status: string;
  module: string;
  from: string;
  to: string;
}

export const NO_FILTERS: SessionFilters = { centerId: "", state: "", status: "", module: "", from: "", to: "" };

/** A filter's day ("2026-12-01") as an instant: its start (or end) in the program's default zone. */
const dayEdge = (day: string, edge: "start" | "end") => {
  const d = DateTime.fromISO(day, { zone: DEFAULT_TIME_ZONE });
  return d.isValid ? (edge === "start" ? d.startOf("day") : d.endOf("day")).toUTC().toISO() ?? undefined : undefined;
};

function params(filters: SessionFilters, range?: { from: string; to: string }) {
  return {
    centerId: filters.centerId || undefined,
    state: filters.state || undefined,
    status: filters.status || undefined,
    module: filters.module || undefined,
    from: range?.from ?? (filters.from ? dayEdge(filters.from, "start") : undefined),
    to: range?.to ?? (filters.to ? dayEdge(filters.to, "end") : undefined),
  };
}

export function useStaffSessions(filters: SessionFilters) {
  return useCursorList<StaffSessionView>(sessionOpsKeys.list, "/api/v1/admin/sessions", params(filters));
}

/** Every session of a month under the filters: the calendar shows them all, so it follows the cursor to the end (a few pages at most). */
export function useMonthSessions(filters: SessionFilters, range: { from: string; to: string }) {
  return useQuery({
    queryKey: [...sessionOpsKeys.month, params(filters, range)],
    queryFn: async ({ signal }) => {
      const items: StaffSessionView[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const result = await api.get<StaffSessionsPage>("/api/v1/admin/sessions", { ...params(filters, range), limit: 200, cursor }, signal);
        items.push(...result.items);
        if (!result.nextCursor) return { items, complete: true };
        cursor = result.nextCursor;
      }
      return { items, complete: false };
    },
    // The grid stays while the next month loads, so keyboard focus inside it is not lost.
    placeholderData: keepPreviousData,
  });
}

export function useSessionDetail(id: string) {
  return useQuery({
    queryKey: sessionOpsKeys.detail(id),
    queryFn: ({ signal }) => api.get<SessionDetailView>(`/api/v1/sessions/${encodeURIComponent(id)}/details`, undefined, signal),
  });
}

export function useEmployerEvent(id: string) {
  return useQuery({
    queryKey: sessionOpsKeys.event(id),
    queryFn: ({ signal }) => api.get<EmployerEventView>(`/api/v1/employer/events/${encodeURIComponent(id)}`, undefined, signal),
  });
}
