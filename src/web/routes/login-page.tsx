import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError, errorMessage } from "../api/client";
import { TextField } from "../components/field";
import { FormAlert } from "../components/form-alert";
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

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      { onSuccess: () => void navigate(next, { replace: true }) },
    );
  }

  return (
    <Page title="Log in">
      {params.get("next") ? <p>Please log in to continue.</p> : null}
      <form className="form form--card" onSubmit={onSubmit}>
        <FormAlert>{login.isError ? loginErrorText(login.error) : null}</FormAlert>
        <TextField label="Email" type="email" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
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
