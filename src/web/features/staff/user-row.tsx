// A user's row in the staff users table: the actions cell (edit roles, disable or enable) and the
// roles editor that opens in a row of its own under it.
import { useState } from "react";
import type { UserView } from "../../../common/schemas/accounts";
import type { Role } from "../../../common/roles";
import { errorMessage } from "../../api/client";
import { FormAlert } from "../../components/form-alert";
import { fullName } from "../../lib/format";
import { RoleCheckboxes } from "./role-checkboxes";
import { useUpdateUser } from "./user-mutations";

interface ActionsProps {
  user: UserView;
  isSelf: boolean;
  editing: boolean;
  onToggleEdit: () => void;
}

export function UserActions({ user, isSelf, editing, onToggleEdit }: ActionsProps) {
  const update = useUpdateUser();
  const name = fullName(user);
  const disabled = user.status === "disabled";
  return (
    <>
      <button type="button" className="button button--secondary button--small" aria-expanded={editing} onClick={onToggleEdit}>
        Edit roles<span className="visually-hidden"> for {name}</span>
      </button>
      <button
        type="button"
        className={disabled ? "button button--secondary button--small" : "button button--danger button--small"}
        // Staff cannot lock themselves out; the server refuses it too.
        disabled={update.isPending || (isSelf && !disabled)}
        onClick={() => update.mutate({ id: user.id, status: disabled ? "active" : "disabled" })}
      >
        {disabled ? "Enable" : "Disable"}
        <span className="visually-hidden"> {name}</span>
      </button>
      {update.isError ? <FormAlert>{errorMessage(update.error)}</FormAlert> : null}
    </>
  );
}

/** The roles editor, as a full-width row under the user's row. */
export function UserRolesRow({ user, columns, onClose }: { user: UserView; columns: number; onClose: () => void }) {
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const update = useUpdateUser();
  const name = fullName(user);
  return (
    <tr className="edit-row">
      <td colSpan={columns}>
        <FormAlert>{update.isError ? errorMessage(update.error) : null}</FormAlert>
        <RoleCheckboxes legend={`Roles for ${name}`} name={`roles-${user.id}`} value={roles} onChange={setRoles} />
        <div className="button-row">
          <button type="button" className="button button--small" disabled={update.isPending} onClick={() => update.mutate({ id: user.id, roles }, { onSuccess: onClose })}>
            {update.isPending ? "Saving…" : "Save roles"}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={onClose}>
            Cancel
          </button>
        </div>
      </td>
    </tr>
  );
}
