// A polite, visually hidden live region for the roster changes a proctor must hear about (someone
// went offline, left the test window, submitted). The table itself is not live: it ticks every second.
import { useEffect, useRef, useState } from "react";
import { rosterChanges } from "./roster-model";
import type { ConsoleView } from "../../../common/schemas/delivery";

export function RosterAnnouncer({ view }: { view: ConsoleView | undefined }) {
  const previous = useRef<ConsoleView | null>(null);
  const [message, setMessage] = useState("");

  useEffect(() => {
    if (!view) return;
    const changes = rosterChanges(previous.current, view);
    previous.current = view;
    // More than a few at once (a whole room pausing) is one summary, not a long queue of speech.
    if (changes.length > 3) setMessage(`${changes.length} changes in the roster, including: ${changes.slice(0, 2).join(" ")}`);
    else if (changes.length > 0) setMessage(changes.join(" "));
  }, [view]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="roster-announcer">
      {message}
    </div>
  );
}
