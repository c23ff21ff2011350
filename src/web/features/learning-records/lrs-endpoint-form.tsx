// Adding an external learning record store, or changing one: its name, who it is for (the whole
// program, a center or an employer; fixed once added), its address and its Basic key and secret. The
// secret is write-only: the form never shows it, and a change leaves it as it is unless a new one is typed.
import { useState, type FormEvent } from "react";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextField } from "../../components/field";
import { useFormErrors } from "../../lib/form-errors";
import { lrsEndpointUrlProblem, LRS_URL_MAX_LENGTH } from "../../../common/rules/lrs-endpoint-url";
import type { LrsEndpointView, OwnerKind } from "../../../common/schemas/learning-records";
import { useCreateStore, useOrganisations, useUpdateStore } from "./learning-records-api";

const LABELS = {
  name: "Name",
  ownerKind: "Statements of",
  ownerId: "Center or employer",
  url: "Address of the learning record store",
  authKey: "Key",
  authSecret: "Secret",
};

interface Props {
  /** The store being changed; without it the form adds one. */
  endpoint?: LrsEndpointView;
  onDone: (message: string) => void;
  onCancel?: () => void;
}

export function LrsEndpointForm({ endpoint, onDone, onCancel }: Props) {
  const editing = !!endpoint;
  const formId = editing ? `edit-store-${endpoint.id}` : "add-store";
  const [name, setName] = useState(endpoint?.name ?? "");
  const [ownerKind, setOwnerKind] = useState<OwnerKind>(endpoint?.ownerKind ?? "program");
  const [ownerId, setOwnerId] = useState(endpoint?.ownerId ?? "");
  const [url, setUrl] = useState(endpoint?.url ?? "");
  const [authKey, setAuthKey] = useState(endpoint?.authKey ?? "");
  const [authSecret, setAuthSecret] = useState("");
  const errors = useFormErrors(formId, LABELS);
  const organisations = useOrganisations();
  const create = useCreateStore();
  const update = useUpdateStore();
  const pending = create.isPending || update.isPending;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = [];
    if (!name.trim()) problems.push({ field: "name", message: "Enter a name staff will recognise, like the organisation's LRS." });
    if (!editing && ownerKind !== "program" && !ownerId) problems.push({ field: "ownerId", message: ownerKind === "center" ? "Choose the center." : "Choose the employer." });
    const urlProblem = lrsEndpointUrlProblem(url);
    if (urlProblem) problems.push({ field: "url", message: urlProblem });
    if (!authKey.trim()) problems.push({ field: "authKey", message: "Enter the key the learning record store issued." });
    if (!editing && !authSecret) problems.push({ field: "authSecret", message: "Enter the secret the learning record store issued." });
    if (problems.length) return errors.setProblems(problems);
    const onError = (error: unknown) => errors.showError(error);
    if (editing) {
      update.mutate(
        { id: endpoint.id, body: { name: name.trim(), url: url.trim(), authKey: authKey.trim(), ...(authSecret ? { authSecret } : {}) } },
        { onSuccess: (saved) => { errors.clear(); onDone(`Saved ${saved.name}.`); }, onError },
      );
    } else {
      create.mutate(
        { name: name.trim(), ownerKind, ...(ownerKind !== "program" ? { ownerId } : {}), url: url.trim(), authKey: authKey.trim(), authSecret },
        {
          onSuccess: (saved) => {
            errors.clear();
            setName(""); setUrl(""); setAuthKey(""); setAuthSecret(""); setOwnerId(""); setOwnerKind("program");
            onDone(`Added ${saved.name}: statements recorded from now on are sent to it.`);
          },
          onError,
        },
      );
    }
  }

  const choices = ownerKind === "center"
    ? (organisations.data?.centers ?? []).map((c) => ({ id: c.id, label: c.name }))
    : (organisations.data?.employers ?? []).map((e) => ({ id: e.id, label: `${e.name} (${e.email})` }));

  return (
    <form className={editing ? "form" : "form form--card"} onSubmit={onSubmit} aria-labelledby={`${formId}-heading`} noValidate>
      <h3 id={`${formId}-heading`}>{editing ? `Change ${endpoint.name}` : "Add a learning record store"}</h3>
      <ErrorSummary errors={errors} />
      <TextField id={errors.fieldId("name")} error={errors.errorFor("name")} label={LABELS.name} maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
      {editing ? (
        <p>Statements of: {endpoint.ownerName}</p>
      ) : (
        <>
          <SelectField id={errors.fieldId("ownerKind")} error={errors.errorFor("ownerKind")} label={LABELS.ownerKind} value={ownerKind}
            hint="The program's store gets every statement; a center's or an employer's gets those of their learners."
            onChange={(e) => { setOwnerKind(e.target.value as OwnerKind); setOwnerId(""); }}>
            <option value="program">Every learner (the whole program)</option>
            <option value="center">The learners of a center</option>
            <option value="employer">The learners an employer sponsors</option>
          </SelectField>
          {ownerKind !== "program" ? (
            <SelectField id={errors.fieldId("ownerId")} error={errors.errorFor("ownerId")} label={ownerKind === "center" ? "Center" : "Employer"} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
              <option value="">{organisations.isPending ? "Loading…" : "Choose…"}</option>
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </SelectField>
          ) : null}
        </>
      )}
      <TextField id={errors.fieldId("url")} error={errors.errorFor("url")} label={LABELS.url} type="url" inputMode="url" maxLength={LRS_URL_MAX_LENGTH} autoComplete="off"
        hint="Its xAPI endpoint, such as https://lrs.example.com/xapi/ (statements are sent to …/statements). http or https, no user name or password in it."
        value={url} onChange={(e) => setUrl(e.target.value)} />
      <TextField id={errors.fieldId("authKey")} error={errors.errorFor("authKey")} label={LABELS.authKey} maxLength={200} autoComplete="off" spellCheck={false} value={authKey} onChange={(e) => setAuthKey(e.target.value)} />
      <TextField id={errors.fieldId("authSecret")} error={errors.errorFor("authSecret")} label={LABELS.authSecret} type="password" maxLength={500} autoComplete="new-password" optional={editing}
        hint={editing ? "Leave empty to keep the secret it has. Secrets are never shown again." : "Kept for sending only: it is never shown again."}
        value={authSecret} onChange={(e) => setAuthSecret(e.target.value)} />
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : editing ? "Save changes" : "Add the store"}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
