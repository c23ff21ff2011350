import { Page } from "../components/page";
import { Loading, QueryError } from "../components/query-status";
import { CenterCard } from "../features/centers/center-card";
import { useCenters, useUpcomingSessions } from "../features/centers/center-queries";
import type { PublicSessionView } from "../../common/schemas/scheduling";
import { Link } from "react-router";

function groupByCenter(sessions: PublicSessionView[]): Map<string, PublicSessionView[]> {
  const groups = new Map<string, PublicSessionView[]>();
  const sorted = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  for (const session of sorted) {
    const list = groups.get(session.centerId) ?? [];
    list.push(session);
    groups.set(session.centerId, list);
  }
  return groups;
}

export function CentersPage() {
  const centers = useCenters();
  const sessions = useUpcomingSessions();

  let body;
  if (centers.isPending || sessions.isPending) {
    body = <Loading label="Loading centers and sessions…" />;
  } else if (centers.isError) {
    body = <QueryError error={centers.error} onRetry={() => void centers.refetch()} />;
  } else if (sessions.isError) {
    body = <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  } else if (centers.data.items.length === 0) {
    body = <p>No certified centers are listed yet. Call 804-643-7489 ext 131 for help finding a place to test.</p>;
  } else {
    const byCenter = groupByCenter(sessions.data.items);
    body = (
      <div className="stack">
        {centers.data.items.map((center) => (
          <CenterCard key={center.id} center={center} sessions={byCenter.get(center.id) ?? []} />
        ))}
      </div>
    );
  }

  return (
    <Page
      title="Assessment centers"
      lead="Take the MT1 assessment at any MSI Certified Assessment Center, or onsite at a company, as long as a certified proctor is present for the entire testing period. Times are shown in each center's own time zone."
    >
      <p>
        Registration closes 48 hours before a session starts. For more about Certified Assessment Centers, call{" "}
        <a href="tel:+18046437489,131">804-643-7489 ext 131</a>.
      </p>
      <p>
        <Link to="/sessions" className="button">
          Find a session and register
        </Link>
      </p>
      {body}
    </Page>
  );
}
