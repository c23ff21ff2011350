// Keyboard shortcuts of the test screen (listed on screen in ShortcutList). Alt + a letter, matched
// by the physical key (event.code), so they work on every keyboard layout and on a Mac, where
// Option + letter types a special character instead of reporting the letter.
import { useEffect, useRef } from "react";

export type ShortcutAction = "next" | "previous" | "flag" | "map" | "read" | "time" | "calculator" | "review";

export const SHORTCUTS: { action: ShortcutAction; keys: string; code: string; what: string }[] = [
  { action: "next", keys: "Alt+N", code: "KeyN", what: "Next question" },
  { action: "previous", keys: "Alt+P", code: "KeyP", what: "Previous question" },
  { action: "flag", keys: "Alt+F", code: "KeyF", what: "Flag or unflag this question for review" },
  { action: "map", keys: "Alt+M", code: "KeyM", what: "Go to the question map" },
  { action: "review", keys: "Alt+V", code: "KeyV", what: "Review answers" },
  { action: "time", keys: "Alt+T", code: "KeyT", what: "Hear the time left" },
  { action: "read", keys: "Alt+R", code: "KeyR", what: "Read the question aloud, or stop reading" },
  { action: "calculator", keys: "Alt+C", code: "KeyC", what: "Open or close the calculator" },
];

export function useShortcuts(active: boolean, handler: (action: ShortcutAction) => boolean) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);

  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.repeat) return;
      const shortcut = SHORTCUTS.find((s) => s.code === event.code);
      // The handler says whether the shortcut applies right now (e.g. no calculator in this module).
      if (shortcut && latest.current(shortcut.action)) event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [active]);
}
