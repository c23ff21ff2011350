// The learner's progress in the Learning Lab: mastery of each skill, the practice tests taken with
// their diagnostics, the current study plan, and (from the learning-records
// stream) the list of their learning records.
import { LearningRecordList } from "../learning-records/learning-record-list";
import { Link } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { Page } from "../../components/page";
import { formatDate } from "../../lib/format";
import type { SkillMasteryView, StudyPlanSummary } from "../../../common/schemas/practice";
import { MasteryBadge } from "./mastery-meter";
import { practiceLinks, useProgress } from "./practice-api";
import { PracticeTestsTable } from "./practice-tests-page";
import "../../styles/practice.css";

function MasteryTable({ rows, status }: { rows: SkillMasteryView[]; status: ReturnType<typeof useProgress> }) {
  const columns: Column<SkillMasteryView>[] = [
    { id: "skill", header: "Skill", rowHeader: true, sortValue: (m) => m.skillName, cell: (m) => <Link to={practiceLinks.practise(m.skill)}>{m.skillName}</Link> },
    { id: "module", header: "Module", sortValue: (m) => m.module, cell: (m) => m.module },
    { id: "answers", header: "Answers in window", className: "numeric", sortValue: (m) => m.answered, cell: (m) => `${m.answered} of ${m.window}` },
    { id: "correct", header: "Correct", className: "numeric", sortValue: (m) => m.correct, cell: (m) => m.correct },
    {
      id: "since", header: "Mastered since", className: "nowrap", sortValue: (m) => (m.mastered ? m.masteredSince : null),
      cell: (m) =>
        m.mastered
          ? formatDate(m.masteredSince)
          : `Not yet: ${m.toMaster} more right to master${m.masteredSince ? ` (first mastered ${formatDate(m.masteredSince)})` : ""}`,
    },
  ];
  return <DataTable caption="Mastery of each skill" columns={columns} rows={rows} rowKey={(m) => m.skill} status={status} empty="No skills." />;
}

function PlanCard({ plan, others }: { plan: NonNullable<ReturnType<typeof useProgress>["data"]>["studyPlan"]; others: StudyPlanSummary[] }) {
  if (!plan) return <p>You have no study plan. Make one from a result below the pass mark, or from a practice test's diagnostic.</p>;
  return (
    <div className="card">
      <p>
        <Link to={practiceLinks.plan(plan.id)}>Study plan for {plan.moduleName}</Link>: {plan.masteredCount} of {plan.skillCount} skills mastered
        {plan.completedAt ? ", complete" : ""}.
      </p>
      <ul>
        {plan.skills.map((s) => (
          <li key={s.skill}>
            {s.name}: <MasteryBadge mastery={s.mastery} />
          </li>
        ))}
      </ul>
      {others.length > 1 ? (
        <p className="card__meta">
          Other plans:{" "}
          {others
            .filter((o) => o.id !== plan.id)
            .map((o, n) => (
              <span key={o.id}>
                {n > 0 ? ", " : ""}
                <Link to={practiceLinks.plan(o.id)}>
                  {o.moduleName}, {formatDate(o.createdAt)}
                </Link>
              </span>
            ))}
        </p>
      ) : null}
    </div>
  );
}

/** Everything the learner did, as the xAPI statements the platform recorded (the learning-records module's list). */
function LearningRecordsSection() {
  return (
    <section aria-labelledby="records-heading" className="section">
      <h2 id="records-heading">Your learning records</h2>
      <LearningRecordList />
    </section>
  );
}

export function ProgressPage() {
  const progress = useProgress();
  const data = progress.data;
  return (
    <Page title="Your progress" lead="Your mastery of each skill, your practice tests and your study plan." wide>
      <section aria-labelledby="mastery-heading" className="section">
        <h2 id="mastery-heading">Your skills</h2>
        <p>
          A skill is mastered when at least {data?.mastery[0] ? `${data.mastery[0].percent}% of your last ${data.mastery[0].window}` : "80% of your last 10"} practice answers of
          it are right.
        </p>
        <MasteryTable rows={data?.mastery ?? []} status={progress} />
      </section>
      <section aria-labelledby="plan-heading" className="section">
        <h2 id="plan-heading">Your study plan</h2>
        {data ? <PlanCard plan={data.studyPlan} others={data.studyPlans} /> : null}
      </section>
      <section aria-labelledby="tests-heading" className="section">
        <h2 id="tests-heading">Practice tests</h2>
        <PracticeTestsTable rows={data?.practiceTests ?? []} status={progress} />
        <p>
          <Link to={practiceLinks.practiceTests()}>Start a practice test</Link>
        </p>
      </section>
      <LearningRecordsSection />
    </Page>
  );
}
