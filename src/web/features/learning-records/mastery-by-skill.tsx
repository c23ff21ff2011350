// Mastery by skill for staff, over the page's period: per skill (program order) who practised and how
// well, who first reached mastery, and by the period's end how many had practised it and mastered it,
// with a bar of that share for the eye (the number beside it says the same to everyone); then the
// same per module. The mastery rule is stated from the program's policy, not written here.
import { DataTable, type Column } from "../../components/data-table";
import { masteryPolicySentence } from "../../../common/rules/mastery-report";
import type { ModuleMasteryReportRow, SkillMasteryReportRow } from "../../../common/schemas/practice";
import { useMasteryReport } from "./learning-records-api";
import { periodBounds, type ReportPeriod } from "./report-period";

const percent = (p: number | null) => (p === null ? "—" : `${p}%`);

/** A percent, marked when too few learners stand behind it to read it as a trend. */
function Rate({ value, few }: { value: number | null; few: boolean }) {
  return (
    <>
      {percent(value)}
      {few && value !== null ? <span className="few-learners"> (few learners)</span> : null}
    </>
  );
}

/** "6 of 8 (75%)" with a bar drawn for the eye only. */
function Share({ part, whole, value }: { part: number; whole: number; value: number | null }) {
  return (
    <span className="share">
      <span className="share__text">{whole === 0 ? "—" : `${part} of ${whole} (${percent(value)})`}</span>
      {whole === 0 ? null : (
        <span className="share__track" aria-hidden="true">
          <span className="share__fill" style={{ width: `${value ?? 0}%` }} />
        </span>
      )}
    </span>
  );
}

const practiceColumns = <T extends SkillMasteryReportRow | ModuleMasteryReportRow>(): Column<T>[] => [
  { id: "practising", header: "Practising", className: "numeric", cell: (r) => r.practisingLearners, sortValue: (r) => r.practisingLearners },
  { id: "answers", header: "Answers", className: "numeric", cell: (r) => r.answers, sortValue: (r) => r.answers },
  { id: "correct", header: "Correct", className: "numeric", cell: (r) => <Rate value={r.percentCorrect} few={r.fewLearners} />, sortValue: (r) => r.percentCorrect },
];

const skillColumns: Column<SkillMasteryReportRow>[] = [
  { id: "skill", header: "Skill", rowHeader: true, cell: (r) => `${r.skillName} (${r.skill})`, sortValue: (r) => r.skillName },
  { id: "module", header: "Module", cell: (r) => r.module, sortValue: (r) => r.module },
  ...practiceColumns<SkillMasteryReportRow>(),
  { id: "newly", header: "Newly mastered", className: "numeric", cell: (r) => r.newlyMastered, sortValue: (r) => r.newlyMastered },
  { id: "mastered", header: "Mastered", cell: (r) => <Share part={r.mastered} whole={r.everPractised} value={r.masteredPercent} />, sortValue: (r) => r.masteredPercent },
];

const moduleColumns: Column<ModuleMasteryReportRow>[] = [
  { id: "module", header: "Module", rowHeader: true, cell: (r) => `${r.moduleName} (${r.module})`, sortValue: (r) => r.module },
  ...practiceColumns<ModuleMasteryReportRow>(),
  { id: "newly", header: "Skills newly mastered", className: "numeric", cell: (r) => r.newMasteries, sortValue: (r) => r.newMasteries },
  { id: "mastered", header: "Every skill mastered", cell: (r) => <Share part={r.masteredAll} whole={r.everPractised} value={r.masteredAllPercent} />, sortValue: (r) => r.masteredAllPercent },
];

export function MasteryBySkill({ period }: { period: ReportPeriod }) {
  const bounds = periodBounds(period);
  const report = useMasteryReport(bounds.from, bounds.to);
  const data = report.data;
  return (
    <>
      {data ? (
        <>
          <p>
            A learner has mastered a skill with {masteryPolicySentence(data.policy)} ({data.policy.percent}% of the last {data.policy.window}, the program's policy), and counts
            as having mastered it from the first time they do. Practice answers include practice sets and practice tests.
          </p>
          <ul>
            <li>Practising: learners who answered practice questions of the skill in the period; answers and the percent correct are theirs.</li>
            <li>Newly mastered: learners who first reached mastery of the skill in the period.</li>
            <li>Mastered: learners who had reached mastery by the end of the period, of all who had practised the skill by then. A module's learners count once, however many of its skills they practised; "every skill mastered" needs all of them.</li>
          </ul>
          <p>
            Percents are whole numbers, rounded down. Where fewer than {data.fewLearners} learners practised in the period, the percent correct is marked "few
            learners": one learner moves it a long way.
          </p>
        </>
      ) : null}
      <DataTable caption={`Mastery by skill, ${period.from} to ${period.to}`} showCaption columns={skillColumns} rows={data?.skills ?? []} rowKey={(r) => r.skill} status={report} empty="The program has no skills." />
      <DataTable caption={`Mastery by module, ${period.from} to ${period.to}`} showCaption columns={moduleColumns} rows={data?.modules ?? []} rowKey={(r) => r.module} status={report} empty="The program has no modules." />
    </>
  );
}
