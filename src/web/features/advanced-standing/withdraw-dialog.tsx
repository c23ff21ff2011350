// The holder takes back a request still awaiting a decision, after confirming: its credits count again
// toward what they may ask of that institution, and the college is told (with the reason, if given).
import { useState, type FormEvent } from "react";
import { ErrorSummary } from "../../components/error-summary";
import { TextAreaField } from "../../components/field";
import type { RequestView } from "../../../common/schemas/advanced-standing";
import { useFormErrors } from "../../lib/form-errors";
import { Dialog, DialogActions } from "../proctor-console/dialog";
import { useWithdrawStanding } from "./advanced-standing-api";
import { creditsText } from "./standing-text";

export function WithdrawDialog({ request, onClose, onDone }: { request: RequestView; onClose: () => void; onDone: (message: string) => void }) {
  const [reason, setReason] = useState("");
  const errors = useFormErrors(`withdraw-${request.id}`, { reason: "Reason" });
  const withdraw = useWithdrawStanding(request.id);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    withdraw.mutate(reason.trim() ? { reason: reason.trim() } : {}, {
      onSuccess: () => onDone(`You withdrew your request to ${request.institution.name}.`),
      onError: errors.showError,
    });
  }
  return (
    <Dialog title={`Withdraw your request to ${request.institution.name}?`} onClose={onClose} tone="danger">
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} />
        <p>
          The college will not decide it. The {creditsText(request.creditsRequested)} you asked for count again toward what you may request there, and
          the college is told you withdrew it.
        </p>
        <TextAreaField id={errors.fieldId("reason")} error={errors.errorFor("reason")} label="Reason (told to the college)" name="reason" optional maxLength={500}
          value={reason} onChange={(e) => setReason(e.target.value)} />
        <DialogActions submitLabel="Withdraw the request" busy={withdraw.isPending} onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}
