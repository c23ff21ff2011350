// Import a QTI 3.0 content package (.zip, sent as raw bytes): new items arrive as drafts. The
// report lists every item with its outcome and reason or warnings.
import { useId, useRef, type FormEvent } from "react";
import type { ImportReportView } from "../../../common/schemas/item-bank";
import { ErrorSummary } from "../../components/error-summary";
import { FieldError } from "../../components/field";
import { useFormErrors } from "../../lib/form-errors";
import { DataTable, type Column } from "../../components/data-table";
import { useImportPackage } from "./item-bank-api";
import { typeLabel } from "./labels";

export function ImportPackage({ id }: { id: string }) {
  const importPackage = useImportPackage();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  // The package is the request body itself, so every refusal (not a zip, too large, no manifest) is about it.
  const errors = useFormErrors(`${id}-form`, { package: "QTI 3.0 content package (.zip)" }, PACKAGE_CODES);
  const inputId = errors.fieldId("package");
  const packageError = errors.errorFor("package");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return errors.setProblems([{ field: "package", message: "Choose a .zip package first." }]);
    errors.clear();
    importPackage.mutate(file, { onError: errors.showError });
  }

  return (
    <section id={id} className="form--card item-import" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Import a package</h2>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} />
        <div className={packageError ? "field field--invalid" : "field"}>
          <label className="field__label" htmlFor={inputId}>
            QTI 3.0 content package (.zip)
          </label>
          <p className="field__hint" id={hintId}>
            A zip with imsmanifest.xml, the items and their figures, up to 50 MB. New items arrive as drafts; items already in the bank get a new version when
            they changed.
          </p>
          <FieldError id={`${inputId}-error`}>{packageError}</FieldError>
          <input
            ref={input}
            id={inputId}
            className="input"
            type="file"
            accept=".zip,application/zip"
            aria-describedby={packageError ? `${hintId} ${inputId}-error` : hintId}
            aria-invalid={packageError ? true : undefined}
          />
        </div>
        <button type="submit" className="button" disabled={importPackage.isPending}>
          {importPackage.isPending ? "Importing…" : "Import the package"}
        </button>
      </form>
      {importPackage.data ? <ImportReportDetails report={importPackage.data} /> : null}
    </section>
  );
}

/** Refusals of the package as a whole, shown beside the file field. */
const PACKAGE_CODES = { VALIDATION: "package", PAYLOAD_TOO_LARGE: "package", UNSUPPORTED_MEDIA_TYPE: "package", PACKAGE_INVALID: "package" };

type ReportLine = ImportReportView["lines"][number];

const OUTCOME_BADGE: Record<string, string> = { imported: "badge--success", updated: "badge--success", unchanged: "badge--muted", failed: "badge--warning" };

// Failures first when sorted by outcome: they are what the importer has to act on.
const OUTCOME_ORDER: Record<string, number> = { failed: 0, imported: 1, updated: 2, unchanged: 3 };

const REPORT_COLUMNS: Column<ReportLine>[] = [
  { id: "identifier", header: "Identifier", rowHeader: true, cell: (line) => line.identifier ?? "—", sortValue: (line) => line.identifier },
  { id: "path", header: "Path", cell: (line) => <code>{line.path}</code>, sortValue: (line) => line.path },
  {
    id: "outcome",
    header: "Outcome",
    sortValue: (line) => OUTCOME_ORDER[line.outcome] ?? 9,
    cell: (line) => (
      <>
        <span className={`badge ${OUTCOME_BADGE[line.outcome] ?? ""}`}>{line.outcome}</span>
        {line.type ? <span className="item-bank__sub">{typeLabel(line.type)}</span> : null}
        {line.manualScoring ? <span className="item-bank__sub">scored by a person</span> : null}
      </>
    ),
  },
  {
    id: "reason",
    header: "Reason or warnings",
    cell: (line) => (
      <>
        {line.reason ? <p className="item-bank__reason">{line.reason}</p> : null}
        {line.warnings?.length ? (
          <ul className="item-bank__warnings">
            {line.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : null}
        {!line.reason && !line.warnings?.length ? "—" : null}
      </>
    ),
  },
];

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
      <DataTable
        caption="Import report"
        columns={REPORT_COLUMNS}
        rows={report.lines}
        rowKey={(line) => `${line.path}#${line.identifier ?? ""}`}
        empty="The package held no items."
        pageSize={50}
      />
    </div>
  );
}
