import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError, errorMessage } from "../api/client";
import { TextField } from "../components/field";
import { FormAlert } from "../components/form-alert";
import { Page } from "../components/page";
import { useRegister } from "../features/auth/auth-queries";

export function RegisterPage() {
  const [form, setForm] = useState({ firstName: "", lastName: "", email: "", password: "" });
  const register = useRegister();
  const navigate = useNavigate();
  const emailTaken = register.error instanceof ApiError && register.error.code === "EMAIL_TAKEN";

  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [key]: event.target.value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    register.mutate(
      { firstName: form.firstName.trim(), lastName: form.lastName.trim(), email: form.email.trim(), password: form.password },
      { onSuccess: () => void navigate("/dashboard", { replace: true }) },
    );
  }

  return (
    <Page
      title="Create an account"
      lead="Anyone may take the MT1 assessment. Your account lets you choose sessions and see your results and certificates."
    >
      <form className="form form--card" onSubmit={onSubmit}>
        <FormAlert>
          {register.isError
            ? emailTaken
              ? "An account with this email address already exists. Log in instead, or use another address."
              : errorMessage(register.error)
            : null}
        </FormAlert>
        <TextField label="First name" name="firstName" autoComplete="given-name" value={form.firstName} onChange={set("firstName")} />
        <TextField label="Last name" name="lastName" autoComplete="family-name" value={form.lastName} onChange={set("lastName")} />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={form.email}
          onChange={set("email")}
          error={
            emailTaken ? (
              <>
                This email address is already registered. <Link to="/login">Log in</Link> or{" "}
                <Link to="/forgot-password">reset your password</Link>.
              </>
            ) : undefined
          }
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={10}
          hint="At least 10 characters."
          value={form.password}
          onChange={set("password")}
        />
        <button type="submit" className="button" disabled={register.isPending}>
          {register.isPending ? "Creating your account…" : "Create account"}
        </button>
      </form>
      <p>
        Already registered? <Link to="/login">Log in</Link>.
      </p>
    </Page>
  );
}
