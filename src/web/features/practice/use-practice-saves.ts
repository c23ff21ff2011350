// Saving a practice test's answers as the learner goes: each change is sent shortly after it stops
// (typing is not sent key by key), one item's saves in order, the latest always last. A save the
// server refuses because the test is over (its time ran out) ends the screen; a network failure keeps
// the answer to send again. Simpler than the real test's durable save queue: a practice answer lost
// to a closed browser costs nothing but practice.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { ApiError } from "../../api/client";
import type { CandidateResponse } from "../../api/types";
import type { SaveState } from "../test-delivery/save-status";
import { practiceApi } from "./practice-api";

const QUIET_MS = 400;

export function usePracticeSaves(testId: string, onOver: () => void) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [failed, setFailed] = useState(false);
  const [notice, setNotice] = useState("");
  const waiting = useRef(new Map<string, { response: CandidateResponse; timer: ReturnType<typeof setTimeout> | null }>());
  const chains = useRef(new Map<string, Promise<void>>());
  const inflight = useRef(0);
  const overRef = useRef(onOver);
  useEffect(() => {
    overRef.current = onOver;
  }, [onOver]);

  const send = useCallback(
    (itemId: string): Promise<void> => {
      const entry = waiting.current.get(itemId);
      if (!entry) return chains.current.get(itemId) ?? Promise.resolve();
      if (entry.timer) clearTimeout(entry.timer);
      waiting.current.delete(itemId);
      inflight.current++;
      rerender();
      const previous = chains.current.get(itemId) ?? Promise.resolve();
      const next = previous.then(async () => {
        try {
          await practiceApi.save(testId, itemId, entry.response);
          setFailed(false);
        } catch (error) {
          if (error instanceof ApiError && error.code === "PRACTICE_TEST_CLOSED") {
            overRef.current();
            return;
          }
          // Kept to send again, unless a newer answer took its place meanwhile.
          if (!waiting.current.has(itemId)) waiting.current.set(itemId, { response: entry.response, timer: null });
          setFailed(true);
          setNotice(error instanceof ApiError && error.status > 0 ? error.message : "Your answer could not be saved yet. It is sent again with your next change and when you submit.");
        } finally {
          inflight.current--;
          rerender();
        }
      });
      chains.current.set(itemId, next);
      return next;
    },
    [testId],
  );

  const save = useCallback(
    (itemId: string, response: CandidateResponse) => {
      const old = waiting.current.get(itemId);
      if (old?.timer) clearTimeout(old.timer);
      waiting.current.set(itemId, { response, timer: setTimeout(() => void send(itemId), QUIET_MS) });
      rerender();
    },
    [send],
  );

  /** Sends every waiting answer now and waits for all of them; throws when one could not be saved. */
  const flush = useCallback(async () => {
    await Promise.all([...[...waiting.current.keys()].map((id) => send(id)), ...chains.current.values()]);
    if (waiting.current.size > 0) throw new ApiError(0, "NETWORK_ERROR", "Some answers could not be saved yet.");
  }, [send]);

  const submit = useCallback(async () => {
    try {
      await practiceApi.submit(testId);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "PRACTICE_TEST_CLOSED")) throw error;
    }
    overRef.current();
  }, [testId]);

  useEffect(
    () => () => {
      for (const entry of waiting.current.values()) if (entry.timer) clearTimeout(entry.timer);
    },
    [],
  );

  const state: SaveState = failed ? "offline" : waiting.current.size + inflight.current > 0 ? "saving" : "saved";
  return useMemo(() => ({ save, flush, submit, state, notice }), [save, flush, submit, state, notice]);
}
