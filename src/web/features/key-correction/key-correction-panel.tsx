// Key correction and rescoring from an item's page: staff choose the version candidates saw and
// either the corrected key (chosen as the item is answered) or dropping the item; a dry run says how
// many attempts it rescores; they confirm with a reason; then they watch the job and see what changed.
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextAreaField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import type { ItemDetailView } from "../../../common/schemas/item-bank";
import type { RescoreSummaryView } from "../../../common/schemas/scheduling";
import { useFormErrors } from "../../lib/form-errors";
import { Dialog, DialogActions } from "../proctor-console/dialog";
import { CorrectionChanges, CorrectionHistory } from "./correction-history";
import { correctionKeys, useApplyCorrection, useJob, usePreview } from "./key-correction-api";
import { describeKey, KeyFields } from "./key-fields";
import { readKeyDeclarations, replaceCorrectResponse, sameKey, splitValues, type KeyDeclaration } from "./qti-key";
import "../../styles/certifications.css";

const usesChoices = (d: KeyDeclaration) => d.baseType === "identifier" && d.choices.length > 0 && (d.cardinality === "single" || d.cardinality === "multiple");

interface Proposal {
  version: number;
  mode: "key" | "drop";
  /** With a corrected key: the XML carrying it, and the changes in words. */
  correctedXml?: string;
  changes: string[];
}

