// Which of the program's rules a staff booking would set aside, judged in the browser with the same
// functions the server uses (common/rules): the 48-hour window, and each module's eligibility from
// the person's own registrations and attempts. The dialog shows them before staff confirm; the
// server judges again and names them in the audit entry.
import { moduleEligibility, type AttemptRecord, type RegistrationRecord, type RetakePolicy } from "../../../common/rules/eligibility";
import { isRegistrationInTime } from "../../../common/rules/registration-window";
import type { PersonRecordView } from "../../../common/schemas/people";

export interface OverriddenRule {
  rule: string;
  text: string;
}

function history(record: PersonRecordView, replacing?: string) {
  const registrations: RegistrationRecord[] = record.registrations
    .filter((r) => r.id !== replacing)
    .map((r) => ({ id: r.id, modules: r.modules, status: r.status, session: { startsAt: r.session.startsAt, endsAt: r.session.endsAt, status: r.session.status } }));
  const passed = new Map(record.results.map((r) => [r.attemptId, r.passed]));
  const attempts: AttemptRecord[] = record.attempts.map((a) => ({
    registrationId: a.registrationId, module: a.module, startedAt: a.startedAt,
    outcome: a.status === "voided" ? "voided" : a.status !== "scored" || !passed.has(a.id) ? "pending" : passed.get(a.id) ? "passed" : "failed",
  }));
  return { registrations, attempts };
}

const REASONS: Record<string, (module: string, from: string | null) => string> = {
  MODULE_ALREADY_PASSED: (m) => `${m} is already passed.`,
  MODULE_ALREADY_BOOKED: (m) => `${m} is already booked at another session.`,
  RETAKE_TOO_SOON: (m, from) => `${m} is inside the retake waiting period${from ? ` (until ${new Date(from).toUTCString()})` : ""}.`,
};

export function overriddenRules(
  record: PersonRecordView,
  session: { startsAt: string },
  modules: readonly string[],
  policies: { registrationLeadHours: number; retake: RetakePolicy },
  options: { replacing?: string; moduleRules?: boolean } = {},
): OverriddenRule[] {
  const now = new Date();
  const rules: OverriddenRule[] = [];
  if (!isRegistrationInTime(now, new Date(session.startsAt), policies.registrationLeadHours)) {
    rules.push({ rule: "REGISTRATION_TOO_LATE", text: `The session starts within ${policies.registrationLeadHours} hours: registrations close ${policies.registrationLeadHours} hours before.` });
  }
  if (options.moduleRules === false) return rules;
  const h = history(record, options.replacing);
  for (const module of modules) {
    const e = moduleEligibility(module, session.startsAt, h, policies.retake, now, options.replacing);
    if (!e.eligible && e.reason) rules.push({ rule: e.reason, text: REASONS[e.reason]!(module, e.nextEligibleAt) });
  }
  return rules;
}
