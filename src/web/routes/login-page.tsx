import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError, errorMessage } from "../api/client";
import { ErrorSummary } from "../components/error-summary";
import { TextField } from "../components/field";
import { useFormErrors } from "../lib/form-errors";
import { Page } from "../components/page";
import { useLogin } from "../features/auth/auth-queries";
import { safeNext } from "../features/auth/safe-next";

function loginErrorText(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    const details = error.details as { retryAfterSeconds?: number } | undefined;
    const wait = details?.retryAfterSeconds;
    return wait ? `${error.message} Please try again in ${wait} seconds.` : error.message;
  }
  return errorMessage(error);
}

export function LoginPage() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const errors = useFormErrors("login", { email: "Email", password: "Password" });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => void navigate(next, { replace: true }),
        // A throttled login says when to try again; anything else is the server's own words, linked to its field.
        onError: (error) => (error instanceof ApiError && error.status === 429 ? errors.setProblems([{ message: loginErrorText(error) }]) : errors.showError(error)),
      },
    );
  }

  return (
    <Page title="Log in">
      {params.get("next") ? <p>Please log in to continue.</p> : null}
      <form className="form form--card" onSubmit={onSubmit} noValidate aria-label="Log in">
        <ErrorSummary errors={errors} title="You are not logged in" />
        <TextField label="Email" type="email" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} id={errors.fieldId("email")} error={errors.errorFor("email")} />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          id={errors.fieldId("password")}
          error={errors.errorFor("password")}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={login.isPending}>
            {login.isPending ? "Logging in…" : "Log in"}
          </button>
          <Link to="/forgot-password">Forgot your password?</Link>
        </div>
      </form>
      <p>
        New here? <Link to="/register">Create an account</Link>.
      </p>
    </Page>
  );
}
