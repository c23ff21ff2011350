// Scheduling a course (staff, a center's administrators): title, module and the skills it covers,
// a certified trainer, the center, its meetings typed on the center's clock (the labels name its
// zone; a time that does not exist there is a field error), seats and an optional fee.
import { useState, type FormEvent } from "react";
import { ErrorSummary } from "../../components/error-summary";
import { FieldError, SelectField, TextField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { QueryStatus } from "../../components/query-status";
import { useFormErrors, type FormProblem } from "../../lib/form-errors";
import { useProgram } from "../program/program-queries";
import type { CreateCourseBody } from "../../../common/schemas/training";
import { DEFAULT_TIME_ZONE, utcToZonedWallTime, zonedWallTimeToUtc } from "../../../common/time-zones";
import { timeZoneLabel } from "../../../common/us-time-zones";
import { formatDate } from "../../lib/format";
import { courseStart } from "./course-text";
import { useCourseCenters, useCreateCourse, useTrainers } from "./training-api";

const LABELS = { title: "Title", module: "Module", skills: "Skills covered", trainerId: "Trainer", centerId: "Center", meetings: "Meetings", seats: "Seats", feeCents: "Fee" };
const CODE_FIELDS = { TRAINER_NOT_CERTIFIED: "trainerId", CENTER_NOT_CERTIFIED: "centerId" };

interface MeetingDraft { key: number; startsAt: string; endsAt: string }

/** A week ahead at 6:00 PM on the center's clock, for three hours. */
function firstMeeting(zone: string, key: number): MeetingDraft {
  const day = utcToZonedWallTime(new Date(Date.now() + 7 * 86_400_000).toISOString(), zone).slice(0, 10);
  return { key, startsAt: `${day}T18:00`, endsAt: `${day}T21:00` };
}

export function CourseForm({ staff }: { staff: boolean }) {
  const program = useProgram();
  const centers = useCourseCenters(staff);
  const trainers = useTrainers();
  const create = useCreateCourse();
  const errors = useFormErrors("course", LABELS, CODE_FIELDS);
  const [message, setMessage] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  const [module, setModule] = useState("MM");
  const [skills, setSkills] = useState<string[]>([]);
  const [trainerId, setTrainerId] = useState("");
  const [centerId, setCenterId] = useState("");
  const [seats, setSeats] = useState("12");
  const [fee, setFee] = useState("");
  const centerList = (centers.data?.items ?? []).filter((c) => c.status === "certified" && c.kind === "center");
  const chosenCenter = centerList.find((c) => c.id === centerId) ?? centerList[0];
  const zone = chosenCenter?.timeZone ?? DEFAULT_TIME_ZONE;
  const zoneName = timeZoneLabel(zone);
  const [meetings, setMeetings] = useState<MeetingDraft[]>(() => [firstMeeting(DEFAULT_TIME_ZONE, 1)]);
  const moduleSkills = program.data?.modules.find((m) => m.code === module)?.skills ?? [];

  function setMeeting(key: number, change: Partial<MeetingDraft>) {
    setMeetings(meetings.map((m) => (m.key === key ? { ...m, ...change } : m)));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const problems: FormProblem[] = [];
    if (!title.trim()) problems.push({ field: "title", message: "Enter the course's title." });
    if (skills.length === 0) problems.push({ field: "skills", message: "Choose at least one skill the course covers." });
    if (!trainerId) problems.push({ field: "trainerId", message: "Choose the course's trainer." });
    if (!chosenCenter) problems.push({ field: "centerId", message: "Choose the center the course is held at." });
    const times = meetings.map((m, i) => ({ startsAt: zonedWallTimeToUtc(m.startsAt, zone), endsAt: zonedWallTimeToUtc(m.endsAt, zone), n: i + 1 }));
    const badTime = times.find((t) => !t.startsAt || !t.endsAt);
    if (badTime) problems.push({ field: "meetings", message: `Meeting ${badTime.n}: enter a start and an end that exist in ${zoneName}.` });
    const n = Number(seats);
    if (!Number.isInteger(n) || n < 1 || n > 500) problems.push({ field: "seats", message: "Enter a number of seats from 1 to 500." });
    const feeCents = fee.trim() ? Math.round(Number(fee.replace(/[$,\s]/g, "")) * 100) : 0;
    if (!Number.isFinite(feeCents) || feeCents < 0) problems.push({ field: "feeCents", message: "Enter the fee in dollars, like 150 or 149.50, or leave it empty for a free course." });
    if (problems.length) return errors.setProblems(problems);
    errors.clear();
    const body: CreateCourseBody = {
      title: title.trim(), module, skills, trainerId, centerId: chosenCenter!.id, seats: n,
      meetings: times.map((t) => ({ startsAt: t.startsAt!, endsAt: t.endsAt! })), ...(feeCents > 0 ? { feeCents } : {}),
    };
    create.mutate(body, {
      onSuccess: (course) => {
        setMessage(`${course.title} is scheduled at ${course.place.name}, starting ${courseStart(course)}, with ${course.seats} seats.`);
        setTitle("");
      },
      onError: errors.showError,
    });
  }

  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="course-form-heading" noValidate>
      <h2 id="course-form-heading">Schedule a course</h2>
      <ErrorSummary errors={errors} />
      <StatusMessage>{message}</StatusMessage>
      <TextField id={errors.fieldId("title")} error={errors.errorFor("title")} label="Title" name="title" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      <SelectField id={errors.fieldId("module")} label="Module" name="module" value={module} onChange={(e) => { setModule(e.target.value); setSkills([]); }}>
        {(program.data?.modules ?? []).map((m) => <option key={m.code} value={m.code}>{m.name} ({m.code})</option>)}
      </SelectField>
      <fieldset className={errors.errorFor("skills") ? "fieldset field--invalid" : "fieldset"} id={errors.fieldId("skills")} tabIndex={-1}>
        <legend>Skills covered</legend>
        <FieldError>{errors.errorFor("skills")}</FieldError>
        {moduleSkills.map((s) => (
          <label key={s.code} className="choice">
            <input type="checkbox" name="skills" value={s.code} checked={skills.includes(s.code)}
              onChange={(e) => setSkills(e.target.checked ? [...skills, s.code] : skills.filter((x) => x !== s.code))} />
            <span>{s.name} ({s.code})</span>
          </label>
        ))}
      </fieldset>
      <QueryStatus query={trainers} loadingLabel="Loading trainers…">
        {(data) => (
          <SelectField id={errors.fieldId("trainerId")} error={errors.errorFor("trainerId")} label="Trainer" name="trainerId" hint="An MT1 Certified Trainer whose certification runs through the course." value={trainerId} onChange={(e) => setTrainerId(e.target.value)}>
            <option value="">Choose a trainer</option>
            {data.items.map((t) => (
              <option key={t.userId} value={t.userId}>
                {t.name} — {t.certifiedNow ? `certified until ${formatDate(t.certifiedUntil)}` : t.status === "none" ? "not certified" : `not certified now (${t.status})`}
              </option>
            ))}
          </SelectField>
        )}
      </QueryStatus>
      <QueryStatus query={centers} loadingLabel="Loading centers…">
        {() => (
          <SelectField id={errors.fieldId("centerId")} error={errors.errorFor("centerId")} label="Center" name="centerId" hint={`Times are typed on the center's clock: ${zoneName}.`} value={chosenCenter?.id ?? ""} onChange={(e) => setCenterId(e.target.value)}>
            {centerList.length === 0 ? <option value="">No certified center</option> : null}
            {centerList.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.city}, {c.state})</option>)}
          </SelectField>
        )}
      </QueryStatus>
      <fieldset className={errors.errorFor("meetings") ? "fieldset field--invalid" : "fieldset"} id={errors.fieldId("meetings")} tabIndex={-1}>
        <legend>Meetings ({zoneName})</legend>
        <FieldError>{errors.errorFor("meetings")}</FieldError>
        {meetings.map((m, i) => (
          <div key={m.key} className="meeting-row">
            <TextField label={`Meeting ${i + 1} starts (${zoneName})`} type="datetime-local" name={`meeting-${m.key}-start`} value={m.startsAt} onChange={(e) => setMeeting(m.key, { startsAt: e.target.value })} />
            <TextField label={`Meeting ${i + 1} ends (${zoneName})`} type="datetime-local" name={`meeting-${m.key}-end`} value={m.endsAt} onChange={(e) => setMeeting(m.key, { endsAt: e.target.value })} />
            {meetings.length > 1 ? (
              <button type="button" className="button button--secondary button--small" onClick={() => setMeetings(meetings.filter((x) => x.key !== m.key))}>
                Remove meeting {i + 1}
              </button>
            ) : null}
          </div>
        ))}
        <button type="button" className="button button--secondary" onClick={() => {
          const last = meetings[meetings.length - 1]!;
          const next = (local: string) => utcToZonedWallTime(new Date(Date.parse(zonedWallTimeToUtc(local, zone) ?? new Date().toISOString()) + 7 * 86_400_000).toISOString(), zone);
          setMeetings([...meetings, { key: Math.max(...meetings.map((x) => x.key)) + 1, startsAt: next(last.startsAt), endsAt: next(last.endsAt) }]);
        }}>
          Add a meeting
        </button>
      </fieldset>
      <TextField id={errors.fieldId("seats")} error={errors.errorFor("seats")} label="Seats" name="seats" type="number" min={1} max={500} inputMode="numeric" value={seats} onChange={(e) => setSeats(e.target.value)} />
      <TextField id={errors.fieldId("feeCents")} error={errors.errorFor("feeCents")} label="Fee per seat (US dollars)" name="fee" optional hint="Leave empty for a free course. Paid by training voucher or invoice." inputMode="decimal" value={fee} onChange={(e) => setFee(e.target.value)} />
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? "Scheduling…" : "Schedule the course"}
      </button>
    </form>
  );
}
