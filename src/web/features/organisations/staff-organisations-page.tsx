// Staff's organisations page (/staff/organisations): employers and colleges with their members and
// waiting invitations; staff create one and invite its first owner by email.
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { useFormErrors } from "../../lib/form-errors";
import type { AdminOrganisationView, CreateOrganisationBody } from "../../../common/schemas/organisations";
import { KIND_LABELS } from "./my-organisations-page";
import { useAdminOrganisations, useCreateOrganisation } from "./organisations-api";

const LABELS = { kind: "Kind", name: "Name", website: "Website", city: "City", state: "State", ownerEmail: "First owner's email" };
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

function CreateForm({ onDone }: { onDone: (m: string) => void }) {
  const [form, setForm] = useState({ kind: "employer" as "employer" | "college", name: "", website: "", city: "", state: "", ownerEmail: "" });
  const errors = useFormErrors("organisation", LABELS);
  const create = useCreateOrganisation();
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = [];
    if (!form.name.trim()) problems.push({ field: "name", message: "Enter the organisation's name." });
    if (form.website && !/^https?:\/\/\S+$/.test(form.website.trim())) problems.push({ field: "website", message: "Enter the website's full address, starting with https://." });
    if (form.state && !/^[A-Za-z]{2}$/.test(form.state.trim())) problems.push({ field: "state", message: "Enter the state's two-letter code, like VA." });
    if (form.ownerEmail && !EMAIL.test(form.ownerEmail.trim())) problems.push({ field: "ownerEmail", message: "Enter the first owner's email address, like name@example.com." });
    if (problems.length) return errors.setProblems(problems);
    errors.clear();
    const body: CreateOrganisationBody = {
      kind: form.kind, name: form.name.trim(),
      ...(form.website.trim() ? { website: form.website.trim() } : {}), ...(form.city.trim() ? { city: form.city.trim() } : {}),
      ...(form.state.trim() ? { state: form.state.trim() } : {}), ...(form.ownerEmail.trim() ? { ownerEmail: form.ownerEmail.trim() } : {}),
    };
    create.mutate(body, {
      onSuccess: (o) => {
        setForm({ kind: form.kind, name: "", website: "", city: "", state: "", ownerEmail: "" });
        onDone(`${o.name} is created.${body.ownerEmail ? ` ${body.ownerEmail} has been emailed an invitation to own it.` : ""}`);
      },
      onError: errors.showError,
    });
  }
  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="create-heading" noValidate>
      <h2 id="create-heading">New organisation</h2>
      <ErrorSummary errors={errors} />
      <SelectField id={errors.fieldId("kind")} label="Kind" name="kind" value={form.kind} onChange={set("kind")}>
        <option value="employer">Employer</option>
        <option value="college">College (advanced-standing partner)</option>
      </SelectField>
      <TextField id={errors.fieldId("name")} error={errors.errorFor("name")} label="Name" name="name" value={form.name} onChange={set("name")} />
      <TextField id={errors.fieldId("website")} error={errors.errorFor("website")} label="Website" optional type="url" name="website" value={form.website} onChange={set("website")} />
      <TextField id={errors.fieldId("city")} error={errors.errorFor("city")} label="City" optional name="city" value={form.city} onChange={set("city")} />
      <TextField id={errors.fieldId("state")} error={errors.errorFor("state")} label="State" optional name="state" maxLength={2} value={form.state} onChange={set("state")} />
      <TextField id={errors.fieldId("ownerEmail")} error={errors.errorFor("ownerEmail")} label="First owner's email" optional hint="They are emailed a link to join as its owner; they can then invite colleagues." type="email" name="ownerEmail" autoComplete="off" value={form.ownerEmail} onChange={set("ownerEmail")} />
      <button type="submit" className="button" disabled={create.isPending}>{create.isPending ? "Creating…" : "Create the organisation"}</button>
    </form>
  );
}

export function StaffOrganisationsPage() {
  const [kind, setKind] = useState<"" | "employer" | "college">("");
  const list = useAdminOrganisations(kind);
  const [message, setMessage] = useState<string | null>(null);
  const columns: Column<AdminOrganisationView>[] = [
    { id: "name", header: "Name", rowHeader: true, sortValue: (o) => o.name, cell: (o) => <Link to={`/organisations/${o.id}`}>{o.name}</Link> },
    { id: "kind", header: "Kind", sortValue: (o) => o.kind, cell: (o) => KIND_LABELS[o.kind] },
    { id: "place", header: "Place", cell: (o) => [o.city, o.state].filter(Boolean).join(", ") || "—" },
    { id: "members", header: "Members", className: "numeric", sortValue: (o) => o.members, cell: (o) => o.members },
    { id: "open", header: "Invitations waiting", className: "numeric", sortValue: (o) => o.openInvitations, cell: (o) => o.openInvitations },
  ];
  return (
    <Page title="Organisations" wide lead="Employers and partner colleges with their own users. Create one and invite its first owner; owners invite their colleagues.">
      <StatusMessage>{message}</StatusMessage>
      <CreateForm onDone={setMessage} />
      <section className="section" aria-labelledby="list-heading">
        <h2 id="list-heading">Every organisation</h2>
        <SelectField label="Show" name="kind-filter" value={kind} onChange={(e) => setKind(e.target.value as "" | "employer" | "college")}>
          <option value="">Employers and colleges</option>
          <option value="employer">Employers</option>
          <option value="college">Colleges</option>
        </SelectField>
        <DataTable caption="Organisations with their members and waiting invitations" columns={columns} rows={list.data?.items ?? []} rowKey={(o) => o.id} status={list} empty="No organisation yet." />
      </section>
    </Page>
  );
}
