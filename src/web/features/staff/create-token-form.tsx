import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "../../api/client";
import { TOKEN_SCOPES, type CreatedApiToken, type TokenScope, type User } from "../../api/types";
import type { CreateApiTokenBody } from "../../../common/schemas/accounts";
import { SelectField, TextField } from "../../components/field";
import { FormAlert } from "../../components/form-alert";
import { staffKeys } from "./staff-keys";
import { TokenReveal } from "./token-reveal";
import { UserPicker } from "./user-picker";

/** What each scope lets an integration do, as staff choose them. */
export const SCOPE_LABELS: Record<TokenScope, string> = {
  "registry:verify": "Verify certificates in bulk (employers, colleges)",
  registrations: "Sessions, registrations, cohorts and rosters",
  results: "Results, certificates and the registry export",
  admin: "Everything the user may do",
};

const EXPIRY_CHOICES = [
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 180, label: "180 days" },
  { days: 365, label: "1 year (the longest)" },
];

export function CreateTokenForm() {
  const [name, setName] = useState("");
  const [user, setUser] = useState<User | null>(null);
  const [missingUser, setMissingUser] = useState(false);
  const [scopes, setScopes] = useState<TokenScope[]>(["registry:verify"]);
  const [missingScope, setMissingScope] = useState(false);
  const [expiresInDays, setExpiresInDays] = useState(90);
  const [created, setCreated] = useState<(CreatedApiToken & { userEmail: string }) | null>(null);
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (input: CreateApiTokenBody) =>
      api.post<CreatedApiToken>("/api/v1/admin/api-tokens", input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: staffKeys.apiTokens }),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissingUser(!user);
    setMissingScope(scopes.length === 0);
    if (!user || scopes.length === 0) return;
    const owner = user;
    create.mutate(
      { name: name.trim(), userId: owner.id, scopes, expiresInDays },
      {
        onSuccess: (data) => {
          setCreated({ ...data, userEmail: owner.email });
          setName("");
          setUser(null);
        },
      },
    );
  }

  return (
    <div className="stack">
      <TokenReveal created={created} onDismiss={() => setCreated(null)} />
      <form className="form form--card" onSubmit={onSubmit} aria-labelledby="create-token-heading">
        <h2 id="create-token-heading">Create a token</h2>
        <FormAlert>
          {missingUser
            ? "Choose the user the token belongs to."
            : missingScope
              ? "Choose at least one thing the token may do."
              : create.isError
                ? errorMessage(create.error)
                : null}
        </FormAlert>
        <TextField
          label="Token name"
          name="name"
          hint="What the token is for, for example “Acme HR registry check”."
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <UserPicker
          value={user?.id ?? null}
          onChange={(picked) => {
            setUser(picked);
            if (picked) setMissingUser(false);
          }}
          error={missingUser ? "Choose a user." : undefined}
        />
        <fieldset className="fieldset">
          <legend>What the token may do</legend>
          <p className="field__hint">The token also never does more than its user may. Give it only what the integration needs.</p>
          {missingScope ? (
            <p className="field__error">
              <span aria-hidden="true">⚠ </span>Choose at least one.
            </p>
          ) : null}
          {TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="choice">
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                checked={scopes.includes(scope)}
                onChange={(event) => {
                  const next = event.target.checked ? TOKEN_SCOPES.filter((s) => s === scope || scopes.includes(s)) : scopes.filter((s) => s !== scope);
                  setScopes(next);
                  if (next.length > 0) setMissingScope(false);
                }}
              />
              {SCOPE_LABELS[scope]} <code>{scope}</code>
            </label>
          ))}
        </fieldset>
        <SelectField label="Expires after" name="expiresInDays" value={String(expiresInDays)} onChange={(e) => setExpiresInDays(Number(e.target.value))}>
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice.days} value={choice.days}>
              {choice.label}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create token"}
        </button>
      </form>
    </div>
  );
}
