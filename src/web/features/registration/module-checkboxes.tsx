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
}

// A fieldset of module checkboxes labelled with the module's full name.
export function ModuleCheckboxes({ legend, hint, options, value, onChange, name, disabled }: Props) {
  const program = useProgram();
  const nameOf = (code: string) => program.data?.modules.find((m) => m.code === code)?.name;
  function toggle(code: string, checked: boolean) {
    onChange(checked ? options.filter((m) => m === code || value.includes(m)) : value.filter((m) => m !== code));
  }
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {options.map((code) => (
        <label key={code} className="choice">
          <input
            type="checkbox"
            name={name}
            value={code}
            checked={value.includes(code)}
            disabled={disabled}
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
      ))}
    </fieldset>
  );
}

/** "MM, SRMT" with the module names for screen readers and sighted readers alike when known. */
export function useModuleNames() {
  const program = useProgram();
  return (code: string) => program.data?.modules.find((m) => m.code === code)?.name ?? code;
}
