// A college partner decides a request: grant credits (at most what was asked) with course
// equivalents, or decline with the reason the holder is told.
import { useState, type FormEvent } from "react";
import { ErrorSummary } from "../../components/error-summary";
import { TextAreaField, TextField } from "../../components/field";
import { useFormErrors } from "../../lib/form-errors";
import type { RequestView } from "../../../common/schemas/advanced-standing";
import { useDecideStanding } from "./advanced-standing-api";

const LABELS = { decision: "Decision", credits: "Credits granted", courseEquivalents: "Course equivalents", reason: "Reason for declining" };

export function DecisionForm({ request, onDone }: { request: RequestView; onDone: () => void }) {
  const decide = useDecideStanding(request.id);
  const formId = `decide-${request.id}`;
  const errors = useFormErrors(formId, LABELS, { RULE_VIOLATION: "decision", CONFLICT: "decision" });
  const [decision, setDecision] = useState<"grant" | "decline">("grant");
  const [credits, setCredits] = useState(String(request.creditsRequested));
  const [courses, setCourses] = useState("");
  const [reason, setReason] = useState("");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (decision === "grant") {
      const n = Number(credits);
      if (!Number.isInteger(n) || n < 1) return errors.setProblems([{ field: "credits", message: "Enter a whole number of credits, 1 or more." }]);
      const courseEquivalents = courses.split("\n").map((c) => c.trim()).filter(Boolean);
      errors.clear();
      decide.mutate({ decision, credits: n, courseEquivalents }, { onSuccess: onDone, onError: errors.showError });
    } else {
      if (!reason.trim()) return errors.setProblems([{ field: "reason", message: "Give the reason: the holder is told it." }]);
      errors.clear();
      decide.mutate({ decision, reason: reason.trim() }, { onSuccess: onDone, onError: errors.showError });
    }
  }

  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby={`${formId}-heading`} noValidate>
      <h3 id={`${formId}-heading`}>Decide: {request.holder.name}, {request.certificateNumber}</h3>
      <ErrorSummary errors={errors} />
      <fieldset className="fieldset" id={errors.fieldId("decision")} tabIndex={-1}>
        <legend>{LABELS.decision}</legend>
        <label className="choice">
          <input type="radio" name={`${formId}-decision`} value="grant" checked={decision === "grant"} onChange={() => setDecision("grant")} />
          <span>Grant credits</span>
        </label>
        <label className="choice">
          <input type="radio" name={`${formId}-decision`} value="decline" checked={decision === "decline"} onChange={() => setDecision("decline")} />
          <span>Decline</span>
        </label>
      </fieldset>
      {decision === "grant" ? (
        <>
          <TextField id={errors.fieldId("credits")} error={errors.errorFor("credits")} label={LABELS.credits} name="credits" inputMode="numeric"
            hint={`At most the ${request.creditsRequested} asked for.`} value={credits} onChange={(e) => setCredits(e.target.value)} />
          <TextAreaField id={errors.fieldId("courseEquivalents")} error={errors.errorFor("courseEquivalents")} label={LABELS.courseEquivalents} name="courseEquivalents"
            optional hint="One course per line, for example MFG 110 Manufacturing Processes." rows={3} value={courses} onChange={(e) => setCourses(e.target.value)} />
        </>
      ) : (
        <TextAreaField id={errors.fieldId("reason")} error={errors.errorFor("reason")} label={LABELS.reason} name="reason" rows={3} maxLength={1000}
          value={reason} onChange={(e) => setReason(e.target.value)} />
      )}
      <button type="submit" className="button" disabled={decide.isPending}>
        {decide.isPending ? "Saving…" : decision === "grant" ? "Grant" : "Decline"}
      </button>
    </form>
  );
}
