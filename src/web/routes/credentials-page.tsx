import { Link } from "react-router";
import { Page } from "../components/page";
import { QueryStatus } from "../components/query-status";
import { useProgram } from "../features/program/program-queries";
import { CredentialList, credentialName } from "../features/results/credential-list";
import { MyStandingSection } from "../features/advanced-standing/my-standing-section";
import { useMyCredentials } from "../features/results/results-api";

// The candidate's certificates: download each as a printable PDF or an Open Badges 3.0 credential,
// and open its public registry page, which is what an employer checks.
export function CredentialsPage() {
  const credentials = useMyCredentials();
  const program = useProgram();
  return (
    <Page
      title="Your certificates"
      lead="Every certificate you hold, with its printable PDF, its digital badge and its page in the national certificant registry."
      wide
    >
      <p>
        <Link to="/results">Your results</Link> · <Link to="/dashboard">Your path to MT1</Link>
      </p>
      <QueryStatus query={credentials} loadingLabel="Loading your certificates…">
        {(data) => (
          <>
            <CredentialList credentials={data.items} program={program.data} />
            <MyStandingSection credentials={data.items} nameOf={(type) => credentialName(type, program.data)} />
          </>
        )}
      </QueryStatus>
    </Page>
  );
}
