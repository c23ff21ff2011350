// The roster's Learning Lab progress (issue 13, item 5): for each learner with an account, mastery of
// each skill the course covers (the program's rule: e.g. 8 of the last 10 practice answers right), the
// lessons of those skills finished and when they last used the Lab. The course's trainer, staff and the
// center's administrators read it; learners are told so when they enrol.
import { DataTable, type Column } from "../../components/data-table";
import { formatDate } from "../../lib/format";
import type { SkillMasteryView } from "../../../common/schemas/practice";
import type { CourseRosterView, RosterLearnerView } from "../../../common/schemas/training";
import { MasteryBadge } from "../practice/mastery-meter";

/** One skill's cell: mastered, or how many of the window's answers were right so far. */
function skillCell(m: SkillMasteryView | undefined) {
  if (!m) return "—";
  if (m.mastered) return <MasteryBadge mastery={m} />;
  if (m.answered === 0) return <span className="card__meta">Not practised</span>;
  return `${m.correct} of ${m.answered} right`;
}

export function RosterProgress({ roster }: { roster: CourseRosterView }) {
  const course = roster.course;
  const learners = roster.learners.filter((l) => l.progress !== null && l.status !== "cancelled");
  const mastered = (l: RosterLearnerView) => l.progress?.skills.filter((s) => s.mastered).length ?? 0;
  const of = (l: RosterLearnerView, code: string) => l.progress?.skills.find((s) => s.skill === code);
  const rule = learners[0]?.progress?.skills[0];
  const columns: Column<RosterLearnerView>[] = [
    { id: "name", header: "Learner", rowHeader: true, sortValue: (l) => l.name, cell: (l) => l.name },
    ...course.skills.map((s): Column<RosterLearnerView> => ({
      id: `skill-${s.code}`, header: s.name, sortValue: (l) => { const m = of(l, s.code); return m ? (m.mastered ? 100 : 0) + m.correct : -1; }, cell: (l) => skillCell(of(l, s.code)),
    })),
    { id: "mastered", header: "Skills mastered", className: "numeric", sortValue: mastered, cell: (l) => `${mastered(l)} of ${course.skills.length}` },
    { id: "lessons", header: "Lessons finished", className: "numeric", sortValue: (l) => l.progress?.lessonsCompleted ?? 0, cell: (l) => `${l.progress?.lessonsCompleted ?? 0} of ${l.progress?.lessonsTotal ?? 0}` },
    { id: "last", header: "Last in the Learning Lab", sortValue: (l) => l.progress?.lastActiveAt ?? "", cell: (l) => (l.progress?.lastActiveAt ? formatDate(l.progress.lastActiveAt) : "Not yet") },
  ];
  return (
    <section className="section" aria-labelledby="progress-heading">
      <h2 id="progress-heading">Learning Lab progress</h2>
      <p>
        Each learner&apos;s practice in the skills this course covers
        {rule ? ` (a skill is mastered with ${Math.ceil((rule.percent * rule.window) / 100)} of the last ${rule.window} practice answers right)` : ""}, the
        lessons of those skills they have finished, and when they last used the Learning Lab.
      </p>
      <DataTable caption={`Learning Lab progress of the learners of ${course.title}`} columns={columns} rows={learners} rowKey={(l) => l.enrolmentId}
        empty="No learner with an account yet: a sponsored seat shows here once it is accepted." initialSort={{ id: "name" }} />
    </section>
  );
}
