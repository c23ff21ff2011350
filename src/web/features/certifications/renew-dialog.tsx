// Certify or renew a center or a proctor: by the program's certification period (counted from the
// current end while it runs, from today once it has lapsed) or until a date staff choose.
import { useState, type FormEvent } from "react";
import type { UseMutationResult } from "@tanstack/react-query";
import { ErrorSummary } from "../../components/error-summary";
import { TextField } from "../../components/field";
import { useFormErrors } from "../../lib/form-errors";
import { formatDate } from "../../lib/format";
import { Dialog, DialogActions } from "../proctor-console/dialog";
import { useProgram } from "../program/program-queries";
import "../../styles/certifications.css";

interface Props<T> {
  /** "Renew the certification of Pat Proctor" */
  title: string;
  formId: string;
  currentUntil: string | null;
  /** Whether the current period still runs (a renewal by the period then extends it from its end). */
  running: boolean;
  mutation: UseMutationResult<T, Error, { certifiedUntil?: string }>;
  submitLabel: string;
  onClose: () => void;
  onDone: (result: T) => void;
}

export function RenewDialog<T>({ title, formId, currentUntil, running, mutation, submitLabel, onClose, onDone }: Props<T>) {
  const program = useProgram();
  const months = program.data?.policies.certificationPeriodMonths;
  const [mode, setMode] = useState<"period" | "date">("period");
  const [date, setDate] = useState("");
  const errors = useFormErrors(formId, { certifiedUntil: "Certified until" });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mode === "date" && !date) {
      errors.setProblems([{ field: "certifiedUntil", message: "Choose the date the certification ends." }]);
      return;
    }
    errors.clear();
    // A chosen date runs to the end of that day (UTC), like the other certification dates.
    const body = mode === "date" ? { certifiedUntil: new Date(`${date}T23:59:59Z`).toISOString() } : {};
    mutation.mutate(body, { onSuccess: onDone, onError: errors.showError });
  }

  const from = running && currentUntil ? `from the current end, ${formatDate(currentUntil)}` : "from today";
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="form renew-dialog" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} />
        <p>Currently certified until: {currentUntil ? formatDate(currentUntil) : "not certified"}.</p>
        <fieldset className="fieldset">
          <legend>How long</legend>
          <label className="choice">
            <input type="radio" name={`${formId}-mode`} value="period" checked={mode === "period"} onChange={() => setMode("period")} />
            <span>
              The program&apos;s certification period{months ? ` (${months} months)` : ""}, {from}
            </span>
          </label>
          <label className="choice">
            <input type="radio" name={`${formId}-mode`} value="date" checked={mode === "date"} onChange={() => setMode("date")} />
            <span>Until a date I choose</span>
          </label>
        </fieldset>
        {mode === "date" ? (
          <TextField
            label="Certified until"
            type="date"
            name="certifiedUntil"
            id={errors.fieldId("certifiedUntil")}
            error={errors.errorFor("certifiedUntil")}
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        ) : null}
        <DialogActions submitLabel={submitLabel} busy={mutation.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
