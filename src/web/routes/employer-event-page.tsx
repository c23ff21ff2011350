// An employer's scheduled onsite event: when and where (the center's time), how full, who has
// registered, and the roster upload that fills it.
import { Link, useParams } from "react-router";
import { NotAllowed } from "../components/not-allowed";
import { Page } from "../components/page";
import { QueryStatus } from "../components/query-status";
import { hasRole, useMe } from "../features/auth/auth-queries";
import { CohortUpload } from "../features/centers-admin/cohort-upload";
import { StatusBadge } from "../features/registration/status-badge";
import { EventRegistrants } from "../features/session-operations/event-registrants";
import { useEmployerEvent } from "../features/session-operations/session-queries";
import { longSpan } from "../features/session-operations/session-time";
import "../styles/scheduling.css";
import "../styles/session-operations.css";

export function EmployerEventPage() {
  const { id = "" } = useParams();
  const me = useMe();
  const event = useEmployerEvent(id);
  if (!hasRole(me.data, "employer") && !hasRole(me.data, "program_staff")) return <NotAllowed />;
  return (
    <Page title="Your onsite event" wide lead="Your private testing event: fill it from your roster and see who has registered. Times are the event's local time.">
      <p>
        <Link to="/employer">Back to your employer page</Link>
      </p>
      <QueryStatus query={event} loadingLabel="Loading your event…">
        {(e) => (
          <div className="stack">
            <section aria-labelledby="event-heading" className="card">
              <div className="record__head">
                <h2 id="event-heading">{e.centerName}</h2>
                <StatusBadge status={e.status} />
              </div>
              <dl className="details-list">
                <dt>When</dt>
                <dd>{longSpan(e)}</dd>
                <dt>Where</dt>
                <dd>{e.address}</dd>
                <dt>Modules</dt>
                <dd>{e.modules.join(", ")}</dd>
                <dt>Seats</dt>
                <dd>
                  {e.seatsTaken} of {e.seats} taken
                </dd>
                {e.cancelReason ? (
                  <>
                    <dt>Cancelled because</dt>
                    <dd>{e.cancelReason}</dd>
                  </>
                ) : null}
              </dl>
            </section>
            <section aria-labelledby="registrants-heading">
              <h2 id="registrants-heading">Who has registered</h2>
              <EventRegistrants rows={e.registrants} />
            </section>
            {e.status === "scheduled" ? <CohortUpload sessionId={e.id} /> : null}
          </div>
        )}
      </QueryStatus>
    </Page>
  );
}
