// The filters above staff's session list and calendar: center, state, status, module and a date
// range. Applied on submit, kept in the address so a filtered view can be bookmarked or shared.
import { useState, type FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { SelectField, TextField } from "../../components/field";
import { schedulingKeys, STATUS_LABELS } from "../registration/scheduling-api";
import { useProgram } from "../program/program-queries";
import type { CenterList } from "../../../common/schemas/centers";
import { SESSION_STATUSES } from "../../../common/schemas/scheduling";
import { NO_FILTERS, type SessionFilters } from "./session-queries";

const STATUS_NAMES: Record<string, string> = { scheduled: "Scheduled", in_progress: "In progress", closed: "Closed", cancelled: "Cancelled", ...STATUS_LABELS };

export function SessionFiltersForm({ value, onChange, showDates }: { value: SessionFilters; onChange: (next: SessionFilters) => void; showDates: boolean }) {
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  const program = useProgram();
  const centers = useQuery({
    queryKey: schedulingKeys.adminCenters,
    queryFn: ({ signal }) => api.get<CenterList>("/api/v1/admin/centers", undefined, signal),
  });
  const set = (key: keyof SessionFilters) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (draft.state && !/^[A-Za-z]{2}$/.test(draft.state.trim())) return setProblem("The state is two letters, like VA.");
    if (draft.from && draft.to && draft.to < draft.from) return setProblem("The last day must not be before the first.");
    setProblem(null);
    onChange({ ...draft, state: draft.state.trim().toUpperCase() });
  }

  return (
    <form className="filters session-filters" role="search" aria-label="Filter sessions" onSubmit={onSubmit} noValidate>
      <SelectField label="Center" name="centerId" value={draft.centerId} onChange={set("centerId")}>
        <option value="">Every center</option>
        {(centers.data?.items ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.city}, {c.state})
          </option>
        ))}
      </SelectField>
      <TextField label="State" name="state" optional maxLength={2} hint="Two letters" value={draft.state} onChange={set("state")} error={problem?.startsWith("The state") ? problem : undefined} />
      <SelectField label="Status" name="status" value={draft.status} onChange={set("status")}>
        <option value="">Any status</option>
        {SESSION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_NAMES[s] ?? s}
          </option>
        ))}
      </SelectField>
      <SelectField label="Module" name="module" value={draft.module} onChange={set("module")}>
        <option value="">Any module</option>
        {(program.data?.modules ?? []).map((m) => (
          <option key={m.code} value={m.code}>
            {m.code}: {m.name}
          </option>
        ))}
      </SelectField>
      {showDates ? (
        <>
          <TextField label="From" type="date" name="from" optional value={draft.from} onChange={set("from")} />
          <TextField label="To" type="date" name="to" optional value={draft.to} onChange={set("to")} error={problem?.startsWith("The last") ? problem : undefined} />
        </>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button">
          Apply filters
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setDraft(NO_FILTERS);
            setProblem(null);
            onChange(NO_FILTERS);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
