import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import type { ChangePasswordBody, OkView } from "../../../common/schemas/accounts";
import { api, errorMessage } from "../../api/client";
import { TextField } from "../../components/field";
import { FormAlert, StatusMessage } from "../../components/form-alert";

export function PasswordForm() {
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const change = useMutation({
    mutationFn: (input: ChangePasswordBody) => api.post<OkView>("/api/v1/me/password", input),
    onSuccess: () => {
      setCurrentPassword("");
      setNewPassword("");
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    change.mutate({ currentPassword, newPassword });
  }

  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      <StatusMessage>{change.isSuccess ? "Your password has been changed. Your other sessions were logged out, and we emailed you about the change." : null}</StatusMessage>
      <FormAlert>{change.isError ? errorMessage(change.error) : null}</FormAlert>
      <TextField
        label="Current password"
        type="password"
        name="currentPassword"
        autoComplete="current-password"
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
        value={newPassword}
        onChange={(e) => setNewPassword(e.target.value)}
      />
      <button type="submit" className="button" disabled={change.isPending}>
        {change.isPending ? "Saving…" : "Change password"}
      </button>
    </form>
  );
}
