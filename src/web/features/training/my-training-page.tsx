// A learner's training (/training/my-courses): each course with their seat, their attendance at each
// meeting as the trainer recorded it, and their completion; and a seat in each module's Learning Lab
// (open to everyone when the program sets no fee).
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { TextAreaField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { useFormErrors } from "../../lib/form-errors";
import { Dialog, DialogActions } from "../proctor-console/dialog";
import { QueryStatus } from "../../components/query-status";
import { formatMoney } from "../../../common/rules/fees";
import type { LearningLabSeatView, MyCourseView } from "../../../common/schemas/training";
import { EnrolForm } from "./enrol-form";
import { meetingSpan, placeText, STATUS_LABELS } from "./course-text";
import { useCancelEnrolment, useMyTraining } from "./training-api";
import "../../styles/scheduling.css";
import "../../styles/training.css";

const attendanceText = (mark: boolean | null | undefined, started: boolean) =>
  mark === true ? <span className="mark--present">Present</span> : mark === false ? <span className="mark--absent">Absent</span> : started ? "Not recorded yet" : "Still to come";

/** The learner gives up their seat before the course begins: the seat is released and the payment returned. */
function GiveUpSeatDialog({ entry, onClose, onDone }: { entry: MyCourseView; onClose: () => void; onDone: (message: string) => void }) {
  const { course, enrolment } = entry;
  const [reason, setReason] = useState("");
  const errors = useFormErrors(`give-up-${enrolment.id}`, { reason: "Reason" });
  const cancel = useCancelEnrolment();
  const payment = enrolment.voucherCode
    ? enrolment.sponsor ? "The sponsor's voucher becomes available to them again." : `Your voucher ${enrolment.voucherCode} can be used again.`
    : enrolment.invoice ? "Its open invoice is voided." : "";
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    cancel.mutate({ id: enrolment.id, ...(reason.trim() ? { reason: reason.trim() } : {}) }, {
      onSuccess: () => onDone(`You gave up your seat in ${course.title}.`),
      onError: errors.showError,
    });
  }
  return (
    <Dialog title={`Give up your seat in ${course.title}?`} onClose={onClose} tone="danger">
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} />
        <p>The seat goes back to the course for someone else. {payment}</p>
        <TextAreaField id={errors.fieldId("reason")} error={errors.errorFor("reason")} label="Reason" name="reason" optional maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        <DialogActions submitLabel="Give up my seat" busy={cancel.isPending} onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}

function CourseAttendance({ entry, onDone }: { entry: MyCourseView; onDone: (message: string) => void }) {
  const { course, enrolment } = entry;
  const now = Date.now();
  const [givingUp, setGivingUp] = useState(false);
  // A seat can be given up until the first meeting starts (the server says the same: ENROLMENT_CLOSED).
  const canGiveUp = course.status === "scheduled" && ["confirmed", "pending_payment"].includes(enrolment.status) && (course.meetings[0] ? Date.parse(course.meetings[0].startsAt) > now : false);
  const rows = course.meetings.map((m, i) => ({ ...m, n: i + 1 }));
  const columns: Column<(typeof rows)[number]>[] = [
    { id: "meeting", header: "Meeting", rowHeader: true, cell: (m) => `Meeting ${m.n}` },
    { id: "when", header: "When (at the place)", cell: (m) => meetingSpan(course, m) },
    { id: "attendance", header: "Your attendance", cell: (m) => attendanceText(entry.attendance[m.id], Date.parse(m.startsAt) <= now) },
  ];
  const headingId = `course-${course.id}-heading`;
  return (
    <section className="card section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link to={`/training/courses/${encodeURIComponent(course.id)}`}>{course.title}</Link>
      </h2>
      <p>
        {placeText(course)} · trainer {course.trainer.name} · your seat: {STATUS_LABELS[enrolment.status]}
        {enrolment.sponsor ? ` (sponsored by ${enrolment.sponsor})` : ""}
        {enrolment.status === "pending_payment" && enrolment.invoice ? ` (invoice ${enrolment.invoice.number ?? ""}, ${formatMoney(enrolment.invoice.amountCents, enrolment.invoice.currency)})` : ""}
        {course.status !== "scheduled" ? ` · course ${STATUS_LABELS[course.status]!.toLowerCase()}` : ""}
      </p>
      <p>
        <strong>Completion:</strong>{" "}
        {enrolment.completion === "completed" ? "Completed" : enrolment.completion === "not_completed" ? "Not completed" : "Not decided yet"}
        {entry.completionNote ? ` — ${entry.completionNote}` : ""}
      </p>
      <DataTable caption={`Your attendance in ${course.title}`} columns={columns} rows={rows} rowKey={(m) => m.id} empty="This course has no meetings." />
      {canGiveUp ? (
        <p>
          <button type="button" className="button button--secondary button--small" onClick={() => setGivingUp(true)}>
            Give up my seat<span className="visually-hidden"> in {course.title}</span>
          </button>
        </p>
      ) : null}
      {givingUp ? <GiveUpSeatDialog entry={entry} onClose={() => setGivingUp(false)} onDone={(m) => { setGivingUp(false); onDone(m); }} /> : null}
    </section>
  );
}

