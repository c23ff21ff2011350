// How a certification period reads in a table: the end date and, in words, how long is left or how
// long ago it ended (never colour alone: the words carry the meaning, the badge repeats them).
import { formatDate } from "../../lib/format";

/** The reminders go out 60 and 30 days ahead: within 60 days a period is "ending soon". */
const SOON_DAYS = 60;

export function daysLeftText(daysLeft: number | null): string {
  if (daysLeft === null) return "No end date";
  if (daysLeft < 0) return `Ended ${-daysLeft} day${daysLeft === -1 ? "" : "s"} ago`;
  if (daysLeft === 0) return "Ends today";
  return `${daysLeft} day${daysLeft === 1 ? "" : "s"} left`;
}

export function PeriodBadge({ status, current, daysLeft }: { status: string; current: boolean; daysLeft: number | null }) {
  if (status === "none") return <span className="badge badge--muted">No certification yet</span>;
  if (status === "suspended") return <span className="badge badge--expired">Suspended</span>;
  if (status === "applied") return <span className="badge badge--muted">Applied</span>;
  if (!current) return <span className="badge badge--expired">Expired</span>;
  if (daysLeft !== null && daysLeft <= SOON_DAYS) return <span className="badge badge--warning">Ending soon</span>;
  return <span className="badge badge--success">Certified</span>;
}

export function ExpiryCell({ certifiedUntil, daysLeft }: { certifiedUntil: string | null; daysLeft: number | null }) {
  if (!certifiedUntil) return <>—</>;
  return (
    <>
      {formatDate(certifiedUntil)}
      <br />
      <span className="card__meta">{daysLeftText(daysLeft)}</span>
    </>
  );
}

/** Whole days from now until an ISO moment (the centers list carries only the date). */
export function daysFromNow(iso: string | null): number | null {
  if (!iso) return null;
  return Math.floor((Date.parse(iso) - Date.now()) / 86_400_000);
}
