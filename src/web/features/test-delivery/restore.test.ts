import { describe, expect, it } from "vitest";
import { restoreAnswers } from "./restore";
import { screenMode, queueMayResume, type ScreenInputs } from "./screen-mode";
import { createSeqSource } from "./seq";
import { memoryStore } from "./local-store";

describe("restoreAnswers", () => {
  it("lays queued answers over the server's unless the server holds a newer one", () => {
    const restored = restoreAnswers(
      { responses: { a: { response: { R: "A" }, seq: 10 }, b: { response: { R: "B" }, seq: 50 } }, flags: ["a"] },
      [
        { kind: "response", itemId: "a", response: { R: "C" }, seq: 20 },
        { kind: "response", itemId: "b", response: { R: "old" }, seq: 40 },
        { kind: "flags", itemIds: ["b"] },
      ],
    );
    expect(restored).toEqual({ responses: { a: { R: "C" }, b: { R: "B" } }, flags: ["b"], maxSeq: 50 });
  });
});

describe("createSeqSource", () => {
  it("increases across reloads even when the clock steps back, and stays above the server's", () => {
    const store = memoryStore();
    let now = 2000;
    const first = createSeqSource(store, "k", () => now);
    expect(first.next()).toBe(2_000_000);
    expect(first.next()).toBe(2_000_001);
    now = 1000;
    const reloaded = createSeqSource(store, "k", () => now);
    expect(reloaded.next()).toBe(2_000_002);
    reloaded.raiseTo(9_000_000);
    expect(reloaded.next()).toBe(9_000_001);
  });
});

describe("screenMode", () => {
  const base: ScreenInputs = { status: "in_progress", dataUpdatedAt: 100, loadErrorCode: null, errorUpdatedAt: 0, blocked: null, timeUp: false, submittedHere: false };

  it("follows the server, and a queue signal until newer data arrives", () => {
    expect(screenMode(base)).toBe("running");
    expect(screenMode({ ...base, status: null, dataUpdatedAt: 0 })).toBe("loading");
    expect(screenMode({ ...base, status: "paused" })).toBe("paused");
    expect(screenMode({ ...base, blocked: { kind: "paused", at: 200 } })).toBe("paused");
    expect(screenMode({ ...base, blocked: { kind: "paused", at: 50 } })).toBe("running");
    expect(screenMode({ ...base, loadErrorCode: "DEVICE_NOT_ADMITTED", errorUpdatedAt: 150 })).toBe("device");
    expect(screenMode({ ...base, timeUp: true })).toBe("finishing");
    expect(screenMode({ ...base, status: "scored" })).toBe("finished");
  });

  it("lets the queue resume only on a newer answer that says the test runs", () => {
    expect(queueMayResume({ ...base, blocked: { kind: "paused", at: 50 } })).toBe(true);
    expect(queueMayResume({ ...base, blocked: { kind: "paused", at: 200 } })).toBe(false);
    expect(queueMayResume({ ...base, blocked: { kind: "closed", at: 50 } })).toBe(false);
  });
});
