// Staff's list of sessions across centers: one row per session, in start order, a page at a time.
import { Link } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { StatusBadge } from "../registration/status-badge";
import type { StaffSessionView } from "../../../common/schemas/session-operations";
import { useStaffSessions, type SessionFilters } from "./session-queries";
import { shortSpan } from "./session-time";

const columns: Column<StaffSessionView>[] = [
  {
    id: "when",
    header: "When (center time)",
    rowHeader: true,
    className: "nowrap",
    sortValue: (s) => s.startsAt,
    cell: (s) => <Link to={`/staff/sessions/${encodeURIComponent(s.id)}`}>{shortSpan(s)}</Link>,
  },
  {
    id: "center",
    header: "Center",
    sortValue: (s) => s.centerName,
    cell: (s) => (
      <>
        {s.centerName}
        <br />
        <span className="card__meta">
          {s.city}, {s.state}
          {s.privateEvent ? " · private event" : ""}
        </span>
      </>
    ),
  },
  { id: "modules", header: "Modules", cell: (s) => s.modules.join(", ") },
  { id: "seats", header: "Seats taken", className: "numeric", sortValue: (s) => s.seatsTaken, cell: (s) => `${s.seatsTaken} of ${s.seats}` },
  { id: "proctors", header: "Proctors", cell: (s) => (s.proctors.length ? s.proctors.map((p) => p.name).join(", ") : "None") },
  { id: "status", header: "Status", sortValue: (s) => s.status, cell: (s) => <StatusBadge status={s.status} /> },
];

export function SessionsList({ filters }: { filters: SessionFilters }) {
  const { query, items } = useStaffSessions(filters);
  return (
    <DataTable
      caption="Sessions across every center, by start"
      columns={columns}
      rows={items}
      rowKey={(s) => s.id}
      empty={<p>No sessions match these filters.</p>}
      status={query}
      more={query}
      loadingLabel="Loading sessions…"
    />
  );
}
