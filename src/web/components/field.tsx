import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

interface FieldShellProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  optional?: boolean;
  /** A fixed id, so an error summary can link to the control; generated when absent. */
  id?: string;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

// A visible label, an optional hint and an inline error, tied to the control with aria-describedby.
function FieldShell({ label, hint, error, optional, id: fixedId, children }: FieldShellProps) {
  const generated = useId();
  const id = fixedId ?? generated;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> (optional)</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId}>{error}</FieldError>
      {children({ id, describedBy, invalid: !!error })}
    </div>
  );
}

/** A field's or a group's error message, marked by more than colour; nothing when there is none. */
export function FieldError({ id, children }: { id?: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p className="field__error" id={id}>
      <span aria-hidden="true">⚠ </span>
      {children}
    </p>
  );
}

type Common = { label: ReactNode; hint?: ReactNode; error?: ReactNode; optional?: boolean };

export function TextField({ label, hint, error, optional, id, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell label={label} hint={hint} error={error} optional={optional} id={id}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          className="input"
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          required={!optional}
          {...input}
        />
      )}
    </FieldShell>
  );
}

export function TextAreaField({ label, hint, error, optional, id, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell label={label} hint={hint} error={error} optional={optional} id={id}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          className="input input--textarea"
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          required={!optional}
          rows={4}
          {...input}
        />
      )}
    </FieldShell>
  );
}

export function SelectField({
  label,
  hint,
  error,
  optional,
  id,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell label={label} hint={hint} error={error} optional={optional} id={id}>
      {({ id, describedBy, invalid }) => (
        <select id={id} className="input input--select" aria-describedby={describedBy} aria-invalid={invalid || undefined} {...select}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}
