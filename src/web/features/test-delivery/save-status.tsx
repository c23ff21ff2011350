// The save indicator: "Saved", "Saving…" or "Offline – …". It is not itself a live region (it
// flips on every answer); only going offline and coming back are announced, politely.
import { useEffect, useRef, useState } from "react";

export type SaveState = "saved" | "saving" | "offline";

const TEXT: Record<SaveState, string> = {
  saved: "Saved",
  saving: "Saving…",
  offline: "Offline – answers kept on this computer and sent when the connection returns",
};

export function saveState(s: { pending: number; sending: boolean; offline: boolean }, typing: boolean, browserOnline: boolean): SaveState {
  if (s.offline || !browserOnline) return "offline";
  return s.pending > 0 || s.sending || typing ? "saving" : "saved";
}

export function SaveStatus({ state }: { state: SaveState }) {
  const [announcement, setAnnouncement] = useState("");
  const last = useRef<SaveState>(state);

  useEffect(() => {
    const before = last.current;
    last.current = state;
    if (state === "offline" && before !== "offline") setAnnouncement("Offline. Your answers are kept on this computer and sent when the connection returns.");
    if (before === "offline" && state !== "offline") setAnnouncement("The connection is back. Your answers are being sent.");
    if (state === "saved" && announcement.startsWith("The connection")) setAnnouncement("All answers saved.");
  }, [state, announcement]);

  return (
    <div className="save-status-wrap">
      <p className={`save-status save-status--${state}`} data-testid="save-status">
        <span className="save-status__icon" aria-hidden="true">
          {state === "saved" ? "✓" : state === "saving" ? "…" : "!"}
        </span>
        {TEXT[state]}
      </p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
