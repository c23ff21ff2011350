// A course's roster (/training/courses/:id/roster): every learner with their attendance at each
// meeting and their completion. The course's trainer and staff record attendance (one save per
// meeting, once it has started; a radio pair per learner, so the keyboard moves through it) and each
// learner's completion with a note; the center's administrators read the same table, and everyone who
// reads it sees each learner's Learning Lab progress in the course's skills (roster-progress.tsx).
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { useFormErrors } from "../../lib/form-errors";
import type { CourseRosterView, RosterLearnerView } from "../../../common/schemas/training";
import { meetingSpan, placeText, STATUS_LABELS } from "./course-text";
import { RosterProgress } from "./roster-progress";
import { useCompleteCourse, useRecordAttendance, useRoster, useSetCompletion } from "./training-api";
import "../../styles/scheduling.css";
import "../../styles/training.css";

const mark = (value: boolean | null | undefined) =>
  value === true ? <span className="mark--present">Present</span> : value === false ? <span className="mark--absent">Absent</span> : <span className="card__meta">—</span>;

/** One meeting's attendance: a Present/Absent pair per confirmed learner, saved at once. */
function AttendanceForm({ roster, meetingId, onSaved }: { roster: CourseRosterView; meetingId: string; onSaved: (message: string) => void }) {
  const course = roster.course;
  const index = course.meetings.findIndex((m) => m.id === meetingId);
  const meeting = course.meetings[index]!;
  const learners = roster.learners.filter((l) => l.status === "confirmed");
  const [marks, setMarks] = useState<Record<string, boolean | null>>(() => Object.fromEntries(learners.map((l) => [l.enrolmentId, l.attendance[meetingId] ?? null])));
  const labels = Object.fromEntries(learners.map((l) => [l.enrolmentId, l.name]));
  const errors = useFormErrors(`attendance-${meetingId}`, labels);
  const save = useRecordAttendance(course.id, meetingId);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const unmarked = learners.filter((l) => marks[l.enrolmentId] == null);
    if (unmarked.length) return errors.setProblems(unmarked.map((l) => ({ field: l.enrolmentId, message: "Mark present or absent." })));
    errors.clear();
    save.mutate({ entries: learners.map((l) => ({ enrolmentId: l.enrolmentId, present: marks[l.enrolmentId] === true })) }, {
      onSuccess: () => {
        const present = learners.filter((l) => marks[l.enrolmentId]).length;
        onSaved(`Attendance for meeting ${index + 1} is saved: ${present} present, ${learners.length - present} absent.`);
      },
      onError: errors.showError,
    });
  }
  if (learners.length === 0) return <p>No confirmed learners to mark yet.</p>;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`attendance-${meetingId}-heading`}>
      <h3 id={`attendance-${meetingId}-heading`}>Meeting {index + 1}: {meetingSpan(course, meeting)}</h3>
      <ErrorSummary errors={errors} />
      <p>
        <button type="button" className="button button--secondary button--small" onClick={() => setMarks(Object.fromEntries(learners.map((l) => [l.enrolmentId, true])))}>
          Mark everyone present
        </button>
      </p>
      <table className="table">
        <caption className="visually-hidden">Attendance at meeting {index + 1}</caption>
        <thead>
          <tr>
            <th scope="col">Learner</th>
            <th scope="col">Attendance</th>
          </tr>
        </thead>
        <tbody>
          {learners.map((l) => (
            <tr key={l.enrolmentId}>
              <th scope="row">{l.name}</th>
              <td>
                <fieldset className="attendance-choice" id={errors.fieldId(l.enrolmentId)} tabIndex={-1}>
                  <legend className="visually-hidden">Attendance of {l.name} at meeting {index + 1}</legend>
                  {errors.errorFor(l.enrolmentId) ? <span className="field__error">{errors.errorFor(l.enrolmentId)}</span> : null}
                  <label>
                    <input type="radio" name={`present-${meetingId}-${l.enrolmentId}`} checked={marks[l.enrolmentId] === true} onChange={() => setMarks({ ...marks, [l.enrolmentId]: true })} />
                    Present
                  </label>
                  <label>
                    <input type="radio" name={`present-${meetingId}-${l.enrolmentId}`} checked={marks[l.enrolmentId] === false} onChange={() => setMarks({ ...marks, [l.enrolmentId]: false })} />
                    Absent
                  </label>
                </fieldset>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? "Saving…" : `Save attendance for meeting ${index + 1}`}
      </button>
    </form>
  );
}

/** A learner's completion, saved on its own. */
function CompletionForm({ learner, onSaved }: { learner: RosterLearnerView; onSaved: (message: string) => void }) {
  const [value, setValue] = useState(learner.completion ?? "");
  const [note, setNote] = useState(learner.completionNote ?? "");
  const errors = useFormErrors(`completion-${learner.enrolmentId}`, { completed: "Completion", note: "Note" });
  const save = useSetCompletion();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!value) return errors.setProblems([{ field: "completed", message: "Choose completed or not completed." }]);
    errors.clear();
    save.mutate({ enrolmentId: learner.enrolmentId, completed: value === "completed", note: note.trim() }, {
      onSuccess: () => onSaved(`${learner.name}: ${value === "completed" ? "completed" : "not completed"}.`),
      onError: errors.showError,
    });
  }
  return (
    <form className="completion-form" onSubmit={onSubmit} noValidate aria-label={`Completion of ${learner.name}`}>
      <ErrorSummary errors={errors} />
      <SelectField id={errors.fieldId("completed")} error={errors.errorFor("completed")} label={`Completion of ${learner.name}`} name="completion" value={value} onChange={(e) => setValue(e.target.value)}>
        <option value="">Not decided</option>
        <option value="completed">Completed</option>
        <option value="not_completed">Not completed</option>
      </SelectField>
      <TextField id={errors.fieldId("note")} error={errors.errorFor("note")} label={`Note on ${learner.name}`} name="note" optional maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="button button--small" disabled={save.isPending}>
        Save<span className="visually-hidden"> the completion of {learner.name}</span>
      </button>
    </form>
  );
}

