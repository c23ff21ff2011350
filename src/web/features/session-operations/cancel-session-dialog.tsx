// Cancelling a session from its page: a dialog that asks for the reason (every registered candidate
// reads it), says what happens to seats and payments, and confirms with a danger button.
import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { ErrorSummary } from "../../components/error-summary";
import { TextAreaField } from "../../components/field";
import { useFormErrors } from "../../lib/form-errors";
import { Dialog } from "../proctor-console/dialog";
import { schedulingKeys } from "../registration/scheduling-api";
import type { CancelSessionBody, SessionView } from "../../../common/schemas/scheduling";
import { sessionOpsKeys } from "./session-queries";

export function CancelSessionButton({ sessionId, registered, onCancelled }: { sessionId: string; registered: number; onCancelled: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--danger" onClick={() => setOpen(true)}>
        Cancel the session
      </button>
      {open ? <CancelSessionDialog sessionId={sessionId} registered={registered} onClose={() => setOpen(false)} onCancelled={onCancelled} /> : null}
    </>
  );
}

function CancelSessionDialog({ sessionId, registered, onClose, onCancelled }: { sessionId: string; registered: number; onClose: () => void; onCancelled: (message: string) => void }) {
  const [reason, setReason] = useState("");
  const errors = useFormErrors("cancel-session", { reason: "Reason for cancelling" });
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => api.post<SessionView>(`/api/v1/sessions/${encodeURIComponent(sessionId)}/cancel`, { reason: reason.trim() } satisfies CancelSessionBody),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: sessionOpsKeys.all });
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.mySessions });
      onClose();
      onCancelled(`The session is cancelled. ${registered === 1 ? "The registered candidate has" : `All ${registered} registered candidates have`} been emailed the reason.`);
    },
    onError: (err) => errors.showError(err),
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length < 3) return errors.setProblems([{ field: "reason", message: "Give the reason for cancelling (at least 3 characters)." }]);
    cancel.mutate();
  }
  return (
    <Dialog title="Cancel this session?" onClose={onClose} tone="danger">
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} />
        <p>
          Every registration is cancelled with it ({registered} now): seats are released, vouchers become available again and open invoices
          are voided. Each candidate is emailed the reason and what happens to their payment. This cannot be undone.
        </p>
        <TextAreaField
          label="Reason for cancelling"
          hint="Candidates read this in their email."
          name="reason"
          id={errors.fieldId("reason")}
          error={errors.errorFor("reason")}
          maxLength={1000}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {/* "Cancel" would be ambiguous here: the buttons say what each one does to the session. */}
        <div className="button-row console-dialog__actions">
          <button type="submit" className="button button--danger" disabled={cancel.isPending}>
            {cancel.isPending ? "Cancelling…" : "Cancel the session"}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Keep the session
          </button>
        </div>
      </form>
    </Dialog>
  );
}
