import { useEffect, useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { errorMessage } from "../../api/client";
import { TextAreaField } from "../../components/field";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { DataTable, type Column } from "../../components/data-table";
import { useProgram } from "../program/program-queries";
import type { Verdict, VerifyResultView } from "../../../common/schemas/registry";
import { credentialName, formatDay, verifyCsvFile, verifyList } from "./registry-api";

const MAX_LINES = 1000;

/** Sorted by result, the numbers to look into come first. */
const VERDICT_ORDER: Record<Verdict, number> = { revoked: 0, mistyped: 1, not_found: 2, valid: 3 };

const VERDICT: Record<Verdict, { label: string; className: string }> = {
  valid: { label: "Valid", className: "badge badge--success" },
  revoked: { label: "Revoked", className: "badge registry-badge--revoked" },
  not_found: { label: "Not found", className: "badge badge--warning" },
  mistyped: { label: "Mistyped", className: "badge badge--warning" },
};

/** "MT1-…, Ada Lovelace" per line (a tab works too); the name is optional. */
function parseLines(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const cut = line.search(/[,\t;]/);
      return cut < 0 ? { certificateNumber: line } : { certificateNumber: line.slice(0, cut).trim(), name: line.slice(cut + 1).trim() || undefined };
    });
}

type Row = VerifyResultView & { line: number };

function ResultsTable({ items }: { items: VerifyResultView[] }) {
  const program = useProgram();
  // Each result keeps the line it answers, so the rows have a key and "as given" order can return.
  const rows: Row[] = items.map((r, i) => ({ ...r, line: i + 1 }));
  const columns: Column<Row>[] = [
    { id: "line", header: "Line", className: "numeric", cell: (r) => r.line, sortValue: (r) => r.line },
    { id: "input", header: "Number as given", rowHeader: true, cell: (r) => <code>{r.input || "(empty)"}</code>, sortValue: (r) => r.input },
    {
      id: "result",
      header: "Result",
      cell: (r) => <span className={VERDICT[r.result].className}>{VERDICT[r.result].label}</span>,
      sortValue: (r) => VERDICT_ORDER[r.result],
    },
    { id: "credential", header: "Credential", cell: (r) => (r.type ? `${credentialName(program.data, r.type)} (${r.type})` : "—"), sortValue: (r) => r.type },
    { id: "holder", header: "Holder", cell: (r) => r.holderName ?? "—", sortValue: (r) => r.holderName },
    { id: "issued", header: "Issued", className: "nowrap", cell: (r) => (r.issuedOn ? formatDay(r.issuedOn) : "—"), sortValue: (r) => r.issuedOn },
    { id: "nameMatches", header: "Name given matches", cell: (r) => (r.nameMatches === null ? "—" : r.nameMatches ? "Yes" : "No"), sortValue: (r) => (r.nameMatches === null ? null : r.nameMatches ? 1 : 0) },
  ];
  return <DataTable caption="Verification results" columns={columns} rows={rows} rowKey={(r) => String(r.line)} empty="No numbers were checked." pageSize={50} />;
}

function PasteList({ onVerified }: { onVerified: (items: VerifyResultView[]) => void }) {
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const verify = useMutation({ mutationFn: verifyList, onSuccess: (data) => onVerified(data.items) });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const items = parseLines(text);
    if (items.length === 0) return setProblem("Paste at least one certificate number.");
    if (items.length > MAX_LINES) return setProblem(`Up to ${MAX_LINES} numbers at a time; upload a CSV file for more.`);
    setProblem(null);
    verify.mutate(items);
  }
  const counts = verify.data?.items.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.result]: (acc[r.result] ?? 0) + 1 }), {});
  return (
    <form className="form form--card registry-form" onSubmit={onSubmit} noValidate aria-labelledby="bulk-paste-heading">
      <h3 id="bulk-paste-heading">Paste numbers</h3>
      <FormAlert>{problem ?? (verify.isError ? errorMessage(verify.error) : null)}</FormAlert>
      <TextAreaField
        label="Certificate numbers"
        hint="One per line. Add the applicant's name after a comma to check it too: MT1-XXXXX-XXXXX-X, Ada Lovelace."
        name="numbers"
        rows={6}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button" disabled={verify.isPending}>
        {verify.isPending ? "Verifying…" : "Verify"}
      </button>
      <StatusMessage>
        {counts
          ? `${verify.data!.items.length} checked: ${counts.valid ?? 0} valid, ${counts.revoked ?? 0} revoked, ${counts.not_found ?? 0} not found, ${counts.mistyped ?? 0} mistyped.`
          : null}
      </StatusMessage>
    </form>
  );
}

function UploadCsv() {
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [download, setDownload] = useState<{ url: string; rows: number } | null>(null);
  const verify = useMutation({ mutationFn: verifyCsvFile });
  // The results file lives in memory until replaced or the page is left.
  useEffect(() => () => { if (download) URL.revokeObjectURL(download.url); }, [download]);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return setProblem("Choose a CSV file.");
    if (file.size > 1024 * 1024) return setProblem("The file is larger than 1 MB. Split it and try again.");
    setProblem(null);
    verify.mutate(file, {
      onSuccess: async (blob) => {
        const rows = Math.max(0, (await blob.text()).trimEnd().split(/\r?\n/).length - 1);
        setDownload({ url: URL.createObjectURL(blob), rows });
      },
    });
  }
  return (
    <form className="form form--card registry-form" onSubmit={onSubmit} noValidate aria-labelledby="bulk-csv-heading">
      <h3 id="bulk-csv-heading">Upload a CSV file</h3>
      <p>
        Column 1: the certificate number; column 2 (optional): the name the applicant gave. A header row is optional. Up to 10,000 rows and
        1 MB. You get back a CSV with a result for each row.
      </p>
      <FormAlert>{problem ?? (verify.isError ? errorMessage(verify.error) : null)}</FormAlert>
      <div className="field">
        <label className="field__label" htmlFor="bulk-csv-file">
          CSV file
        </label>
        <input id="bulk-csv-file" className="input" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <button type="submit" className="button" disabled={verify.isPending}>
        {verify.isPending ? "Verifying…" : "Verify the file"}
      </button>
      <StatusMessage>{download ? `${download.rows} rows verified. Your results file is ready.` : null}</StatusMessage>
      {download ? (
        <p>
          <a className="button button--secondary" href={download.url} download="mt1-verification-results.csv">
            Download the results (CSV)
          </a>
        </p>
      ) : null}
    </form>
  );
}

// Bulk verification for employers, college partners and program staff.
export function BulkVerify() {
  const [results, setResults] = useState<VerifyResultView[] | null>(null);
  return (
    <section aria-labelledby="bulk-heading" className="section">
      <h2 id="bulk-heading">Verify many certificates</h2>
      <p>For hiring and admissions: check a list of applicants at once. Integrations can use the same check through the API.</p>
      <div className="registry-bulk">
        <PasteList onVerified={setResults} />
        <UploadCsv />
      </div>
      {results ? <ResultsTable items={results} /> : null}
    </section>
  );
}
