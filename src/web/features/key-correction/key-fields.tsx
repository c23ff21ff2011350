// The corrected key, chosen the way the item is answered: the right choice (radio buttons), the
// right choices (checkboxes), or the value(s) typed (numbers, words, an order, pairs).
import { TextAreaField, TextField } from "../../components/field";
import type { KeyDeclaration } from "./qti-key";

interface Props {
  declaration: KeyDeclaration;
  /** Several declarations: each names its own. */
  many: boolean;
  value: string[];
  text: string;
  onChoose: (values: string[]) => void;
  onType: (text: string) => void;
  fieldId: string;
  error?: string | undefined;
}

const choiceText = (d: KeyDeclaration, id: string) => d.choices.find((c) => c.identifier === id)?.label || id;

export function describeKey(d: KeyDeclaration, values: readonly string[]): string {
  if (values.length === 0) return "no key";
  return values.map((v) => (d.choices.length > 0 && d.baseType === "identifier" ? `${v} (${choiceText(d, v)})` : v)).join(d.cardinality === "ordered" ? " → " : ", ");
}

export function KeyFields({ declaration: d, many, value, text, onChoose, onType, fieldId, error }: Props) {
  const name = many ? ` for ${d.identifier}` : "";
  const current = <p className="card__meta">Current key: {describeKey(d, d.values)}</p>;
  if (d.baseType === "identifier" && d.choices.length > 0 && (d.cardinality === "single" || d.cardinality === "multiple")) {
    const single = d.cardinality === "single";
    return (
      <fieldset className="fieldset" id={fieldId} tabIndex={-1} aria-describedby={error ? `${fieldId}-error` : undefined}>
        <legend>
          {single ? "The correct choice" : "Every correct choice"}
          {name}
        </legend>
        {current}
        {error ? (
          <p className="field__error" id={`${fieldId}-error`}>
            {error}
          </p>
        ) : null}
        <div className="key-correction__choices">
          {d.choices.map((c) => (
            <label key={c.identifier} className="choice">
              <input
                type={single ? "radio" : "checkbox"}
                name={`${fieldId}-choice`}
                value={c.identifier}
                checked={value.includes(c.identifier)}
                onChange={(e) => onChoose(single ? [c.identifier] : e.target.checked ? [...value, c.identifier] : value.filter((v) => v !== c.identifier))}
              />
              <span>
                <strong>{c.identifier}</strong> {c.label}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  const hint =
    d.cardinality === "ordered"
      ? `The choices' identifiers in the right order, separated by commas: ${d.choices.map((c) => `${c.identifier} = ${c.label}`).join("; ")}.`
      : d.baseType === "directedPair"
        ? `One pair per line, source then target (for example "A X"). Choices: ${d.choices.map((c) => `${c.identifier} = ${c.label}`).join("; ")}.`
        : d.cardinality === "single"
          ? "The correct value, as a candidate would type it."
          : "The correct values, one per line.";
  const label = `Correct ${d.cardinality === "ordered" ? "order" : d.cardinality === "single" ? "value" : "values"}${name}`;
  return (
    <>
      {current}
      {d.mapped ? (
        <p className="notice">This answer is scored by its mapping (accepted answers and their points). If the mapping is wrong too, edit it in the editor above, save a version, and correct with that version.</p>
      ) : null}
      {d.cardinality === "single" ? (
        <TextField label={label} hint={hint} id={fieldId} error={error} value={text} onChange={(e) => onType(e.target.value)} />
      ) : (
        <TextAreaField label={label} hint={hint} id={fieldId} error={error} rows={4} value={text} onChange={(e) => onType(e.target.value)} />
      )}
    </>
  );
}
