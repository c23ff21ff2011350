// The audit log: every change with who made it (by name), the record it touched (by name), the
// action, when and why; filtered by actor, record type and id, action and dates, newest first,
// paged by cursor. The filters live in the address, so a person's record can link to their entries.
import { useState, type FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { api } from "../../api/client";
import type { AuditEntryView } from "../../../common/schemas/audit";
import type { UserEnvelope, UsersPage } from "../../../common/schemas/accounts";
import { DataTable } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextField } from "../../components/field";
import { Page } from "../../components/page";
import { auditColumns } from "../../features/people/audit-columns";
import { staffKeys } from "../../features/staff/staff-keys";
import { useFormErrors } from "../../lib/form-errors";
import { useCursorList } from "../../lib/use-cursor-list";
import "../../styles/people.css";

const RECORD_TYPES: Record<string, string> = {
  user: "Person", registration: "Registration", session: "Session", attempt: "Attempt", credential: "Certificate", accommodation_request: "Accommodation request",
  accommodation_document: "Accommodation document", invoice: "Invoice", center: "Center", item: "Item", handbook_request: "Handbook request",
  onsite_request: "Onsite request", api_token: "API token", fee_schedule: "Fee schedule", issuer_key: "Issuer key",
};
const FILTERS = ["actorId", "entityType", "entityId", "action", "from", "to"] as const;

/** A date input's day as the instant it starts (from) or the next day starts (to), in the reader's zone. */
const dayStart = (day: string, plusDays = 0) => {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y!, m! - 1, d! + plusDays).toISOString();
};
const dayOf = (iso: string | null, minusDays = 0) => {
  if (!iso) return "";
  const date = new Date(iso);
  date.setDate(date.getDate() - minusDays);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

function useActor(actorId: string | null) {
  return useQuery({
    queryKey: [...staffKeys.users, actorId],
    queryFn: ({ signal }) => api.get<UserEnvelope>(`/api/v1/admin/users/${encodeURIComponent(actorId!)}`, undefined, signal),
    enabled: !!actorId,
  });
}

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? undefined])) as Record<(typeof FILTERS)[number], string | undefined>;
  const actor = useActor(applied.actorId ?? null);
  const errors = useFormErrors("audit", { actorEmail: "Actor's email", entityType: "Record type", entityId: "Record id", action: "Action", from: "From", to: "To" });
  const [draft, setDraft] = useState({
    actorEmail: "", entityType: applied.entityType ?? "", entityId: applied.entityId ?? "", action: applied.action ?? "",
    from: dayOf(applied.from ?? null), to: dayOf(applied.to ?? null, 1),
  });
  const { query, items } = useCursorList<AuditEntryView>(staffKeys.audit, "/api/v1/admin/audit", applied);

  async function onFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    const next = new URLSearchParams();
    if (draft.actorEmail.trim()) {
      const email = draft.actorEmail.trim().toLowerCase();
      const found = await api.get<UsersPage>("/api/v1/admin/users", { q: email, limit: 20 }).catch((err: unknown) => { errors.showError(err); return null; });
      if (!found) return;
      const match = found.items.find((u) => u.email.toLowerCase() === email);
      if (!match) return errors.setProblems([{ field: "actorEmail", message: "No account has this email." }]);
      next.set("actorId", match.id);
    } else if (applied.actorId) next.set("actorId", applied.actorId);
    if (draft.entityType) next.set("entityType", draft.entityType);
    if (draft.entityId.trim()) next.set("entityId", draft.entityId.trim());
    if (draft.action.trim()) next.set("action", draft.action.trim());
    if (draft.from) next.set("from", dayStart(draft.from));
    if (draft.to) next.set("to", dayStart(draft.to, 1));
    if (draft.from && draft.to && draft.to < draft.from) return errors.setProblems([{ field: "to", message: "Choose a day on or after the From day." }]);
    setDraft({ ...draft, actorEmail: "" });
    setParams(next);
  }

  const filtered = FILTERS.some((f) => applied[f]);
  const actorName = actor.data ? `${actor.data.user.firstName} ${actor.data.user.lastName}` : null;

  return (
    <Page title="Audit log" wide lead="Every change made through the system: who made it, to which record, and why, newest first.">
      <form className="filters audit-filters" role="search" aria-label="Audit log filters" onSubmit={(e) => void onFilter(e)} noValidate>
        <ErrorSummary errors={errors} />
        <TextField id={errors.fieldId("actorEmail")} error={errors.errorFor("actorEmail")} label="Actor's email" name="actorEmail" type="email" required={false}
          hint={applied.actorId ? `Now: ${actorName ?? "one person"}` : "Who made the change."} value={draft.actorEmail} onChange={(e) => setDraft({ ...draft, actorEmail: e.target.value })} />
        <SelectField id={errors.fieldId("entityType")} error={errors.errorFor("entityType")} label="Record type" name="entityType" value={draft.entityType}
          onChange={(e) => setDraft({ ...draft, entityType: e.target.value })}>
          <option value="">Any record</option>
          {Object.entries(RECORD_TYPES).map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </SelectField>
        <TextField id={errors.fieldId("entityId")} error={errors.errorFor("entityId")} label="Record id" name="entityId" required={false} maxLength={64} spellCheck={false}
          value={draft.entityId} onChange={(e) => setDraft({ ...draft, entityId: e.target.value })} />
        <TextField id={errors.fieldId("action")} error={errors.errorFor("action")} label="Action" name="action" required={false} maxLength={100} spellCheck={false}
          hint="For example registration.no_show." value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} />
        <TextField id={errors.fieldId("from")} error={errors.errorFor("from")} label="From" name="from" type="date" required={false} value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        <TextField id={errors.fieldId("to")} error={errors.errorFor("to")} label="To" name="to" type="date" required={false} hint="Includes the whole day." value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        <div className="button-row">
          <button type="submit" className="button">Filter</button>
          {filtered ? (
            <button type="button" className="button button--secondary" onClick={() => {
              setDraft({ actorEmail: "", entityType: "", entityId: "", action: "", from: "", to: "" });
              errors.clear();
              setParams(new URLSearchParams());
            }}>
              Clear filters
            </button>
          ) : null}
        </div>
      </form>
      <DataTable
        caption={filtered ? `Audit entries${actorName ? ` by ${actorName}` : ""}, filtered` : "Audit entries"}
        rows={items}
        rowKey={(e) => e.id}
        columns={auditColumns}
        empty={filtered ? "No audit entries match these filters." : "No audit entries yet."}
        status={query}
        more={query}
        loadingLabel="Loading the audit log…"
      />
    </Page>
  );
}
