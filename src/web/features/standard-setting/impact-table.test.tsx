import { afterEach, describe, expect, it } from "vitest";
import { render, type Rendered } from "../../testing/render";
import type { ImpactView } from "../../../common/schemas/standard-setting";
import { ImpactSummary, ImpactTable } from "./impact-table";

let rendered: Rendered | null = null;
afterEach(() => {
  rendered?.unmount();
  rendered = null;
});

const impact: ImpactView = {
  round: 1, results: 40, passRateAtCut: 62.5, passRateAtStandard: 60,
  items: [
    { itemId: "a", identifier: "MT1-ALG-001", skill: "ALG", pValue: 0.82, mean: 71.5, sd: 6.4, min: 65, max: 80 },
    { itemId: "b", identifier: "MT1-MEAS-002", skill: "MEAS", pValue: null, mean: 80, sd: null, min: 80, max: 80 },
  ],
};

describe("impact data", () => {
  it("shows each item's p-value beside the panel's mean and spread, in words for items nobody saw", () => {
    rendered = render(<ImpactTable impact={impact} />);
    const rows = [...rendered.container.querySelectorAll("tbody tr")].map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent?.trim()));
    expect(rows).toEqual([
      ["MT1-ALG-001ALG", "0.82", "71.5%", "6.4", "65–80"],
      ["MT1-MEAS-002MEAS", "Not seen yet", "80.0%", "—", "80–80"],
    ]);
    // The bars are decoration: the numbers are in the cells.
    for (const bar of rendered.container.querySelectorAll(".angoff-bar")) expect(bar.getAttribute("aria-hidden")).toBe("true");
  });

  it("states the pass rates at the panel's cut and at the program's standard", () => {
    rendered = render(<ImpactSummary impact={impact} cut={74.2} passPercent={75} />);
    const text = rendered.container.textContent ?? "";
    expect(text).toContain("Recent scored results40");
    expect(text).toContain("Pass rate at the panel's round 1 cut (74.2%)62.5%");
    expect(text).toContain("Pass rate at the program's standard (75%)60.0%");
  });
});
