// The proctor's own presence, always on screen: green while heartbeats are accepted, a loud
// warning as soon as one fails, because the candidates' tests pause when presence lapses.
import { formatClock } from "./format";
import { presenceLeftMs, presenceLevel, type PresenceState } from "./presence";

interface Props {
  state: PresenceState;
  now: number;
  windowMs: number;
}

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit", second: "2-digit" });

export function PresenceIndicator({ state, now, windowMs }: Props) {
  const level = presenceLevel(state, now, windowMs);
  const seconds = Math.round(windowMs / 1000);
  const confirmed = state.lastOkAt === null ? null : `Last confirmed at ${timeOfDay.format(state.lastOkAt)}.`;

  // The headline is the live part and changes only with the level; the countdown beside it is not
  // live, so screen readers hear each change once instead of every second.
  return (
    <div className={`presence presence--${level}`} data-testid="presence" data-level={level}>
      {level === "live" || level === "starting" ? (
        <p role="status" className="presence__headline">
          <span className="presence__dot" aria-hidden="true" />
          {level === "live" ? "You are present (console live)" : "Connecting your console…"}
        </p>
      ) : (
        <p role="alert" className="presence__headline">
          <span aria-hidden="true">⚠ </span>
          {level === "failing"
            ? `Your console cannot reach the server. Candidates will be paused ${seconds} s after your console stops.`
            : "Your presence has lapsed: candidates' tests are being paused until your console reaches the server again."}
        </p>
      )}
      <p className="presence__detail">
        {level === "failing" ? `Pausing in ${formatClock(presenceLeftMs(state, now, windowMs))} unless the connection returns. ` : null}
        {state.error ? `${state.error} ` : null}
        {confirmed}
        {level === "live" ? " Keep this page open for the whole session." : null}
      </p>
    </div>
  );
}
