// Report an incident: what happened, when, to whom, and what the proctor did about it. The server
// records proctor absences by itself; everything else the proctor writes here.
import { useState, type FormEvent } from "react";
import { errorMessage } from "../../api/client";
import { SelectField, TextAreaField, TextField } from "../../components/field";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { utcToZonedWallTime, zonedWallTimeToUtc } from "../../../common/time-zones";
import { timeZoneLabel } from "../../../common/us-time-zones";
import { consoleCalls, useConsoleAction } from "./console-api";
import { INCIDENT_CATEGORY_LABELS, markupError } from "./format";
import { INCIDENT_CATEGORIES, type ConsoleCandidateView, type IncidentCategory, type IncidentBody } from "../../../common/schemas/delivery";

interface Props {
  sessionId: string;
  candidates: ConsoleCandidateView[];
  /** The session's center's zone: the time is typed as the clock in the room reads it. */
  timeZone: string;
}

const blank = (zone: string) => ({ category: "technical" as IncidentCategory, occurredAt: utcToZonedWallTime(new Date().toISOString(), zone), registrationId: "", narrative: "", actionTaken: "" });

export function IncidentForm({ sessionId, candidates, timeZone }: Props) {
  const [form, setForm] = useState(() => blank(timeZone));
  const [saved, setSaved] = useState<string | null>(null);
  const [timeProblem, setTimeProblem] = useState<string | null>(null);
  const report = useConsoleAction(sessionId, (incident: IncidentBody) => consoleCalls.reportIncident(sessionId, incident));
  const set = <K extends keyof ReturnType<typeof blank>>(key: K, value: ReturnType<typeof blank>[K]) => {
    setSaved(null);
    setForm((f) => ({ ...f, [key]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (markupError(form.narrative) || markupError(form.actionTaken)) return;
    const occurredAt = zonedWallTimeToUtc(form.occurredAt, timeZone);
    if (!occurredAt) return setTimeProblem(`That time does not exist in ${timeZoneLabel(timeZone)} (the clocks go forward an hour that night). Give the time as the clock showed it.`);
    setTimeProblem(null);
    const incident: IncidentBody = {
      category: form.category,
      occurredAt,
      narrative: form.narrative.trim(),
      actionTaken: form.actionTaken.trim(),
      ...(form.registrationId ? { registrationId: form.registrationId } : {}),
    };
    report.mutate(incident, {
      onSuccess: () => {
        setSaved(`Incident recorded: ${INCIDENT_CATEGORY_LABELS[incident.category]}.`);
        setForm(blank(timeZone));
      },
    });
  };

  return (
    <form className="form form--card console-incident-form" onSubmit={submit} aria-labelledby="incident-form-heading">
      <h3 id="incident-form-heading">Report an incident</h3>
      <StatusMessage>{saved}</StatusMessage>
      <FormAlert>{timeProblem ?? (report.isError ? errorMessage(report.error) : null)}</FormAlert>
      <SelectField label="What happened" name="category" value={form.category} onChange={(e) => set("category", e.target.value as IncidentCategory)}>
        {INCIDENT_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {INCIDENT_CATEGORY_LABELS[c]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="When it happened"
        hint={`The time at the center (${timeZoneLabel(timeZone)}); now unless you change it.`}
        name="occurredAt"
        type="datetime-local"
        value={form.occurredAt}
        onChange={(e) => set("occurredAt", e.target.value)}
      />
      <SelectField label="Candidate" optional name="registrationId" value={form.registrationId} onChange={(e) => set("registrationId", e.target.value)}>
        <option value="">Not about one candidate</option>
        {candidates.map((c) => (
          <option key={c.registrationId} value={c.registrationId}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label="What happened, in your words"
        hint="Facts only: what you saw and heard, who was involved."
        name="narrative"
        minLength={3}
        maxLength={4000}
        error={markupError(form.narrative)}
        value={form.narrative}
        onChange={(e) => set("narrative", e.target.value)}
      />
      <TextAreaField
        label="Action taken"
        hint="For example: paused the test, moved the candidate, called the center's technician. Write “None” if nothing was needed."
        name="actionTaken"
        minLength={1}
        maxLength={2000}
        rows={3}
        error={markupError(form.actionTaken)}
        value={form.actionTaken}
        onChange={(e) => set("actionTaken", e.target.value)}
      />
      <button type="submit" className="button" disabled={report.isPending}>
        {report.isPending ? "Recording…" : "Report incident"}
      </button>
    </form>
  );
}
