import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "../../api/client";
import type { Center } from "../../api/types";
import { SelectField, TextField } from "../../components/field";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { formatDateTime } from "../../lib/format";
import { ModuleCheckboxes } from "../registration/module-checkboxes";
import type { CreateSessionBody, SessionView } from "../../../common/schemas/scheduling";
import { isoToLocalInput, localInputToIso, schedulingKeys } from "../registration/scheduling-api";
import { ProctorPicker } from "./proctor-picker";

const ALL_MODULES = ["MM", "SRMT", "QBA"];

function defaultStart(): string {
  const date = new Date(Date.now() + 5 * 86_400_000);
  date.setHours(9, 0, 0, 0);
  return isoToLocalInput(date.toISOString());
}

export function ScheduleSessionForm({ centers }: { centers: Center[] }) {
  const certified = centers.filter((c) => c.status === "certified");
  const [centerId, setCenterId] = useState(certified[0]?.id ?? "");
  const [startsAt, setStartsAt] = useState(defaultStart);
  const [endsAt, setEndsAt] = useState(() => isoToLocalInput(new Date(new Date(defaultStart()).getTime() + 4 * 3_600_000).toISOString()));
  const [seats, setSeats] = useState("10");
  const [modules, setModules] = useState<string[]>(ALL_MODULES);
  const [proctorIds, setProctorIds] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () =>
      api.post<SessionView>("/api/v1/sessions", {
        centerId,
        startsAt: localInputToIso(startsAt),
        endsAt: localInputToIso(endsAt),
        seats: Number(seats),
        modules,
        proctorIds,
      } satisfies CreateSessionBody),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.mySessions });
      void queryClient.invalidateQueries({ queryKey: ["sessions"] });
      // Staff's list and calendar of sessions across centers (session operations).
      void queryClient.invalidateQueries({ queryKey: ["session-operations"] });
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!centerId) return setProblem("Choose a center.");
    if (!startsAt || !endsAt) return setProblem("Give the start and end.");
    if (new Date(endsAt) <= new Date(startsAt)) return setProblem("The session must end after it starts.");
    if (!(Number(seats) >= 1)) return setProblem("Give the number of seats (at least 1).");
    if (modules.length === 0) return setProblem("Choose at least one module.");
    if (proctorIds.length === 0) return setProblem("Choose at least one proctor.");
    setProblem(null);
    create.mutate();
  }

  if (certified.length === 0) return <p>Sessions can be scheduled once one of your centers is certified.</p>;
  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="schedule-heading" noValidate>
      <h2 id="schedule-heading">Schedule a session</h2>
      <FormAlert>{problem ?? (create.isError ? errorMessage(create.error) : null)}</FormAlert>
      <StatusMessage>
        {create.isSuccess ? `The session of ${formatDateTime(create.data.startsAt)} is scheduled with ${create.data.seats} ${create.data.seats === 1 ? "seat" : "seats"}.` : null}
      </StatusMessage>
      <SelectField label="Center" name="centerId" value={centerId} onChange={(e) => setCenterId(e.target.value)}>
        {certified.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Starts" hint="In your own time zone." type="datetime-local" name="startsAt" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
      <TextField label="Ends" type="datetime-local" name="endsAt" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
      <TextField label="Seats" type="number" name="seats" min={1} max={500} inputMode="numeric" value={seats} onChange={(e) => setSeats(e.target.value)} />
      <ModuleCheckboxes legend="Modules offered" options={ALL_MODULES} value={modules} onChange={setModules} name="session-modules" />
      <ProctorPicker value={proctorIds} onChange={setProctorIds} name="session-proctors" />
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? "Scheduling…" : "Schedule the session"}
      </button>
    </form>
  );
}
