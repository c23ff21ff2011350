// The response shapes the server's scorer expects, per interaction (CandidateResponse[responseId]):
//   choice          maxChoices === 1 → "A"; otherwise ["A", "C"]
//   order           ["C", "A", "D", "B"] in the candidate's order
//   textEntry       "0.375" (a string, also when numeric); extendedText → a string
//   inlineChoice    "A"
//   match           [["L1", "R2"], …] (source, target)
//   associate       [["A", "B"], …] (unordered pairs)
//   gapMatch        [["W", "G1"], …] (gap text, gap)
//   hotspot         maxChoices === 1 → "B"; otherwise ["B", "D"]
//   selectPoint     [x, y] in image pixels; maxChoices > 1 → [[x, y], …]
// And a readable account of a response (for staff: the key of an item).
import type { CandidateResponse } from "../../../common/qti/scoring";
import type { Interaction, ItemPresentation } from "../../../common/items/presentation";
import { interactionsOf, textOf } from "./presentation-utils";

const str = (v: unknown) => (Array.isArray(v) ? v.map(String).join(" ") : String(v));
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v]);
const pairList = (v: unknown): [string, string][] =>
  list(v).map((p) => (Array.isArray(p) ? [String(p[0]), String(p[1])] : (String(p).split(/\s+/) as [string, string])));

function optionText(i: Interaction, id: string): string {
  switch (i.kind) {
    case "choice":
    case "order":
    case "associate": {
      const c = i.choices.find((o) => o.id === id);
      return c ? `${textOf(c.content)} (${id})` : id;
    }
    case "inlineChoice": {
      const c = i.choices.find((o) => o.id === id);
      return c ? `${c.text} (${id})` : id;
    }
    case "match": {
      const c = [...i.sources, ...i.targets].find((o) => o.id === id);
      return c ? textOf(c.content) : id;
    }
    case "gapMatch":
      return i.gapTexts.find((g) => g.id === id)?.text ?? id;
    case "hotspot": {
      const index = i.hotspots.findIndex((h) => h.id === id);
      const h = i.hotspots[index];
      return h ? `${h.label ?? `Area ${index + 1}`} (${id})` : id;
    }
    default:
      return id;
  }
}

/** One interaction's response as lines of readable text. */
export function describeValue(i: Interaction, value: unknown): string[] {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return ["(no response)"];
  switch (i.kind) {
    case "choice":
    case "hotspot":
    case "inlineChoice":
      return list(value).map((id) => optionText(i, String(id)));
    case "order":
      return list(value).map((id, n) => `${n + 1}. ${optionText(i, String(id))}`);
    case "match":
      return pairList(value).map(([a, b]) => `${optionText(i, a)} → ${optionText(i, b)}`);
    case "associate":
      return pairList(value).map(([a, b]) => `${optionText(i, a)} ↔ ${optionText(i, b)}`);
    case "gapMatch":
      return pairList(value).map(([word, gap]) => `${gap}: ${optionText(i, word)}`);
    case "selectPoint": {
      const points = Array.isArray(value) && Array.isArray(value[0]) ? (value as unknown[]) : [value];
      return points.map((p) => `(${str(p).split(/\s+/).join(", ")})`);
    }
    default:
      return [str(value)];
  }
}

/** A whole response (e.g. an item's key), interaction by interaction. */
export function describeResponse(presentation: ItemPresentation, response: CandidateResponse | null): { responseId: string; kind: string; lines: string[] }[] {
  if (!response) return [];
  const interactions = interactionsOf(presentation.body);
  return Object.entries(response).map(([responseId, value]) => {
    const i = interactions.find((x) => x.responseId === responseId);
    return { responseId, kind: i?.kind ?? "unknown", lines: i ? describeValue(i, value) : [JSON.stringify(value)] };
  });
}
