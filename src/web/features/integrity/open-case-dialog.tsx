// Opening a case from an incident: the candidate(s) it may concern with their results (checkboxes,
// the scored ones not yet in a case), and a note for the record. On success the case page opens.
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { TextAreaField } from "../../components/field";
import { ErrorSummary } from "../../components/error-summary";
import { QueryStatus } from "../../components/query-status";
import { useFormErrors } from "../../lib/form-errors";
import { Dialog, DialogActions } from "../proctor-console/dialog";
import { useIncidentForCase, useOpenCase } from "./integrity-api";
import { CATEGORY_LABELS } from "./labels";

export function OpenCaseDialog({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const incident = useIncidentForCase(incidentId);
  const open = useOpenCase();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [note, setNote] = useState("");
  const errors = useFormErrors("open-case", { attemptIds: "Results concerned", note: "Note for the record" });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen.size === 0) {
      errors.setProblems([{ field: "attemptIds", message: "Choose at least one result the case concerns." }]);
      return;
    }
    open.mutate(
      { attemptIds: [...chosen], incidentIds: [incidentId], note },
      { onSuccess: (view) => void navigate(`/staff/irregularities/${encodeURIComponent(view.id)}`), onError: (err) => errors.showError(err) },
    );
  }

  const toggle = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Dialog title="Open an irregularity case" onClose={onClose}>
      <QueryStatus query={incident} loadingLabel="Loading the incident…">
        {(data) => (
          <form onSubmit={onSubmit} noValidate>
            <ErrorSummary errors={errors} />
            <p>
              <strong>{CATEGORY_LABELS[data.incident.category]}</strong>: {data.incident.narrative}
            </p>
            {data.candidates.length === 0 ? (
              <p>Nobody started a module in this session, so there is no result to open a case on.</p>
            ) : (
              <fieldset className="fieldset" id={errors.fieldId("attemptIds")} tabIndex={-1} aria-describedby={errors.errorFor("attemptIds") ? `${errors.fieldId("attemptIds")}-error` : undefined}>
                <legend>Results concerned</legend>
                {errors.errorFor("attemptIds") ? (
                  <p className="field__error" id={`${errors.fieldId("attemptIds")}-error`}>
                    <span aria-hidden="true">⚠ </span>
                    {errors.errorFor("attemptIds")}
                  </p>
                ) : null}
                {data.candidates.map(({ candidate, results }) => (
                  <div key={candidate.id} className="open-case__candidate">
                    <p className="open-case__name">
                      {candidate.name} <span className="card__meta">{candidate.email}</span>
                    </p>
                    <ul className="open-case__results">
                      {results.map((r) => {
                        const blocked = r.attemptStatus !== "scored" || r.caseId !== null;
                        return (
                          <li key={r.attemptId}>
                            <label className="choice">
                              <input type="checkbox" disabled={blocked} checked={chosen.has(r.attemptId)} onChange={(e) => toggle(r.attemptId, e.target.checked)} />
                              <span>
                                {candidate.name}: {r.module} result
                                {r.caseId ? " (already in a case)" : r.attemptStatus !== "scored" ? ` (${r.attemptStatus}, not scored)` : ""}
                              </span>
                            </label>
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                ))}
              </fieldset>
            )}
            <TextAreaField
              label="Note for the record"
              hint="Why the case is opened. Staff see it; the candidate does not."
              id={errors.fieldId("note")}
              error={errors.errorFor("note")}
              name="note"
              rows={3}
              maxLength={2000}
              required
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <DialogActions submitLabel="Open case" busy={open.isPending} onCancel={onClose} />
          </form>
        )}
      </QueryStatus>
    </Dialog>
  );
}
