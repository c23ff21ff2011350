import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { api } from "../api/client";
import { NotAllowed } from "../components/not-allowed";
import { Page } from "../components/page";
import { QueryStatus } from "../components/query-status";
import { TableRegion } from "../components/table-region";
import { adjustmentLabel } from "../features/accommodations/labels";
import { hasRole, useMe } from "../features/auth/auth-queries";
import { CohortUpload } from "../features/centers-admin/cohort-upload";
import type { RosterView } from "../../common/schemas/scheduling";
import { schedulingKeys } from "../features/registration/scheduling-api";
import { StatusBadge } from "../features/registration/status-badge";
import { formatZonedRange } from "../../common/time-zones";
import "../styles/scheduling.css";

function RosterTable({ roster }: { roster: RosterView }) {
  if (roster.items.length === 0) return <p>No one is registered yet.</p>;
  return (
    <TableRegion label="Roster">
      <table className="table roster">
        <caption className="visually-hidden">Candidates registered for this session</caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Modules</th>
            <th scope="col">Registration</th>
            <th scope="col">Accommodations</th>
          </tr>
        </thead>
        <tbody>
          {roster.items.map((entry) => (
            <tr key={entry.registrationId}>
              <th scope="row">
                {entry.name}
                <br />
                <span className="card__meta">{entry.email}</span>
              </th>
              <td>{entry.modules.join(", ")}</td>
              <td>
                <StatusBadge status={entry.status} />
              </td>
              <td>
                {entry.accommodations.length === 0 ? (
                  <span className="card__meta">None</span>
                ) : (
                  <ul className="tag-list">
                    {entry.accommodations.map((a) => (
                      <li key={a} className="badge badge--accommodation">
                        {adjustmentLabel(a)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
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
