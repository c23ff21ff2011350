import { describe, expect, it } from "vitest";
import type { ItemPresentation } from "../../api/types";
import { spokenItem } from "./spoken-text";

const option = (id: string, text: string) => ({ id, content: [text] });

describe("spokenItem", () => {
  it("prefers the catalog's spoken text and does not read the question twice", () => {
    const p: ItemPresentation = {
      lang: "en",
      spoken: { "spoken-stem": "A slot 0.5 inches wide. Which sizes match?", "spoken-A": "one-half of an inch" },
      body: [
        { tag: "p", attrs: { "data-catalog-idref": "spoken-stem" }, children: ["A slot 0.5 in wide."] },
        {
          interaction: {
            kind: "choice", responseId: "R", maxChoices: 1, minChoices: 0, shuffle: false,
            prompt: ["Which sizes match?"], choices: [option("A", "1/2 in"), option("B", "5/8 in")],
          },
        },
      ],
    };
    const s = spokenItem(p);
    expect(s.whole).toBe("A slot 0.5 inches wide. Which sizes match? Option 1: one-half of an inch. Option 2: 5/8 in.");
    expect(s.options).toEqual([{ label: "Option 1", text: "one-half of an inch" }, { label: "Option 2", text: "5/8 in" }]);
  });

  it("reads figures by their alt text, blanks as 'blank', and skips hidden long descriptions", () => {
    const p: ItemPresentation = {
      lang: "en",
      spoken: {},
      body: [
        { tag: "p", children: [{ tag: "img", attrs: { alt: "A gauge reading 40 psi" } }] },
        { tag: "div", attrs: { class: "qti-visually-hidden" }, children: ["long description"] },
        { tag: "p", children: ["The pressure is ", { interaction: { kind: "textEntry", responseId: "R", expectedLength: 4, numeric: true } }, " psi."] },
      ],
    };
    expect(spokenItem(p).whole).toBe("A gauge reading 40 psi The pressure is blank psi.");
  });

  it("labels options by part when an item has several option lists", () => {
    const list = (responseId: string) => ({
      interaction: { kind: "choice" as const, responseId, maxChoices: 1, minChoices: 0, shuffle: false, prompt: [], choices: [option("A", "Yes")] },
    });
    expect(spokenItem({ lang: "en", spoken: {}, body: [list("R1"), list("R2")] }).options.map((o) => o.label)).toEqual([
      "Part 1, option 1",
      "Part 2, option 1",
    ]);
  });
});
