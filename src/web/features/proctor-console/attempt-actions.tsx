// The buttons for one attempt. Each has a visible verb and a full accessible name ("Pause MM for
// Jane Doe") so a screen-reader user tabbing through the table knows which row they are on.
import { Link } from "react-router";
import { isOpenAttempt } from "./format";
import type { ConsoleAttemptView, ConsoleCandidateView } from "../../../common/schemas/delivery";

export type AttemptActionKind = "pause" | "addTime" | "void" | "readmit";

interface Props {
  candidate: ConsoleCandidateView;
  attempt: ConsoleAttemptView;
  scribe: boolean;
  /** A resume in flight (it needs no dialog). */
  resuming: boolean;
  onAction: (kind: AttemptActionKind) => void;
  onResume: () => void;
}

export function AttemptActions({ candidate, attempt, scribe, resuming, onAction, onResume }: Props) {
  const of = `${attempt.module} for ${candidate.name}`;
  if (attempt.status === "voided") return null;
  // A finished test can still be voided (misconduct found afterwards); nothing else applies to it.
  if (!isOpenAttempt(attempt.status)) return <VoidButton of={of} onClick={() => onAction("void")} />;
  const paused = attempt.status === "paused";
  return (
    <div className="console-actions">
      {/* One button that turns from Pause into Resume: the same element, so focus stays on it. */}
      <button
        type="button"
        className={paused ? "button button--small" : "button button--secondary button--small"}
        aria-label={paused ? `Resume ${of}` : `Pause ${of}`}
        // Not disabled while resuming: a disabled button drops focus to the page; a second click is ignored instead.
        aria-busy={resuming || undefined}
        onClick={() => {
          if (resuming) return;
          if (paused) onResume();
          else onAction("pause");
        }}
      >
        {paused ? (resuming ? "Resuming…" : "Resume") : "Pause"}
      </button>
      <button type="button" className="button button--secondary button--small" aria-label={`Add time to ${of}`} onClick={() => onAction("addTime")}>
        Add time
      </button>
      <button
        type="button"
        className={attempt.awaitingReadmit ? "button button--accent button--small" : "button button--secondary button--small"}
        aria-label={`Re-admit ${candidate.name} to ${attempt.module} on another computer`}
        onClick={() => onAction("readmit")}
      >
        Re-admit
      </button>
      {scribe ? (
        <Link className="button button--secondary button--small" to={`/proctor/attempts/${encodeURIComponent(attempt.id)}/scribe`} aria-label={`Scribe ${of}`}>
          Scribe
        </Link>
      ) : null}
      <VoidButton of={of} onClick={() => onAction("void")} />
    </div>
  );
}

function VoidButton({ of, onClick }: { of: string; onClick: () => void }) {
  return (
    <button type="button" className="button button--danger-outline button--small" aria-label={`Void ${of}`} onClick={onClick}>
      Void
    </button>
  );
}
