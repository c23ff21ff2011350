// One module's cells in the roster: status, time left, progress, last save, connection, focus.
import { CONNECTION_LABELS, attemptStatusLabel, attemptStatusTone, formatClock, liveRemainingMs, relativeTime } from "./format";
import type { ConsoleAttemptView } from "../../../common/schemas/delivery";

const CONNECTION_SYMBOL = { online: "●", idle: "◐", offline: "○" } as const;

interface Props {
  attempt: ConsoleAttemptView | null;
  fetchedAt: number;
  now: number;
}

export function AttemptCells({ attempt, fetchedAt, now }: Props) {
  if (!attempt) {
    return (
      <>
        <td>
          {/* Before check-in the Check-in column already says why; here only that nothing has started. */}
          <span className="badge badge--muted">Not started</span>
        </td>
        <td className="console-muted">—</td>
        <td className="console-muted">—</td>
        <td className="console-muted">—</td>
        <td className="console-muted">—</td>
        <td className="console-muted">—</td>
      </>
    );
  }
  const open = attempt.status === "in_progress" || attempt.status === "paused";
  const left = liveRemainingMs(attempt, fetchedAt, now);
  return (
    <>
      <td>
        <span className={attemptStatusTone(attempt.status)}>{attemptStatusLabel(attempt.status, attempt.pauseReason)}</span>
        {attempt.awaitingReadmit ? (
          <>
            <br />
            <span className="badge badge--alert">Awaiting re-admission</span>
          </>
        ) : null}
      </td>
      <td className="nowrap">
        {open ? (
          <>
            <span className={left < 5 * 60_000 && attempt.status === "in_progress" ? "console-clock console-clock--low" : "console-clock"}>
              {formatClock(left)}
            </span>
            {attempt.status === "paused" ? <span className="console-muted"> (stopped)</span> : null}
          </>
        ) : (
          <span className="console-muted">—</span>
        )}
        {attempt.extraMinutes > 0 ? <span className="console-note">+{attempt.extraMinutes} min added</span> : null}
      </td>
      <td className="nowrap">
        {attempt.answered} of {attempt.total}
      </td>
      <td className="nowrap">{attempt.lastSaveAt ? <time dateTime={attempt.lastSaveAt}>{relativeTime(attempt.lastSaveAt, now)}</time> : "None yet"}</td>
      <td className="nowrap">
        {open ? (
          <span className={`connection connection--${attempt.connection}`}>
            <span aria-hidden="true">{CONNECTION_SYMBOL[attempt.connection] ?? "?"} </span>
            {CONNECTION_LABELS[attempt.connection] ?? attempt.connection}
          </span>
        ) : (
          <span className="console-muted">—</span>
        )}
      </td>
      <td className={attempt.focusLost > 0 ? "console-focus console-focus--lost" : "console-focus"}>{attempt.focusLost}</td>
    </>
  );
}
