// One practice test, inside the site: its diagnostic once submitted, or the way back into it while it runs.
import { Link, useParams } from "react-router";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { formatDateTime } from "../../lib/format";
import { PracticeDiagnostic } from "./practice-diagnostic";
import { practiceLinks, usePracticeTest } from "./practice-api";

export function PracticeTestPage() {
  const { id = "" } = useParams();
  const test = usePracticeTest(id);
  const name = test.data ? `${test.data.moduleName} practice test` : "Practice test";
  return (
    <Page title={name} wide>
      <QueryStatus query={test} loadingLabel="Loading the practice test…">
        {(t) =>
          t.status === "submitted" && t.diagnostic ? (
            <>
              <p>
                {t.timed ? "Timed" : "Untimed"}, started {formatDateTime(t.startedAt)}, submitted {formatDateTime(t.submittedAt)}
                {t.submittedBy === "deadline" ? " when its time was up" : ""}.
              </p>
              <PracticeDiagnostic testId={t.id} diagnostic={t.diagnostic} moduleName={t.moduleName} />
              <p className="button-row">
                <Link to={practiceLinks.practiceTests(t.module)}>Take another practice test</Link>
                <Link to={practiceLinks.progress}>Your progress</Link>
              </p>
            </>
          ) : (
            <p>
              This practice test is in progress ({t.itemCount} questions). <Link to={practiceLinks.takeTest(t.id)} className="button">Continue the practice test</Link>
            </p>
          )
        }
      </QueryStatus>
    </Page>
  );
}
