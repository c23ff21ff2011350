import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation } from "@tanstack/react-query";
import type { OkView } from "../../common/schemas/accounts";
import { ApiError, api, errorMessage } from "../api/client";
import { TextField } from "../components/field";
import { FormAlert, StatusMessage } from "../components/form-alert";
import { Page } from "../components/page";

export function ForgotPasswordPage() {
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const reset = useMutation({
    mutationFn: (address: string) => api.post<OkView>("/api/v1/auth/password-reset", { email: address }),
    onSuccess: () => setSent(true),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(false);
    reset.mutate(email.trim());
  }

  // Only a rate limit or an outage is worth showing; whether the account exists is never revealed.
  const error = reset.isError && reset.error instanceof ApiError && reset.error.status !== 400 ? errorMessage(reset.error) : null;

  return (
    <Page title="Reset your password" lead="Enter the email address of your account and we will send you a link to choose a new password.">
      <StatusMessage>
        {sent ? "If an account exists for that address, we sent a link to reset the password. The link can be used once." : null}
      </StatusMessage>
      <form className="form form--card" onSubmit={onSubmit}>
        <FormAlert>{error}</FormAlert>
        <TextField label="Email" type="email" name="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        <button type="submit" className="button" disabled={reset.isPending}>
          {reset.isPending ? "Sending…" : "Send reset link"}
        </button>
      </form>
      <p>
        <Link to="/login">Back to log in</Link>
      </p>
    </Page>
  );
}
