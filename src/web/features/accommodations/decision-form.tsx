import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "../../api/client";
import { TextAreaField } from "../../components/field";
import { FormAlert } from "../../components/form-alert";
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

const DECISIONS: { value: AccommodationDecision; label: string }[] = [
  { value: "approved", label: "Approve everything asked for" },
  { value: "partly_approved", label: "Partly approve (choose the adjustments)" },
  { value: "denied", label: "Deny" },
];

export function DecisionForm({ request, onDecided }: { request: QueuedAccommodationRequestView; onDecided: (message: string) => void }) {
  const [decision, setDecision] = useState<AccommodationDecision | "">("");
  const [approved, setApproved] = useState<Adjustment[]>([]);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (body: AccommodationDecisionBody) =>
      api.post<AccommodationRequestView>(`/api/v1/admin/accommodation-requests/${encodeURIComponent(request.id)}/decision`, body),
    onSuccess: (_decided, body) => {
      onDecided(`The request from ${request.candidate.name} was ${body.decision.replace("_", " ")}.`);
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.accommodationQueue });
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!decision) return setProblem("Choose a decision.");
    if (decision === "partly_approved" && approved.length === 0) return setProblem("Choose the adjustments you approve.");
    if (reason.trim().length < 3) return setProblem("Give the reason for the decision.");
    setProblem(null);
    decide.mutate({
      decision,
      ...(decision === "partly_approved" ? { approvedAdjustments: approved } : {}),
      reason: reason.trim(),
    });
  }

  const name = `decision-${request.id}`;
  return (
    <form className="decision" onSubmit={onSubmit} aria-label={`Decision for ${request.candidate.name}`} noValidate>
      <FormAlert>{problem ?? (decide.isError ? errorMessage(decide.error) : null)}</FormAlert>
      <fieldset className="fieldset">
        <legend>Decision</legend>
        {DECISIONS.map((d) => (
          <label key={d.value} className="choice">
            <input type="radio" name={name} value={d.value} checked={decision === d.value} onChange={() => setDecision(d.value)} />
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
        />
      ) : null}
      <TextAreaField
        label="Reason"
        name="reason"
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
