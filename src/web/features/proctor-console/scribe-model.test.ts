import { describe, expect, it } from "vitest";
import { lastSavedSeq, nextSeq, saveErrorAdvice, saveStatus } from "./scribe-model";

describe("nextSeq", () => {
  it("follows the clock but never repeats or goes back", () => {
    expect(nextSeq(0, 1000)).toBe(1000);
    expect(nextSeq(1000, 1000)).toBe(1001);
    expect(nextSeq(5000, 1000)).toBe(5001);
  });
});

describe("lastSavedSeq", () => {
  it("is the highest stored seq, 0 when nothing is saved", () => {
    expect(lastSavedSeq({})).toBe(0);
    expect(lastSavedSeq({ a: { seq: 3 }, b: { seq: 17 } })).toBe(17);
  });
});

describe("saveStatus", () => {
  const base = { pending: 0, inFlight: 0, error: null, lastSavedAt: null };
  it("puts an error first, then work in progress, then saved", () => {
    expect(saveStatus({ ...base, error: "Paused", inFlight: 1 })).toEqual({ tone: "error", text: "Not saved: Paused" });
    expect(saveStatus({ ...base, pending: 1, lastSavedAt: 1 }).tone).toBe("saving");
    expect(saveStatus({ ...base, lastSavedAt: 1 }).tone).toBe("saved");
    expect(saveStatus(base).tone).toBe("idle");
  });
});

describe("saveErrorAdvice", () => {
  it("tells the proctor what to do for the known refusals", () => {
    expect(saveErrorAdvice("ATTEMPT_PAUSED")).toMatch(/Resume/);
    expect(saveErrorAdvice("SOMETHING_ELSE")).toBeNull();
  });
});
