import { afterEach, describe, expect, it } from "vitest";
import { MemoryRouter } from "react-router";
import type { LessonSummaryView } from "../../../common/schemas/learning";
import { render, type Rendered } from "../../testing/render";
import { LessonList, skillProgress } from "./lesson-list";
import { hashId } from "./use-hash-target";

const lesson = (id: string, completed?: boolean): LessonSummaryView => ({
  id, title: `Lesson ${id}`, summary: `About ${id}`, minutes: 7, sections: [], ...(completed === undefined ? {} : { completed }),
});

describe("a skill's progress", () => {
  it("counts the finished lessons for a signed-in reader", () => {
    expect(skillProgress([lesson("MEAS-1", true), lesson("MEAS-2", false), lesson("MEAS-3", false)])).toBe("1 of 3 lessons finished");
    expect(skillProgress([lesson("MEAS-1", false)])).toBe("0 of 1 lesson finished");
  });

  it("says nothing to a visitor (no progress on the lessons) or for a skill without lessons", () => {
    expect(skillProgress([lesson("MEAS-1"), lesson("MEAS-2")])).toBeNull();
    expect(skillProgress([])).toBeNull();
  });
});

describe("the lesson list", () => {
  let view: Rendered | undefined;
  afterEach(() => view?.unmount());

  it("links each lesson in order, with its minutes, and ticks the finished ones in words", () => {
    view = render(<MemoryRouter><LessonList lessons={[lesson("MEAS-1", true), lesson("MEAS-2", false)]} detailed /></MemoryRouter>);
    const items = [...view.container.querySelectorAll("li")];
    expect(items.map((li) => li.querySelector("a")?.getAttribute("href"))).toEqual(["/learning/lessons/MEAS-1", "/learning/lessons/MEAS-2"]);
    expect(items[0]!.textContent).toBe("Lesson MEAS-1 7 min✓ FinishedAbout MEAS-1");
    expect(items[1]!.textContent).not.toContain("Finished");
    expect(items[0]!.querySelector("[aria-hidden='true']")?.textContent).toBe("✓ ");
  });

  it("says when a skill has no lessons yet", () => {
    view = render(<MemoryRouter><LessonList lessons={[]} /></MemoryRouter>);
    expect(view.container.textContent).toBe("Lessons for this skill are being written.");
  });
});

describe("the section a link names", () => {
  it("is the decoded hash, or nothing for a broken one", () => {
    expect(hashId("#reading-a-rule")).toBe("reading-a-rule");
    expect(hashId("#m%C3%A9trique")).toBe("métrique");
    expect(hashId("#%E0%A4%A")).toBe("");
    expect(hashId("")).toBe("");
  });
});
