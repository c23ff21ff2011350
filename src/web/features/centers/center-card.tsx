import type { CenterView as Center } from "../../../common/schemas/centers";
import type { PublicSessionView } from "../../../common/schemas/scheduling";
import { formatDate } from "../../lib/format";
import { formatZonedDate, formatZonedHours } from "../../../common/time-zones";
import { timeZoneLabel } from "../../../common/us-time-zones";

const STATUS_LABELS: Record<string, string> = {
  in_progress: "In progress now",
  cancelled: "Cancelled",
  closed: "Closed",
  completed: "Completed",
};

function SessionItem({ session }: { session: PublicSessionView }) {
  const full = session.seatsAvailable <= 0;
  const statusLabel = STATUS_LABELS[session.status];
  return (
    <li className="session">
      <p className="session__when">
        <strong>{formatZonedDate(session.startsAt, session.timeZone)}</strong>
        <br />
        {formatZonedHours(session.startsAt, session.endsAt, session.timeZone)}
      </p>
      <p className="session__what">
        Modules: {session.modules.join(", ")}
        <br />
        {statusLabel ? (
          <span className="badge badge--muted">{statusLabel}</span>
        ) : full ? (
          <span className="badge badge--warning">Full</span>
        ) : (
          <span className="badge badge--success">
            {session.seatsAvailable} {session.seatsAvailable === 1 ? "seat" : "seats"} available
          </span>
        )}
      </p>
    </li>
  );
}

export function CenterCard({ center, sessions }: { center: Center; sessions: PublicSessionView[] }) {
  const headingId = `center-${center.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{center.name}</h2>
      <p className="card__meta">
        {center.kind === "onsite" ? "Onsite company testing" : "MSI Certified Assessment Center"}
        {center.certifiedUntil ? <> · certified until {formatDate(center.certifiedUntil)}</> : null}
        {" "}· times in {timeZoneLabel(center.timeZone)}
      </p>
      <address className="center__address">
        {center.addressLine1}
        <br />
        {center.addressLine2 ? (
          <>
            {center.addressLine2}
            <br />
          </>
        ) : null}
        {center.city}, {center.state} {center.postalCode}
        {center.phone ? (
          <>
            <br />
            Phone: <a href={`tel:${center.phone.replace(/[^\d+]/g, "")}`}>{center.phone}</a>
          </>
        ) : null}
        {center.email ? (
          <>
            <br />
            Email: <a href={`mailto:${center.email}`}>{center.email}</a>
          </>
        ) : null}
      </address>
      <h3>Upcoming sessions</h3>
      {sessions.length === 0 ? (
        <p>No sessions are scheduled at the moment. Call the center to ask about future dates.</p>
      ) : (
        <ul className="sessions">
          {sessions.map((session) => (
            <SessionItem key={session.id} session={session} />
          ))}
        </ul>
      )}
    </section>
  );
}
