import { describe, expect, it } from "vitest";
import { presenceLeftMs, presenceLevel } from "./presence";

describe("presenceLevel", () => {
  it("starts, then is live after an accepted heartbeat", () => {
    expect(presenceLevel({ lastOkAt: null, error: null }, 0)).toBe("starting");
    expect(presenceLevel({ lastOkAt: 1000, error: null }, 20_000)).toBe("live");
  });
  it("is failing while the window since the last accepted heartbeat lasts, then lapsed", () => {
    const state = { lastOkAt: 0, error: "The server could not be reached." };
    expect(presenceLevel(state, 30_000)).toBe("failing");
    expect(presenceLevel(state, 60_000)).toBe("lapsed");
    expect(presenceLevel(state, 30_000, 20_000)).toBe("lapsed");
  });
  it("is lapsed at once when no heartbeat was ever accepted", () => {
    expect(presenceLevel({ lastOkAt: null, error: "Forbidden" }, 0)).toBe("lapsed");
  });
});

describe("presenceLeftMs", () => {
  it("counts down the window", () => {
    expect(presenceLeftMs({ lastOkAt: 0, error: null }, 15_000)).toBe(45_000);
    expect(presenceLeftMs({ lastOkAt: 0, error: "x" }, 75_000)).toBe(0);
    expect(presenceLeftMs({ lastOkAt: null, error: null }, 0)).toBe(0);
  });
});
