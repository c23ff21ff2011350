import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import type { ChangePasswordBody, OkView } from "../../../common/schemas/accounts";
import { api } from "../../api/client";
import { ErrorSummary } from "../../components/error-summary";
import { TextField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { useFormErrors } from "../../lib/form-errors";

export function PasswordForm() {
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  // A wrong current password is refused with a code of its own: it belongs beside that field.
  const errors = useFormErrors("password", { currentPassword: "Current password", newPassword: "New password" }, { INVALID_CREDENTIALS: "currentPassword" });
  const change = useMutation({
    mutationFn: (input: ChangePasswordBody) => api.post<OkView>("/api/v1/me/password", input),
    onError: errors.showError,
    onSuccess: () => {
      errors.clear();
      setCurrentPassword("");
      setNewPassword("");
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    change.mutate({ currentPassword, newPassword });
  }

  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="password-heading" noValidate>
      <h2 id="password-heading">Change password</h2>
      <StatusMessage>{change.isSuccess ? "Your password has been changed. Your other sessions were logged out, and we emailed you about the change." : null}</StatusMessage>
      <ErrorSummary errors={errors} title="Your password was not changed" />
      <TextField
        label="Current password"
        type="password"
        name="currentPassword"
        autoComplete="current-password"
        id={errors.fieldId("currentPassword")}
        error={errors.errorFor("currentPassword")}
        value={currentPassword}
        onChange={(e) => setCurrentPassword(e.target.value)}
      />
      <TextField
        label="New password"
        type="password"
        name="newPassword"
        autoComplete="new-password"
        minLength={10}
        hint="At least 10 characters."
        id={errors.fieldId("newPassword")}
        error={errors.errorFor("newPassword")}
        value={newPassword}
        onChange={(e) => setNewPassword(e.target.value)}
      />
      <button type="submit" className="button" disabled={change.isPending}>
        {change.isPending ? "Saving…" : "Change password"}
      </button>
    </form>
  );
}
