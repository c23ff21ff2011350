// The Learning Lab's use over a period, counted from the statements: by verb, and by skill with each
// verb's count. Days are UTC days, said so beside the fields.
import { useState, type FormEvent } from "react";
import { DataTable, type Column } from "../../components/data-table";
import { TextField } from "../../components/field";
import { VERB_NAMES, type LearningUsage } from "../../../common/schemas/learning-records";
import { useUsage } from "./learning-records-api";

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

type VerbRow = LearningUsage["byVerb"][number];
type SkillRow = LearningUsage["bySkill"][number];

export function LabUsage() {
  const today = day(Date.now());
  const [draft, setDraft] = useState({ from: day(Date.now() - 29 * DAY), to: today });
  const [period, setPeriod] = useState(draft);
  const [problem, setProblem] = useState<string | null>(null);
  const from = `${period.from}T00:00:00.000Z`;
  const to = new Date(Date.parse(`${period.to}T00:00:00Z`) + DAY).toISOString();
  const usage = useUsage(from, to);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isDay(draft.from) || !isDay(draft.to)) return setProblem("Enter both days as dates.");
    if (draft.to < draft.from) return setProblem("The last day must not be before the first.");
    setProblem(null);
    setPeriod(draft);
  }

  const verbs = VERB_NAMES.filter((v) => usage.data?.byVerb.some((r) => r.verb === v));
  const verbColumns: Column<VerbRow>[] = [
    { id: "verb", header: "Verb", rowHeader: true, cell: (r) => r.verb, sortValue: (r) => r.verb },
    { id: "statements", header: "Statements", className: "numeric", cell: (r) => r.statements, sortValue: (r) => r.statements },
    { id: "learners", header: "Learners", className: "numeric", cell: (r) => r.learners, sortValue: (r) => r.learners },
  ];
  const skillColumns: Column<SkillRow>[] = [
    { id: "skill", header: "Skill", rowHeader: true, cell: (r) => r.skill ?? "No skill (enrolments, courses)", sortValue: (r) => r.skill ?? "~" },
    ...verbs.map((v): Column<SkillRow> => ({ id: `verb-${v}`, header: v, className: "numeric", cell: (r) => r.verbs[v] ?? 0, sortValue: (r) => r.verbs[v] ?? 0 })),
    { id: "statements", header: "All statements", className: "numeric", cell: (r) => r.statements, sortValue: (r) => r.statements },
    { id: "learners", header: "Learners", className: "numeric", cell: (r) => r.learners, sortValue: (r) => r.learners },
  ];

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
      <DataTable caption={`Learning Lab use by verb, ${period.from} to ${period.to}`} showCaption columns={verbColumns} rows={usage.data?.byVerb ?? []} rowKey={(r) => r.verb} status={usage} empty="Nothing recorded in this period." />
      <DataTable caption={`Learning Lab use by skill, ${period.from} to ${period.to}`} showCaption columns={skillColumns} rows={usage.data?.bySkill ?? []} rowKey={(r) => r.skill ?? "none"} status={usage} empty="Nothing recorded in this period." />
    </>
  );
}
