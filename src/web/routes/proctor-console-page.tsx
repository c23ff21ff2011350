// The proctor's live console for one session: presence heartbeat, live roster, actions, incidents.
import { Link, useParams } from "react-router";
import { Page } from "../components/page";
import { Loading, QueryError } from "../components/query-status";
import { useConsole } from "../features/proctor-console/console-api";
import { ConsoleView } from "../features/proctor-console/console-view";
import { PresencePanel } from "../features/proctor-console/presence-panel";
import { useNow } from "../features/proctor-console/use-now";
import { formatZonedRange } from "../../common/time-zones";
import "../styles/proctor-console.css";

export function ProctorConsolePage() {
  const { id = "" } = useParams();
  const query = useConsole(id);
  const now = useNow(1000);
  const view = query.data;
  const lead = view ? `${view.session.centerName}, ${formatZonedRange(view.session.startsAt, view.session.endsAt, view.session.timeZone)}.` : undefined;

  return (
    <Page title="Proctor console" lead={lead} wide>
      <div className="console-page">
        {/* The heartbeat starts with the page, before the roster loads: presence is what keeps tests running. */}
        <PresencePanel sessionId={id} closed={!!view?.session.closedAt} />
        {view ? (
          <ConsoleView query={query} view={view} now={now} />
        ) : query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Loading label="Loading the session…" />
        )}
        <p>
          <Link to="/dashboard">Back to your dashboard</Link>
        </p>
      </div>
    </Page>
  );
}
