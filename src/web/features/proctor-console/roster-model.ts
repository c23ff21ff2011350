// Pure shaping of the console's candidates for the table, the close-session check and the
// screen-reader announcements.
import { isOpenAttempt } from "./format";
import type { ConsoleAttemptView, ConsoleCandidateView, ConsoleView } from "../../../common/schemas/delivery";

/** One table row: a module the candidate registered for, with its attempt once started. */
export interface ModuleRow {
  module: string;
  attempt: ConsoleAttemptView | null;
}

/**
 * A row per registered module (so the proctor sees what is still to start) plus any attempt whose
 * module is not among them, in the registration's module order.
 */
export function moduleRows(candidate: ConsoleCandidateView): ModuleRow[] {
  const rows: ModuleRow[] = candidate.modules.map((module) => ({
    module,
    attempt: candidate.attempts.find((a) => a.module === module) ?? null,
  }));
  for (const attempt of candidate.attempts) {
    if (!rows.some((row) => row.attempt?.id === attempt.id)) rows.push({ module: attempt.module, attempt });
  }
  return rows;
}

/**
 * Candidates whose attempts keep the session from closing: those the server named (attemptIds of
 * its refusal) or, without that list, those still running or paused in the last poll.
 */
export function candidatesStillTesting(view: ConsoleView, attemptIds?: readonly string[]): { name: string; modules: string[] }[] {
  const blocking = attemptIds ? (a: ConsoleAttemptView) => attemptIds.includes(a.id) : (a: ConsoleAttemptView) => isOpenAttempt(a.status);
  return view.candidates
    .map((c) => ({ name: c.name, modules: c.attempts.filter(blocking).map((a) => a.module) }))
    .filter((c) => c.modules.length > 0);
}

export const hasScribe = (candidate: ConsoleCandidateView) => candidate.accommodations.includes("scribe");

/**
 * What changed between two polls that a proctor must hear about, as sentences for a polite live
 * region: a connection lost, a request to continue on another computer, focus leaving the test, a
 * submission. Nothing is announced for the first load (prev null) or for candidates just added.
 */
export function rosterChanges(prev: ConsoleView | null, next: ConsoleView): string[] {
  if (!prev) return [];
  const before = new Map(prev.candidates.flatMap((c) => c.attempts.map((a) => [a.id, a] as const)));
  const messages: string[] = [];
  for (const candidate of next.candidates) {
    for (const attempt of candidate.attempts) {
      const old = before.get(attempt.id);
      const who = `${candidate.name} (${attempt.module})`;
      if (!old) {
        messages.push(`${who} started.`);
        continue;
      }
      if (attempt.connection === "offline" && old.connection !== "offline" && isOpenAttempt(attempt.status)) {
        messages.push(`${who} went offline.`);
      }
      if (attempt.awaitingReadmit && !old.awaitingReadmit) messages.push(`${who} is waiting for re-admission on another computer.`);
      if (attempt.focusLost > old.focusLost) messages.push(`${who} left the test window.`);
      if (attempt.status === "submitted" && old.status !== "submitted" && old.status !== "scored") messages.push(`${who} submitted.`);
      if (attempt.status === "paused" && old.status === "in_progress" && attempt.pauseReason === "no_proctor_present") {
        messages.push(`${who} was paused: no proctor present.`);
      }
    }
  }
  return messages;
}
