// Scheduling a session at a center: the times are typed as the clock at the center reads them (the
// label names its zone), whatever the zone of the computer the form is filled on, and converted to
// the instant the server stores. A time that does not exist there (the hour skipped when clocks go
// forward) is a field error, not a silent shift.
import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Center } from "../../api/types";
import { api } from "../../api/client";
import { SelectField, TextField } from "../../components/field";
import { ErrorSummary } from "../../components/error-summary";
import { StatusMessage } from "../../components/form-alert";
import { useFormErrors, type FormProblem } from "../../lib/form-errors";
import { ModuleCheckboxes } from "../registration/module-checkboxes";
import type { CreateSessionBody, SessionView } from "../../../common/schemas/scheduling";
import { DEFAULT_TIME_ZONE, formatZonedRange, utcToZonedWallTime, zonedWallTimeToUtc } from "../../../common/time-zones";
import { timeZoneLabel } from "../../../common/us-time-zones";
import { schedulingKeys } from "../registration/scheduling-api";
import { ProctorPicker } from "./proctor-picker";

const ALL_MODULES = ["MM", "SRMT", "QBA"];
const LABELS = { centerId: "Center", startsAt: "Starts", endsAt: "Ends", seats: "Seats" };

/** Five days ahead, 9:00 AM to 1:00 PM on the center's clock. */
function defaultDay(zone: string): string {
  return utcToZonedWallTime(new Date(Date.now() + 5 * 86_400_000).toISOString(), zone).slice(0, 10);
}

/** "9:00 AM on March 14, 2027": a wall time as typed, for a message about it. */
function typedTime(local: string): string {
  const [date, time] = local.split("T");
  const [y, m, d] = (date ?? "").split("-").map(Number);
  const [h, min] = (time ?? "").split(":").map(Number);
  if (!y || !m || !d || h === undefined || min === undefined) return local;
  const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString("en-US", { month: "long", timeZone: "UTC" });
  return `${h % 12 || 12}:${String(min).padStart(2, "0")} ${h < 12 ? "AM" : "PM"} on ${month} ${d}, ${y}`;
}

/** The instant a typed wall time names at the center, or the problem with it. */
function instantAt(field: "startsAt" | "endsAt", local: string, zone: string): string | FormProblem {
  if (!local) return { field, message: `Enter when the session ${field === "startsAt" ? "starts" : "ends"}.` };
  const iso = zonedWallTimeToUtc(local, zone);
  if (iso) return iso;
  return {
    field,
    message: `${typedTime(local)} does not exist in ${timeZoneLabel(zone)}: the clocks go forward an hour that night. Choose another time.`,
  };
}

export function ScheduleSessionForm({ centers }: { centers: Center[] }) {
  const certified = centers.filter((c) => c.status === "certified");
  const [centerId, setCenterId] = useState(certified[0]?.id ?? "");
  const zone = certified.find((c) => c.id === centerId)?.timeZone ?? DEFAULT_TIME_ZONE;
  const [startsAt, setStartsAt] = useState(() => `${defaultDay(zone)}T09:00`);
  const [endsAt, setEndsAt] = useState(() => `${defaultDay(zone)}T13:00`);
  const [seats, setSeats] = useState("10");
  const [modules, setModules] = useState<string[]>(ALL_MODULES);
  const [proctorIds, setProctorIds] = useState<string[]>([]);
  const errors = useFormErrors("schedule-session", LABELS);
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: CreateSessionBody) => api.post<SessionView>("/api/v1/sessions", body),
    onSuccess: () => {
      errors.clear();
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.mySessions });
      void queryClient.invalidateQueries({ queryKey: ["sessions"] });
      // Staff's list and calendar of sessions across centers (session operations).
      void queryClient.invalidateQueries({ queryKey: ["session-operations"] });
    },
    onError: (error) => errors.showError(error),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: FormProblem[] = [];
    if (!centerId) problems.push({ field: "centerId", message: "Choose a center." });
    const start = instantAt("startsAt", startsAt, zone);
    const end = instantAt("endsAt", endsAt, zone);
    if (typeof start !== "string") problems.push(start);
    if (typeof end !== "string") problems.push(end);
    if (typeof start === "string" && typeof end === "string" && Date.parse(end) <= Date.parse(start)) {
      problems.push({ field: "endsAt", message: "The session must end after it starts." });
    }
    if (!(Number(seats) >= 1)) problems.push({ field: "seats", message: "Give the number of seats (at least 1)." });
    if (modules.length === 0) problems.push({ message: "Choose at least one module." });
    if (proctorIds.length === 0) problems.push({ message: "Choose at least one proctor." });
    if (problems.length > 0 || typeof start !== "string" || typeof end !== "string") return errors.setProblems(problems);
    errors.clear();
    create.mutate({ centerId, startsAt: start, endsAt: end, seats: Number(seats), modules, proctorIds });
  }

  if (certified.length === 0) return <p>Sessions can be scheduled once one of your centers is certified.</p>;
  const zoneName = timeZoneLabel(zone);
  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="schedule-heading" noValidate>
      <h2 id="schedule-heading">Schedule a session</h2>
      <ErrorSummary errors={errors} />
      <StatusMessage>
        {create.isSuccess
          ? `The session of ${formatZonedRange(create.data.startsAt, create.data.endsAt, create.data.timeZone)} is scheduled with ${create.data.seats} ${create.data.seats === 1 ? "seat" : "seats"}.`
          : null}
      </StatusMessage>
      <SelectField label="Center" name="centerId" id={errors.fieldId("centerId")} error={errors.errorFor("centerId")} value={centerId} onChange={(e) => setCenterId(e.target.value)}>
        {certified.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={`Starts (${zoneName})`}
        hint="The time on the clock at the center."
        type="datetime-local"
        name="startsAt"
        id={errors.fieldId("startsAt")}
        error={errors.errorFor("startsAt")}
        value={startsAt}
        onChange={(e) => setStartsAt(e.target.value)}
      />
      <TextField
        label={`Ends (${zoneName})`}
        type="datetime-local"
        name="endsAt"
        id={errors.fieldId("endsAt")}
        error={errors.errorFor("endsAt")}
        value={endsAt}
        onChange={(e) => setEndsAt(e.target.value)}
      />
      <TextField label="Seats" type="number" name="seats" id={errors.fieldId("seats")} error={errors.errorFor("seats")} min={1} max={500} inputMode="numeric" value={seats} onChange={(e) => setSeats(e.target.value)} />
      <ModuleCheckboxes legend="Modules offered" options={ALL_MODULES} value={modules} onChange={setModules} name="session-modules" />
      <ProctorPicker value={proctorIds} onChange={setProctorIds} name="session-proctors" />
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? "Scheduling…" : "Schedule the session"}
      </button>
    </form>
  );
}
