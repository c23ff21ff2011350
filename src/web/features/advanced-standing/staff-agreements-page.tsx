// Staff's advanced standing (/staff/advanced-standing): record articulation agreements with partner
// colleges, read every one, and every request with its verification and revocation flag.
import { Page } from "../../components/page";
import { decisionsExportUrl } from "./advanced-standing-api";
import { AgreementForm } from "./agreement-form";
import { AgreementsTable } from "./agreements-table";
import { RequestsTable } from "./requests-table";

export function StaffAgreementsPage() {
  return (
    <Page title="Advanced standing" lead="Articulation agreements with partner colleges, and the requests holders send them." wide>
      <AgreementsTable lead="Each partner college's agreements; the public sees those in effect on Partner colleges." />
      <AgreementForm />
      <p className="button-row">
        <a href={decisionsExportUrl()} className="button button--secondary" download>
          Download every decision (CSV)
        </a>
      </p>
      <RequestsTable canDecide={false} />
    </Page>
  );
}
