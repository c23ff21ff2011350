import { afterEach, describe, expect, it } from "vitest";
import { render, type Rendered } from "../../testing/render";
import type { AnalyticsReport } from "../../../common/schemas/analytics";
import { AnalyticsFigures } from "./analytics-figures";

let rendered: Rendered | null = null;
afterEach(() => {
  rendered?.unmount();
  rendered = null;
});

const cells = (row: Element) => [...row.querySelectorAll("th, td")].map((c) => c.textContent);
const tableNamed = (container: HTMLElement, caption: string) =>
  [...container.querySelectorAll("table")].find((t) => t.querySelector("caption")?.textContent === caption)!;

const report: AnalyticsReport = {
  from: "2026-01-01", to: "2026-03-31", grouping: "month", minimumGroup: 10,
  modules: [
    { module: "MM", moduleName: "Math and Measurement", attempts: 18, passed: 13, passRate: 72 },
    { module: "SRMT", moduleName: "Spatial Reasoning", attempts: 1, passed: 1, passRate: null },
    { module: "QBA", moduleName: "Quality", attempts: 0, passed: 0, passRate: null },
  ],
  skills: [],
  centers: [{ centerId: "c1", centerName: "Alpha Center", sessions: 3, registrations: 16, attempts: 15, passed: 11, passRate: 73 }],
  periods: [{ period: "2026-01", attempts: 12, passed: 9, passRate: 75 }],
  accommodations: [
    { group: "with", suppressed: false, candidates: 10, attempts: 12, passed: 11, passRate: 91 },
    { group: "without", suppressed: true, candidates: null, attempts: null, passed: null, passRate: null },
  ],
  retakes: [],
  timeToAward: [{ credential: "MS", credentialName: "Manufacturing Specialist", awards: 3, q1Days: 40.5, medianDays: 50, q3Days: 55 }],
};

describe("AnalyticsFigures", () => {
  it("gives each figure as a captioned table, a small group's rate as too few, and a CSV link with the filters", () => {
    rendered = render(<AnalyticsFigures report={report} filters={{ from: "2026-01-01", to: "2026-03-31", module: "MM" }} />);
    const c = rendered.container;
    const modules = tableNamed(c, "Pass rate by module");
    expect([...modules.querySelectorAll("tbody tr")].map(cells)).toEqual([
      ["Math and Measurement (MM)", "18", "13", "72%"],
      ["Spatial Reasoning (SRMT)", "1", "1", "— (too few)"],
      ["Quality (QBA)", "0", "0", "—"],
    ]);
    const groups = tableNamed(c, "By accommodation status");
    expect([...groups.querySelectorAll("tbody tr")].map(cells)).toEqual([
      ["With approved accommodations", "10", "12", "11", "91%"],
      ["Without approved accommodations", "Too few to show", "—", "—", "—"],
    ]);
    expect(cells(tableNamed(c, "Time to MS and MT1").querySelector("tbody tr")!)).toEqual(["Manufacturing Specialist (MS)", "3", "40.5", "50", "55"]);
    expect(c.textContent).toContain("Nothing in this period.");

    const link = [...c.querySelectorAll("a")].find((a) => a.textContent === "Download “Pass rate by module” as CSV")!;
    expect(link.getAttribute("href")).toBe("/api/v1/admin/analytics/csv?from=2026-01-01&to=2026-03-31&module=MM&figure=modules");
    expect(link.hasAttribute("download")).toBe(true);
    // Charts are for the eye: hidden from assistive technology, with a caption in words.
    const plots = c.querySelectorAll(".analytics-chart__plot");
    expect(plots.length).toBeGreaterThan(0);
    for (const plot of plots) expect(plot.getAttribute("aria-hidden")).toBe("true");
    expect(c.querySelector(".analytics-chart figcaption")?.textContent).toMatch(/Pass rate by module, in percent/);
  });
});
