// Public: partner institutions and the advanced standing their agreements grant MT1 holders (/partners).
import { Link } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import type { AgreementView, PartnerView } from "../../../common/schemas/advanced-standing";
import { usePartners } from "./advanced-standing-api";
import { creditsText, programText, termsText } from "./standing-text";

function Partner({ partner }: { partner: PartnerView }) {
  const headingId = `partner-${partner.id}-heading`;
  const columns: Column<AgreementView>[] = [
    { id: "credential", header: "For holders of", rowHeader: true, cell: (a) => a.credentialName },
    { id: "program", header: "Toward", cell: (a) => programText(a) },
    { id: "credits", header: "Credits", className: "numeric", cell: (a) => creditsText(a.credits), sortValue: (a) => a.credits },
    { id: "courses", header: "Courses", cell: (a) => (a.courses.length ? a.courses.map((c) => `${c.code} ${c.title}`).join(", ") : "—") },
    { id: "terms", header: "Conditions", cell: (a) => termsText(a) },
  ];
  return (
    <section className="card section" aria-labelledby={headingId}>
      <h2 id={headingId}>{partner.name}</h2>
      <p className="card__meta">
        {[partner.city, partner.state].filter(Boolean).join(", ")}
        {partner.website ? (
          <>
            {" · "}
            <a href={partner.website} rel="noopener noreferrer">
              Website<span className="visually-hidden"> of {partner.name}</span>
            </a>
          </>
        ) : null}
      </p>
      <DataTable caption={`What ${partner.name} grants`} columns={columns} rows={partner.agreements} rowKey={(a) => a.id} empty="No agreement in effect." />
    </section>
  );
}

export function PartnersPage() {
  const partners = usePartners();
  return (
    <Page title="Partner colleges" lead="MT1 holders may receive advanced-standing credit toward degrees at partner institutions." wide>
      <QueryStatus query={partners} loadingLabel="Loading the partner institutions…">
        {(data) => (
          <>
            <p>
              At most {creditsText(data.creditsCap)} in all are granted to one holder at one institution. Holders apply from{" "}
              <Link to="/credentials">their certificates</Link>; the college sees the certificate already verified.
            </p>
            {data.items.length === 0 ? <p>No partner institution has an agreement in effect yet.</p> : data.items.map((p) => <Partner key={p.id} partner={p} />)}
          </>
        )}
      </QueryStatus>
    </Page>
  );
}
