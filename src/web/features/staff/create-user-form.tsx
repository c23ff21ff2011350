import { useState, type FormEvent } from "react";
import type { Role } from "../../../common/roles";
import { ErrorSummary } from "../../components/error-summary";
import { TextField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { fullName } from "../../lib/format";
import { useFormErrors } from "../../lib/form-errors";
import { RoleCheckboxes } from "./role-checkboxes";
import { useCreateUser } from "./user-mutations";

const EMPTY = { email: "", firstName: "", lastName: "" };
const LABELS = { email: "Email", firstName: "First name", lastName: "Last name", roles: "Roles" };

// The browser's own checks are off (noValidate): the server's messages, linked from the error
// summary to each field, say the same thing in one place and one voice.
export function CreateUserForm() {
  const [values, setValues] = useState(EMPTY);
  const [roles, setRoles] = useState<Role[]>(["candidate"]);
  const [created, setCreated] = useState<string | null>(null);
  const create = useCreateUser();
  const errors = useFormErrors("create-user", LABELS, { EMAIL_TAKEN: "email" });

  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    if (roles.length === 0) return errors.setProblems([{ field: "roles", message: "Choose at least one role." }]);
    errors.clear();
    create.mutate(
      { email: values.email.trim(), firstName: values.firstName.trim(), lastName: values.lastName.trim(), roles },
      {
        onSuccess: (data) => {
          setCreated(`Created ${fullName(data.user)} (${data.user.email}). An email with a link to set a password was sent.`);
          setValues(EMPTY);
          setRoles(["candidate"]);
        },
        onError: errors.showError,
      },
    );
  }

  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="create-user-heading" noValidate>
      <h2 id="create-user-heading">Create a user</h2>
      <StatusMessage>{created}</StatusMessage>
      <ErrorSummary errors={errors} />
      <TextField label="Email" type="email" name="email" autoComplete="off" id={errors.fieldId("email")} error={errors.errorFor("email")} value={values.email} onChange={set("email")} />
      <TextField label="First name" name="firstName" autoComplete="off" id={errors.fieldId("firstName")} error={errors.errorFor("firstName")} value={values.firstName} onChange={set("firstName")} />
      <TextField label="Last name" name="lastName" autoComplete="off" id={errors.fieldId("lastName")} error={errors.errorFor("lastName")} value={values.lastName} onChange={set("lastName")} />
      <RoleCheckboxes legend="Roles" name="new-user-roles" id={errors.fieldId("roles")} error={errors.errorFor("roles")} value={roles} onChange={setRoles} />
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create user"}
      </button>
    </form>
  );
}
