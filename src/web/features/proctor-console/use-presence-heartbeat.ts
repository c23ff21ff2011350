// The console's heartbeat: POST /sessions/{id}/presence at once, every 15 s, sooner after a failure,
// and whenever the tab becomes visible or the network comes back (browsers slow timers in hidden tabs).
import { useEffect, useState } from "react";
import { api, errorMessage } from "../../api/client";
import { HEARTBEAT_MS, RETRY_MS, type PresenceState } from "./presence";

export function usePresenceHeartbeat(sessionId: string | undefined): PresenceState {
  const [state, setState] = useState<PresenceState>({ lastOkAt: null, error: null });

  useEffect(() => {
    if (!sessionId) return;
    let stopped = false;
    let inFlight = false;
    let timer: number | undefined;

    const schedule = (delay: number) => {
      window.clearTimeout(timer);
      if (!stopped) timer = window.setTimeout(() => void beat(), delay);
    };

    async function beat() {
      if (inFlight || stopped) return;
      inFlight = true;
      let ok = false;
      try {
        await api.post(`/api/v1/sessions/${encodeURIComponent(sessionId!)}/presence`);
        ok = true;
        if (!stopped) setState({ lastOkAt: Date.now(), error: null });
      } catch (error) {
        if (!stopped) setState((s) => ({ ...s, error: errorMessage(error) }));
      } finally {
        inFlight = false;
        schedule(ok ? HEARTBEAT_MS : RETRY_MS);
      }
    }

    const beatWhenVisible = () => {
      if (document.visibilityState === "visible") void beat();
    };

    void beat();
    document.addEventListener("visibilitychange", beatWhenVisible);
    window.addEventListener("online", beatWhenVisible);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      document.removeEventListener("visibilitychange", beatWhenVisible);
      window.removeEventListener("online", beatWhenVisible);
    };
  }, [sessionId]);

  return state;
}
