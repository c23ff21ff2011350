// A staff decision on a case (hold, release, void) or on its appeal (upheld, denied), each with the
// reason the candidate is told and the audit log keeps. The case's version goes with it, so a decision
// taken on a stale page is refused (CASE_CHANGED) instead of overwriting someone else's.
import { useState, type FormEvent } from "react";
import { TextAreaField } from "../../components/field";
import { ErrorSummary } from "../../components/error-summary";
import { useFormErrors } from "../../lib/form-errors";
import { Dialog, DialogActions } from "../proctor-console/dialog";
import { useAppealDecision, useCaseDecision, type CaseDecision } from "./integrity-api";

const DECISIONS: Record<CaseDecision, { title: string; submit: string; hint: string; danger: boolean }> = {
  hold: {
    title: "Hold the result",
    submit: "Hold result",
    hint: "The candidate sees “under review” instead of the score, is emailed this reason and may appeal. Certificates resting on the result stop verifying until it is released.",
    danger: false,
  },
  release: {
    title: "Release the result",
    submit: "Release result",
    hint: "The candidate sees the result again and is emailed; any certificate it earns is issued or restored.",
    danger: false,
  },
  void: {
    title: "Void the result",
    submit: "Void result",
    hint: "The attempt counts as voided and certificates resting on it are withdrawn. The candidate is emailed this reason and may appeal.",
    danger: true,
  },
};

export function DecisionDialog({ caseId, version, decision, onClose, onDone }: { caseId: string; version: number; decision: CaseDecision; onClose: () => void; onDone: (message: string) => void }) {
  const mutation = useCaseDecision(caseId);
  const [reason, setReason] = useState("");
  const errors = useFormErrors(`case-${decision}`, { reason: "Reason" });
  const copy = DECISIONS[decision];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.mutate(
      { decision, body: { reason, version } },
      { onSuccess: () => onDone(`${copy.title}: done. The candidate has been emailed.`), onError: (err) => errors.showError(err) },
    );
  }

  return (
    <Dialog title={copy.title} onClose={onClose} tone={copy.danger ? "danger" : "default"}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} />
        <TextAreaField label="Reason" hint={copy.hint} id={errors.fieldId("reason")} error={errors.errorFor("reason")} name="reason" rows={4} maxLength={2000} required value={reason} onChange={(e) => setReason(e.target.value)} />
        <DialogActions submitLabel={copy.submit} busy={mutation.isPending} onCancel={onClose} danger={copy.danger} />
      </form>
    </Dialog>
  );
}

export function AppealDecisionForm({ caseId, version, onDone }: { caseId: string; version: number; onDone: (message: string) => void }) {
  const mutation = useAppealDecision(caseId);
  const [outcome, setOutcome] = useState<"upheld" | "denied" | "">("");
  const [reason, setReason] = useState("");
  const errors = useFormErrors("appeal-decision", { outcome: "Decision", reason: "Reason" });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!outcome) {
      errors.setProblems([{ field: "outcome", message: "Choose whether the appeal is upheld or denied." }]);
      return;
    }
    mutation.mutate(
      { outcome, reason, version },
      { onSuccess: () => onDone(outcome === "upheld" ? "Appeal upheld: the result is released and the candidate emailed." : "Appeal denied: the candidate has been emailed."), onError: (err) => errors.showError(err) },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <ErrorSummary errors={errors} />
      <fieldset className="fieldset" id={errors.fieldId("outcome")} tabIndex={-1}>
        <legend>Decision</legend>
        {errors.errorFor("outcome") ? (
          <p className="field__error">
            <span aria-hidden="true">⚠ </span>
            {errors.errorFor("outcome")}
          </p>
        ) : null}
        <label className="choice">
          <input type="radio" name="outcome" value="upheld" checked={outcome === "upheld"} onChange={() => setOutcome("upheld")} />
          <span>Uphold: reverse the decision and release the result</span>
        </label>
        <label className="choice">
          <input type="radio" name="outcome" value="denied" checked={outcome === "denied"} onChange={() => setOutcome("denied")} />
          <span>Deny: the decision stands</span>
        </label>
      </fieldset>
      <TextAreaField label="Reason" hint="The candidate is told it; the audit log keeps it." id={errors.fieldId("reason")} error={errors.errorFor("reason")} name="appeal-reason" rows={4} maxLength={2000} required value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="button-row">
        <button type="submit" className="button" disabled={mutation.isPending}>
          {mutation.isPending ? "Working…" : "Decide the appeal"}
        </button>
      </div>
    </form>
  );
}
