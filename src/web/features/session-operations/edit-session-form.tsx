// Editing a session (program staff, or an administrator of its center): times at the center's wall
// clock, seats, modules and proctors. Only what changed is sent; the server applies every scheduling
// rule (proctor clashes, certification ends, seats already taken) and emails each registered
// candidate what changed for them.
import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { ErrorSummary } from "../../components/error-summary";
import { TextField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { useFormErrors } from "../../lib/form-errors";
import { ProctorPicker } from "../centers-admin/proctor-picker";
import { useProgram } from "../program/program-queries";
import { ModuleCheckboxes } from "../registration/module-checkboxes";
import { schedulingKeys } from "../registration/scheduling-api";
import { utcToZonedWallTime, zonedWallTimeToUtc, zoneAbbreviation } from "../../../common/time-zones";
import type { SessionView, UpdateSessionBody } from "../../../common/schemas/scheduling";
import type { SessionDetailView } from "../../../common/schemas/session-operations";
import { sessionOpsKeys } from "./session-queries";
import { zoneOf } from "./session-time";

const LABELS = { startsAt: "Starts", endsAt: "Ends", seats: "Seats", modules: "Modules offered", proctorIds: "Proctors" };
const CODE_FIELDS = { PROCTOR_UNAVAILABLE: "proctorIds", PROCTOR_NOT_CERTIFIED: "proctorIds", CENTER_CERTIFICATION_ENDS: "endsAt", RULE_VIOLATION: "seats", TRAINER_IMPARTIALITY: "proctorIds" };

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function EditSessionForm({ session, onSaved }: { session: SessionDetailView; onSaved: (message: string) => void }) {
  const zone = zoneOf(session);
  const program = useProgram();
  const [startsAt, setStartsAt] = useState(() => utcToZonedWallTime(session.startsAt, zone));
  const [endsAt, setEndsAt] = useState(() => utcToZonedWallTime(session.endsAt, zone));
  const [seats, setSeats] = useState(String(session.seats));
  const [modules, setModules] = useState<string[]>(session.modules);
  const [proctorIds, setProctorIds] = useState<string[]>(session.proctors.map((p) => p.id));
  const [nothing, setNothing] = useState(false);
  const errors = useFormErrors("edit-session", LABELS, CODE_FIELDS);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: UpdateSessionBody) => api.patch<SessionView>(`/api/v1/sessions/${encodeURIComponent(session.id)}`, body),
    onSuccess: () => {
      errors.clear();
      void queryClient.invalidateQueries({ queryKey: sessionOpsKeys.all });
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.mySessions });
      onSaved("The session is saved. Every registered candidate has been emailed what changed.");
    },
    onError: (err) => errors.showError(err),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNothing(false);
    const problems: { field: string; message: string }[] = [];
    const start = zonedWallTimeToUtc(startsAt, zone);
    const end = zonedWallTimeToUtc(endsAt, zone);
    if (!start) problems.push({ field: "startsAt", message: "Enter a start date and time that exists at the center." });
    if (!end) problems.push({ field: "endsAt", message: "Enter an end date and time that exists at the center." });
    if (start && end && Date.parse(end) <= Date.parse(start)) problems.push({ field: "endsAt", message: "The session must end after it starts." });
    const n = Number(seats);
    if (!Number.isInteger(n) || n < 1 || n > 500) problems.push({ field: "seats", message: "Enter a number of seats from 1 to 500." });
    if (modules.length === 0) problems.push({ field: "modules", message: "Choose at least one module." });
    if (proctorIds.length === 0) problems.push({ field: "proctorIds", message: "Choose at least one proctor." });
    if (problems.length) return errors.setProblems(problems);
    errors.clear();
    const body: UpdateSessionBody = {
      ...(start !== new Date(session.startsAt).toISOString() ? { startsAt: start! } : {}),
      ...(end !== new Date(session.endsAt).toISOString() ? { endsAt: end! } : {}),
      ...(n !== session.seats ? { seats: n } : {}),
      ...(!sameSet(modules, session.modules) ? { modules } : {}),
      ...(!sameSet(proctorIds, session.proctors.map((p) => p.id)) ? { proctorIds } : {}),
    };
    if (Object.keys(body).length === 0) return setNothing(true);
    save.mutate(body);
  }

  const abbreviation = zoneAbbreviation(session.startsAt, zone);
  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="edit-session-heading" noValidate>
      <h2 id="edit-session-heading">Edit the session</h2>
      <p>Registered candidates, waitlisted ones too, are emailed when the time or the modules change.</p>
      <ErrorSummary errors={errors} />
      <StatusMessage>{nothing ? "Nothing has changed, so nothing was saved." : null}</StatusMessage>
      <TextField
        label="Starts"
        hint={`At the center: ${zone.replace(/_/g, " ")} (${abbreviation}).`}
        type="datetime-local"
        name="startsAt"
        id={errors.fieldId("startsAt")}
        error={errors.errorFor("startsAt")}
        value={startsAt}
        onChange={(e) => setStartsAt(e.target.value)}
      />
      <TextField label="Ends" type="datetime-local" name="endsAt" id={errors.fieldId("endsAt")} error={errors.errorFor("endsAt")} value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
      <TextField
        label="Seats"
        hint={`${session.seatsTaken} taken: the session cannot have fewer.`}
        type="number"
        name="seats"
        min={1}
        max={500}
        inputMode="numeric"
        id={errors.fieldId("seats")}
        error={errors.errorFor("seats")}
        value={seats}
        onChange={(e) => setSeats(e.target.value)}
      />
      <div id={errors.fieldId("modules")} tabIndex={-1}>
        {errors.errorFor("modules") ? <p className="field__error">{errors.errorFor("modules")}</p> : null}
        <ModuleCheckboxes legend="Modules offered" options={(program.data?.modules ?? []).map((m) => m.code)} value={modules} onChange={setModules} name="edit-session-modules" />
      </div>
      <div id={errors.fieldId("proctorIds")} tabIndex={-1}>
        <ProctorPicker value={proctorIds} onChange={setProctorIds} name="edit-session-proctors" error={errors.errorFor("proctorIds")} />
      </div>
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save changes"}
      </button>
    </form>
  );
}
