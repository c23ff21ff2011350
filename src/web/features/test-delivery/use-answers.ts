// The candidate's answers and flags on this screen: restored once from the server and the local
// queue, changed locally at once (the screen never waits for the network), and handed to the save
// queue: choices immediately, typing after a 300 ms pause, flags as the whole set.
import { useCallback, useEffect, useRef, useState } from "react";
import type { CandidateResponse } from "../../api/types";
import type { AttemptView } from "../../../common/schemas/delivery";
import { localStore, storageKeys } from "./local-store";
import { isTypingChange } from "./response-change";
import { restoreAnswers } from "./restore";
import type { SaveQueue } from "./save-queue";
import { createSeqSource } from "./seq";

const TYPING_PAUSE_MS = 300;

interface Answers {
  responses: Record<string, CandidateResponse>;
  flags: ReadonlySet<string>;
}

export function useAnswers(attemptId: string, queue: SaveQueue, attempt: AttemptView | undefined) {
  const [seq] = useState(() => createSeqSource(localStore(), storageKeys.lastSeq(attemptId)));
  const [answers, setAnswers] = useState<Answers | null>(null);
  const [typing, setTyping] = useState(false);
  const current = useRef<Answers | null>(null);
  const timers = useRef(new Map<string, { handle: ReturnType<typeof setTimeout>; response: CandidateResponse }>());

  // Restore once, when the attempt first arrives running (later polls must not undo local changes).
  // A paused attempt arrives without its items or responses, so restoring waits for the resume.
  if (!answers && attempt && attempt.status === "in_progress") {
    const restored = restoreAnswers(attempt, [...queue.restoredEntries(), ...queue.pendingEntries()]);
    seq.raiseTo(restored.maxSeq);
    const initial = { responses: restored.responses, flags: new Set(restored.flags) };
    current.current = initial;
    setAnswers(initial);
  }

  const update = useCallback((next: Answers) => {
    current.current = next;
    setAnswers(next);
  }, []);

  const send = useCallback(
    (itemId: string, response: CandidateResponse) => queue.enqueue({ kind: "response", itemId, response, seq: seq.next() }),
    [queue, seq],
  );

  /** Queue whatever is still waiting for a typing pause (before submitting, leaving or a reload). */
  const flushTyping = useCallback(() => {
    for (const [itemId, pending] of timers.current) {
      clearTimeout(pending.handle);
      send(itemId, pending.response);
    }
    timers.current.clear();
    setTyping(false);
  }, [send]);

  const setResponse = useCallback(
    (item: AttemptView["items"][number], next: CandidateResponse) => {
      const before = current.current;
      if (!before) return;
      update({ ...before, responses: { ...before.responses, [item.id]: next } });
      const waiting = timers.current.get(item.id);
      if (waiting) clearTimeout(waiting.handle);
      if (isTypingChange(item.presentation, before.responses[item.id], next)) {
        const handle = setTimeout(() => {
          timers.current.delete(item.id);
          send(item.id, next);
          setTyping(timers.current.size > 0);
        }, TYPING_PAUSE_MS);
        timers.current.set(item.id, { handle, response: next });
        setTyping(true);
      } else {
        timers.current.delete(item.id);
        send(item.id, next);
        setTyping(timers.current.size > 0);
      }
    },
    [send, update],
  );

  const toggleFlag = useCallback(
    (itemId: string) => {
      const before = current.current;
      if (!before) return;
      const flags = new Set(before.flags);
      if (flags.has(itemId)) flags.delete(itemId);
      else flags.add(itemId);
      update({ ...before, flags });
      queue.enqueue({ kind: "flags", itemIds: [...flags] });
    },
    [queue, update],
  );

  useEffect(() => {
    // A reload or closing the tab must not lose the last few keystrokes: they go to localStorage.
    window.addEventListener("pagehide", flushTyping);
    return () => {
      window.removeEventListener("pagehide", flushTyping);
      flushTyping();
    };
  }, [flushTyping]);

  return { answers, typing, setResponse, toggleFlag, flushTyping };
}
