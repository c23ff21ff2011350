// The test clock. The ticking digits are hidden from screen readers (a number changing every second
// would drown out the question); instead a polite message at 10, 5 and 1 minutes left, and the
// "Time left" button (or Alt+T) says the time when asked.
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from "react";
import { formatClock, remainingAt, spokenDuration, warningCrossed, warningMessage, type ClockAnchor } from "./clock";

export interface ClockHandle {
  announce(): void;
}

interface Props {
  anchor: ClockAnchor;
  onExpire: () => void;
}

export const ClockDisplay = forwardRef<ClockHandle, Props>(function ClockDisplay({ anchor, onExpire }, ref) {
  const [now, setNow] = useState(() => Date.now());
  const [message, setMessage] = useState("");
  const remaining = remainingAt(anchor, now);
  const previous = useRef(remaining);
  const expired = useRef(false);

  useEffect(() => {
    if (!anchor.running) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [anchor]);

  // Same text twice in a row would not be spoken again: a no-break space makes it new.
  const say = useCallback((text: string) => setMessage((m) => (m === text ? `${text}\u00a0` : text)), []);

  useEffect(() => {
    const minutes = warningCrossed(previous.current, remaining);
    if (minutes) say(warningMessage(minutes));
    previous.current = remaining;
    if (anchor.running && remaining <= 0 && !expired.current) {
      expired.current = true;
      onExpire();
    }
    if (remaining > 0) expired.current = false;
  }, [remaining, anchor.running, onExpire, say]);

  const announce = () => say(`${spokenDuration(remaining)} left${anchor.running ? "" : ", the clock is stopped"}.`);
  useImperativeHandle(ref, () => ({ announce }));

  const low = remaining <= 5 * 60_000;
  return (
    <div className={low ? "test-clock test-clock--low" : "test-clock"}>
      <button type="button" className="test-clock__button" onClick={announce}>
        <span className="test-clock__label">Time left</span>
        <span className="test-clock__digits" aria-hidden="true">
          {formatClock(remaining)}
        </span>
      </button>
      <p className="visually-hidden" role="status">
        {message}
      </p>
    </div>
  );
});
