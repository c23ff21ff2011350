// The period staff read the Learning Lab's reports over (its use and mastery by skill): whole UTC days,
// first and last included, sent to the server as [first day 00:00, day after the last 00:00). The page
// keeps one period for both reports; this form changes it only when it is valid.
import { useState, type FormEvent } from "react";
import { TextField } from "../../components/field";
import { reportPeriodProblem } from "../../../common/rules/report-period";

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** First and last day of the period, as YYYY-MM-DD (UTC). */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** The last 30 days, today included. */
export function lastThirtyDays(now = Date.now()): ReportPeriod {
  return { from: day(now - 29 * DAY), to: day(now) };
}

/** The period as the API takes it: [from, to) in ISO timestamps. */
export function periodBounds(period: ReportPeriod): { from: string; to: string } {
  return { from: `${period.from}T00:00:00.000Z`, to: new Date(Date.parse(`${period.to}T00:00:00Z`) + DAY).toISOString() };
}

function problemOf(draft: ReportPeriod): string | null {
  if (!isDay(draft.from) || !isDay(draft.to)) return "Enter both days as dates.";
  if (draft.to < draft.from) return "The last day must not be before the first.";
  const bounds = periodBounds(draft);
  return reportPeriodProblem(Date.parse(bounds.from), Date.parse(bounds.to));
}

export function PeriodForm({ period, onChange }: { period: ReportPeriod; onChange: (period: ReportPeriod) => void }) {
  const today = day(Date.now());
  const [draft, setDraft] = useState(period);
  const [problem, setProblem] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = problemOf(draft);
    setProblem(found);
    if (!found) onChange(draft);
  }

  return (
    <>
      <form className="filters" aria-label="Period" onSubmit={onSubmit} noValidate>
        <TextField id="usage-from" label="First day (UTC)" type="date" value={draft.from} max={today} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        <TextField id="usage-to" label="Last day (UTC)" type="date" value={draft.to} max={today} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        <button type="submit" className="button">
          Show
        </button>
      </form>
      {problem ? <p className="field__error" role="alert">{problem}</p> : null}
    </>
  );
}
