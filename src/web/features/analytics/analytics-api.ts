// The program analytics (staff): the report over the filters, and the address of one figure's CSV
// (a plain link: the browser downloads it with the session cookie). Shapes: src/common/schemas/analytics.ts.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AnalyticsFigure, AnalyticsQuery, AnalyticsReport } from "../../../common/schemas/analytics";

/** The filters without the ones left empty, as the query string takes them. */
function queryOf(filters: AnalyticsQuery): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== "")) as Record<string, string>;
}

export function useAnalytics(filters: AnalyticsQuery) {
  return useQuery({
    queryKey: ["analytics", queryOf(filters)],
    queryFn: ({ signal }) => api.get<AnalyticsReport>("/api/v1/admin/analytics", queryOf(filters), signal),
    retry: false,
  });
}

export function analyticsCsvHref(filters: AnalyticsQuery, figure: AnalyticsFigure): string {
  return `/api/v1/admin/analytics/csv?${new URLSearchParams({ ...queryOf(filters), figure })}`;
}
