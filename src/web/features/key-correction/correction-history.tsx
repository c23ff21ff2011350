// What corrections did: every correction of the item (newest first) with its job's state, and the
// results the chosen one changed, with the certificates awarded or withdrawn alongside.
import { DataTable, type Column } from "../../components/data-table";
import { formatPercent } from "../../../common/rules/pass-rule";
import type { RescoringChangeView, ScoringCorrectionRunView } from "../../../common/schemas/results";
import { formatDateTime } from "../../lib/format";
import { useCorrectionChanges, useCorrectionHistory } from "./key-correction-api";

const passWord = (passed: boolean) => (passed ? "Passed" : "Not passed");

export function CorrectionHistory({ itemId, selected, onSelect }: { itemId: string; selected: string | null; onSelect: (jobId: string) => void }) {
  const history = useCorrectionHistory(itemId);
  const columns: Column<ScoringCorrectionRunView>[] = [
    { id: "when", header: "Made", rowHeader: true, className: "nowrap", sortValue: (r) => r.createdAt, cell: (r) => formatDateTime(r.createdAt) },
    {
      id: "what",
      header: "Correction",
      cell: (r) => (r.action === "drop" ? `Version ${r.version} dropped` : `Version ${r.version} scored with the key of version ${r.replacementVersion ?? "?"}`),
    },
    { id: "reason", header: "Reason", cell: (r) => r.reason },
    { id: "by", header: "By", cell: (r) => r.createdBy ?? "—" },
    {
      id: "job",
      header: "Rescoring",
      cell: (r) => (r.status === "running" ? `Running: ${r.processed} of ${r.total}` : r.status === "done" ? `Done: ${r.total} attempt${r.total === 1 ? "" : "s"}` : "Failed"),
    },
    { id: "changed", header: "Results changed", className: "numeric", sortValue: (r) => r.changed, cell: (r) => r.changed },
    {
      id: "show",
      header: "Changes",
      className: "actions",
      cell: (r) => (
        <button type="button" className="button button--secondary button--small" aria-pressed={selected === r.jobId} onClick={() => onSelect(r.jobId)}>
          Show changes<span className="visually-hidden"> of the correction made {formatDateTime(r.createdAt)}</span>
        </button>
      ),
    },
  ];
  return (
    <section aria-labelledby="correction-history-heading">
      <h3 id="correction-history-heading">Corrections of this item</h3>
      <DataTable
        caption="Corrections of this item, newest first"
        columns={columns}
        rows={history.data?.items ?? []}
        rowKey={(r) => r.jobId}
        status={history}
        empty="No corrections yet."
        initialSort={{ id: "when", desc: true }}
      />
    </section>
  );
}

export function CorrectionChanges({ jobId }: { jobId: string }) {
  const { query, items } = useCorrectionChanges(jobId);
  const columns: Column<RescoringChangeView>[] = [
    { id: "candidate", header: "Candidate", rowHeader: true, sortValue: (c) => c.candidateName, cell: (c) => c.candidateName || c.candidateId },
    { id: "module", header: "Module", sortValue: (c) => c.module, cell: (c) => c.module },
    {
      id: "score",
      header: "Score",
      className: "nowrap",
      sortValue: (c) => c.afterPercent - c.beforePercent,
      cell: (c) => (
        <span className="change-arrow">
          {formatPercent(c.beforePercent)} → {formatPercent(c.afterPercent)}
        </span>
      ),
    },
    {
      id: "result",
      header: "Pass or fail",
      sortValue: (c) => (c.beforePassed === c.afterPassed ? 0 : 1),
      cell: (c) => (c.beforePassed === c.afterPassed ? `${passWord(c.afterPassed)} (unchanged)` : `${passWord(c.beforePassed)} → ${passWord(c.afterPassed)}`),
    },
    {
      id: "credentials",
      header: "Certificates",
      cell: (c) =>
        c.awarded.length + c.withdrawn.length === 0 ? (
          "No change"
        ) : (
          <ul className="plain-list">
            {c.awarded.map((a) => (
              <li key={a.certificateNumber}>
                Awarded {a.type} {a.certificateNumber}
              </li>
            ))}
            {c.withdrawn.map((n) => (
              <li key={n}>Withdrawn {n}</li>
            ))}
          </ul>
        ),
    },
  ];
  return (
    <section aria-labelledby="correction-changes-heading">
      <h3 id="correction-changes-heading">Results this correction changed</h3>
      <DataTable
        caption="Results the correction changed"
        columns={columns}
        rows={items}
        rowKey={(c) => c.attemptId}
        status={query}
        more={query}
        empty="No result changed: every attempt that drew the version scored the same."
      />
    </section>
  );
}
