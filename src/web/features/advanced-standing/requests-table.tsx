// Requests for advanced standing as the college partner and staff read them: the holder, the credential
// as the server verified it (flagged when it is no longer active), the program, what was asked and
// decided; a college partner also decides from here.
import { useState } from "react";
import { DataTable, type Column } from "../../components/data-table";
import type { RequestView } from "../../../common/schemas/advanced-standing";
import { formatCalendarDate, formatDate } from "../../lib/format";
import { useStandingRequests } from "./advanced-standing-api";
import { DecisionForm } from "./decision-form";
import { creditsText, programText, REQUEST_STATUS_LABELS, verificationText } from "./standing-text";
import "../../styles/advanced-standing.css";

/** The status with what was asked or decided, in one cell. */
function statusText(r: RequestView): string {
  if (r.status === "granted") return `Granted ${creditsText(r.creditsGranted ?? 0)}${r.courseEquivalents.length ? `: ${r.courseEquivalents.join(", ")}` : ""}`;
  if (r.status === "declined") return `Declined: ${r.declineReason ?? ""}`;
  // Withdrawn by the holder: nothing to decide, so no Decide button either (it shows for pending only).
  if (r.status === "withdrawn") return `${REQUEST_STATUS_LABELS.withdrawn} by the holder: ${creditsText(r.creditsRequested)} had been asked`;
  return `${REQUEST_STATUS_LABELS.pending}: ${creditsText(r.creditsRequested)} asked`;
}

export function RequestsTable({ canDecide }: { canDecide: boolean }) {
  const requests = useStandingRequests({});
  const [deciding, setDeciding] = useState<string | null>(null);
  const all: Column<RequestView>[] = [
    { id: "holder", header: "Holder", rowHeader: true, cell: (r) => <>{r.holder.name}<br /><span className="card__meta">{r.holder.email}</span></>, sortValue: (r) => r.holder.name },
    {
      id: "credential", header: "Credential",
      cell: (r) => <>{r.credentialName}<br /><code>{r.certificateNumber}</code><br />issued {formatCalendarDate(r.credentialIssuedOn)}</>,
    },
    {
      id: "verified", header: "Verified by the program",
      cell: (r) => (r.flagged
        ? <strong className="badge standing-flag">Flagged: certificate {r.verification.registryStatusNow}</strong>
        : <span className={r.verification.signatureVerified && r.verification.registryStatusNow === "active" ? "badge badge--success" : "badge badge--muted"}>{verificationText(r.verification)}</span>),
    },
    { id: "program", header: "Program", cell: (r) => <>{programText(r.agreement)}<br /><span className="card__meta">{r.institution.name}</span></> },
    { id: "status", header: "Status", cell: (r) => statusText(r), sortValue: (r) => r.status },
    { id: "sent", header: "Sent", className: "nowrap", cell: (r) => formatDate(r.createdAt), sortValue: (r) => r.createdAt },
    {
      id: "actions", header: "Actions", className: "actions",
      cell: (r) => (canDecide && r.status === "pending" ? (
        <button type="button" className="button button--small" aria-expanded={deciding === r.id} onClick={() => setDeciding(deciding === r.id ? null : r.id)}>
          Decide<span className="visually-hidden">: {r.holder.name}, {r.certificateNumber}</span>
        </button>
      ) : null),
    },
  ];
  // Staff read requests but only the institution's partners decide: no empty Actions column for them.
  const columns = canDecide ? all : all.filter((c) => c.id !== "actions");
  return (
    <section className="section standing-requests" aria-labelledby="requests-heading">
      <h2 id="requests-heading">Requests</h2>
      <DataTable caption="Requests for advanced standing" columns={columns} rows={requests.data?.items ?? []} status={requests} rowKey={(r) => r.id}
        empty="No holder has asked your institution for advanced standing yet." initialSort={{ id: "sent", desc: true }}
        after={(r) => (deciding === r.id ? (
          <tr>
            <td colSpan={columns.length}>
              <DecisionForm request={r} onDone={() => setDeciding(null)} />
            </td>
          </tr>
        ) : null)} />
    </section>
  );
}

