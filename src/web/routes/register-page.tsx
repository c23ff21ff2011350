import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError } from "../api/client";
import { ErrorSummary } from "../components/error-summary";
import { TextField } from "../components/field";
import { useFormErrors } from "../lib/form-errors";
import { Page } from "../components/page";
import { useRegister } from "../features/auth/auth-queries";

export function RegisterPage() {
  const [form, setForm] = useState({ firstName: "", lastName: "", email: "", password: "" });
  const register = useRegister();
  const navigate = useNavigate();
  const emailTaken = register.error instanceof ApiError && register.error.code === "EMAIL_TAKEN";
  const errors = useFormErrors("sign-up", { firstName: "First name", lastName: "Last name", email: "Email", password: "Password" }, { EMAIL_TAKEN: "email" });

  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [key]: event.target.value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    register.mutate(
      { firstName: form.firstName.trim(), lastName: form.lastName.trim(), email: form.email.trim(), password: form.password },
      { onSuccess: () => void navigate("/dashboard", { replace: true }), onError: errors.showError },
    );
  }

  return (
    <Page
      title="Create an account"
      lead="Anyone may take the MT1 assessment. Your account lets you choose sessions and see your results and certificates."
    >
      <form className="form form--card" onSubmit={onSubmit} noValidate aria-label="Create an account">
        <ErrorSummary errors={errors} title="Your account was not created" />
        <TextField label="First name" name="firstName" autoComplete="given-name" value={form.firstName} onChange={set("firstName")} id={errors.fieldId("firstName")} error={errors.errorFor("firstName")} />
        <TextField label="Last name" name="lastName" autoComplete="family-name" value={form.lastName} onChange={set("lastName")} id={errors.fieldId("lastName")} error={errors.errorFor("lastName")} />
        <TextField
          id={errors.fieldId("email")}
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
            ) : errors.errorFor("email")
          }
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={10}
          hint="At least 10 characters."
          id={errors.fieldId("password")}
          error={errors.errorFor("password")}
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
