import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { api } from "../api/client";
import { NotAllowed } from "../components/not-allowed";
import { Page } from "../components/page";
import { QueryStatus } from "../components/query-status";
import { DataTable, type Column } from "../components/data-table";
import { AdjustmentTags } from "../features/accommodations/adjustment-tags";
import { hasRole, useMe } from "../features/auth/auth-queries";
import { CohortUpload } from "../features/centers-admin/cohort-upload";
import type { RosterView } from "../../common/schemas/scheduling";
import { schedulingKeys } from "../features/registration/scheduling-api";
import { StatusBadge } from "../features/registration/status-badge";
import { formatZonedRange } from "../../common/time-zones";
import "../styles/scheduling.css";

type RosterEntry = RosterView["items"][number];

const COLUMNS: Column<RosterEntry>[] = [
  {
    id: "candidate",
    header: "Candidate",
    rowHeader: true,
    sortValue: (e) => e.name.toLowerCase(),
    cell: (e) => (
      <>
        {e.name}
        <br />
        <span className="card__meta">{e.email}</span>
      </>
    ),
  },
  { id: "modules", header: "Modules", cell: (e) => e.modules.join(", "), sortValue: (e) => e.modules.join(" ") },
  { id: "status", header: "Registration", cell: (e) => <StatusBadge status={e.status} />, sortValue: (e) => e.status },
  {
    id: "accommodations",
    header: "Accommodations",
    sortValue: (e) => e.accommodations.length,
    cell: (e) =>
      e.accommodations.length === 0 ? (
        <span className="card__meta">None</span>
      ) : (
        <AdjustmentTags adjustments={e.accommodations} />
      ),
  },
];

function RosterTable({ roster }: { roster: RosterView }) {
  return (
    <DataTable
      caption="Candidates registered for this session"
      columns={COLUMNS}
      rows={roster.items}
      rowKey={(e) => e.registrationId}
      empty="No one is registered yet."
      initialSort={{ id: "candidate" }}
      pageSize={50}
    />
  );
}

export function RosterPage() {
  const { id = "" } = useParams();
  const me = useMe();
  const allowed = ["center_admin", "proctor", "program_staff"].some((r) => hasRole(me.data, r as "proctor"));
  const roster = useQuery({
    queryKey: schedulingKeys.roster(id),
    queryFn: ({ signal }) => api.get<RosterView>(`/api/v1/sessions/${encodeURIComponent(id)}/roster`, undefined, signal),
    enabled: allowed,
  });
  if (!allowed) return <NotAllowed />;
  const when = roster.data ? formatZonedRange(roster.data.session.startsAt, roster.data.session.endsAt, roster.data.session.timeZone) : null;
  return (
    <Page title="Session roster" lead={when ? `Session of ${when}.` : undefined} wide>
      <p className="button-row">
        <a className="button button--secondary" href={`/api/v1/sessions/${encodeURIComponent(id)}/roster?format=csv`} download>
          Download CSV
        </a>
        <a className="button button--secondary" href={`/api/v1/sessions/${encodeURIComponent(id)}/roster?format=pdf`} download>
          Download PDF
        </a>
        <Link to="/center">Back to your sessions</Link>
      </p>
      <QueryStatus query={roster} loadingLabel="Loading the roster…">
        {(data) => (
          <>
            <p>
              <StatusBadge status={data.session.status} /> {data.items.length} registered for {data.session.seats} seats.
            </p>
            <RosterTable roster={data} />
          </>
        )}
      </QueryStatus>
      {hasRole(me.data, "center_admin") ? <CohortUpload sessionId={id} /> : null}
    </Page>
  );
}
