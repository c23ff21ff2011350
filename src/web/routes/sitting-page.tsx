// The candidate's test day for one registration: check-in state, modules to start or resume.
import { useParams } from "react-router";
import { Page } from "../components/page";
import { QueryStatus } from "../components/query-status";
import { SittingView } from "../features/test-delivery/sitting-view";
import { useSitting } from "../features/test-delivery/sitting-queries";

export function SittingPage() {
  const { registrationId = "" } = useParams();
  const sitting = useSitting(registrationId);
  return (
    <Page title="Your test today" lead="Your proctor admits you; then start each module when you are ready.">
      <QueryStatus query={sitting} loadingLabel="Loading your test day…">
        {(data) => <SittingView sitting={data} />}
      </QueryStatus>
    </Page>
  );
}
