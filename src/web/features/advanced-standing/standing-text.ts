// How advanced standing reads on every page: statuses, credits and an agreement's terms in words.
import type { AgreementView, RequestView } from "../../../common/schemas/advanced-standing";
import { formatCalendarDate } from "../../lib/format";

export const REQUEST_STATUS_LABELS: Record<RequestView["status"], string> = { pending: "Awaiting decision", granted: "Granted", declined: "Declined", withdrawn: "Withdrawn" };

export const creditsText = (n: number) => `${n} ${n === 1 ? "credit" : "credits"}`;

/** "A.A.S. in Manufacturing Technology (AAS-MFG)". */
export const programText = (a: { programName: string; programCode: string | null }) => (a.programCode ? `${a.programName} (${a.programCode})` : a.programName);

/** The agreement's conditions in one line: age of the credential, effective dates, anything else. */
export function termsText(a: AgreementView): string {
  const parts = [
    a.earnedWithinYears ? `credential earned within ${a.earnedWithinYears} years` : null,
    `from ${formatCalendarDate(a.effectiveFrom)}${a.effectiveTo ? ` to ${formatCalendarDate(a.effectiveTo)}` : ""}`,
    a.conditions,
  ];
  return parts.filter(Boolean).join("; ");
}

/** What the server found when the holder applied, and the registry's status now. */
export function verificationText(v: RequestView["verification"]): string {
  const signature = v.signatureVerified ? "Signed credential verified" : "Signed credential not verified";
  return `${signature}; registry: ${v.registryStatusNow}`;
}
