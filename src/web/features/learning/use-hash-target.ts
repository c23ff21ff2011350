// A link to a place in a page (/learning#module-MM, /learning/lessons/MEAS-1#reading-a-rule) arrives
// before the page's data: once the content is there, scroll to the element the hash names and move
// focus to it, so keyboard and screen-reader users start where the link pointed. Runs again when
// the hash changes (the lesson's table of contents).
import { useEffect } from "react";
import { useLocation } from "react-router";

/** The element id a location's hash names ("" for none, or for a hash that is not valid percent-encoding). */
export function hashId(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return "";
  }
}

export function useHashTarget(ready: boolean) {
  const { hash, key } = useLocation();
  useEffect(() => {
    const id = hashId(hash);
    if (!ready || !id) return;
    const target = document.getElementById(id);
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }, [ready, hash, key]);
}
