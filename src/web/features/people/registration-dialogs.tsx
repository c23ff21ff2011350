// The staff actions on one registration, each a dialog with its reason: waive the fee, move it to
// another session (at any time), mark a missed sitting a no-show. Refusals show in an error summary
// linked to the field; nothing uses the browser's own pop-ups.
import { useState, type FormEvent } from "react";
import type { PersonRecordView, PersonRegistrationView } from "../../../common/schemas/people";
import { DEFAULT_TIME_ZONE, formatZonedShort } from "../../../common/time-zones";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextAreaField } from "../../components/field";
import { useFormErrors } from "../../lib/form-errors";
import { Dialog, DialogActions } from "../proctor-console/dialog";
import { useProgram } from "../program/program-queries";
import { overriddenRules } from "./overridden-rules";
import { useBookableSessions, useMarkNoShow, useStaffReschedule, useWaiveFee } from "./person-api";
import { RuleNotice } from "./rule-notice";

export type RegistrationAction = "waive" | "reschedule" | "no-show";

interface Props {
  record: PersonRecordView;
  registration: PersonRegistrationView;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Where and when a session is, in its center's time zone. */
export function sessionLabel(session: { centerName: string; startsAt: string; timeZone?: string }) {
  return `${session.centerName}, ${formatZonedShort(session.startsAt, session.timeZone ?? DEFAULT_TIME_ZONE)}`;
}

/** A session as an option of a select: the date first, so a narrow select cuts the center's name, not the time. */
export function sessionOption(session: { centerName: string; startsAt: string; timeZone?: string; seatsAvailable: number }) {
  return `${formatZonedShort(session.startsAt, session.timeZone ?? DEFAULT_TIME_ZONE)} · ${session.centerName} (${session.seatsAvailable} ${session.seatsAvailable === 1 ? "seat" : "seats"} free)`;
}

export function WaiveDialog({ record, registration, onClose, onDone }: Props) {
  const waive = useWaiveFee(record.account.id);
  const errors = useFormErrors("waive", { reason: "Reason" });
  const [reason, setReason] = useState("");
  function submit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    if (reason.trim().length < 3) return errors.setProblems([{ field: "reason", message: "Enter a reason of at least 3 characters." }]);
    waive.mutate({ registrationId: registration.id, reason: reason.trim() }, {
      onSuccess: () => onDone(`The fee for ${sessionLabel(registration.session)} was waived.`),
      onError: errors.showError,
    });
  }
  return (
    <Dialog title="Waive the fee" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} />
        <p>
          {registration.modules.join(", ")} at {sessionLabel(registration.session)}. The seat is confirmed at once and any open invoice is voided.
        </p>
        <TextAreaField id={errors.fieldId("reason")} error={errors.errorFor("reason")} label="Reason" name="reason" required rows={3} maxLength={1000}
          hint="Kept in the audit log, for example who sponsors the candidate." value={reason} onChange={(e) => setReason(e.target.value)} />
        <DialogActions submitLabel="Waive the fee" busy={waive.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function RescheduleDialog({ record, registration, onClose, onDone }: Props) {
  const move = useStaffReschedule(record.account.id);
  const sessions = useBookableSessions();
  const program = useProgram();
  const errors = useFormErrors("reschedule", { sessionId: "New session", reason: "Reason" }, { SESSION_FULL: "sessionId", ALREADY_REGISTERED: "sessionId", MODULE_NOT_OFFERED: "sessionId" });
  const [sessionId, setSessionId] = useState("");
  const [reason, setReason] = useState("");
  const [waitlist, setWaitlist] = useState(false);
  const choices = (sessions.data ?? []).filter((s) => s.id !== registration.session.id && registration.modules.every((m) => s.modules.includes(m)));
  const chosen = choices.find((s) => s.id === sessionId);
  const rules = chosen && program.data ? overriddenRules(record, chosen, registration.modules, program.data.policies, { replacing: registration.id, moduleRules: false }) : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    const missing = [
      ...(sessionId ? [] : [{ field: "sessionId", message: "Choose the session to move to." }]),
      ...(reason.trim() ? [] : [{ field: "reason", message: "Enter the reason for the move." }]),
    ];
    if (missing.length > 0) return errors.setProblems(missing);
    move.mutate({ registrationId: registration.id, sessionId, reason: reason.trim(), ...(waitlist ? { waitlist } : {}) }, {
      onSuccess: (moved) => onDone(`Moved to ${chosen ? sessionLabel(chosen) : "the new session"} (${moved.status.replace(/_/g, " ")}).`),
      onError: errors.showError,
    });
  }
  return (
    <Dialog title="Reschedule" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} />
        <p>
          Now: {registration.modules.join(", ")} at {sessionLabel(registration.session)}. What was paid moves with it.
        </p>
        <SelectField id={errors.fieldId("sessionId")} error={errors.errorFor("sessionId")} label="New session" name="sessionId" required value={sessionId}
          onChange={(e) => setSessionId(e.target.value)} hint={sessions.isPending ? "Loading sessions…" : `Sessions offering ${registration.modules.join(", ")}.`}>
          <option value="">Choose a session</option>
          {choices.map((s) => (
            <option key={s.id} value={s.id}>
              {sessionOption(s)}
            </option>
          ))}
        </SelectField>
        {chosen && chosen.seatsAvailable === 0 ? (
          <label className="choice">
            <input type="checkbox" checked={waitlist} onChange={(e) => setWaitlist(e.target.checked)} /> The session is full: join its waitlist
          </label>
        ) : null}
        <RuleNotice rules={rules} />
        <TextAreaField id={errors.fieldId("reason")} error={errors.errorFor("reason")} label="Reason" name="reason" required rows={3} maxLength={1000}
          hint="Kept in the audit log." value={reason} onChange={(e) => setReason(e.target.value)} />
        <DialogActions submitLabel="Move the registration" busy={move.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function NoShowDialog({ record, registration, onClose, onDone }: Props) {
  const mark = useMarkNoShow(record.account.id);
  const errors = useFormErrors("no-show", { note: "Note" }, { CHECKED_IN: "note", SESSION_NOT_OVER: "note" });
  const [note, setNote] = useState("");
  function submit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    mark.mutate({ registrationId: registration.id, note: note.trim() }, {
      onSuccess: () => onDone(`Marked a no-show at ${sessionLabel(registration.session)}. ${registration.modules.join(", ")} can be booked again.`),
      onError: errors.showError,
    });
  }
  return (
    <Dialog title="Mark a no-show" tone="danger" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} />
        <p>
          {record.account.firstName} {record.account.lastName} never checked in at {sessionLabel(registration.session)}. The seat is released and the fee is
          not returned; {registration.modules.join(", ")} can be booked again.
        </p>
        <TextAreaField id={errors.fieldId("note")} error={errors.errorFor("note")} label="Note" name="note" required rows={3} maxLength={1000}
          hint="Kept in the audit log, for example whether the candidate called." value={note} onChange={(e) => setNote(e.target.value)} />
        <DialogActions submitLabel="Mark a no-show" busy={mark.isPending} onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}
