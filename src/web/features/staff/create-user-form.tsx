import { useState, type FormEvent } from "react";
import { errorMessage } from "../../api/client";
import type { Role } from "../../api/types";
import { TextField } from "../../components/field";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { fullName } from "../../lib/format";
import { RoleCheckboxes } from "./role-checkboxes";
import { useCreateUser } from "./user-mutations";

const EMPTY = { email: "", firstName: "", lastName: "" };

export function CreateUserForm() {
  const [values, setValues] = useState(EMPTY);
  const [roles, setRoles] = useState<Role[]>(["candidate"]);
  const [noRoles, setNoRoles] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const create = useCreateUser();

  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    if (roles.length === 0) {
      setNoRoles(true);
      return;
    }
    setNoRoles(false);
    create.mutate(
      { email: values.email.trim(), firstName: values.firstName.trim(), lastName: values.lastName.trim(), roles },
      {
        onSuccess: (data) => {
          setCreated(`Created ${fullName(data.user)} (${data.user.email}). An email with a link to set a password was sent.`);
          setValues(EMPTY);
          setRoles(["candidate"]);
        },
      },
    );
  }

  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">Create a user</h2>
      <StatusMessage>{created}</StatusMessage>
      <FormAlert>{noRoles ? "Choose at least one role." : create.isError ? errorMessage(create.error) : null}</FormAlert>
      <TextField label="Email" type="email" name="email" autoComplete="off" value={values.email} onChange={set("email")} />
      <TextField label="First name" name="firstName" autoComplete="off" value={values.firstName} onChange={set("firstName")} />
      <TextField label="Last name" name="lastName" autoComplete="off" value={values.lastName} onChange={set("lastName")} />
      <RoleCheckboxes legend="Roles" name="new-user-roles" value={roles} onChange={setRoles} />
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create user"}
      </button>
    </form>
  );
}
