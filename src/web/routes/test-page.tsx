// The candidate's test screen for one attempt (a top-level route: no site header to leave the test by).
import { useParams } from "react-router";
import { TestScreen } from "../features/test-delivery/test-screen";

export function TestPage() {
  const { attemptId = "" } = useParams();
  // Keyed by the attempt: nothing of one attempt's screen state may leak into another's.
  return <TestScreen key={attemptId} attemptId={attemptId} />;
}
