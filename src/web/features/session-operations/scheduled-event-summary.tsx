// On the employer's page, an approved request's scheduled event in a line: when and where (the
// event's local time), how full, and the link to its page with the roster upload and registrants.
import { Link } from "react-router";
import { useEmployerEvent } from "./session-queries";
import { longSpan } from "./session-time";

export function ScheduledEventSummary({ sessionId, companyName }: { sessionId: string; companyName: string }) {
  const event = useEmployerEvent(sessionId);
  return (
    <div className="scheduled-event">
      {event.data ? (
        <p>
          <strong>Scheduled:</strong> {longSpan(event.data)} at {event.data.centerName}, {event.data.address}.{" "}
          {event.data.status === "cancelled" ? <>Cancelled: {event.data.cancelReason}.</> : <>{event.data.seatsTaken} of {event.data.seats} seats taken.</>}
        </p>
      ) : event.isError ? (
        <p>The scheduled event could not be loaded.</p>
      ) : null}
      <p>
        <Link to={`/employer/events/${encodeURIComponent(sessionId)}`}>
          Your scheduled event: roster and registrations<span className="visually-hidden"> for {companyName}</span>
        </Link>
      </p>
    </div>
  );
}
