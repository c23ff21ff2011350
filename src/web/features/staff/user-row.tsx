import { useState } from "react";
import { Link } from "react-router";
import { errorMessage } from "../../api/client";
import type { Role, User } from "../../api/types";
import { FormAlert } from "../../components/form-alert";
import { formatDate, fullName } from "../../lib/format";
import { ROLE_LABELS } from "../auth/roles";
import { RoleCheckboxes } from "./role-checkboxes";
import { useUpdateUser } from "./user-mutations";

const COLUMNS = 6;

export function UserRow({ user, isSelf }: { user: User; isSelf: boolean }) {
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const update = useUpdateUser();
  const name = fullName(user);
  const disabled = user.status === "disabled";

  function saveRoles() {
    update.mutate({ id: user.id, roles }, { onSuccess: () => setEditing(false) });
  }

  return (
    <>
      <tr>
        <th scope="row">
          <Link to={`/staff/people/${user.id}`}>{name}</Link>
        </th>
        <td>{user.email}</td>
        <td>{user.roles.length ? user.roles.map((role) => ROLE_LABELS[role] ?? role).join(", ") : "—"}</td>
        <td>
          <span className={disabled ? "badge badge--muted" : "badge badge--success"}>{disabled ? "Disabled" : "Active"}</span>
        </td>
        <td className="nowrap">{formatDate(user.createdAt)}</td>
        <td>
          <div className="actions">
            <button
              type="button"
              className="button button--secondary button--small"
              aria-expanded={editing}
              onClick={() => {
                setRoles(user.roles);
                update.reset();
                setEditing((value) => !value);
              }}
            >
              Edit roles<span className="visually-hidden"> for {name}</span>
            </button>
            <button
              type="button"
              className={disabled ? "button button--secondary button--small" : "button button--danger button--small"}
              disabled={update.isPending || (isSelf && !disabled)}
              onClick={() => update.mutate({ id: user.id, status: disabled ? "active" : "disabled" })}
            >
              {disabled ? "Enable" : "Disable"}
              <span className="visually-hidden"> {name}</span>
            </button>
          </div>
          {!editing && update.isError ? <FormAlert>{errorMessage(update.error)}</FormAlert> : null}
        </td>
      </tr>
      {editing ? (
        <tr className="edit-row">
          <td colSpan={COLUMNS}>
            <FormAlert>{update.isError ? errorMessage(update.error) : null}</FormAlert>
            <RoleCheckboxes legend={`Roles for ${name}`} name={`roles-${user.id}`} value={roles} onChange={setRoles} />
            <div className="button-row">
              <button type="button" className="button button--small" disabled={update.isPending} onClick={saveRoles}>
                {update.isPending ? "Saving…" : "Save roles"}
              </button>
              <button type="button" className="button button--secondary button--small" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
