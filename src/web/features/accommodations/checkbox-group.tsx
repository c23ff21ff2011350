import { FieldError } from "../../components/field";

interface Props<T extends string> {
  legend: string;
  hint?: string;
  options: readonly T[];
  labelOf: (value: T) => string;
  value: T[];
  onChange: (value: T[]) => void;
  name: string;
  error?: string | null;
  /** The first checkbox's id, so an error summary can move focus into the group. */
  id?: string;
}

// A group of checkboxes in a fieldset with a legend; the error, when there is one, is tied to the group.
export function CheckboxGroup<T extends string>({ legend, hint, options, labelOf, value, onChange, name, error, id }: Props<T>) {
  const errorId = `${name}-error`;
  const hintId = `${name}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={error ? "fieldset field--invalid" : "fieldset"} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId}>{error}</FieldError>
      {options.map((option, index) => (
        <label key={option} className="choice">
          <input
            type="checkbox"
            id={index === 0 ? id : undefined}
            name={name}
            value={option}
            checked={value.includes(option)}
            onChange={(event) =>
              onChange(event.target.checked ? options.filter((o) => o === option || value.includes(o)) : value.filter((o) => o !== option))
            }
          />
          <span>{labelOf(option)}</span>
        </label>
      ))}
    </fieldset>
  );
}
