import { errorMessage } from "../../api/client";
import { Loading } from "../../components/query-status";
import { DataTable, type Column } from "../../components/data-table";
import { formatDateTime } from "../../lib/format";
import type { StaffCredentialDetailView, StoredCredentialStatus } from "../../../common/schemas/registry";
import { formatDay, useStaffCredential } from "./registry-api";
import { StatusChangeForm } from "./status-change-form";

const STATUS_BADGE: Record<StoredCredentialStatus, string> = { active: "badge badge--success", revoked: "badge registry-badge--revoked", withdrawn: "badge badge--muted" };
const STATUS_LABEL: Record<StoredCredentialStatus, string> = { active: "Active", revoked: "Revoked", withdrawn: "Withdrawn" };
const ACTIONS: Record<string, string> = { "credential.awarded": "Awarded", "credential.revoked": "Revoked", "credential.reinstated": "Reinstated" };

type OtherCredential = StaffCredentialDetailView["otherCredentials"][number];
type HistoryEntry = StaffCredentialDetailView["history"][number];
const HISTORY_COLUMNS: Column<HistoryEntry>[] = [
  { id: "when", header: "When", rowHeader: true, className: "nowrap", cell: (h) => formatDateTime(h.at), sortValue: (h) => h.at },
  { id: "what", header: "What", cell: (h) => ACTIONS[h.action] ?? h.action, sortValue: (h) => h.action },
  { id: "by", header: "By", cell: (h) => h.actorEmail ?? "the system", sortValue: (h) => h.actorEmail ?? "" },
  { id: "reason", header: "Reason", cell: (h) => <span className="pre-line">{h.reason ?? "—"}</span> },
];

// One credential as staff see it: holder, status and reason, the holder's other credentials (a
// revoked module does not revoke the MS or MT1 built on it), the history, and the action.
export function StaffCredential({ number, onOpen }: { number: string; onOpen: (number: string) => void }) {
  const query = useStaffCredential(number);
  if (query.isPending) return <Loading label="Loading the certificate…" />;
  if (query.isError) return <div className="notice notice--error" role="alert">{errorMessage(query.error)}</div>;
  const c = query.data;
  const otherColumns: Column<OtherCredential>[] = [
    { id: "credential", header: "Credential", rowHeader: true, cell: (o) => `${o.typeName} (${o.type})`, sortValue: (o) => o.type },
    { id: "issued", header: "Issued", className: "nowrap", cell: (o) => formatDay(o.issuedOn), sortValue: (o) => o.issuedOn },
    { id: "status", header: "Status", cell: (o) => <span className={STATUS_BADGE[o.status]}>{STATUS_LABEL[o.status]}</span>, sortValue: (o) => o.status },
    {
      id: "open",
      header: "Certificate",
      cell: (o) => (
        <button type="button" className="link-button" onClick={() => onOpen(o.certificateNumber)}>
          Open {o.certificateNumber}
        </button>
      ),
    },
  ];
  return (
    <div className="stack">
      <article className="card" aria-labelledby="staff-credential-title">
        <h3 id="staff-credential-title">
          {c.typeName} ({c.type}) <span className={STATUS_BADGE[c.status]}>{STATUS_LABEL[c.status]}</span>
        </h3>
        <dl className="details-list">
          <dt>Certificate number</dt>
          <dd><code className="registry-number">{c.certificateNumber}</code></dd>
          <dt>Holder</dt>
          <dd>{c.holder.name} · {c.holder.email}{c.holder.state ? ` · ${c.holder.state}` : ""}</dd>
          <dt>Issued</dt>
          <dd>{formatDay(c.issuedOn)}</dd>
          {c.statusReason ? (<><dt>Reason</dt><dd className="pre-line">{c.statusReason}</dd></>) : null}
          {c.statusChangedAt ? (<><dt>Status changed</dt><dd>{formatDateTime(c.statusChangedAt)}</dd></>) : null}
        </dl>
      </article>
      <StatusChangeForm key={c.certificateNumber} credential={c} />
      <section aria-labelledby="other-credentials-heading">
        <h3 id="other-credentials-heading">The holder's other credentials</h3>
        {/* Not the section's own name: the table's scroll region is a landmark too, and two alike confuse. */}
        <DataTable
          caption={`Other credentials of ${c.holder.name}`}
          columns={otherColumns}
          rows={c.otherCredentials}
          rowKey={(o) => o.certificateNumber}
          empty="None."
        />
      </section>
      <section aria-labelledby="credential-history-heading">
        <h3 id="credential-history-heading">History</h3>
        <DataTable
          caption="Certificate history"
          columns={HISTORY_COLUMNS}
          rows={c.history}
          rowKey={(h) => `${h.at} ${h.action} ${h.actorEmail ?? ""}`}
          empty="No recorded changes."
          initialSort={{ id: "when", desc: true }}
        />
      </section>
    </div>
  );
}
