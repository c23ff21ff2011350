// The heartbeat and its indicator together, for any page a proctor works from during a session
// (the console, scribe mode): wherever the proctor is, the candidates must not be paused.
import { PresenceIndicator } from "./presence-indicator";
import { useNow } from "./use-now";
import { usePresenceHeartbeat } from "./use-presence-heartbeat";
import { usePresenceWindowMs } from "./use-presence-window";

export function PresencePanel({ sessionId, closed = false }: { sessionId: string | undefined; closed?: boolean }) {
  // A closed session needs no proctor: stop the heartbeat.
  const state = usePresenceHeartbeat(closed ? undefined : sessionId);
  const windowMs = usePresenceWindowMs();
  const now = useNow(1000);
  if (closed) {
    return (
      <div className="presence presence--closed" data-testid="presence" data-level="closed">
        <p className="presence__headline">Session closed: your presence is no longer recorded.</p>
      </div>
    );
  }
  return <PresenceIndicator state={state} now={now} windowMs={windowMs} />;
}
