// Scribe mode's working area: one item at a time, Previous/Next, and where the saving stands.
// No Submit: the candidate submits (or the deadline does), never the scribe.
import { useId, useState } from "react";
import { ItemView } from "../item-render";
import { attemptStatusLabel, formatClock, liveRemainingMs } from "./format";
import type { AttemptView } from "../../../common/schemas/delivery";
import { saveErrorAdvice, saveStatus, FINAL_SAVE_ERRORS } from "./scribe-model";
import { useScribeSaves } from "./use-scribe-saves";

interface Props {
  attempt: AttemptView;
  fetchedAt: number;
  now: number;
}

const answered = (response: Record<string, unknown> | undefined) =>
  !!response && Object.values(response).some((v) => v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0));

export function ScribeWorkspace({ attempt, fetchedAt, now }: Props) {
  const saves = useScribeSaves(attempt);
  const [index, setIndex] = useState(0);
  const headingId = useId();
  const jumpId = useId();
  const total = attempt.items.length;
  const item = attempt.items[Math.min(index, total - 1)];
  const running = attempt.status === "in_progress";
  const status = saveStatus(saves.state);
  const advice = saves.errorCode ? saveErrorAdvice(saves.errorCode) : null;

  const go = (next: number) => {
    saves.flush();
    setIndex(Math.max(0, Math.min(total - 1, next)));
    document.getElementById(headingId)?.focus();
  };

  if (!item) return <p>This attempt has no items.</p>;
  const answeredCount = attempt.items.filter((i) => answered(saves.responses[i.id])).length;

  return (
    <>
      {running ? null : (
        <div className="notice notice--info">
          <p>
            <strong>{attemptStatusLabel(attempt.status, attempt.pauseReason)}.</strong>{" "}
            {attempt.status === "paused"
              ? "Entries cannot be saved while the test is paused. Resume it from the console."
              : "The test has ended; entries can no longer be changed."}
          </p>
        </div>
      )}
      <div className="scribe-toolbar">
        <p>
          Time left: <span className="console-clock">{formatClock(liveRemainingMs(attempt, fetchedAt, now))}</span>
          {attempt.status === "paused" ? " (stopped)" : null} · {answeredCount} of {total} answered
        </p>
        <p className={status.tone === "error" ? "scribe-save scribe-save--error" : "scribe-save"} data-testid="save-status">
          {status.tone === "error" ? null : status.text}
        </p>
      </div>
      {status.tone === "error" ? (
        <div className="notice notice--error" role="alert">
          <p>
            {status.text} {advice}
          </p>
          {saves.errorCode && FINAL_SAVE_ERRORS.has(saves.errorCode) ? null : (
            <button type="button" className="button button--secondary button--small" onClick={saves.retry}>
              Try again
            </button>
          )}
        </div>
      ) : null}

      <div className="scribe-item">
        <h2 id={headingId} tabIndex={-1}>
          Question {index + 1} of {total}
        </h2>
        <ItemView
          key={item.id}
          presentation={item.presentation}
          response={saves.responses[item.id] ?? {}}
          onChange={(next) => saves.change(item.id, next)}
          readOnly={!running}
          labelledBy={headingId}
        />
      </div>

      <nav className="scribe-toolbar" aria-label="Questions">
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => go(index - 1)} disabled={index === 0}>
            Previous
          </button>
          <button type="button" className="button" onClick={() => go(index + 1)} disabled={index >= total - 1}>
            Next
          </button>
        </div>
        <div className="scribe-jump">
          <label htmlFor={jumpId} className="field__label">
            Go to question
          </label>
          <select id={jumpId} className="input input--select" value={index} onChange={(e) => go(Number(e.target.value))}>
            {attempt.items.map((i, n) => (
              <option key={i.id} value={n}>
                {n + 1}
                {answered(saves.responses[i.id]) ? " (answered)" : " (not answered)"}
              </option>
            ))}
          </select>
        </div>
      </nav>
    </>
  );
}
