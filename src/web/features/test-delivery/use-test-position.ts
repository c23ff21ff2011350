// Where the candidate is: a question, the review screen, or the instructions again. Kept in
// sessionStorage per attempt (a reload comes back to the same question). The instructions were read
// before Begin started the attempt, so a test opens on its first question.
// Moving puts focus on the new screen's heading, so a screen reader announces "Question 4 of 36".
import { useCallback, useEffect, useRef, useState } from "react";
import { readJson, sessionStore, storageKeys, writeJson } from "./local-store";

export type View = { kind: "tutorial"; returnTo: View | null } | { kind: "question"; index: number } | { kind: "review"; returnTo: number };

function initialView(attemptId: string, total: number): View {
  const saved = readJson<{ index?: number; review?: boolean }>(sessionStore(), storageKeys.position(attemptId), {});
  const index = Math.min(Math.max(0, Number(saved.index) || 0), Math.max(0, total - 1));
  return saved.review ? { kind: "review", returnTo: index } : { kind: "question", index };
}

export function useTestPosition(attemptId: string, total: number) {
  const [view, setView] = useState<View>(() => initialView(attemptId, total));
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const go = useCallback(
    (next: View) => {
      moved.current = true;
      setView(next);
      if (next.kind === "question") writeJson(sessionStore(), storageKeys.position(attemptId), { index: next.index });
      if (next.kind === "review") writeJson(sessionStore(), storageKeys.position(attemptId), { index: next.returnTo, review: true });
    },
    [attemptId],
  );

  // Back from a pause or a re-admission, the screen that had focus is gone: start at the heading.
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) heading.current?.focus();
  }, []);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: "nearest" });
  }, [view]);

  const goTo = useCallback((index: number) => go({ kind: "question", index: Math.min(Math.max(0, index), total - 1) }), [go, total]);
  const current = view.kind === "question" ? view.index : view.kind === "review" ? view.returnTo : 0;

  const begin = useCallback(() => {
    go(view.kind === "tutorial" && view.returnTo ? view.returnTo : { kind: "question", index: 0 });
  }, [go, view]);

  return {
    view,
    heading,
    current,
    goTo,
    begin,
    showInstructions: () => go({ kind: "tutorial", returnTo: view.kind === "tutorial" ? null : view }),
    toggleReview: () => (view.kind === "review" ? goTo(view.returnTo) : go({ kind: "review", returnTo: current })),
  };
}
