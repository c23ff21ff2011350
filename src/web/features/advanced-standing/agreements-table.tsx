// Articulation agreements as a table: a college partner's institutions' (read only), or every one (staff).
import { DataTable, type Column } from "../../components/data-table";
import type { AgreementView } from "../../../common/schemas/advanced-standing";
import { useAgreements } from "./advanced-standing-api";
import { creditsText, programText, termsText } from "./standing-text";

export function AgreementsTable({ lead }: { lead: string }) {
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
      <p>{lead}</p>
      <DataTable caption="Each agreement and its terms" columns={columns} rows={agreements.data?.items ?? []} status={agreements} rowKey={(a) => a.id}
        empty="Your institution has no agreement yet." />
    </section>
  );
}
