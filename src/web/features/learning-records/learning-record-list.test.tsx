import { act } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { render, type Rendered } from "../../testing/render";
import { summarizeStatement } from "../../../common/learning/statement-summary";
import { buildStatement, type LearningEvent } from "../../../common/learning/xapi-statements";
import type { LearningRecordView } from "../../../common/schemas/learning-records";
import { LearningRecordList, LearningRecordTable } from "./learning-record-list";

const at = new Date("2026-03-10T14:05:00.000Z");
function view(id: string, event: LearningEvent): LearningRecordView {
  const statement = buildStatement(event, { id, baseUrl: "https://mt1.example", now: at });
  return {
    id, timestamp: statement.timestamp, storedAt: statement.stored, verb: event.verb, objectKind: event.object.kind, skill: event.skill ?? null, module: event.module ?? null,
    summary: summarizeStatement(statement, event.object.kind), statement,
  };
}
const rows = [
  view("3f2f6c0e-5a1b-4c7d-9e8f-0a1b2c3d4e5f", { userId: "u1", verb: "answered", object: { kind: "practice_item", ref: "Q1", name: "Reading a caliper" }, skill: "MEAS", result: { score: { raw: 1, min: 0, max: 1 }, success: true } }),
  view("4a3b2c1d-6e5f-4a7b-8c9d-0e1f2a3b4c5d", { userId: "u1", verb: "experienced", object: { kind: "lesson", ref: "MEAS-1", name: "Fractional-inch rules" }, skill: "MEAS" }),
];

let rendered: Rendered | null = null;
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  vi.unstubAllGlobals();
});

const cells = (row: Element) => [...row.querySelectorAll("th, td")].map((c) => c.textContent);

describe("LearningRecordTable", () => {
  it("shows each statement as a person reads it, in UTC with the zone named, and the statement behind a disclosure", () => {
    rendered = render(<LearningRecordTable caption="My learning records" rows={rows} filtered={false} />);
    const bodyRows = [...rendered.container.querySelectorAll("tbody tr")];
    expect(bodyRows).toHaveLength(2);
    const first = cells(bodyRows[0]!);
    expect(first.slice(0, 5)).toEqual(["Mar 10, 2026, 2:05 PM UTC", "answered", "Practice question: Reading a caliper", "MEAS", "1 of 1 (100%), passed"]);
    expect(bodyRows[0]!.querySelector("time")?.getAttribute("dateTime")).toBe("2026-03-10T14:05:00.000Z");
    expect(bodyRows[0]!.querySelector("th[scope=row]")?.textContent).toBe("Practice question: Reading a caliper");
    const disclosure = bodyRows[1]!.querySelector("details")!;
    expect(disclosure.open).toBe(false);
    expect(disclosure.querySelector("summary")?.textContent).toBe("Show the xAPI statement: experienced Lesson: Fractional-inch rules, Mar 10, 2026, 2:05 PM UTC");
    const json = JSON.parse(disclosure.querySelector("pre")!.textContent!) as { id: string; verb: { id: string }; version: string };
    expect(json).toMatchObject({ id: rows[1]!.id, verb: { id: "http://adlnet.gov/expapi/verbs/experienced" }, version: "1.0.0" });
  });

  it("says why it is empty", () => {
    rendered = render(<LearningRecordTable caption="My learning records" rows={[]} filtered />);
    expect(rendered.container.textContent).toBe("No learning records match these filters.");
    rendered.rerender(<LearningRecordTable caption="My learning records" rows={[]} filtered={false} />);
    expect(rendered.container.textContent).toMatch(/^No learning records yet/);
  });
});

describe("LearningRecordList", () => {
  it("asks for the signed-in learner's records and offers their download; a person's record for staff has no download", async () => {
    const asked: string[] = [];
    vi.stubGlobal("fetch", vi.fn(async (url: string) => {
      asked.push(url);
      const body = url.startsWith("/api/v1/program") ? { modules: [] } : { items: url.includes("/admin/people/") ? [] : rows, nextCursor: null };
      return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
    }));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    rendered = render(<QueryClientProvider client={client}><LearningRecordList /></QueryClientProvider>);
    await act(async () => { await new Promise((r) => setTimeout(r, 20)); });
    expect(asked).toContain("/api/v1/me/learning-records?limit=25");
    const download = [...rendered.container.querySelectorAll("a")].find((a) => a.textContent === "Download my learning records (JSON)");
    expect(download?.getAttribute("href")).toBe("/api/v1/me/learning-records/export");
    expect(rendered.container.querySelectorAll("tbody tr")).toHaveLength(2);
    expect(rendered.container.querySelector("caption")?.textContent).toBe("My learning records");

    rendered.rerender(<QueryClientProvider client={client}><LearningRecordList personId="p-1" personName="Ana Ruiz" /></QueryClientProvider>);
    await act(async () => { await new Promise((r) => setTimeout(r, 20)); });
    expect(asked).toContain("/api/v1/admin/people/p-1/learning-records?limit=25");
    expect(rendered.container.textContent).not.toContain("Download my learning records");
    expect(rendered.container.textContent).toContain("No learning records yet");
  });
});
