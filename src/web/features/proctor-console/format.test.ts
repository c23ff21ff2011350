import { describe, expect, it } from "vitest";
import { attemptStatusLabel, formatClock, incidentCategoryLabel, liveRemainingMs, markupError, relativeTime } from "./format";

describe("formatClock", () => {
  it("shows minutes and seconds, minutes past 59 included", () => {
    expect(formatClock(0)).toBe("00:00");
    expect(formatClock(61_000)).toBe("01:01");
    expect(formatClock(95 * 60_000)).toBe("95:00");
  });
  it("rounds a part second up so 00:00 means the time is over", () => {
    expect(formatClock(400)).toBe("00:01");
    expect(formatClock(-5000)).toBe("00:00");
  });
});

describe("liveRemainingMs", () => {
  it("counts a running clock down from the fetch", () => {
    expect(liveRemainingMs({ status: "in_progress", remainingMs: 60_000 }, 1000, 11_000)).toBe(50_000);
    expect(liveRemainingMs({ status: "in_progress", remainingMs: 5000 }, 0, 60_000)).toBe(0);
  });
  it("keeps a paused clock frozen", () => {
    expect(liveRemainingMs({ status: "paused", remainingMs: 60_000 }, 0, 30_000)).toBe(60_000);
  });
});

describe("relativeTime", () => {
  const now = Date.parse("2030-01-01T10:00:00Z");
  it("describes the distance in the past", () => {
    expect(relativeTime(null, now)).toBe("—");
    expect(relativeTime("2030-01-01T10:00:00Z", now)).toBe("just now");
    expect(relativeTime("2030-01-01T09:59:20Z", now)).toBe("40 s ago");
    expect(relativeTime("2030-01-01T09:57:00Z", now)).toBe("3 min ago");
    expect(relativeTime("2030-01-01T07:30:00Z", now)).toBe("2 h ago");
  });
});

describe("labels", () => {
  it("names statuses with the pause reason", () => {
    expect(attemptStatusLabel("in_progress", null)).toBe("Running");
    expect(attemptStatusLabel("paused", "no_proctor_present")).toBe("Paused: no proctor present");
    expect(attemptStatusLabel("paused", null)).toBe("Paused");
    expect(attemptStatusLabel("voided", null)).toBe("Voided");
  });
  it("falls back to readable words for an unknown category", () => {
    expect(incidentCategoryLabel("health")).toBe("Health or medical");
    expect(incidentCategoryLabel("fire_alarm")).toBe("fire alarm");
  });
});

describe("markupError", () => {
  it("flags the brackets the server refuses", () => {
    expect(markupError("temperature > 38")).toMatch(/Remove/);
    expect(markupError("Fire alarm; room evacuated")).toBeUndefined();
  });
});
