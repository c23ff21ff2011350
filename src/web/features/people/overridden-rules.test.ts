import { describe, expect, it } from "vitest";
import type { PersonRecordView, PersonRegistrationView } from "../../../common/schemas/people";
import { overriddenRules } from "./overridden-rules";

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
const policies = { registrationLeadHours: 48, retake: { waitDaysAfterAttempt: [30], maxAttemptsPer12Months: null } };

function registration(id: string, modules: string[], startsInHours: number, status = "confirmed"): PersonRegistrationView {
  return {
    id, status: status as PersonRegistrationView["status"], sessionId: `s-${id}`, candidateId: "c", modules, holdExpiresAt: null, paymentMethod: "none", createdAt: inHours(-100),
    amountDueCents: 0, waitlistPosition: null, paidAt: null, overrideReason: null, updatedAt: inHours(-100),
    session: { id: `s-${id}`, startsAt: inHours(startsInHours), endsAt: inHours(startsInHours + 4), status: "scheduled", centerId: "x", centerName: "C", city: "A", state: "PA", timeZone: "America/New_York" },
    confirmationNumber: `MT1-TEST-${id.slice(0, 4).toUpperCase().padEnd(4, "X")}`, checkedInAt: null, canMarkNoShow: false, canReschedule: true, canWaive: false,
  };
}

function record(parts: Partial<PersonRecordView>): PersonRecordView {
  return {
    account: { id: "c", email: "c@example.com", firstName: "C", lastName: "D", roles: ["candidate"], status: "active", createdAt: inHours(-1000), lastLoginAt: null },
    registrations: [], attempts: [], results: [], credentials: [], accommodations: [], payments: { invoices: [], vouchers: [] }, audit: [], ...parts,
  };
}

describe("the rules a staff booking sets aside", () => {
  it("names the 48-hour window for a session starting sooner, and nothing for one far enough ahead", () => {
    expect(overriddenRules(record({}), { startsAt: inHours(10) }, ["MM"], policies).map((r) => r.rule)).toEqual(["REGISTRATION_TOO_LATE"]);
    expect(overriddenRules(record({}), { startsAt: inHours(72) }, ["MM"], policies)).toEqual([]);
  });

  it("names a module already passed, already booked, or inside the retake wait, from the person's own record", () => {
    const r = record({
      registrations: [registration("booked", ["SRMT"], 200), registration("sat-mm", ["MM"], -300, "confirmed"), registration("sat-qba", ["QBA"], -300)],
      attempts: [
        { id: "a1", registrationId: "sat-mm", sessionId: "s-sat-mm", module: "MM", status: "scored", startedAt: inHours(-299), submittedAt: inHours(-298) },
        { id: "a2", registrationId: "sat-qba", sessionId: "s-sat-qba", module: "QBA", status: "scored", startedAt: inHours(-299), submittedAt: inHours(-298) },
      ],
      results: [
        { attemptId: "a1", module: "MM", percent: 80, passed: true, scoredAt: inHours(-298) },
        { attemptId: "a2", module: "QBA", percent: 60, passed: false, scoredAt: inHours(-298) },
      ],
    });
    expect(overriddenRules(r, { startsAt: inHours(72) }, ["MM", "SRMT", "QBA"], policies).map((x) => x.rule)).toEqual([
      "MODULE_ALREADY_PASSED", "MODULE_ALREADY_BOOKED", "RETAKE_TOO_SOON",
    ]);
  });

  it("does not count the registration being moved as a booking of its own modules", () => {
    const r = record({ registrations: [registration("moving", ["SRMT"], 200)] });
    expect(overriddenRules(r, { startsAt: inHours(100) }, ["SRMT"], policies, { replacing: "moving" })).toEqual([]);
    expect(overriddenRules(r, { startsAt: inHours(100) }, ["SRMT"], policies).map((x) => x.rule)).toEqual(["MODULE_ALREADY_BOOKED"]);
  });
});
