import { Link } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { Page } from "../../components/page";
import type { CertificationPeriodView, FlaggedSessionView } from "../../../common/schemas/centers";
import { formatZonedRange } from "../../../common/time-zones";
import { useCertificationOverview } from "../../features/certifications/certification-api";
import { ExpiryCell, PeriodBadge } from "../../features/certifications/expiry";
import "../../styles/certifications.css";
import "../../styles/scheduling.css";

const KIND_LABELS: Record<CertificationPeriodView["kind"], string> = { center: "Center", proctor: "Proctor", trainer: "Trainer" };
const RENEW_PAGES: Record<CertificationPeriodView["kind"], { to: string; label: string }> = {
  center: { to: "/staff/centers", label: "Centers" }, proctor: { to: "/staff/proctors", label: "Proctors" }, trainer: { to: "/staff/trainers", label: "Trainers" },
};

const periodColumns: Column<CertificationPeriodView>[] = [
  { id: "name", header: "Name", rowHeader: true, sortValue: (p) => p.name, cell: (p) => p.name },
  { id: "kind", header: "Kind", sortValue: (p) => p.kind, cell: (p) => KIND_LABELS[p.kind] },
  { id: "status", header: "Status", cell: (p) => <PeriodBadge status={p.status} current={p.current} daysLeft={p.daysLeft} /> },
  { id: "until", header: "Certified until", className: "nowrap", sortValue: (p) => p.certifiedUntil, cell: (p) => <ExpiryCell certifiedUntil={p.certifiedUntil} daysLeft={p.daysLeft} /> },
  { id: "risk", header: "Sessions not covered", className: "numeric", sortValue: (p) => p.sessionsAtRisk, cell: (p) => p.sessionsAtRisk },
  { id: "courses", header: "Courses not covered", className: "numeric", sortValue: (p) => p.coursesAtRisk, cell: (p) => (p.kind === "trainer" ? p.coursesAtRisk : "—") },
  {
    id: "renew",
    header: "Renew on",
    cell: (p) => <Link to={RENEW_PAGES[p.kind].to}>{RENEW_PAGES[p.kind].label}<span className="visually-hidden"> page, for {p.name}</span></Link>,
  },
];

const flaggedColumns: Column<FlaggedSessionView>[] = [
  // Centers carry no time zone of their own yet: times are the program's home zone until they do.
  { id: "when", header: "Session", rowHeader: true, className: "nowrap", sortValue: (s) => s.startsAt, cell: (s) => formatZonedRange(s.startsAt, s.endsAt, s.timeZone) },
  { id: "center", header: "Center", sortValue: (s) => s.centerName, cell: (s) => s.centerName },
  {
    id: "reasons",
    header: "Why it is flagged",
    cell: (s) => (
      <ul className="plain-list">
        {s.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    ),
  },
];

export function CertificationsPage() {
  const overview = useCertificationOverview();
  return (
    <Page
      title="Certifications"
      lead="When each center's and proctor's certification ends. Reminders go to them and to program staff 60 and 30 days ahead; an expired center takes no new sessions or registrations, and an expired proctor cannot be assigned or count as present."
      wide
    >
      <section aria-labelledby="flagged-heading">
        <h2 id="flagged-heading">Upcoming sessions a certification no longer covers</h2>
        <p>These sessions are not cancelled: renew the certification, assign another proctor, or move or cancel the session.</p>
        <DataTable
          caption="Flagged sessions"
          columns={flaggedColumns}
          rows={overview.data?.flaggedSessions ?? []}
          rowKey={(s) => s.sessionId}
          status={overview}
          empty="Every upcoming session is covered by its center's and its proctors' certifications."
          initialSort={{ id: "when" }}
          pageSize={25}
        />
      </section>
      <section aria-labelledby="periods-heading" className="section">
        <h2 id="periods-heading">Certification periods, soonest end first</h2>
        <DataTable
          caption="Certification periods"
          columns={periodColumns}
          rows={overview.data?.items ?? []}
          rowKey={(p) => `${p.kind}-${p.id}`}
          status={overview}
          empty="No centers or proctors yet."
          initialSort={{ id: "until" }}
          pageSize={50}
        />
      </section>
    </Page>
  );
}
