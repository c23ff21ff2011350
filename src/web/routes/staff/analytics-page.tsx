import { useState } from "react";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { AnalyticsFigures } from "../../features/analytics/analytics-figures";
import { useAnalytics } from "../../features/analytics/analytics-api";
import { AnalyticsFilters, lastTwelveMonths } from "../../features/analytics/analytics-filters";
import "../../styles/analytics.css";

// Program analytics for staff (issue 15, item 4). Loaded lazily (router.tsx): the chart library is
// only fetched by those who open it. A refused filter (a group too small to show) goes back to the
// form's error summary; the figures of the last accepted filters stay hidden until it is fixed.
export default function AnalyticsPage() {
  const [filters, setFilters] = useState(lastTwelveMonths);
  const report = useAnalytics(filters);
  return (
    <Page title="Program analytics" wide
      lead="Attempts and pass rates of scored results (voided results and results held for review left out), by module, skill, center, period and accommodation status; retakes; and the time candidates take to MS and MT1. Each table can be downloaded as CSV.">
      <AnalyticsFilters filters={filters} onChange={setFilters} refusal={report.isError ? report.error : null} />
      {report.isError ? null : (
        <QueryStatus query={report} loadingLabel="Computing the figures…">
          {(data) => <AnalyticsFigures report={data} filters={filters} />}
        </QueryStatus>
      )}
    </Page>
  );
}
