import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { ErrorSummary } from "../../components/error-summary";
import { FieldError, TextAreaField } from "../../components/field";
import { useFormErrors } from "../../lib/form-errors";
import type { Adjustment } from "../../../common/rules/accommodations";
import type {
  AccommodationDecision,
  AccommodationDecisionBody,
  AccommodationRequestView,
  QueuedAccommodationRequestView,
} from "../../../common/schemas/accommodations";
import { schedulingKeys } from "../registration/scheduling-api";
import { CheckboxGroup } from "./checkbox-group";
import { adjustmentLabel } from "./labels";

const LABELS = { decision: "Decision", approvedAdjustments: "Adjustments approved", reason: "Reason" };

const DECISIONS: { value: AccommodationDecision; label: string }[] = [
  { value: "approved", label: "Approve everything asked for" },
  { value: "partly_approved", label: "Partly approve (choose the adjustments)" },
  { value: "denied", label: "Deny" },
];

export function DecisionForm({ request, onDecided }: { request: QueuedAccommodationRequestView; onDecided: (message: string) => void }) {
  const [decision, setDecision] = useState<AccommodationDecision | "">("");
  const [approved, setApproved] = useState<Adjustment[]>([]);
  const [reason, setReason] = useState("");
  const errors = useFormErrors(`decision-${request.id}`, LABELS);
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (body: AccommodationDecisionBody) =>
      api.post<AccommodationRequestView>(`/api/v1/admin/accommodation-requests/${encodeURIComponent(request.id)}/decision`, body),
    onSuccess: (_decided, body) => {
      onDecided(`The request from ${request.candidate.name} was ${body.decision.replace("_", " ")}.`);
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.accommodationQueue });
    },
    onError: errors.showError,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Checked here too, so every missing answer is listed at once rather than one refusal at a time.
    const problems = [
      ...(decision ? [] : [{ field: "decision", message: "Choose a decision." }]),
      ...(decision === "partly_approved" && approved.length === 0 ? [{ field: "approvedAdjustments", message: "Choose the adjustments you approve." }] : []),
      ...(reason.trim().length < 3 ? [{ field: "reason", message: "Give the reason for the decision: the candidate receives it." }] : []),
    ];
    errors.setProblems(problems);
    if (!decision || problems.length > 0) return;
    decide.mutate({
      decision,
      ...(decision === "partly_approved" ? { approvedAdjustments: approved } : {}),
      reason: reason.trim(),
    });
  }

  const name = `decision-${request.id}`;
  return (
    <form className="decision" onSubmit={onSubmit} aria-label={`Decision for ${request.candidate.name}`} noValidate>
      <ErrorSummary errors={errors} />
      <fieldset className={errors.errorFor("decision") ? "fieldset field--invalid" : "fieldset"}>
        <legend>Decision</legend>
        <FieldError>{errors.errorFor("decision")}</FieldError>
        {DECISIONS.map((d, index) => (
          <label key={d.value} className="choice">
            <input
              type="radio"
              id={index === 0 ? errors.fieldId("decision") : undefined}
              name={name}
              value={d.value}
              checked={decision === d.value}
              onChange={() => setDecision(d.value)}
            />
            <span>{d.label}</span>
          </label>
        ))}
      </fieldset>
      {decision === "partly_approved" ? (
        <CheckboxGroup
          legend="Adjustments approved"
          options={request.adjustments}
          labelOf={adjustmentLabel}
          value={approved}
          onChange={setApproved}
          name={`approved-${request.id}`}
          id={errors.fieldId("approvedAdjustments")}
          error={errors.errorFor("approvedAdjustments")}
        />
      ) : null}
      <TextAreaField
        label="Reason"
        name="reason"
        id={errors.fieldId("reason")}
        error={errors.errorFor("reason")}
        hint="The candidate receives this reason by email."
        minLength={3}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="button" disabled={decide.isPending}>
        {decide.isPending ? "Saving…" : "Record the decision"}
      </button>
    </form>
  );
}
