// The analytics filters: the period (whole UTC days, at most three years), months or quarters, and
// optionally one module, one center and an accommodation group. Checked here with the same rule the
// server applies; what the server still refuses (a group too small to show) lands in the same summary.
import { useEffect, useState, type FormEvent } from "react";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextField } from "../../components/field";
import { useFormErrors } from "../../lib/form-errors";
import { analyticsPeriodProblem } from "../../../common/rules/analytics";
import type { AnalyticsQuery } from "../../../common/schemas/analytics";
import { useCenters } from "../centers/center-queries";
import { useProgram } from "../program/program-queries";

const LABELS = { from: "First day (UTC)", to: "Last day (UTC)", grouping: "Group by", module: "Module", centerId: "Center", accommodation: "Candidates" };

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The first day of the month eleven months ago to today: a year of whole months. */
export function lastTwelveMonths(now = Date.now()): AnalyticsQuery {
  const d = new Date(now);
  return { from: day(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 11, 1)), to: day(now), grouping: "month" };
}

interface Props {
  filters: AnalyticsQuery;
  onChange: (filters: AnalyticsQuery) => void;
  /** The server's refusal of the filters last applied, if any. */
  refusal: unknown;
}

export function AnalyticsFilters({ filters, onChange, refusal }: Props) {
  const errors = useFormErrors("analytics", LABELS);
  const { showError } = errors;
  const [draft, setDraft] = useState(filters);
  const program = useProgram();
  const centers = useCenters();
  useEffect(() => {
    if (refusal) showError(refusal);
  }, [refusal, showError]);

  const set = (key: keyof AnalyticsQuery) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: event.target.value === "" ? undefined : event.target.value });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = analyticsPeriodProblem(draft.from, draft.to);
    if (problem) return errors.setProblems([{ field: "to", message: problem }]);
    errors.clear();
    onChange(draft);
  }

  return (
    <form className="form analytics-filters" onSubmit={onSubmit} aria-labelledby="analytics-filters-heading" noValidate>
      <h2 id="analytics-filters-heading">Filters</h2>
      <ErrorSummary errors={errors} />
      <p>Whole days in UTC, three years at most. Module, center and candidates are optional.</p>
      <div className="analytics-filters__row">
        <TextField id={errors.fieldId("from")} error={errors.errorFor("from")} label={LABELS.from} type="date" value={draft.from} onChange={set("from")} />
        <TextField id={errors.fieldId("to")} error={errors.errorFor("to")} label={LABELS.to} type="date" value={draft.to} onChange={set("to")} />
        <SelectField id={errors.fieldId("grouping")} label={LABELS.grouping} value={draft.grouping ?? "month"} onChange={set("grouping")}>
          <option value="month">Month</option>
          <option value="quarter">Quarter</option>
        </SelectField>
      </div>
      <div className="analytics-filters__row">
        <SelectField id={errors.fieldId("module")} error={errors.errorFor("module")} label={LABELS.module} value={draft.module ?? ""} onChange={set("module")}>
          <option value="">All modules</option>
          {(program.data?.modules ?? []).map((m) => (
            <option key={m.code} value={m.code}>{m.name} ({m.code})</option>
          ))}
        </SelectField>
        <SelectField id={errors.fieldId("centerId")} error={errors.errorFor("centerId")} label={LABELS.centerId} value={draft.centerId ?? ""} onChange={set("centerId")}>
          <option value="">All centers</option>
          {(centers.data?.items ?? []).map((c) => (
            <option key={c.id} value={c.id}>{c.name}, {c.city}</option>
          ))}
        </SelectField>
        <SelectField id={errors.fieldId("accommodation")} error={errors.errorFor("accommodation")} label={LABELS.accommodation} value={draft.accommodation ?? ""} onChange={set("accommodation")}>
          <option value="">All candidates</option>
          <option value="with">With approved accommodations</option>
          <option value="without">Without approved accommodations</option>
        </SelectField>
      </div>
      <button type="submit" className="button">Show figures</button>
    </form>
  );
}
