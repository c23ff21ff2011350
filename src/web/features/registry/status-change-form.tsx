import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { ErrorSummary } from "../../components/error-summary";
import { TextAreaField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { useFormErrors } from "../../lib/form-errors";
import type { StaffCredentialDetailView, StatusChangeView, StatusReasonBody } from "../../../common/schemas/registry";
import { registryKeys } from "./registry-api";

// Revoke an active credential or reinstate a revoked one, always with a reason: the holder is
// emailed it and the audit log keeps it.
export function StatusChangeForm({ credential }: { credential: StaffCredentialDetailView }) {
  const revoking = credential.status === "active";
  const action = revoking ? "revoke" : "reinstate";
  const [reason, setReason] = useState("");
  const errors = useFormErrors("status-change", { reason: "Reason" });
  const [done, setDone] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: () => api.post<StatusChangeView>(`/api/v1/admin/credentials/${encodeURIComponent(credential.certificateNumber)}/${action}`, {
        reason: reason.trim(),
      } satisfies StatusReasonBody),
    onSuccess: (data) => {
      setDone(`${credential.certificateNumber} is now ${data.status}. The registry shows it already, and ${credential.holder.name} has been emailed.`);
      setReason("");
      void queryClient.invalidateQueries({ queryKey: ["admin", "credentials"] });
      void queryClient.invalidateQueries({ queryKey: registryKeys.figures });
      void queryClient.invalidateQueries({ queryKey: ["registry"] });
    },
    onError: errors.showError,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) return errors.setProblems([{ field: "reason", message: `Give the reason to ${action}: the holder is told it and the audit log keeps it.` }]);
    errors.clear();
    setDone(null);
    change.mutate();
  }

  if (credential.status === "withdrawn") {
    return <p className="notice notice--info">This certificate was withdrawn when its module was rescored. It cannot be revoked or reinstated here.</p>;
  }
  return (
    <form className="form form--card registry-form" onSubmit={onSubmit} noValidate aria-labelledby="status-change-heading">
      <h3 id="status-change-heading">{revoking ? "Revoke this certificate" : "Reinstate this certificate"}</h3>
      {revoking ? (
        <p>
          The registry and the status list show it as revoked at once. The holder's other credentials stay as they are: revoke each one
          that should go too.
        </p>
      ) : (
        <p>The registry shows it as active again at once.</p>
      )}
      <StatusMessage>{done}</StatusMessage>
      <ErrorSummary errors={errors} />
      <TextAreaField label="Reason" name="reason" maxLength={1000} id={errors.fieldId("reason")} value={reason} error={errors.errorFor("reason")} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className={revoking ? "button button--danger" : "button"} disabled={change.isPending}>
        {change.isPending ? "Saving…" : revoking ? "Revoke certificate" : "Reinstate certificate"}
      </button>
    </form>
  );
}
