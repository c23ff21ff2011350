import { describe, expect, it } from "vitest";
import type { ItemPresentation } from "../../api/types";
import { answerState, mapButtonName, openQuestionsSentences, questionList, summarize } from "./question-status";

const choice = (responseId: string) => ({
  interaction: { kind: "choice" as const, responseId, maxChoices: 1, minChoices: 0, shuffle: false, prompt: [], choices: [] },
});
const item = (...ids: string[]): ItemPresentation => ({ body: [{ tag: "p", children: ["Stem"] }, ...ids.map(choice)], spoken: {}, lang: "en" });

describe("question status", () => {
  it("tells answered, partly answered and unanswered apart", () => {
    expect(answerState(item("R"), undefined)).toBe("unanswered");
    expect(answerState(item("R"), { R: "" })).toBe("unanswered");
    expect(answerState(item("R"), { R: [] })).toBe("unanswered");
    expect(answerState(item("R"), { R: "A" })).toBe("answered");
    expect(answerState(item("R1", "R2"), { R1: "A" })).toBe("partial");
    expect(answerState(item("R1", "R2"), { R1: "A", R2: ["B"] })).toBe("answered");
  });

  it("names map buttons and lists questions", () => {
    expect(mapButtonName(3, "answered", true)).toBe("Question 3, answered, flagged");
    expect(mapButtonName(4, "unanswered", false)).toBe("Question 4, not answered");
    expect(questionList([4])).toBe("Question 4");
    expect(questionList([4, 9])).toBe("Questions 4 and 9");
    expect(questionList([4, 9, 12])).toBe("Questions 4, 9 and 12");
  });

  it("summarizes a test for the review screen and the submit dialog", () => {
    const items = ["a", "b", "c", "d"].map((id) => ({ id, presentation: item("R") }));
    const s = summarize(items, { a: { R: "A" }, c: { R: "B" } }, new Set(["c"]));
    expect(s).toMatchObject({ answered: [1, 3], unanswered: [2, 4], flagged: [3], partial: [] });
    expect(openQuestionsSentences(s)).toEqual(["Questions 2 and 4 are not answered.", "Question 3 is flagged for review."]);
  });
});

describe("isTypingChange", async () => {
  const { isTypingChange } = await import("./response-change");
  const mixed: ItemPresentation = {
    lang: "en",
    spoken: {},
    body: [
      { interaction: { kind: "textEntry", responseId: "T", expectedLength: 5, numeric: false } },
      { interaction: { kind: "inlineChoice", responseId: "C", shuffle: false, choices: [] } },
    ],
  };
  it("waits for typing, not for choices", () => {
    expect(isTypingChange(mixed, { T: "1" }, { T: "12" })).toBe(true);
    expect(isTypingChange(mixed, { T: "1" }, { T: "1", C: "A" })).toBe(false);
    expect(isTypingChange(mixed, { T: "1" }, { T: "1" })).toBe(false);
  });
});
