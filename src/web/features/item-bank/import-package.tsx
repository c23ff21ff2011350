// Import a QTI 3.0 content package (.zip, sent as raw bytes): new items arrive as drafts. The
// report lists every item with its outcome and reason or warnings.
import { useId, useRef, useState, type FormEvent } from "react";
import { errorMessage } from "../../api/client";
import type { ImportReportView } from "../../../common/schemas/item-bank";
import { FormAlert } from "../../components/form-alert";
import { TableRegion } from "../../components/table-region";
import { useImportPackage } from "./item-bank-api";
import { typeLabel } from "./labels";

export function ImportPackage({ id }: { id: string }) {
  const importPackage = useImportPackage();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  const [missing, setMissing] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setMissing(true);
      return;
    }
    setMissing(false);
    importPackage.mutate(file);
  }

  return (
    <section id={id} className="form--card item-import" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Import a package</h2>
      <form onSubmit={onSubmit}>
        <FormAlert>{missing ? "Choose a .zip package first." : importPackage.isError ? errorMessage(importPackage.error) : null}</FormAlert>
        <div className="field">
          <label className="field__label" htmlFor={inputId}>
            QTI 3.0 content package (.zip)
          </label>
          <p className="field__hint" id={hintId}>
            A zip with imsmanifest.xml, the items and their figures, up to 50 MB. New items arrive as drafts; items already in the bank get a new version when
            they changed.
          </p>
          <input ref={input} id={inputId} className="input" type="file" accept=".zip,application/zip" aria-describedby={hintId} />
        </div>
        <button type="submit" className="button" disabled={importPackage.isPending}>
          {importPackage.isPending ? "Importing…" : "Import the package"}
        </button>
      </form>
      {importPackage.data ? <ImportReportDetails report={importPackage.data} /> : null}
    </section>
  );
}

const OUTCOME_BADGE: Record<string, string> = { imported: "badge--success", updated: "badge--success", unchanged: "badge--muted", failed: "badge--warning" };

function ImportReportDetails({ report }: { report: ImportReportView }) {
  const { summary } = report;
  return (
    <div className="item-import__report">
      <h3>Import report</h3>
      <p role="status">
        {summary.imported} imported, {summary.updated} updated, {summary.unchanged} unchanged, {summary.failed} failed.
      </p>
      {report.notes.length ? (
        <ul>
          {report.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <TableRegion label="Import report">
        <table className="table">
          <caption className="visually-hidden">Items in the package and what happened to each</caption>
          <thead>
            <tr>
              <th scope="col">Identifier</th>
              <th scope="col">Path</th>
              <th scope="col">Outcome</th>
              <th scope="col">Reason or warnings</th>
            </tr>
          </thead>
          <tbody>
            {report.lines.map((line, index) => (
              <tr key={`${line.path}-${index}`}>
                <th scope="row">{line.identifier ?? "—"}</th>
                <td>
                  <code>{line.path}</code>
                </td>
                <td>
                  <span className={`badge ${OUTCOME_BADGE[line.outcome] ?? ""}`}>{line.outcome}</span>
                  {line.type ? <span className="item-bank__sub">{typeLabel(line.type)}</span> : null}
                  {line.manualScoring ? <span className="item-bank__sub">scored by a person</span> : null}
                </td>
                <td>
                  {line.reason ? <p className="item-bank__reason">{line.reason}</p> : null}
                  {line.warnings?.length ? (
                    <ul className="item-bank__warnings">
                      {line.warnings.map((w) => (
                        <li key={w}>{w}</li>
                      ))}
                    </ul>
                  ) : null}
                  {!line.reason && !line.warnings?.length ? "—" : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </div>
  );
}
