// The dialogs behind each attempt's actions. Every action that changes a candidate's test asks
// for a reason: the server audits it and the session report shows it.
import { useState, type FormEvent } from "react";
import { errorMessage } from "../../api/client";
import { TextField } from "../../components/field";
import { FormAlert } from "../../components/form-alert";
import { consoleCalls, useConsoleAction } from "./console-api";
import { Dialog, DialogActions } from "./dialog";
import { formatClock, markupError } from "./format";
import type { ConsoleAttemptView, ConsoleCandidateView } from "../../../common/schemas/delivery";

export interface AttemptDialogProps {
  sessionId: string;
  candidate: ConsoleCandidateView;
  attempt: ConsoleAttemptView;
  onClose: () => void;
  /** Called with a sentence for the console's status line once the action succeeded. */
  onDone: (message: string) => void;
  fallbackFocus?: () => HTMLElement | null;
}

/** One line (the server keeps reasons to a line of up to 500 printable characters, without < or >). */
export function ReasonField({ value, onChange, label = "Reason" }: { value: string; onChange: (v: string) => void; label?: string }) {
  return (
    <TextField
      label={label}
      hint="One line, recorded with your name in the session's audit log and report."
      name="reason"
      autoComplete="off"
      minLength={3}
      maxLength={500}
      error={markupError(value)}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export function PauseDialog({ sessionId, candidate, attempt, onClose, onDone, fallbackFocus }: AttemptDialogProps) {
  const [reason, setReason] = useState("");
  const pause = useConsoleAction(sessionId, () => consoleCalls.pause(attempt.id, reason.trim()));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (markupError(reason)) return;
    pause.mutate(undefined, { onSuccess: () => onDone(`${attempt.module} for ${candidate.name} is paused; the clock has stopped.`) });
  };
  return (
    <Dialog title={`Pause ${attempt.module} for ${candidate.name}`} onClose={onClose} fallbackFocus={fallbackFocus}>
      <form onSubmit={submit}>
        <p>The candidate's clock stops and their screen is covered until you resume.</p>
        <FormAlert>{pause.isError ? errorMessage(pause.error) : null}</FormAlert>
        <ReasonField value={reason} onChange={setReason} />
        <DialogActions submitLabel="Pause the test" busy={pause.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function AddTimeDialog({ sessionId, candidate, attempt, onClose, onDone, fallbackFocus }: AttemptDialogProps) {
  const [minutes, setMinutes] = useState("5");
  const [reason, setReason] = useState("");
  const addTime = useConsoleAction(sessionId, () => consoleCalls.addTime(attempt.id, Number(minutes), reason.trim()));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (markupError(reason)) return;
    addTime.mutate(undefined, { onSuccess: () => onDone(`${minutes} min added to ${attempt.module} for ${candidate.name}.`) });
  };
  return (
    <Dialog title={`Add time to ${attempt.module} for ${candidate.name}`} onClose={onClose} fallbackFocus={fallbackFocus}>
      <form onSubmit={submit}>
        <p>
          Time left now: {formatClock(attempt.remainingMs)}.
          {attempt.extraMinutes > 0 ? ` Already added in this attempt: ${attempt.extraMinutes} min.` : null}
        </p>
        <FormAlert>{addTime.isError ? errorMessage(addTime.error) : null}</FormAlert>
        <TextField
          label="Minutes to add"
          hint="From 1 to 120."
          name="minutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={120}
          step={1}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <ReasonField value={reason} onChange={setReason} />
        <DialogActions submitLabel="Add time" busy={addTime.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function VoidDialog({ sessionId, candidate, attempt, onClose, onDone, fallbackFocus }: AttemptDialogProps) {
  const [reason, setReason] = useState("");
  const voidAttempt = useConsoleAction(sessionId, () => consoleCalls.void(attempt.id, reason.trim()));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (markupError(reason)) return;
    voidAttempt.mutate(undefined, { onSuccess: () => onDone(`${attempt.module} for ${candidate.name} is voided.`) });
  };
  return (
    <Dialog title={`Void ${attempt.module} for ${candidate.name}?`} onClose={onClose} fallbackFocus={fallbackFocus} tone="danger">
      <form onSubmit={submit}>
        <div className="notice notice--error">
          <p>
            <strong>This cannot be undone.</strong> The attempt ends at once and never counts toward a result; a score it
            already has is withdrawn. Void only for misconduct or an irregularity you also report as an incident.
          </p>
        </div>
        <FormAlert>{voidAttempt.isError ? errorMessage(voidAttempt.error) : null}</FormAlert>
        <ReasonField value={reason} onChange={setReason} label="Reason for voiding" />
        <DialogActions submitLabel={`Void ${attempt.module}`} busy={voidAttempt.isPending} onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}

export function ReadmitDialog({ sessionId, candidate, attempt, onClose, onDone, fallbackFocus }: AttemptDialogProps) {
  const readmit = useConsoleAction(sessionId, () => consoleCalls.readmit(attempt.id));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    readmit.mutate(undefined, {
      onSuccess: () => onDone(`${candidate.name} may continue ${attempt.module} on another computer.`),
    });
  };
  return (
    <Dialog title={`Re-admit ${candidate.name} to ${attempt.module}`} onClose={onClose} fallbackFocus={fallbackFocus}>
      <form onSubmit={submit}>
        <p>
          Re-admitting lets the candidate continue on another computer: the next computer that opens this attempt
          takes it over, and the old one is shut out. Their saved answers and time carry over.
        </p>
        {attempt.awaitingReadmit ? (
          <p>
            <strong>{candidate.name} is trying to continue on another computer now.</strong>
          </p>
        ) : null}
        <p>Check that the candidate is the one at the new computer before you continue.</p>
        <FormAlert>{readmit.isError ? errorMessage(readmit.error) : null}</FormAlert>
        <DialogActions submitLabel="Re-admit" busy={readmit.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
