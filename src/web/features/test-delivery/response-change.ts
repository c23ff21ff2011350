// Whether a response change came from typing, so its save can wait ~300 ms for the next keystroke
// (a choice, a drag or a select is saved at once). Pure.
import type { CandidateResponse, ItemPresentation } from "../../api/types";
import { interactionsOf } from "../item-render/presentation-utils";

const TEXT_KINDS = new Set(["textEntry", "extendedText"]);

export function isTypingChange(presentation: ItemPresentation, previous: CandidateResponse | undefined, next: CandidateResponse): boolean {
  const textIds = new Set(interactionsOf(presentation.body).filter((i) => TEXT_KINDS.has(i.kind)).map((i) => i.responseId));
  if (textIds.size === 0) return false;
  const before = previous ?? {};
  const keys = new Set([...Object.keys(before), ...Object.keys(next)]);
  const changed = [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]));
  return changed.length > 0 && changed.every((k) => textIds.has(k));
}
