// The college partner's advanced standing (/college/advanced-standing): requests to their institutions
// with the credential as the server verified it (and flagged when it is no longer active), the
// decision form, the CSV of decisions for the registrar, and their institutions' agreements.
import { useState } from "react";
import { DataTable, type Column } from "../../components/data-table";
import { Page } from "../../components/page";
import type { AgreementView, RequestView } from "../../../common/schemas/advanced-standing";
import { formatCalendarDate, formatDate } from "../../lib/format";
import { decisionsExportUrl, useAgreements, useMyInstitutions, useStandingRequests } from "./advanced-standing-api";
import { DecisionForm } from "./decision-form";
import { creditsText, programText, REQUEST_STATUS_LABELS, termsText, verificationText } from "./standing-text";
import "../../styles/advanced-standing.css";

function decisionText(r: RequestView): string {
  if (r.status === "granted") return `${creditsText(r.creditsGranted ?? 0)}${r.courseEquivalents.length ? `: ${r.courseEquivalents.join(", ")}` : ""}`;
  if (r.status === "declined") return r.declineReason ?? "";
  return "—";
}

function Requests() {
  const requests = useStandingRequests({});
  const [deciding, setDeciding] = useState<string | null>(null);
  const columns: Column<RequestView>[] = [
    { id: "holder", header: "Holder", rowHeader: true, cell: (r) => <>{r.holder.name}<br /><span className="card__meta">{r.holder.email}</span></>, sortValue: (r) => r.holder.name },
    {
      id: "credential", header: "Credential",
      cell: (r) => <>{r.credentialName}<br /><code>{r.certificateNumber}</code>, issued {formatCalendarDate(r.credentialIssuedOn)}</>,
    },
    {
      id: "verified", header: "Verification",
      cell: (r) => (r.flagged
        ? <strong className="badge standing-flag">Flagged: certificate {r.verification.registryStatusNow}</strong>
        : <span className={r.verification.signatureVerified && r.verification.registryStatusNow === "active" ? "badge badge--success" : "badge badge--muted"}>{verificationText(r.verification)}</span>),
    },
    { id: "program", header: "Program", cell: (r) => `${r.institution.name}: ${programText(r.agreement)}` },
    { id: "asked", header: "Asked", className: "numeric", cell: (r) => creditsText(r.creditsRequested) },
    { id: "status", header: "Status", cell: (r) => REQUEST_STATUS_LABELS[r.status], sortValue: (r) => r.status },
    { id: "decision", header: "Decision", cell: (r) => decisionText(r) },
    { id: "sent", header: "Sent", className: "nowrap", cell: (r) => formatDate(r.createdAt), sortValue: (r) => r.createdAt },
    {
      id: "actions", header: "Actions", className: "actions",
      cell: (r) => (r.status === "pending" ? (
        <button type="button" className="button button--small" aria-expanded={deciding === r.id} onClick={() => setDeciding(deciding === r.id ? null : r.id)}>
          Decide<span className="visually-hidden">: {r.holder.name}, {r.certificateNumber}</span>
        </button>
      ) : null),
    },
  ];
  return (
    <section className="section" aria-labelledby="requests-heading">
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

function Agreements() {
  const agreements = useAgreements();
  const columns: Column<AgreementView>[] = [
    { id: "program", header: "Program", rowHeader: true, cell: (a) => `${a.institution.name}: ${programText(a)}` },
    { id: "credential", header: "Credential", cell: (a) => a.credentialName },
    { id: "credits", header: "Credits", className: "numeric", cell: (a) => creditsText(a.credits) },
    { id: "terms", header: "Conditions", cell: (a) => termsText(a) },
    { id: "effect", header: "In effect", cell: (a) => (a.inEffect ? "Yes" : "No") },
  ];
  return (
    <section className="section" aria-labelledby="agreements-heading">
      <h2 id="agreements-heading">Articulation agreements</h2>
      <p>The program records these with your institution; contact the program to change one.</p>
      <DataTable caption="Your institution's articulation agreements" columns={columns} rows={agreements.data?.items ?? []} status={agreements} rowKey={(a) => a.id}
        empty="Your institution has no agreement yet." />
    </section>
  );
}

export function CollegeRequestsPage() {
  const institutions = useMyInstitutions();
  const names = institutions.data?.items.map((i) => i.name).join(", ");
  return (
    <Page title="Advanced standing" lead={names ? `Requests from MT1 holders to ${names}.` : "Requests from MT1 holders to your institution."} wide>
      <p className="button-row">
        <a href={decisionsExportUrl()} className="button button--secondary" download>
          Download decisions (CSV)
        </a>
      </p>
      <Requests />
      <Agreements />
    </Page>
  );
}