function LearningLab({ seats }: { seats: LearningLabSeatView[] }) {
  const [enrolling, setEnrolling] = useState<string | null>(null);
  const columns: Column<LearningLabSeatView>[] = [
    { id: "module", header: "Module", rowHeader: true, cell: (l) => l.moduleName },
    { id: "fee", header: "Seat", cell: (l) => (l.feeCents === 0 ? "Free" : formatMoney(l.feeCents, l.currency)) },
    {
      id: "access", header: "Your access",
      cell: (l) => (l.allowed ? (l.feeCents === 0 ? "Open to you" : "Seat confirmed") : l.seat ? STATUS_LABELS[l.seat.status] : "Needs a seat"),
    },
    {
      id: "actions", header: "Actions", className: "actions",
      cell: (l) => (!l.allowed && !l.seat ? (
        <button type="button" className="button button--small" aria-expanded={enrolling === l.module} onClick={() => setEnrolling(enrolling === l.module ? null : l.module)}>
          Enrol<span className="visually-hidden"> in the {l.moduleName} Learning Lab</span>
        </button>
      ) : null),
    },
  ];
  return (
    <section className="section" aria-labelledby="lab-heading">
      <h2 id="lab-heading">Learning Lab</h2>
      <p>The online MT1 Learning Lab: lessons and practice for each module&apos;s skills.</p>
      <DataTable caption="Your Learning Lab seats" columns={columns} rows={seats} rowKey={(l) => l.module} empty="No modules." after={(l) => (enrolling === l.module ? (
        <tr>
          <td colSpan={4}>
            <EnrolForm subject={{ module: l.module }} title={`MT1 Online Learning Lab: ${l.moduleName}`} feeCents={l.feeCents} currency={l.currency} headingLevel={3} />
          </td>
        </tr>
      ) : null)} />
    </section>
  );
}

export function MyTrainingPage() {
  const mine = useMyTraining();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Page title="My training" wide lead="Your courses with your attendance at each meeting and your completion, and your Learning Lab seats.">
      <StatusMessage>{message}</StatusMessage>
      <QueryStatus query={mine} loadingLabel="Loading your training…">
        {(data) => (
          <>
            {data.courses.length === 0 ? (
              <p>
                You are not enrolled in a course. <Link to="/training/courses">Find a course</Link>.
              </p>
            ) : (
              data.courses.map((entry) => <CourseAttendance key={entry.enrolment.id} entry={entry} onDone={setMessage} />)
            )}
            <LearningLab seats={data.learningLab} />
          </>
        )}
      </QueryStatus>
    </Page>
  );
}
