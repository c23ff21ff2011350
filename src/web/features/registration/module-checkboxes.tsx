import { useProgram } from "../program/program-queries";

interface Props {
  legend: string;
  hint?: string;
  /** The module codes to offer, in order. */
  options: string[];
  value: string[];
  onChange: (modules: string[]) => void;
  name: string;
  disabled?: boolean;
  /** Module code → why it cannot be chosen: shown disabled, with the reason under it. */
  unavailable?: Record<string, string>;
  /** The id of the first choosable checkbox, so an error summary can link to the group; with `error`, the group's message. */
  id?: string;
  error?: string;
}

// A fieldset of module checkboxes labelled with the module's full name.
export function ModuleCheckboxes({ legend, hint, options, value, onChange, name, disabled, unavailable = {}, id, error }: Props) {
  const program = useProgram();
  const nameOf = (code: string) => program.data?.modules.find((m) => m.code === code)?.name;
  function toggle(code: string, checked: boolean) {
    onChange(checked ? options.filter((m) => m === code || value.includes(m)) : value.filter((m) => m !== code));
  }
  const firstOpen = options.find((code) => !unavailable[code]);
  const errorId = id && error ? `${id}-error` : undefined;
  return (
    <fieldset className={error ? "fieldset field--invalid" : "fieldset"} aria-describedby={errorId}>
      <legend>{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {error && errorId ? (
        <p className="field__error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      {options.map((code) => {
        const why = unavailable[code];
        const whyId = `${name}-${code}-unavailable`;
        const label = (
          <label key={code} className="choice">
            <input
              type="checkbox"
              id={id && code === firstOpen ? id : undefined}
              name={name}
              value={code}
              checked={!why && value.includes(code)}
              disabled={disabled || !!why}
              aria-describedby={why ? whyId : undefined}
              onChange={(event) => toggle(code, event.target.checked)}
            />
            <span>
              {nameOf(code) ? (
                <>
                  {nameOf(code)} ({code})
                </>
              ) : (
                code
              )}
            </span>
          </label>
        );
        if (!why) return label;
        return (
          <div key={code} className="choice-unavailable">
            {label}
            <p id={whyId} className="field__hint choice-unavailable__reason">
              {why}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}

/** "MM, SRMT" with the module names for screen readers and sighted readers alike when known. */
export function useModuleNames() {
  const program = useProgram();
  return (code: string) => program.data?.modules.find((m) => m.code === code)?.name ?? code;
}
