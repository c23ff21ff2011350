// The audit log's columns, shared by the audit log page and a person's trail: when, who (by name,
// linking to their record), what, to which record (by name), and why.
import { Link } from "react-router";
import type { AuditEntryView } from "../../../common/schemas/audit";
import type { Column } from "../../components/data-table";
import { formatDateTime } from "../../lib/format";

function hasDetails(details: unknown): boolean {
  if (details === null || details === undefined) return false;
  if (typeof details === "object") return Object.keys(details).length > 0;
  return true;
}

export const auditColumns: Column<AuditEntryView>[] = [
  { id: "when", header: "When", className: "nowrap", rowHeader: true, cell: (e) => formatDateTime(e.createdAt) },
  {
    id: "actor",
    header: "Actor",
    cell: (e) =>
      e.actorId ? (
        <>
          <Link to={`/staff/people/${e.actorId}`}>{e.actorName ?? e.actorEmail ?? "Unknown account"}</Link>
          {e.actorEmail ? <span className="audit-record">{e.actorEmail}</span> : null}
        </>
      ) : (
        "The system"
      ),
  },
  { id: "action", header: "Action", className: "nowrap", cell: (e) => <code>{e.action}</code> },
  {
    id: "record",
    header: "Record",
    cell: (e) => (
      <>
        {e.recordPersonId ? <Link to={`/staff/people/${e.recordPersonId}`}>{e.recordLabel ?? e.entityType}</Link> : (e.recordLabel ?? e.entityType.replace(/_/g, " "))}
        <span className="audit-record" title={e.entityId}>
          {e.entityType} {e.entityId.length > 12 ? `${e.entityId.slice(0, 8)}…` : e.entityId}
        </span>
      </>
    ),
  },
  { id: "reason", header: "Reason", cell: (e) => e.reason || "—" },
  {
    id: "details",
    header: "Details",
    cell: (e) =>
      hasDetails(e.details) ? (
        <details>
          <summary>
            Show<span className="visually-hidden"> details of {e.action}</span>
          </summary>
          <pre className="message-body">{JSON.stringify(e.details, null, 2)}</pre>
        </details>
      ) : (
        "—"
      ),
  },
];
