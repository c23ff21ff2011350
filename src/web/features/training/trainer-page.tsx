// The trainer's page (/trainer): the courses they teach, with enrolments, and each course's roster,
// where they record attendance per meeting and each learner's completion.
import { Link } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { Page } from "../../components/page";
import type { ManagedCourseView } from "../../../common/schemas/training";
import { courseStart, placeText, STATUS_LABELS } from "./course-text";
import { useTaughtCourses } from "./training-api";
import { useProgram } from "../program/program-queries";
import "../../styles/scheduling.css";
import "../../styles/training.css";

export function TrainerPage() {
  const courses = useTaughtCourses();
  const months = useProgram().data?.policies.trainerImpartialityMonths ?? 12;
  const columns: Column<ManagedCourseView>[] = [
    { id: "title", header: "Course", rowHeader: true, sortValue: (c) => c.title, cell: (c) => <>{c.title}<br /><span className="card__meta">{c.moduleName} · {c.skills.map((s) => s.code).join(", ")}</span></> },
    { id: "place", header: "Where", cell: (c) => placeText(c) },
    { id: "when", header: "Starts (at the place)", className: "nowrap", sortValue: (c) => c.meetings[0]?.startsAt, cell: (c) => courseStart(c) },
    { id: "enrolled", header: "Enrolled", className: "numeric", sortValue: (c) => c.enrolled, cell: (c) => `${c.enrolled} of ${c.seats}` },
    { id: "status", header: "Status", cell: (c) => STATUS_LABELS[c.status] },
    {
      id: "actions", header: "Actions", className: "actions",
      cell: (c) => (
        <Link to={`/training/courses/${encodeURIComponent(c.id)}/roster`} className="button button--small">
          Attendance and completion<span className="visually-hidden"> for {c.title}</span>
        </Link>
      ),
    },
  ];
  return (
    <Page title="Your courses" wide lead="The courses you teach. Record who attended each meeting (once it has started) and each learner's completion on the course's roster.">
      <DataTable caption="Courses you teach" showCaption columns={columns} rows={courses.data?.items ?? []} rowKey={(c) => c.id} status={courses}
        empty="You have no courses yet. Program staff and center administrators schedule them." initialSort={{ id: "when" }} pageSize={25} />
      <p className="card__meta">
        Impartiality (ISO/IEC 17024): you may not proctor an assessment session with a candidate you trained in the last {months} months; such assignments and check-ins are refused.
      </p>
    </Page>
  );
}