export function KeyCorrectionPanel({ item }: { item: ItemDetailView }) {
  const declarations = useMemo(() => readKeyDeclarations(item.qtiXml), [item.qtiXml]);
  const versions = [...item.versions].map((v) => v.version).sort((a, b) => b - a);
  const [version, setVersion] = useState(String(item.activeVersion ?? item.version));
  const [mode, setMode] = useState<"key" | "drop">("key");
  const [chosen, setChosen] = useState<Record<string, string[]>>(() => Object.fromEntries(declarations.map((d) => [d.identifier, d.values])));
  const [typed, setTyped] = useState<Record<string, string>>(() => Object.fromEntries(declarations.map((d) => [d.identifier, d.values.join(d.cardinality === "single" ? "" : "\n")])));
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const labels = Object.fromEntries([["version", "Version candidates saw"], ...declarations.map((d) => [`key-${d.identifier}`, `Key for ${d.identifier}`])]);
  const errors = useFormErrors(`key-correction-${item.id}`, labels);
  const preview = usePreview(item.id);

  const valuesOf = (d: KeyDeclaration) => (usesChoices(d) ? chosen[d.identifier] ?? [] : splitValues(typed[d.identifier] ?? ""));

  function onCheck(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProposal(null);
    const v = Number(version);
    let next: Proposal = { version: v, mode, changes: [] };
    if (mode === "key") {
      const empty = declarations.filter((d) => valuesOf(d).length === 0);
      if (empty.length > 0) {
        errors.setProblems(empty.map((d) => ({ field: `key-${d.identifier}`, message: "Choose or enter the correct answer." })));
        return;
      }
      const changed = declarations.filter((d) => !sameKey(valuesOf(d), d.values, d.cardinality));
      if (changed.length === 0) {
        errors.setProblems([{ message: "The key you chose is the key the item has now. Change it, or choose to drop the item." }]);
        return;
      }
      let xml: string | null = item.qtiXml;
      for (const d of changed) xml = xml === null ? null : replaceCorrectResponse(xml, d.identifier, valuesOf(d));
      if (xml === null) {
        errors.setProblems([{ message: "The item's key could not be found in its XML: correct it in the editor above and save a version." }]);
        return;
      }
      next = { ...next, correctedXml: xml, changes: changed.map((d) => `${d.identifier}: ${describeKey(d, d.values)} becomes ${describeKey(d, valuesOf(d))}`) };
    }
    errors.clear();
    preview.mutate(v, { onSuccess: () => setProposal(next), onError: errors.showError });
  }

  return (
    <section className="key-correction stack" aria-labelledby="key-correction-heading">
      <h2 id="key-correction-heading">Correct the key and rescore</h2>
      <p>
        When candidates have already seen a flawed item, correct how the version they saw is scored: with a corrected key (saved as a new version), or by dropping it so it counts for nobody.
        Every scored attempt that drew that version is rescored; results, pass or fail and certificates follow, and candidates whose results change are told.
      </p>
      <form className="form" onSubmit={onCheck} aria-labelledby="key-correction-heading" noValidate>
        <ErrorSummary errors={errors} />
        <SelectField
          label="Version candidates saw"
          id={errors.fieldId("version")}
          error={errors.errorFor("version")}
          value={version}
          onChange={(e) => {
            setVersion(e.target.value);
            setProposal(null);
          }}
        >
          {versions.map((v) => (
            <option key={v} value={v}>
              Version {v}
              {v === item.activeVersion ? " (in use)" : ""}
            </option>
          ))}
        </SelectField>
        <fieldset className="fieldset">
          <legend>Correction</legend>
          <label className="choice">
            <input type="radio" name="correction-mode" value="key" checked={mode === "key"} disabled={declarations.length === 0} onChange={() => setMode("key")} />
            <span>Score it with a corrected key</span>
          </label>
          <label className="choice">
            <input type="radio" name="correction-mode" value="drop" checked={mode === "drop"} onChange={() => setMode("drop")} />
            <span>Drop it: it counts for nobody who saw this version</span>
          </label>
        </fieldset>
        {mode === "key"
          ? declarations.map((d) => (
              <KeyFields
                key={d.identifier}
                declaration={d}
                many={declarations.length > 1}
                value={chosen[d.identifier] ?? []}
                text={typed[d.identifier] ?? ""}
                onChoose={(values) => {
                  setChosen((c) => ({ ...c, [d.identifier]: values }));
                  setProposal(null);
                }}
                onType={(text) => {
                  setTyped((t) => ({ ...t, [d.identifier]: text }));
                  setProposal(null);
                }}
                fieldId={errors.fieldId(`key-${d.identifier}`)}
                error={errors.errorFor(`key-${d.identifier}`)}
              />
            ))
          : null}
        <div className="button-row">
          <button type="submit" className="button button--secondary" disabled={preview.isPending}>
            {preview.isPending ? "Checking…" : "Check what it affects"}
          </button>
        </div>
      </form>

      {proposal && preview.data ? (
        <div className="notice" role="status">
          <p>
            <strong>
              {preview.data.attempts} scored attempt{preview.data.attempts === 1 ? "" : "s"} by {preview.data.candidates} candidate{preview.data.candidates === 1 ? "" : "s"}
            </strong>{" "}
            drew version {proposal.version} and will be rescored.
            {preview.data.current ? ` This replaces the correction of ${new Date(preview.data.current.createdAt).toLocaleDateString()} (${preview.data.current.action === "drop" ? "dropped" : `scored with version ${preview.data.current.replacementVersion}`}).` : ""}
          </p>
          {proposal.changes.length > 0 ? (
            <ul className="plain-list">
              {proposal.changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          ) : null}
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            Confirm the correction…
          </button>
        </div>
      ) : null}

      {confirming && proposal ? (
        <ConfirmDialog
          item={item}
          proposal={proposal}
          attempts={preview.data?.attempts ?? 0}
          onClose={() => setConfirming(false)}
          onStarted={(id) => {
            setConfirming(false);
            setProposal(null);
            setJobId(id);
            setShown(id);
          }}
        />
      ) : null}

      {jobId ? <JobProgress itemId={item.id} jobId={jobId} /> : null}
      <CorrectionHistory itemId={item.id} selected={shown} onSelect={setShown} />
      {shown ? <CorrectionChanges key={shown} jobId={shown} /> : null}
    </section>
  );
}

function ConfirmDialog({ item, proposal, attempts, onClose, onStarted }: { item: ItemDetailView; proposal: Proposal; attempts: number; onClose: () => void; onStarted: (jobId: string) => void }) {
  const [reason, setReason] = useState("");
  const errors = useFormErrors(`confirm-correction-${item.id}`, { reason: "Reason" });
  const apply = useApplyCorrection(item.id);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length === 0) return errors.setProblems([{ field: "reason", message: "Give the reason for the correction: it is kept with it and in the audit log." }]);
    errors.clear();
    apply.mutate(
      { item, version: proposal.version, reason: reason.trim(), ...(proposal.correctedXml !== undefined ? { correctedXml: proposal.correctedXml } : {}) },
      { onSuccess: (started) => onStarted(started.jobId), onError: errors.showError },
    );
  }
  return (
    <Dialog title={proposal.mode === "drop" ? `Drop version ${proposal.version}` : `Correct the key of version ${proposal.version}`} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} />
        <p>
          {proposal.mode === "drop" ? "The item will count for nobody who saw this version." : "A new version of the item is saved with the corrected key, and this version is scored with it."}{" "}
          {attempts} attempt{attempts === 1 ? "" : "s"} will be rescored.
        </p>
        <TextAreaField
          label="Reason"
          hint="Kept with the correction and in the audit log (500 characters at most)."
          id={errors.fieldId("reason")}
          error={errors.errorFor("reason")}
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <DialogActions submitLabel="Correct and rescore" busy={apply.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** The rescoring job, asked every second while it runs; the live region announces its progress and its end. */
function JobProgress({ itemId, jobId }: { itemId: string; jobId: string }) {
  const job = useJob(jobId);
  const queryClient = useQueryClient();
  const data = job.data;
  const finished = data && data.status !== "running";
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: correctionKeys.history(itemId) });
    void queryClient.invalidateQueries({ queryKey: correctionKeys.changes(jobId) });
  }, [finished, queryClient, itemId, jobId]);
  const summary = (data?.summary ?? null) as RescoreSummaryView | null;
  const text = !data
    ? "Starting the rescoring…"
    : data.status === "running"
      ? `Rescoring: ${data.processed} of ${data.total} attempts done.`
      : data.status === "done"
        ? `Rescoring finished: ${data.total} attempt${data.total === 1 ? "" : "s"} rescored, ${summary?.changed ?? 0} result${summary?.changed === 1 ? "" : "s"} changed, ${summary?.candidatesTold ?? 0} candidate${summary?.candidatesTold === 1 ? "" : "s"} told.`
        : `Rescoring failed: ${data.error ?? summary?.error ?? "see the server log"}.`;
  return (
    <div className="card key-correction__progress">
      {data && data.status === "running" ? <progress max={Math.max(data.total, 1)} value={data.processed} aria-label="Rescoring progress" /> : null}
      <StatusMessage>{text}</StatusMessage>
    </div>
  );
}
