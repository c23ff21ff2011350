// The parts of a person's record as tables: attempts, results, credentials, accommodation requests,
// invoices and vouchers. Registrations (with their actions) and the trail have their own files.
import { Link } from "react-router";
import { formatMoney } from "../../../common/rules/fees";
import { formatPercent } from "../../../common/rules/pass-rule";
import type { PersonRecordView } from "../../../common/schemas/people";
import { DataTable } from "../../components/data-table";
import { formatCalendarDate, formatDate, formatDateTime } from "../../lib/format";
import { ADJUSTMENT_LABELS } from "../accommodations/labels";
import { StatusBadge } from "../registration/status-badge";

type R = PersonRecordView;

export function AttemptsTable({ record }: { record: R }) {
  return (
    <DataTable caption="Attempts" rows={record.attempts} rowKey={(a) => a.id} empty="No attempts." initialSort={{ id: "started", desc: true }}
      columns={[
        { id: "module", header: "Module", rowHeader: true, cell: (a) => a.module, sortValue: (a) => a.module },
        { id: "status", header: "Status", cell: (a) => <StatusBadge status={a.status} /> },
        { id: "started", header: "Started", className: "nowrap", cell: (a) => formatDateTime(a.startedAt), sortValue: (a) => a.startedAt },
        { id: "submitted", header: "Submitted", className: "nowrap", cell: (a) => formatDateTime(a.submittedAt), sortValue: (a) => a.submittedAt },
      ]} />
  );
}

export function ResultsTable({ record }: { record: R }) {
  return (
    <DataTable caption="Results" rows={record.results} rowKey={(r) => r.attemptId} empty="No results yet." initialSort={{ id: "scored", desc: true }}
      columns={[
        { id: "module", header: "Module", rowHeader: true, cell: (r) => r.module, sortValue: (r) => r.module },
        { id: "percent", header: "Score", className: "numeric", cell: (r) => formatPercent(r.percent), sortValue: (r) => r.percent },
        { id: "outcome", header: "Outcome", cell: (r) => (r.passed ? "Passed" : "Not passed") },
        { id: "scored", header: "Scored", className: "nowrap", cell: (r) => formatDateTime(r.scoredAt), sortValue: (r) => r.scoredAt },
      ]} />
  );
}

export function CredentialsTable({ record }: { record: R }) {
  return (
    <>
      <DataTable caption="Credentials" rows={record.credentials} rowKey={(c) => c.certificateNumber} empty="No certificates." initialSort={{ id: "issued", desc: true }}
        columns={[
          { id: "number", header: "Certificate number", rowHeader: true, className: "nowrap", cell: (c) => <code>{c.certificateNumber}</code> },
          { id: "type", header: "Credential", cell: (c) => c.type, sortValue: (c) => c.type },
          { id: "issued", header: "Issued", className: "nowrap", cell: (c) => formatCalendarDate(c.issuedOn), sortValue: (c) => c.issuedOn },
          { id: "status", header: "Status", cell: (c) => <>{c.status}{c.statusReason ? ` (${c.statusReason})` : ""}</> },
        ]} />
      {record.credentials.length > 0 ? (
        <p>
          <Link to="/staff/registry">Revoke or reinstate a certificate in the registry</Link>
        </p>
      ) : null}
    </>
  );
}

export function AccommodationsTable({ record }: { record: R }) {
  const labels = (codes: readonly string[] | null) => (codes && codes.length ? codes.map((c) => ADJUSTMENT_LABELS[c as keyof typeof ADJUSTMENT_LABELS] ?? c).join(", ") : "—");
  return (
    <>
      <DataTable caption="Accommodation requests" rows={record.accommodations} rowKey={(a) => a.id} empty="No accommodation requests." initialSort={{ id: "requested", desc: true }}
        columns={[
          { id: "requested", header: "Requested", rowHeader: true, className: "nowrap", cell: (a) => formatDate(a.createdAt), sortValue: (a) => a.createdAt },
          { id: "status", header: "Status", cell: (a) => <StatusBadge status={a.status} /> },
          { id: "asked", header: "Asked for", cell: (a) => labels(a.adjustments) },
          { id: "approved", header: "Approved", cell: (a) => labels(a.approvedAdjustments) },
          { id: "documents", header: "Documents", className: "numeric", cell: (a) => a.documents.length },
        ]} />
      {record.accommodations.length > 0 ? (
        <p>
          <Link to="/staff/accommodations">Review requests and their documents</Link>
        </p>
      ) : null}
    </>
  );
}

export function PaymentsTables({ record }: { record: R }) {
  return (
    <>
      <h3>Invoices</h3>
      <DataTable caption="Invoices" rows={record.payments.invoices} rowKey={(i) => i.id} empty="No invoices."
        columns={[
          { id: "number", header: "Invoice", rowHeader: true, className: "nowrap", cell: (i) => <Link to={`/staff/invoices/${i.id}`}>{i.number ?? "Unnumbered"}</Link>, sortValue: (i) => i.number },
          { id: "issued", header: "Issued", className: "nowrap", cell: (i) => formatDate(i.issuedAt), sortValue: (i) => i.issuedAt },
          { id: "amount", header: "Amount", className: "numeric", cell: (i) => formatMoney(i.amountCents, i.currency), sortValue: (i) => i.amountCents },
          { id: "status", header: "Status", cell: (i) => <StatusBadge status={i.status} /> },
          { id: "paid", header: "Paid", className: "nowrap", cell: (i) => formatDate(i.paidAt) },
        ]} />
      <h3>Vouchers redeemed</h3>
      <DataTable caption="Vouchers redeemed" rows={record.payments.vouchers} rowKey={(v) => v.id} empty="No vouchers."
        columns={[
          { id: "code", header: "Code", rowHeader: true, className: "nowrap", cell: (v) => <code>{v.code}</code> },
          { id: "modules", header: "Modules", cell: (v) => v.modules.join(", ") },
          { id: "status", header: "Status", cell: (v) => <StatusBadge status={v.status} /> },
          { id: "redeemed", header: "Redeemed", className: "nowrap", cell: (v) => formatDate(v.redeemedAt) },
        ]} />
    </>
  );
}
