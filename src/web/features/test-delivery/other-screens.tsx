// The rarer whole-screen states: loading, a load failure, waiting for re-admission on this
// computer, signed out, and the moment between the clock reaching zero and the server's submit.
import { Link } from "react-router";
import { errorMessage } from "../../api/client";
import { Loading } from "../../components/query-status";
import { StatusScreen } from "./status-screen";

export function LoadingScreen() {
  return (
    <main className="status-screen">
      <div className="status-screen__card">
        <h1 className="visually-hidden">Your test</h1>
        <Loading label="Loading your test…" />
      </div>
    </main>
  );
}

export function LoadErrorScreen({ error, notFound, onRetry }: { error: unknown; notFound: boolean; onRetry: () => void }) {
  if (notFound) {
    return (
      <StatusScreen title="This test was not found">
        <p>Check that you are signed in with your own account. Your proctor can help.</p>
        <p>
          <Link to="/dashboard">Go to your dashboard</Link>
        </p>
      </StatusScreen>
    );
  }
  return (
    <StatusScreen title="We could not load your test" tone="warning">
      <p>{errorMessage(error)}</p>
      <p>Your saved answers are safe. This screen tries again every few seconds; tell your proctor if it does not come back.</p>
      <p>
        <button type="button" className="button" onClick={onRetry}>
          Try again now
        </button>
      </p>
    </StatusScreen>
  );
}

export function DeviceScreen() {
  return (
    <StatusScreen title="Ask your proctor to re-admit you on this computer" testId="readmit" tone="warning">
      <p className="status-screen__lead">This test was started on another computer. To go on here, your proctor must allow the move.</p>
      <p>Your answers are saved and your proctor can see this request. This screen checks every 5 seconds and continues by itself once you are re-admitted.</p>
    </StatusScreen>
  );
}

export function SignedOutScreen({ attemptId }: { attemptId: string }) {
  const next = encodeURIComponent(`/test/${attemptId}`);
  return (
    <StatusScreen title="You have been signed out" tone="warning">
      <p className="status-screen__lead">Your latest answers are kept on this computer and are sent when you sign in again.</p>
      <p>
        <Link className="button" to={`/login?next=${next}`}>
          Sign in again
        </Link>
      </p>
    </StatusScreen>
  );
}

export function FinishingScreen() {
  return (
    <StatusScreen title="Time is up" tone="warning">
      <p className="status-screen__lead">Your saved answers are being submitted. Please wait.</p>
      <Loading label="Submitting…" />
    </StatusScreen>
  );
}
