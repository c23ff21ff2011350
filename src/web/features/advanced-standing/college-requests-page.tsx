// The college partner's advanced standing (/college/advanced-standing): requests to their institutions
// with the credential as the server verified it (and flagged when it is no longer active), the
// decision form, the CSV of decisions for the registrar, and their institutions' agreements.
import { Page } from "../../components/page";
import { decisionsExportUrl, useMyInstitutions } from "./advanced-standing-api";
import { AgreementsTable } from "./agreements-table";
import { RequestsTable } from "./requests-table";

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
      <RequestsTable canDecide />
      <AgreementsTable lead="The program records these with your institution; contact the program to change one." />
    </Page>
  );
}
