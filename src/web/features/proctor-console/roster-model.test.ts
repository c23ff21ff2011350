import { describe, expect, it } from "vitest";
import { candidatesStillTesting, moduleRows, rosterChanges } from "./roster-model";
import type { ConsoleAttemptView, ConsoleCandidateView, ConsoleView } from "../../../common/schemas/delivery";

const attempt = (over: Partial<ConsoleAttemptView> = {}): ConsoleAttemptView => ({
  id: "a1", module: "MM", status: "in_progress", pauseReason: null, deadline: "2030-01-01T11:00:00Z", remainingMs: 600_000,
  answered: 3, total: 30, lastSaveAt: null, connection: "online", focusLost: 0, awaitingReadmit: false, extraMinutes: 0, ...over,
});
const candidate = (attempts: ConsoleAttemptView[], over: Partial<ConsoleCandidateView> = {}): ConsoleCandidateView => ({
  registrationId: "r1", candidateId: "c1", name: "Jane Doe", modules: ["MM", "QBA"], checkedInAt: "2030-01-01T09:00:00Z",
  accommodations: [], attempts, ...over,
});
const view = (candidates: ConsoleCandidateView[]): ConsoleView => ({
  session: { id: "s1", centerName: "Demo", startsAt: "", endsAt: "", status: "in_progress", closedAt: null, timeZone: "America/New_York" },
  proctorPresent: true, candidates, incidents: [],
});

describe("moduleRows", () => {
  it("lists every registered module, with its attempt when started", () => {
    const rows = moduleRows(candidate([attempt({ module: "QBA" })]));
    expect(rows.map((r) => [r.module, r.attempt?.id ?? null])).toEqual([["MM", null], ["QBA", "a1"]]);
  });
  it("keeps an attempt whose module is not in the registration", () => {
    const rows = moduleRows(candidate([attempt({ module: "SRMT" })], { modules: ["MM"] }));
    expect(rows.map((r) => r.module)).toEqual(["MM", "SRMT"]);
  });
});

describe("candidatesStillTesting", () => {
  it("names candidates with running or paused attempts", () => {
    const v = view([
      candidate([attempt({ status: "paused" }), attempt({ id: "a2", module: "QBA", status: "submitted" })]),
      candidate([attempt({ id: "a3", status: "scored" })], { name: "Sam Roe", registrationId: "r2" }),
    ]);
    expect(candidatesStillTesting(v)).toEqual([{ name: "Jane Doe", modules: ["MM"] }]);
  });
  it("prefers the attempts the server named", () => {
    const v = view([candidate([attempt({ status: "submitted" })]), candidate([attempt({ id: "a3" })], { name: "Sam Roe", registrationId: "r2" })]);
    expect(candidatesStillTesting(v, ["a1"])).toEqual([{ name: "Jane Doe", modules: ["MM"] }]);
  });
});

describe("rosterChanges", () => {
  it("announces nothing on the first load", () => {
    expect(rosterChanges(null, view([candidate([attempt()])]))).toEqual([]);
  });
  it("announces what the proctor must act on", () => {
    const before = view([candidate([attempt()])]);
    const after = view([candidate([attempt({ connection: "offline", awaitingReadmit: true, focusLost: 1 })])]);
    expect(rosterChanges(before, after)).toEqual([
      "Jane Doe (MM) went offline.",
      "Jane Doe (MM) is waiting for re-admission on another computer.",
      "Jane Doe (MM) left the test window.",
    ]);
  });
  it("announces starts, submissions and automatic pauses, but not a finished attempt going offline", () => {
    const before = view([candidate([attempt()])]);
    const after = view([candidate([attempt({ status: "submitted", connection: "offline" }), attempt({ id: "a2", module: "QBA" })])]);
    expect(rosterChanges(before, after)).toEqual(["Jane Doe (MM) submitted.", "Jane Doe (QBA) started."]);
    const paused = view([candidate([attempt({ status: "paused", pauseReason: "no_proctor_present" })])]);
    expect(rosterChanges(before, paused)).toEqual(["Jane Doe (MM) was paused: no proctor present."]);
  });
});
