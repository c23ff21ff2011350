import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { TOKEN_SCOPES, type CreateApiTokenBody, type CreatedApiTokenView, type TokenScope, type UserView } from "../../../common/schemas/accounts";
import { ErrorSummary } from "../../components/error-summary";
import { FieldError, SelectField, TextField } from "../../components/field";
import { useFormErrors } from "../../lib/form-errors";
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

const LABELS = { name: "Token name", userId: "Find the user", scopes: "What the token may do", expiresInDays: "Expires after" };

export function CreateTokenForm() {
  const [name, setName] = useState("");
  const [user, setUser] = useState<UserView | null>(null);
  const [scopes, setScopes] = useState<TokenScope[]>(["registry:verify"]);
  const [expiresInDays, setExpiresInDays] = useState(90);
  const [created, setCreated] = useState<(CreatedApiTokenView & { userEmail: string }) | null>(null);
  const errors = useFormErrors("create-token", LABELS);
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (input: CreateApiTokenBody) =>
      api.post<CreatedApiTokenView>("/api/v1/admin/api-tokens", input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: staffKeys.apiTokens }),
    onError: errors.showError,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // What the server cannot be asked without: the user and a scope (the name it checks itself).
    const missing = [
      ...(user ? [] : [{ field: "userId", message: "Find and choose the user the token belongs to." }]),
      ...(scopes.length === 0 ? [{ field: "scopes", message: "Choose at least one thing the token may do." }] : []),
    ];
    errors.setProblems(missing);
    if (!user || missing.length > 0) return;
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
      <form className="form form--card" onSubmit={onSubmit} aria-labelledby="create-token-heading" noValidate>
        <h2 id="create-token-heading">Create a token</h2>
        <ErrorSummary errors={errors} />
        <TextField
          label="Token name"
          name="name"
          id={errors.fieldId("name")}
          error={errors.errorFor("name")}
          hint="What the token is for, for example “Acme HR registry check”."
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <UserPicker id={errors.fieldId("userId")} value={user?.id ?? null} onChange={setUser} error={errors.errorFor("userId")} />
        <fieldset className={errors.errorFor("scopes") ? "fieldset field--invalid" : "fieldset"}>
          <legend>What the token may do</legend>
          <p className="field__hint">The token also never does more than its user may. Give it only what the integration needs.</p>
          <FieldError>{errors.errorFor("scopes")}</FieldError>
          {TOKEN_SCOPES.map((scope, index) => (
            <label key={scope} className="choice">
              <input
                type="checkbox"
                id={index === 0 ? errors.fieldId("scopes") : undefined}
                name="scopes"
                value={scope}
                checked={scopes.includes(scope)}
                onChange={(event) => {
                  const next = event.target.checked ? TOKEN_SCOPES.filter((s) => s === scope || scopes.includes(s)) : scopes.filter((s) => s !== scope);
                  setScopes(next);
                }}
              />
              {SCOPE_LABELS[scope]} <code>{scope}</code>
            </label>
          ))}
        </fieldset>
        <SelectField label="Expires after" name="expiresInDays" id={errors.fieldId("expiresInDays")} error={errors.errorFor("expiresInDays")} value={String(expiresInDays)} onChange={(e) => setExpiresInDays(Number(e.target.value))}>
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
