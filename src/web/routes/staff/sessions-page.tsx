// Staff's sessions across every center: filters, then a list or a month calendar of the same
// sessions (the view, the month and the filters live in the address), and scheduling a new one.
import { useQuery } from "@tanstack/react-query";
import { DateTime } from "luxon";
import { Link, useSearchParams } from "react-router";
import { api } from "../../api/client";
import { Page } from "../../components/page";
import { ScheduleSessionForm } from "../../features/centers-admin/schedule-session-form";
import { schedulingKeys } from "../../features/registration/scheduling-api";
import { SessionFiltersForm } from "../../features/session-operations/session-filters";
import { NO_FILTERS, type SessionFilters } from "../../features/session-operations/session-queries";
import { SessionsCalendar } from "../../features/session-operations/sessions-calendar";
import { SessionsList } from "../../features/session-operations/sessions-list";
import type { CenterList } from "../../../common/schemas/centers";
import { DEFAULT_TIME_ZONE } from "../../../common/time-zones";
import "../../styles/session-operations.css";

const FILTER_KEYS = Object.keys(NO_FILTERS) as (keyof SessionFilters)[];

export function StaffSessionsPage() {
  const [search, setSearch] = useSearchParams();
  const view = search.get("view") === "calendar" ? "calendar" : "list";
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, search.get(k) ?? ""])) as unknown as SessionFilters;
  const parsedMonth = DateTime.fromFormat(search.get("month") ?? "", "yyyy-LL", { zone: DEFAULT_TIME_ZONE });
  const month = (parsedMonth.isValid ? parsedMonth : DateTime.now().setZone(DEFAULT_TIME_ZONE)).startOf("month");
  const centers = useQuery({
    queryKey: schedulingKeys.adminCenters,
    queryFn: ({ signal }) => api.get<CenterList>("/api/v1/admin/centers", undefined, signal),
  });

  function update(change: Record<string, string>) {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(change)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSearch(next, { replace: false });
  }
  const viewLink = (v: "list" | "calendar") => {
    const next = new URLSearchParams(search);
    next.set("view", v);
    return `?${next.toString()}`;
  };

  return (
    <Page title="Sessions" wide lead="Every session at every center, with its seats, proctors and status. Times are each center's own.">
      <nav aria-label="Session views" className="view-switch">
        <Link to={viewLink("list")} aria-current={view === "list" ? "page" : undefined} className="view-switch__link">
          List
        </Link>
        <Link to={viewLink("calendar")} aria-current={view === "calendar" ? "page" : undefined} className="view-switch__link">
          Calendar
        </Link>
      </nav>
      <SessionFiltersForm key={search.toString()} value={filters} onChange={(f) => update({ ...f })} showDates={view === "list"} />
      {view === "list" ? (
        <SessionsList filters={filters} />
      ) : (
        <SessionsCalendar filters={{ ...filters, from: "", to: "" }} month={month} onMonth={(m) => update({ month: m.toFormat("yyyy-LL") })} />
      )}
      <details className="section schedule-details">
        <summary>Schedule a session</summary>
        {centers.data ? <ScheduleSessionForm centers={centers.data.items.filter((c) => c.kind === "center")} /> : null}
      </details>
    </Page>
  );
}
