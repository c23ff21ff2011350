// Courses for those who run them: /staff/courses (every course) and /center/courses (the courses at
// the centers one administers). A table of the courses with their trainer, first meeting on the
// place's clock, seats and enrolments; the roster of each (attendance and completion, read here);
// cancelling with a reason (every learner is told and their payment returned); and the form that
// schedules a new one.
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { TextAreaField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { useFormErrors } from "../../lib/form-errors";
import type { ManagedCourseView } from "../../../common/schemas/training";
import { Dialog, DialogActions } from "../proctor-console/dialog";
import { CourseForm } from "./course-form";
import { courseStart, feeText, placeText, STATUS_LABELS } from "./course-text";
import { useCancelCourse, useManagedCourses } from "./training-api";
import "../../styles/scheduling.css";
import "../../styles/training.css";

function CancelCourseDialog({ course, onClose, onDone }: { course: ManagedCourseView; onClose: () => void; onDone: (message: string) => void }) {
  const [reason, setReason] = useState("");
  const errors = useFormErrors(`cancel-course-${course.id}`, { reason: "Reason for cancelling" });
  const cancel = useCancelCourse(course.id);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length < 3) return errors.setProblems([{ field: "reason", message: "Give the reason for cancelling (at least 3 characters)." }]);
    cancel.mutate({ reason: reason.trim() }, {
      onSuccess: () => onDone(`${course.title} is cancelled. ${course.enrolled + course.invited === 0 ? "Nobody was enrolled." : "Every learner has been emailed the reason and what became of their payment."}`),
      onError: errors.showError,
    });
  }
  return (
    <Dialog title={`Cancel ${course.title}?`} onClose={onClose} tone="danger">
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} />
        <p>
          Every seat ends with it ({course.enrolled} enrolled, {course.invited} sponsored seats not accepted yet): vouchers become available again, open invoices are
          voided, and each learner is emailed the reason.
        </p>
        <TextAreaField id={errors.fieldId("reason")} error={errors.errorFor("reason")} label="Reason for cancelling" name="reason" maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        <DialogActions submitLabel="Cancel the course" busy={cancel.isPending} onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}

export function ManageCoursesPage({ staff }: { staff: boolean }) {
  const courses = useManagedCourses();
  const [message, setMessage] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<ManagedCourseView | null>(null);
  const columns: Column<ManagedCourseView>[] = [
    { id: "title", header: "Course", rowHeader: true, sortValue: (c) => c.title, cell: (c) => <>{c.title}<br /><span className="card__meta">{c.moduleName} · {c.skills.map((s) => s.code).join(", ")}</span></> },
    { id: "place", header: "Where", sortValue: (c) => placeText(c), cell: (c) => <>{placeText(c)}{c.private ? <><br /><span className="badge badge--muted">Onsite, private</span></> : null}</> },
    { id: "when", header: "Starts (at the place)", className: "nowrap", sortValue: (c) => c.meetings[0]?.startsAt, cell: (c) => courseStart(c) },
    { id: "trainer", header: "Trainer", sortValue: (c) => c.trainer.name, cell: (c) => c.trainer.name },
    { id: "seats", header: "Seats", className: "numeric", cell: (c) => <>{c.enrolled} enrolled{c.invited ? `, ${c.invited} invited` : ""}<br /><span className="card__meta">{c.seatsLeft} of {c.seats} left</span></> },
    { id: "fee", header: "Fee", cell: (c) => feeText(c) },
    { id: "status", header: "Status", sortValue: (c) => c.status, cell: (c) => <>{STATUS_LABELS[c.status]}{c.cancelReason ? <><br /><span className="card__meta">{c.cancelReason}</span></> : null}</> },
    {
      id: "actions", header: "Actions", className: "actions",
      cell: (c) => (
        <>
          <Link to={`/training/courses/${encodeURIComponent(c.id)}/roster`} className="button button--small">
            Roster<span className="visually-hidden"> of {c.title}</span>
          </Link>
          {c.status === "scheduled" ? (
            <button type="button" className="button button--danger button--small" onClick={() => setCancelling(c)}>
              Cancel<span className="visually-hidden"> {c.title}</span>
            </button>
          ) : null}
        </>
      ),
    },
  ];
  return (
    <Page
      title={staff ? "Courses" : "Your center's courses"}
      wide
      lead={staff
        ? "Every instructor-led course: where, when (on the place's clock), its trainer and its seats. Schedule a course, read its roster, or cancel it."
        : "The instructor-led courses at the centers you administer. Schedule one with a certified trainer, read each learner's attendance and completion, or cancel it."}
    >
      <StatusMessage>{message}</StatusMessage>
      <DataTable caption={staff ? "Every course" : "Your center's courses"} showCaption columns={columns} rows={courses.data?.items ?? []} rowKey={(c) => c.id} status={courses}
        empty="No courses yet. Schedule one with the form below." initialSort={{ id: "when", desc: true }} pageSize={25} />
      <div className="section">
        <CourseForm staff={staff} />
      </div>
      {staff ? <p>Trainers and their certification are on the <Link to="/staff/trainers">Trainers</Link> page.</p> : null}
      {cancelling ? <CancelCourseDialog course={cancelling} onClose={() => setCancelling(null)} onDone={(text) => { setCancelling(null); setMessage(text); }} /> : null}
    </Page>
  );
}
