// The Learning Lab's use over the page's period, counted from the statements: by verb, and by skill
// with each verb's count.
import { DataTable, type Column } from "../../components/data-table";
import { VERB_NAMES, type LearningUsage } from "../../../common/schemas/learning-records";
import { useUsage } from "./learning-records-api";
import { periodBounds, type ReportPeriod } from "./report-period";

type VerbRow = LearningUsage["byVerb"][number];
type SkillRow = LearningUsage["bySkill"][number];

export function LabUsage({ period }: { period: ReportPeriod }) {
  const bounds = periodBounds(period);
  const usage = useUsage(bounds.from, bounds.to);

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
      <DataTable caption={`Learning Lab use by verb, ${period.from} to ${period.to}`} showCaption columns={verbColumns} rows={usage.data?.byVerb ?? []} rowKey={(r) => r.verb} status={usage} empty="Nothing recorded in this period." />
      <DataTable caption={`Learning Lab use by skill, ${period.from} to ${period.to}`} showCaption columns={skillColumns} rows={usage.data?.bySkill ?? []} rowKey={(r) => r.skill ?? "none"} status={usage} empty="Nothing recorded in this period." />
    </>
  );
}
