import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api } from "../api/client";
import type { MySessionsPage, MySessionView } from "../../common/schemas/scheduling";
import { DataTable, type Column } from "../components/data-table";
import { NotAllowed } from "../components/not-allowed";
import { Page } from "../components/page";
import { QueryStatus } from "../components/query-status";
import { hasRole, useMe } from "../features/auth/auth-queries";
import { ScheduleSessionForm } from "../features/centers-admin/schedule-session-form";
import { schedulingKeys, useMyCenters } from "../features/registration/scheduling-api";
import { StatusBadge } from "../features/registration/status-badge";
import { formatDate } from "../lib/format";
import { shortSpan } from "../features/session-operations/session-time";
import { timeZoneLabel } from "../../common/us-time-zones";
import "../styles/scheduling.css";

const sessionColumns = (canManage: boolean): Column<MySessionView>[] => [
  {
    id: "when",
    header: "When",
    rowHeader: true,
    className: "nowrap",
    sortValue: (s) => s.startsAt,
    // At the center's clock, with its zone's abbreviation.
    cell: (s) => shortSpan(s),
  },
  {
    id: "center",
    header: "Center",
    sortValue: (s) => s.centerName,
    cell: (s) => (
      <>
        {s.centerName}
        {s.privateEvent ? <span className="card__meta"> · private onsite event</span> : null}
      </>
    ),
  },
  { id: "modules", header: "Modules", cell: (s) => s.modules.join(", ") },
  { id: "seats", header: "Seats available", className: "numeric", sortValue: (s) => s.seatsAvailable, cell: (s) => `${s.seatsAvailable} of ${s.seats}` },
  {
    id: "status",
    header: "Status",
    sortValue: (s) => s.status,
    cell: (s) => (
      <>
        <StatusBadge status={s.status} />
        {s.cancelReason ? <span className="card__meta"> {s.cancelReason}</span> : null}
      </>
    ),
  },
  {
    id: "actions",
    header: "Actions",
    className: "actions",
    cell: (s) => (
      <>
        <Link to={`/sessions/${encodeURIComponent(s.id)}/roster`}>
          Roster<span className="visually-hidden"> of {formatDate(s.startsAt)} at {s.centerName}</span>
        </Link>
        {canManage ? (
          <Link to={`/center/sessions/${encodeURIComponent(s.id)}`}>
            Manage<span className="visually-hidden"> the session of {formatDate(s.startsAt)} at {s.centerName}</span>
          </Link>
        ) : null}
      </>
    ),
  },
];

// Sessions I proctor, or at the centers I administer; administrators edit or cancel them from each session's page.
function MySessions({ canManage }: { canManage: boolean }) {
  const query = useQuery({
    queryKey: schedulingKeys.mySessions,
    queryFn: ({ signal }) => api.get<MySessionsPage>("/api/v1/me/sessions", undefined, signal),
  });
  return (
    <section aria-labelledby="sessions-heading" className="section">
      <h2 id="sessions-heading">Your sessions</h2>
      <DataTable
        caption="Your sessions by start, with their rosters"
        columns={sessionColumns(canManage)}
        rows={query.data?.items ?? []}
        rowKey={(s) => s.id}
        empty={<p>You have no sessions.</p>}
        status={query}
        initialSort={{ id: "when" }}
        pageSize={25}
        loadingLabel="Loading your sessions…"
      />
    </section>
  );
}

function MyCenters() {
  const centers = useMyCenters();
  return (
    <QueryStatus query={centers} loadingLabel="Loading your centers…">
      {(data) => (
        <>
          <section aria-labelledby="centers-heading">
            <h2 id="centers-heading">Your centers</h2>
            {data.items.length === 0 ? (
              <p>You do not administer a center yet.</p>
            ) : (
              <ul className="records">
                {data.items.map((center) => (
                  <li key={center.id} className="card">
                    <div className="record__head">
                      <h3>{center.name}</h3>
                      <StatusBadge status={center.status ?? "applied"} />
                    </div>
                    <p className="card__meta">
                      {center.addressLine1}, {center.city}, {center.state} {center.postalCode}
                      {center.certifiedUntil ? <> · certified until {formatDate(center.certifiedUntil)}</> : null}
                      {" "}· times in {timeZoneLabel(center.timeZone)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <ScheduleSessionForm centers={data.items} />
        </>
      )}
    </QueryStatus>
  );
}

export function CenterPage() {
  const me = useMe();
  const isAdmin = hasRole(me.data, "center_admin");
  if (!isAdmin && !hasRole(me.data, "proctor")) return <NotAllowed />;
  return (
    <Page
      title={isAdmin ? "Your assessment center" : "Your proctoring sessions"}
      lead="Sessions, seats, proctors and rosters. Times are shown in each center's own time zone."
      wide
    >
      <div className="stack">
        {isAdmin ? <MyCenters /> : null}
        <MySessions canManage={isAdmin} />
      </div>
    </Page>
  );
}
