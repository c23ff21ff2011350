import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { useMutation } from "@tanstack/react-query";
import type { OkView, PasswordResetConfirmBody } from "../../common/schemas/accounts";
import { ApiError, api, errorMessage } from "../api/client";
import { TextField } from "../components/field";
import { FormAlert, StatusMessage } from "../components/form-alert";
import { Page } from "../components/page";

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const confirmReset = useMutation({
    mutationFn: (input: PasswordResetConfirmBody) =>
      api.post<OkView>("/api/v1/auth/password-reset/confirm", input),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    confirmReset.mutate({ token, password });
  }

  if (!token) {
    return (
      <Page title="Choose a new password">
        <div className="notice notice--error">
          <p>This page needs the link from your password-reset email. The link in your address bar has no token.</p>
        </div>
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      </Page>
    );
  }

  const invalidToken = confirmReset.error instanceof ApiError && confirmReset.error.code === "RESET_TOKEN_INVALID";

  return (
    <Page title="Choose a new password">
      <StatusMessage>
        {confirmReset.isSuccess ? (
          <>
            Your password has been changed. <Link to="/login">Log in with your new password</Link>.
          </>
        ) : null}
      </StatusMessage>
      {confirmReset.isSuccess ? null : (
        <form className="form form--card" onSubmit={onSubmit}>
          <FormAlert>
            {invalidToken ? (
              <>
                This reset link is invalid, expired or already used. <Link to="/forgot-password">Ask for a new link</Link>.
              </>
            ) : confirmReset.isError ? (
              errorMessage(confirmReset.error)
            ) : mismatch ? (
              "The two passwords do not match."
            ) : null}
          </FormAlert>
          <TextField
            label="New password"
            type="password"
            name="password"
            autoComplete="new-password"
            minLength={10}
            hint="At least 10 characters."
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <TextField
            label="Confirm new password"
            type="password"
            name="confirm"
            autoComplete="new-password"
            minLength={10}
            error={mismatch ? "The two passwords do not match." : undefined}
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
          <button type="submit" className="button" disabled={confirmReset.isPending}>
            {confirmReset.isPending ? "Saving…" : "Set new password"}
          </button>
        </form>
      )}
    </Page>
  );
}
