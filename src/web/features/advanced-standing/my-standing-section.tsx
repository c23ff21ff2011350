// The holder's advanced standing on their certificates page: apply to a partner institution, and every
// request with its decision (credits and course equivalents, or the reason it was declined).
import { useState } from "react";
import { Link } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { StatusMessage } from "../../components/form-alert";
import { QueryStatus } from "../../components/query-status";
import type { RequestView } from "../../../common/schemas/advanced-standing";
import type { MyCredentialView } from "../../../common/schemas/results";
import { formatDate } from "../../lib/format";
import { useMyStandingRequests, usePartners } from "./advanced-standing-api";
import { ApplyForStandingForm } from "./apply-form";
import { creditsText, programText, REQUEST_STATUS_LABELS } from "./standing-text";
import { WithdrawDialog } from "./withdraw-dialog";

function decisionText(r: RequestView): string {
  if (r.status === "granted") return `${creditsText(r.creditsGranted ?? 0)} granted${r.courseEquivalents.length ? `: ${r.courseEquivalents.join(", ")}` : ""}`;
  if (r.status === "declined") return `Declined: ${r.declineReason ?? ""}`;
  if (r.status === "withdrawn") return `You withdrew it (${creditsText(r.creditsRequested)} asked)`;
  return `${creditsText(r.creditsRequested)} requested`;
}

export function MyStandingSection({ credentials, nameOf }: { credentials: MyCredentialView[]; nameOf: (type: string) => string }) {
  const partners = usePartners();
  const requests = useMyStandingRequests();
  const [withdrawing, setWithdrawing] = useState<RequestView | null>(null);
  const [message, setMessage] = useState("");
  const columns: Column<RequestView>[] = [
    { id: "institution", header: "Institution", rowHeader: true, cell: (r) => r.institution.name },
    { id: "program", header: "Program", cell: (r) => programText(r.agreement) },
    { id: "certificate", header: "Certificate", className: "nowrap", cell: (r) => r.certificateNumber },
    { id: "status", header: "Status", cell: (r) => REQUEST_STATUS_LABELS[r.status] + (r.flagged ? " (certificate no longer active)" : "") },
    { id: "decision", header: "Decision", cell: (r) => decisionText(r) },
    { id: "sent", header: "Sent", className: "nowrap", cell: (r) => formatDate(r.createdAt), sortValue: (r) => r.createdAt },
    {
      id: "actions", header: "Actions", className: "actions",
      cell: (r) => (r.status === "pending" ? (
        <button type="button" className="button button--secondary button--small" onClick={() => { setMessage(""); setWithdrawing(r); }}>
          Withdraw<span className="visually-hidden">: {r.institution.name}, {r.certificateNumber}</span>
        </button>
      ) : null),
    },
  ];
  return (
    <section className="section" aria-labelledby="standing-heading">
      <h2 id="standing-heading">Advanced standing at partner colleges</h2>
      <p>
        <Link to="/partners">Partner colleges</Link> grant credit toward their degrees for MT1 credentials. Choose the institution and program: the
        college sees your certificate verified by the program.
      </p>
      <QueryStatus query={partners} loadingLabel="Loading the partner institutions…">
        {(data) => <ApplyForStandingForm credentials={credentials} partners={data} nameOf={nameOf} />}
      </QueryStatus>
      <h3>Your requests</h3>
      <StatusMessage>{message}</StatusMessage>
      <DataTable caption="Your requests for advanced standing" columns={columns} rows={requests.data?.items ?? []} status={requests} rowKey={(r) => r.id}
        empty="You have not asked for advanced standing yet." />
      {withdrawing ? <WithdrawDialog request={withdrawing} onClose={() => setWithdrawing(null)} onDone={(m) => { setWithdrawing(null); setMessage(m); }} /> : null}
    </section>
  );
}
