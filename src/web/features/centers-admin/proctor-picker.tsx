import { QueryStatus } from "../../components/query-status";
import { formatDate } from "../../lib/format";
import { useProctors } from "../registration/scheduling-api";

interface Props {
  value: string[];
  onChange: (ids: string[]) => void;
  name: string;
  error?: string | null;
}

// Proctors to assign, each with whether they are certified right now (a session needs certified proctors).
export function ProctorPicker({ value, onChange, name, error }: Props) {
  const proctors = useProctors();
  return (
    <fieldset className={error ? "fieldset field--invalid" : "fieldset"} aria-describedby={error ? `${name}-error` : undefined}>
      <legend>Proctors</legend>
      {error ? (
        <p className="field__error" id={`${name}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      <QueryStatus query={proctors} loadingLabel="Loading proctors…">
        {(data) =>
          data.items.length === 0 ? (
            <p>No accounts have the proctor role yet.</p>
          ) : (
            <>
              {data.items.map((p) => (
                <label key={p.userId} className="choice">
                  <input
                    type="checkbox"
                    name={name}
                    value={p.userId}
                    checked={value.includes(p.userId)}
                    onChange={(e) => onChange(e.target.checked ? [...value, p.userId] : value.filter((id) => id !== p.userId))}
                  />
                  <span>
                    {p.name} <span className="card__meta">({p.email})</span>{" "}
                    {p.certifiedNow ? (
                      <span className="badge badge--success">Certified until {formatDate(p.certifiedUntil)}</span>
                    ) : (
                      <span className="badge badge--warning">{p.status === "none" ? "No certification yet" : `Not certified now (${p.status})`}</span>
                    )}
                  </span>
                </label>
              ))}
            </>
          )
        }
      </QueryStatus>
    </fieldset>
  );
}
