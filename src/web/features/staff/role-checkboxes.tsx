import { ROLES, ROLE_LABELS, type Role } from "../../../common/roles";
import { FieldError } from "../../components/field";

interface Props {
  legend: string;
  value: Role[];
  onChange: (roles: Role[]) => void;
  name: string;
  /** The first checkbox's id, so an error summary can move focus into the group. */
  id?: string;
  error?: string;
}

export function RoleCheckboxes({ legend, value, onChange, name, id, error }: Props) {
  function toggle(role: Role, checked: boolean) {
    onChange(checked ? ROLES.filter((r) => r === role || value.includes(r)) : value.filter((r) => r !== role));
  }
  const errorId = error && id ? `${id}-error` : undefined;
  return (
    <fieldset className={error ? "fieldset field--invalid" : "fieldset"} aria-describedby={errorId}>
      <legend>{legend}</legend>
      <FieldError id={errorId}>{error}</FieldError>
      <div className="choices-inline">
        {ROLES.map((role, index) => (
          <label key={role} className="choice">
            <input
              type="checkbox"
              id={index === 0 ? id : undefined}
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
