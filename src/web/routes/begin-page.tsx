// Before a module starts: its instructions and a sample question, then Begin (a top-level route, like
// the test screen: no site header to wander off by; a link goes back to the test day).
import { useParams } from "react-router";
import { QueryStatus } from "../components/query-status";
import { BeginScreen } from "../features/test-delivery/begin-screen";
import { useSitting } from "../features/test-delivery/sitting-queries";

export function BeginPage() {
  const { registrationId = "", module = "" } = useParams();
  const sitting = useSitting(registrationId);
  return (
    <div className="test-screen">
      <QueryStatus query={sitting} loadingLabel="Loading the instructions…">
        {(data) => <BeginScreen sitting={data} module={module} />}
      </QueryStatus>
    </div>
  );
}
