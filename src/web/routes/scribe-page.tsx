// Scribe mode: a proctor enters responses for a candidate approved for a scribe. Every save goes
// through the candidate's own routes and the server records it under the proctor's name.
import { Link, useParams } from "react-router";
import { Page } from "../components/page";
import { errorMessage } from "../api/client";
import { Loading, QueryError } from "../components/query-status";
import { useConsole } from "../features/proctor-console/console-api";
import { PresencePanel } from "../features/proctor-console/presence-panel";
import { useScribeAttempt } from "../features/proctor-console/scribe-api";
import { ScribeWorkspace } from "../features/proctor-console/scribe-workspace";
import { useNow } from "../features/proctor-console/use-now";
import "../styles/proctor-console.css";

export function ScribePage() {
  const { attemptId = "" } = useParams();
  const attempt = useScribeAttempt(attemptId);
  const sessionId = attempt.data?.sessionId ?? "";
  // The attempt does not carry the candidate's name; the session's console does (read once, no polling).
  const sessionConsole = useConsole(sessionId, { poll: false });
  const candidate = sessionConsole.data?.candidates.find((c) => c.registrationId === attempt.data?.registrationId);
  const now = useNow(1000);
  const who = candidate?.name ?? "the candidate";
  const module = attempt.data ? (attempt.data.moduleName ?? attempt.data.module) : null;

  return (
    <Page title="Scribe mode" heading={module ? `Scribe mode: ${module}` : "Scribe mode"} wide>
      <p className="scribe-banner">
        Scribe mode — you are entering responses for {who}; every entry is recorded under your name.
      </p>
      {/* While the proctor scribes, this page keeps them present so the room's tests do not pause. */}
      {sessionId ? <PresencePanel sessionId={sessionId} /> : null}
      {attempt.data ? (
        <>
          {/* A failed re-read must not unmount the workspace: it holds entries not yet saved. */}
          {attempt.isError ? <p className="notice notice--error">Could not refresh the test's status: {errorMessage(attempt.error)}</p> : null}
          <ScribeWorkspace key={attempt.data.id} attempt={attempt.data} fetchedAt={attempt.dataUpdatedAt} now={now} />
        </>
      ) : attempt.isError ? (
        <QueryError error={attempt.error} onRetry={() => void attempt.refetch()} />
      ) : (
        <Loading label="Loading the test…" />
      )}
      {sessionId ? (
        <p>
          <Link to={`/proctor/sessions/${encodeURIComponent(sessionId)}`}>Back to the console</Link>
        </p>
      ) : null}
    </Page>
  );
}
