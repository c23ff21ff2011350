import { useId, useState, type KeyboardEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { UsersPage, UserView } from "../../../common/schemas/accounts";
import { FieldError } from "../../components/field";
import { Loading, QueryError } from "../../components/query-status";
import { fullName } from "../../lib/format";
import { staffKeys } from "./staff-keys";

interface Props {
  value: string | null;
  onChange: (user: UserView | null) => void;
  error?: string;
  /** The search box's id, so an error summary can link to it. */
  id?: string;
}

// Search users by name or email and pick one (radio buttons), for use inside a larger form.
export function UserPicker({ value, onChange, error, id: fixedId }: Props) {
  const generated = useId();
  const id = fixedId ?? generated;
  const [draft, setDraft] = useState("");
  const [q, setQ] = useState<string | null>(null);
  const results = useQuery({
    queryKey: [...staffKeys.users, "picker", q],
    queryFn: ({ signal }) => api.get<UsersPage>("/api/v1/admin/users", { q: q ?? "", limit: 10 }, signal),
    enabled: q !== null,
  });

  function search() {
    onChange(null);
    setQ(draft.trim());
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter searches instead of submitting the surrounding form.
    if (event.key === "Enter") {
      event.preventDefault();
      search();
    }
  }

  const describedBy = [`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ");

  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label className="field__label" htmlFor={fixedId ?? `${id}-q`}>
        Find the user
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        Search by name or email, then choose the user the token acts as.
      </p>
      <FieldError id={`${id}-error`}>{error}</FieldError>
      <div className="input-with-button">
        <input
          id={fixedId ?? `${id}-q`}
          className="input"
          type="search"
          value={draft}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button button--secondary" onClick={search}>
          Find
        </button>
      </div>
      {q === null ? null : results.isPending ? (
        <Loading label="Searching…" />
      ) : results.isError ? (
        <QueryError error={results.error} />
      ) : results.data.items.length === 0 ? (
        <p role="status">No users match “{q}”.</p>
      ) : (
        <fieldset className="fieldset picker">
          <legend>Choose a user ({results.data.items.length} found)</legend>
          {results.data.items.map((user) => (
            <label key={user.id} className="choice">
              <input type="radio" name={`${id}-user`} value={user.id} checked={value === user.id} onChange={() => onChange(user)} />
              <span>
                {fullName(user)} <span className="card__meta">{user.email}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
