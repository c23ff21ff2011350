// Which questions are answered, partly answered, unanswered and flagged: for the question map, the
// review screen and the submit dialog. Pure.
import type { CandidateResponse, ItemPresentation } from "../../api/types";
import { interactionsOf } from "../item-render/presentation-utils";

export type AnswerState = "answered" | "partial" | "unanswered";

function hasValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Partly answered: an item with several parts (e.g. two blanks) where only some have an answer. */
export function answerState(presentation: ItemPresentation, response: CandidateResponse | undefined): AnswerState {
  if (!response) return "unanswered";
  const ids = interactionsOf(presentation.body).map((i) => i.responseId);
  const filled = (ids.length ? ids : Object.keys(response)).filter((id) => hasValue(response[id])).length;
  if (filled === 0) return "unanswered";
  return ids.length === 0 || filled === ids.length ? "answered" : "partial";
}

const STATE_WORDS: Record<AnswerState, string> = { answered: "answered", partial: "partly answered", unanswered: "not answered" };

/** The accessible name of a question-map button: "Question 3, answered, flagged". */
export function mapButtonName(number: number, state: AnswerState, flagged: boolean): string {
  return `Question ${number}, ${STATE_WORDS[state]}${flagged ? ", flagged" : ""}`;
}

/** "Question 4", "Questions 4 and 9", "Questions 4, 9 and 12". */
export function questionList(numbers: readonly number[]): string {
  if (numbers.length === 0) return "";
  if (numbers.length === 1) return `Question ${numbers[0]}`;
  return `Questions ${numbers.slice(0, -1).join(", ")} and ${numbers[numbers.length - 1]}`;
}

export interface AnswerSummary {
  answered: number[];
  partial: number[];
  unanswered: number[];
  flagged: number[];
  states: AnswerState[];
}

/** Question numbers (1-based) by state, in test order. */
export function summarize(
  items: readonly { id: string; presentation: ItemPresentation }[],
  responses: Readonly<Record<string, CandidateResponse>>,
  flags: ReadonlySet<string>,
): AnswerSummary {
  const out: AnswerSummary = { answered: [], partial: [], unanswered: [], flagged: [], states: [] };
  items.forEach((item, index) => {
    const state = answerState(item.presentation, responses[item.id]);
    out.states.push(state);
    out[state].push(index + 1);
    if (flags.has(item.id)) out.flagged.push(index + 1);
  });
  return out;
}

/** The sentences of the submit dialog about what is left open. */
export function openQuestionsSentences(summary: AnswerSummary): string[] {
  const lines: string[] = [];
  const verb = (n: readonly number[]) => (n.length === 1 ? "is" : "are");
  if (summary.unanswered.length) lines.push(`${questionList(summary.unanswered)} ${verb(summary.unanswered)} not answered.`);
  if (summary.partial.length) lines.push(`${questionList(summary.partial)} ${verb(summary.partial)} only partly answered.`);
  if (summary.flagged.length) lines.push(`${questionList(summary.flagged)} ${verb(summary.flagged)} flagged for review.`);
  return lines;
}
