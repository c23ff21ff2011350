import { Link } from "react-router";
import { Page } from "../components/page";
import { QueryStatus } from "../components/query-status";
import { useMe } from "../features/auth/auth-queries";
import { useProgram } from "../features/program/program-queries";
import { CredentialList, credentialName } from "../features/results/credential-list";
import { LearnerRecordLink } from "../features/results/learner-record-link";
import { MyStandingSection } from "../features/advanced-standing/my-standing-section";
import { useMyCredentials } from "../features/results/results-api";
import { useProfile } from "../features/registration/scheduling-api";

// The candidate's certificates: download each as a printable PDF or an Open Badges 3.0 credential,
// and open its public registry page, which is what an employer checks; and all of them at once as a
// Comprehensive Learner Record.
export function CredentialsPage() {
  const credentials = useMyCredentials();
  const program = useProgram();
  const me = useMe();
  const profile = useProfile();
  // MS and MT1 state the NCRC they stack on, as the registry does (the level and verification only).
  const ncrc = profile.data?.ncrcLevel ? { level: profile.data.ncrcLevel, verified: profile.data.ncrcVerification === "verified" } : null;
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
            <CredentialList credentials={data.items} program={program.data} ncrc={ncrc} />
            <MyStandingSection credentials={data.items} nameOf={(type) => credentialName(type, program.data)} />
            <LearnerRecordLink credentials={data.items} program={program.data} holder={me.data} />
          </>
        )}
      </QueryStatus>
    </Page>
  );
}
