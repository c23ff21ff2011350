// Scribe mode's saving: the page keeps the responses; each change is sent after a short typing pause
// (and at once when the proctor moves to another item), in order, with a seq that only grows.
// A refused save keeps the entry on the page for "Try again"; a newer entry for the item replaces it.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, errorMessage } from "../../api/client";
import type { CandidateResponse } from "../../api/types";
import type { AttemptView } from "../../../common/schemas/delivery";
import { asResponse } from "../test-delivery/restore";
import { saveResponse } from "./scribe-api";
import { lastSavedSeq, nextSeq, type SaveState } from "./scribe-model";

const TYPING_PAUSE_MS = 600;

export interface ScribeSaves {
  responses: Record<string, CandidateResponse>;
  state: SaveState;
  errorCode: string | null;
  change: (itemId: string, response: CandidateResponse) => void;
  /** Send what is waiting now (before moving to another item). */
  flush: () => void;
  retry: () => void;
}

export function useScribeSaves(attempt: AttemptView): ScribeSaves {
  const attemptId = attempt.id;
  const [responses, setResponses] = useState(() =>
    Object.fromEntries(Object.entries(attempt.responses).map(([itemId, saved]) => [itemId, asResponse(saved.response)])),
  );
  const [state, setState] = useState<SaveState>({ pending: 0, inFlight: 0, error: null, lastSavedAt: null });
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const pending = useRef(new Map<string, CandidateResponse>());
  const failed = useRef(new Map<string, CandidateResponse>());
  const latestSeq = useRef(new Map<string, number>());
  const seq = useRef(lastSavedSeq(attempt.responses));
  const timer = useRef<number | undefined>(undefined);

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    const batch = [...pending.current];
    pending.current.clear();
    if (batch.length === 0) return;
    setState((s) => ({ ...s, pending: 0, inFlight: s.inFlight + batch.length }));
    for (const [itemId, response] of batch) {
      const mine = (seq.current = nextSeq(seq.current, Date.now()));
      latestSeq.current.set(itemId, mine);
      const isLatest = () => latestSeq.current.get(itemId) === mine;
      saveResponse(attemptId, itemId, response, mine).then(
        () => {
          if (isLatest()) failed.current.delete(itemId);
          const clear = failed.current.size === 0;
          if (clear) setErrorCode(null);
          setState((s) => ({ ...s, inFlight: s.inFlight - 1, lastSavedAt: Date.now(), error: clear ? null : s.error }));
        },
        (error: unknown) => {
          if (isLatest() && !pending.current.has(itemId)) failed.current.set(itemId, response);
          setErrorCode(error instanceof ApiError ? error.code : null);
          setState((s) => ({ ...s, inFlight: s.inFlight - 1, error: errorMessage(error) }));
        },
      );
    }
  }, [attemptId]);

  const change = useCallback(
    (itemId: string, response: CandidateResponse) => {
      setResponses((r) => ({ ...r, [itemId]: response }));
      pending.current.set(itemId, response);
      setState((s) => ({ ...s, pending: pending.current.size }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, TYPING_PAUSE_MS);
    },
    [flush],
  );

  const retry = useCallback(() => {
    for (const [itemId, response] of failed.current) if (!pending.current.has(itemId)) pending.current.set(itemId, response);
    failed.current.clear();
    setErrorCode(null);
    setState((s) => ({ ...s, error: null }));
    flush();
  }, [flush]);

  // Leaving the page sends what is still waiting rather than dropping it.
  useEffect(() => flush, [flush]);

  return { responses, state, errorCode, change, flush, retry };
}
