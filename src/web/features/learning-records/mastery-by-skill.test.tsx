import { act } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buttonNamed, click, render, type Rendered } from "../../testing/render";
import type { MasteryReport, SkillMasteryReportRow } from "../../../common/schemas/practice";
import { MasteryBySkill } from "./mastery-by-skill";
import { PeriodForm, periodBounds } from "./report-period";

let rendered: Rendered | null = null;
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  vi.unstubAllGlobals();
});

const cells = (row: Element) => [...row.querySelectorAll("th, td")].map((c) => c.textContent);
const settle = () => act(async () => { await new Promise((r) => setTimeout(r, 20)); });

const none = { practisingLearners: 0, answers: 0, correctAnswers: 0, percentCorrect: null, everPractised: 0, fewLearners: false, newlyMastered: 0, mastered: 0, masteredPercent: null };
const skill = (code: string, name: string, figures: Partial<SkillMasteryReportRow>): SkillMasteryReportRow => ({ skill: code, skillName: name, module: "MM", ...none, ...figures });
const report: MasteryReport = {
  from: "2026-03-01T00:00:00.000Z", to: "2026-03-08T00:00:00.000Z",
  policy: { window: 4, percent: 75, correctNeeded: 3 }, fewLearners: 5,
  skills: [
    skill("MEAS", "Measurement", { practisingLearners: 2, answers: 7, correctAnswers: 5, percentCorrect: 71, everPractised: 2, fewLearners: true, newlyMastered: 1, mastered: 2, masteredPercent: 100 }),
    skill("ALG", "Algebra", { practisingLearners: 9, answers: 40, correctAnswers: 30, percentCorrect: 75, everPractised: 12, newlyMastered: 3, mastered: 6, masteredPercent: 50 }),
    skill("MQ", "Math for Quality", {}),
  ],
  modules: [{ module: "MM", moduleName: "Math and Measurement", skillCount: 3, practisingLearners: 10, answers: 47, correctAnswers: 35, percentCorrect: 74, everPractised: 13, fewLearners: false, newMasteries: 4, masteredAll: 1, masteredAllPercent: 7 }],
};

/** Types into a controlled input the way a browser does (React listens for the input event). */
function type(input: HTMLInputElement, value: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

describe("MasteryBySkill", () => {
  it("asks for the period's report and shows each skill and module, the policy from the report, few-learner marks and bars", async () => {
    const asked: string[] = [];
    vi.stubGlobal("fetch", vi.fn(async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify(report), { status: 200, headers: { "content-type": "application/json" } });
    }));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    rendered = render(<QueryClientProvider client={client}><MasteryBySkill period={{ from: "2026-03-01", to: "2026-03-07" }} /></QueryClientProvider>);
    await settle();
    expect(asked).toEqual([`/api/v1/admin/learning/mastery?from=${encodeURIComponent("2026-03-01T00:00:00.000Z")}&to=${encodeURIComponent("2026-03-08T00:00:00.000Z")}`]);
    expect(rendered.container.textContent).toContain("A learner has mastered a skill with at least 3 of the last 4 practice answers of the skill correct (75% of the last 4, the program's policy)");
    expect(rendered.container.textContent).toContain("Where fewer than 5 learners practised");

    const [skills, modules] = [...rendered.container.querySelectorAll("table")];
    expect(skills!.querySelector("caption")?.textContent).toBe("Mastery by skill, 2026-03-01 to 2026-03-07");
    const rows = [...skills!.querySelectorAll("tbody tr")];
    expect(rows.map(cells)).toEqual([
      ["Measurement (MEAS)", "MM", "2", "7", "71% (few learners)", "1", "2 of 2 (100%)"],
      ["Algebra (ALG)", "MM", "9", "40", "75%", "3", "6 of 12 (50%)"],
      ["Math for Quality (MQ)", "MM", "0", "0", "—", "0", "—"],
    ]);
    expect((rows[1]!.querySelector(".share__fill") as HTMLElement).style.width).toBe("50%");
    expect(rows[1]!.querySelector(".share__track")?.getAttribute("aria-hidden")).toBe("true");
    expect(cells(modules!.querySelector("tbody tr")!)).toEqual(["Math and Measurement (MM)", "10", "47", "74%", "4", "1 of 13 (7%)"]);
  });
});

describe("PeriodForm", () => {
  it("changes the period only when it is valid: the last day not before the first, at most 366 days", () => {
    const onChange = vi.fn();
    rendered = render(<PeriodForm period={{ from: "2026-03-01", to: "2026-03-07" }} onChange={onChange} />);
    const [from, to] = [...rendered.container.querySelectorAll("input")];
    type(to!, "2026-02-01");
    click(buttonNamed(rendered.container, "Show"));
    expect(rendered.container.querySelector("[role=alert]")?.textContent).toBe("The last day must not be before the first.");
    type(from!, "2025-01-01");
    type(to!, "2026-01-02");
    click(buttonNamed(rendered.container, "Show"));
    expect(rendered.container.querySelector("[role=alert]")?.textContent).toBe("Choose a period of 366 days or less.");
    expect(onChange).not.toHaveBeenCalled();
    // 366 days, both ends included.
    type(to!, "2026-01-01");
    click(buttonNamed(rendered.container, "Show"));
    expect(rendered.container.querySelector("[role=alert]")).toBeNull();
    expect(onChange).toHaveBeenCalledWith({ from: "2025-01-01", to: "2026-01-01" });
  });

  it("sends whole UTC days, the last one included", () => {
    expect(periodBounds({ from: "2026-03-01", to: "2026-03-01" })).toEqual({ from: "2026-03-01T00:00:00.000Z", to: "2026-03-02T00:00:00.000Z" });
  });
});
