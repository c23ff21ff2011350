import { describe, expect, it } from "vitest";
import { formatClock, remainingAt, spokenDuration, warningCrossed } from "./clock";

describe("clock", () => {
  it("counts down from the server's remaining time, and not while paused", () => {
    expect(remainingAt({ remainingMs: 60_000, receivedAt: 1000, running: true }, 11_000)).toBe(50_000);
    expect(remainingAt({ remainingMs: 60_000, receivedAt: 1000, running: false }, 99_000)).toBe(60_000);
    expect(remainingAt({ remainingMs: 1000, receivedAt: 0, running: true }, 5000)).toBe(0);
  });

  it("formats mm:ss and h:mm:ss, rounding up", () => {
    expect(formatClock(0)).toBe("00:00");
    expect(formatClock(1)).toBe("00:01");
    expect(formatClock(61_000)).toBe("01:01");
    expect(formatClock(3_600_000)).toBe("1:00:00");
    expect(formatClock(3_725_000)).toBe("1:02:05");
  });

  it("says the time in words", () => {
    expect(spokenDuration(45_000)).toBe("45 seconds");
    expect(spokenDuration(61_000)).toBe("1 minute 1 second");
    expect(spokenDuration(25 * 60_000 + 5000)).toBe("25 minutes");
    expect(spokenDuration(3_900_000)).toBe("1 hour 5 minutes");
  });

  it("warns once at 10, 5 and 1 minutes", () => {
    expect(warningCrossed(600_500, 599_500)).toBe(10);
    expect(warningCrossed(599_500, 598_500)).toBeNull();
    expect(warningCrossed(300_200, 299_900)).toBe(5);
    expect(warningCrossed(60_001, 59_000)).toBe(1);
    // A jump past two marks (the computer slept) speaks the nearer one only.
    expect(warningCrossed(700_000, 200_000)).toBe(5);
    expect(warningCrossed(1000, 0)).toBeNull();
  });
});