function Recording({ roster, onSaved }: { roster: CourseRosterView; onSaved: (message: string) => void }) {
  const open = roster.openMeetingIds;
  const [meetingId, setMeetingId] = useState(open[open.length - 1] ?? "");
  const complete = useCompleteCourse(roster.course.id);
  const last = roster.course.meetings[roster.course.meetings.length - 1];
  const confirmed = roster.learners.filter((l) => l.status === "confirmed");
  return (
    <>
      <section className="section" aria-labelledby="record-attendance-heading">
        <h2 id="record-attendance-heading">Record attendance</h2>
        {open.length === 0 ? (
          <p>Attendance is recorded once a meeting has started. The first one starts {roster.course.meetings[0] ? meetingSpan(roster.course, roster.course.meetings[0]) : "—"}.</p>
        ) : (
          <>
            <SelectField label="Meeting" name="meeting" value={meetingId} onChange={(e) => setMeetingId(e.target.value)}>
              {roster.course.meetings.filter((m) => open.includes(m.id)).map((m) => (
                <option key={m.id} value={m.id}>Meeting {roster.course.meetings.indexOf(m) + 1}: {meetingSpan(roster.course, m)}</option>
              ))}
            </SelectField>
            {meetingId ? <AttendanceForm key={meetingId} roster={roster} meetingId={meetingId} onSaved={onSaved} /> : null}
          </>
        )}
      </section>
      <section className="section" aria-labelledby="record-completion-heading">
        <h2 id="record-completion-heading">Completion</h2>
        {!roster.completionOpen ? (
          <p>Completion is marked once the course has begun.</p>
        ) : confirmed.length === 0 ? (
          <p>No confirmed learners.</p>
        ) : (
          <ul className="completion-list">
            {confirmed.map((l) => <li key={l.enrolmentId}><CompletionForm learner={l} onSaved={onSaved} /></li>)}
          </ul>
        )}
        {roster.course.status === "scheduled" && last && Date.parse(last.startsAt) <= Date.now() ? (
          <p>
            <button type="button" className="button button--secondary" disabled={complete.isPending}
              onClick={() => complete.mutate(undefined, { onSuccess: () => onSaved(`${roster.course.title} is marked completed.`) })}>
              Mark the course completed
            </button>
          </p>
        ) : null}
      </section>
    </>
  );
}

function Summary({ roster }: { roster: CourseRosterView }) {
  const course = roster.course;
  const columns: Column<RosterLearnerView>[] = [
    { id: "name", header: "Learner", rowHeader: true, sortValue: (l) => l.name, cell: (l) => <>{l.name}<br /><span className="card__meta">{l.email}</span></> },
    { id: "status", header: "Seat", sortValue: (l) => l.status, cell: (l) => <>{STATUS_LABELS[l.status]}{l.sponsor ? <><br /><span className="card__meta">Sponsored by {l.sponsor}</span></> : null}</> },
    ...course.meetings.map((m, i): Column<RosterLearnerView> => ({ id: `m-${m.id}`, header: `Meeting ${i + 1}`, cell: (l) => mark(l.attendance[m.id]) })),
    { id: "attended", header: "Attended", className: "numeric", sortValue: (l) => l.attended, cell: (l) => `${l.attended} of ${roster.openMeetingIds.length}` },
    { id: "completion", header: "Completion", sortValue: (l) => l.completion, cell: (l) => <>{l.completion === "completed" ? "Completed" : l.completion === "not_completed" ? "Not completed" : "—"}{l.completionNote ? <><br /><span className="card__meta">{l.completionNote}</span></> : null}</> },
  ];
  return (
    <section className="section" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Attendance and completion</h2>
      <DataTable caption={`Learners of ${course.title}, with attendance and completion`} columns={columns} rows={roster.learners} rowKey={(l) => l.enrolmentId} empty="Nobody is enrolled yet." initialSort={{ id: "name" }} />
    </section>
  );
}

export function RosterPage() {
  const { id = "" } = useParams();
  const roster = useRoster(id);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Page title={roster.data ? `Roster: ${roster.data.course.title}` : "Course roster"} wide>
      <StatusMessage>{message}</StatusMessage>
      <QueryStatus query={roster} loadingLabel="Loading the roster…">
        {(r) => (
          <>
            <p>
              {placeText(r.course)} · trainer {r.course.trainer.name} · {r.course.meetings.length} meeting{r.course.meetings.length === 1 ? "" : "s"} · {STATUS_LABELS[r.course.status]}.{" "}
              <Link to={`/training/courses/${encodeURIComponent(r.course.id)}`}>The course&apos;s page</Link>
            </p>
            {r.canRecord && r.course.status !== "cancelled" ? <Recording roster={r} onSaved={setMessage} /> : null}
            <Summary roster={r} />
            <RosterProgress roster={r} />
          </>
        )}
      </QueryStatus>
    </Page>
  );
}
