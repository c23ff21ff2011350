import { ALL_ROLES, type Role } from "../../api/types";
import { ROLE_LABELS } from "../auth/roles";

interface Props {
  legend: string;
  value: Role[];
  onChange: (roles: Role[]) => void;
  name: string;
}

export function RoleCheckboxes({ legend, value, onChange, name }: Props) {
  function toggle(role: Role, checked: boolean) {
    onChange(checked ? ALL_ROLES.filter((r) => r === role || value.includes(r)) : value.filter((r) => r !== role));
  }
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <div className="choices-inline">
        {ALL_ROLES.map((role) => (
          <label key={role} className="choice">
            <input
              type="checkbox"
              name={name}
              value={role}
              checked={value.includes(role)}
              onChange={(event) => toggle(role, event.target.checked)}
            />
            {ROLE_LABELS[role]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
