// Words for the statistics' numbers and codes, shared by the item panel and the review queue.
import { DEMOGRAPHIC_QUESTIONS, type DemographicQuestion } from "../../../common/rules/demographics";

/** A proportion or correlation to two decimals; an undefined one (a constant item) as a dash. */
export const stat = (v: number | null | undefined, digits = 2) => (v === null || v === undefined ? "—" : v.toFixed(digits));
export const share = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(1)}%`);

export function questionLabel(code: string): string {
  return DEMOGRAPHIC_QUESTIONS[code as DemographicQuestion]?.label ?? code;
}

export function answerLabel(question: string, answer: string): string {
  const options = DEMOGRAPHIC_QUESTIONS[question as DemographicQuestion]?.options as Record<string, string> | undefined;
  return options?.[answer] ?? answer;
}
