// Who registered for an employer's onsite event: name, email, modules and registration status.
import { DataTable, type Column } from "../../components/data-table";
import { StatusBadge } from "../registration/status-badge";
import type { EventRegistrantView } from "../../../common/schemas/session-operations";

const columns: Column<EventRegistrantView>[] = [
  { id: "name", header: "Candidate", rowHeader: true, sortValue: (r) => r.name, cell: (r) => r.name },
  { id: "email", header: "Email", sortValue: (r) => r.email, cell: (r) => r.email },
  { id: "modules", header: "Modules", cell: (r) => r.modules.join(", ") },
  { id: "status", header: "Registration", sortValue: (r) => r.status, cell: (r) => <StatusBadge status={r.status} /> },
];

export function EventRegistrants({ rows }: { rows: EventRegistrantView[] }) {
  return (
    <DataTable
      caption="Employees registered for this event"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.registrationId}
      empty={<p>No one is registered yet. Upload your roster below, or send an invitation link from your requests.</p>}
      pageSize={25}
      initialSort={{ id: "name" }}
    />
  );
}
