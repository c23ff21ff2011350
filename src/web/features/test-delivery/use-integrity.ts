// Test integrity on the candidate's screen:
// - copy, cut, paste, dropping dragged text and the context menu are turned off, so questions do not
//   leave the screen and prepared text does not come in. One exception: copying from the calculator's
//   display ([data-allow-copy]). The number is the candidate's own arithmetic and says nothing about
//   a question, and some reading and magnifier tools work through the clipboard. Paste stays off
//   everywhere, so the copied result cannot be dropped into an answer either.
// - leaving the test (another window, another tab, a minimized browser) is reported to the proctor
//   as focus_lost / focus_returned. Fire-and-forget: a lost report is not worth queueing.
import { useEffect, useRef } from "react";
import { deliveryApi } from "./delivery-api";

const BLOCKED = ["copy", "cut", "paste", "drop", "contextmenu"] as const;

export function useIntegrityGuards(attemptId: string, active: boolean, onBlocked: (kind: string) => void) {
  const notify = useRef(onBlocked);
  useEffect(() => {
    notify.current = onBlocked;
  }, [onBlocked]);

  useEffect(() => {
    if (!active) return;
    const block = (event: Event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (event.type === "copy" && target?.closest("[data-allow-copy]")) return;
      event.preventDefault();
      notify.current(event.type);
    };
    for (const type of BLOCKED) document.addEventListener(type, block, true);
    return () => {
      for (const type of BLOCKED) document.removeEventListener(type, block, true);
    };
  }, [active]);

  useEffect(() => {
    if (!active) return;
    let away = false;
    const report = (kind: "focus_lost" | "focus_returned") => void deliveryApi.event(attemptId, kind).catch(() => undefined);
    const leave = () => {
      if (away) return;
      away = true;
      report("focus_lost");
    };
    const back = () => {
      if (!away || document.visibilityState !== "visible" || !document.hasFocus()) return;
      away = false;
      report("focus_returned");
    };
    const visibility = () => (document.visibilityState === "hidden" ? leave() : back());
    window.addEventListener("blur", leave);
    window.addEventListener("focus", back);
    document.addEventListener("visibilitychange", visibility);
    return () => {
      window.removeEventListener("blur", leave);
      window.removeEventListener("focus", back);
      document.removeEventListener("visibilitychange", visibility);
    };
  }, [attemptId, active]);
}
