// A holder asks a partner institution for advanced standing: one of their active certificates, one of
// the agreements in effect for its credential (institution and program), and how many credits.
import { useState, type FormEvent } from "react";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextField } from "../../components/field";
import { useFormErrors } from "../../lib/form-errors";
import type { AgreementView, PartnerList } from "../../../common/schemas/advanced-standing";
import type { MyCredentialView } from "../../../common/schemas/results";
import { useApplyForStanding } from "./advanced-standing-api";
import { creditsText } from "./standing-text";
import "../../styles/advanced-standing.css";

const FORM_ID = "apply-standing";
const LABELS = { certificateNumber: "Certificate", agreementId: "Institution and program", credits: "Credits to request" };

export function ApplyForStandingForm({ credentials, partners, nameOf }: { credentials: MyCredentialView[]; partners: PartnerList; nameOf: (type: string) => string }) {
  const apply = useApplyForStanding();
  const errors = useFormErrors(FORM_ID, LABELS, { RULE_VIOLATION: "credits" });
  const agreements = partners.items.flatMap((p) => p.agreements);
  const eligible = credentials.filter((c) => c.status === "active" && agreements.some((a) => a.credential === c.type));
  const [certificateNumber, setCertificateNumber] = useState(eligible[0]?.certificateNumber ?? "");
  const held = eligible.find((c) => c.certificateNumber === certificateNumber);
  const applicable: AgreementView[] = held ? agreements.filter((a) => a.credential === held.type) : [];
  const [agreementId, setAgreementId] = useState("");
  const agreement = applicable.find((a) => a.id === agreementId) ?? applicable[0];
  const [credits, setCredits] = useState("");
  const [sent, setSent] = useState<string | null>(null);

  if (eligible.length === 0) {
    return <p>None of your active certificates is covered by a partner&apos;s agreement yet.</p>;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(null);
    if (!agreement) return errors.setProblems([{ field: "agreementId", message: "Choose an institution and program." }]);
    const wanted = credits.trim() === "" ? undefined : Number(credits);
    if (wanted !== undefined && (!Number.isInteger(wanted) || wanted < 1)) return errors.setProblems([{ field: "credits", message: "Enter a whole number of credits, 1 or more." }]);
    errors.clear();
    apply.mutate(
      { certificateNumber, agreementId: agreement.id, ...(wanted !== undefined ? { credits: wanted } : {}) },
      { onSuccess: (r) => setSent(`Your request to ${r.institution.name} for ${creditsText(r.creditsRequested)} is sent. You will be emailed the decision.`), onError: errors.showError },
    );
  }

  return (
    <form className="form form--card standing-apply" onSubmit={onSubmit} aria-labelledby={`${FORM_ID}-heading`} noValidate>
      <h3 id={`${FORM_ID}-heading`}>Apply for advanced standing</h3>
      <ErrorSummary errors={errors} />
      <p role="status">{sent}</p>
      <SelectField id={errors.fieldId("certificateNumber")} error={errors.errorFor("certificateNumber")} label={LABELS.certificateNumber} name="certificateNumber"
        value={certificateNumber} onChange={(e) => { setCertificateNumber(e.target.value); setAgreementId(""); }}>
        {eligible.map((c) => (
          <option key={c.certificateNumber} value={c.certificateNumber}>{`${nameOf(c.type)} — ${c.certificateNumber}`}</option>
        ))}
      </SelectField>
      <SelectField id={errors.fieldId("agreementId")} error={errors.errorFor("agreementId")} label={LABELS.agreementId} name="agreementId"
        value={agreement?.id ?? ""} onChange={(e) => setAgreementId(e.target.value)}>
        {applicable.map((a) => (
          <option key={a.id} value={a.id}>{`${a.institution.name} — ${a.programName}, up to ${creditsText(a.credits)}`}</option>
        ))}
      </SelectField>
      <TextField id={errors.fieldId("credits")} error={errors.errorFor("credits")} label={LABELS.credits} name="credits" inputMode="numeric" optional
        hint={agreement ? `Leave empty to ask for all ${agreement.credits}. At most ${partners.creditsCap} in all at one institution.` : undefined}
        value={credits} onChange={(e) => setCredits(e.target.value)} />
      <button type="submit" className="button" disabled={apply.isPending}>
        {apply.isPending ? "Sending…" : "Send the request"}
      </button>
    </form>
  );
}
