// Item statistics for staff: compute a year's statistics (a background job), read each module's
// reliability and decision consistency, download the technical report, and work the review queue of
// flagged items: send one back to review (with the reason, audited) or open it to correct its key.
import { useEffect, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import type { ModuleSnapshotView, ReviewQueueEntry } from "../../../common/schemas/psychometrics";
import { FLAG_MEANINGS } from "../../../common/rules/item-flag-meanings";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextAreaField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { useJob } from "../../features/key-correction/key-correction-api";
import { StatusBadge } from "../../features/item-bank/labels";
import { Dialog, DialogActions } from "../../features/proctor-console/dialog";
import { useProgram } from "../../features/program/program-queries";
import { psychometricsKeys, reportPath, useModuleFigures, useReviewQueue, useSendToReview, useStartStatistics } from "../../features/psychometrics/psychometrics-api";
import { share, stat } from "../../features/psychometrics/labels";
import { formatDateTime } from "../../lib/format";
import { useFormErrors } from "../../lib/form-errors";
import "../../styles/item-bank.css";
import "../../styles/psychometrics.css";
import { StatisticsYearField, THIS_YEAR } from "../../features/psychometrics/statistics-year-field";


const FIGURE_COLUMNS: Column<ModuleSnapshotView>[] = [
  {
    id: "scope",
    header: "Module or decision",
    rowHeader: true,
    cell: (s) =>
      s.kind === "conjunctive" ? (
        `${s.scope} (all required modules)`
      ) : (
        <>
          {s.scope}{" "}
          <a className="item-bank__sub" href={reportPath(s.scope, s.year)} download>
            Technical report (PDF)<span className="visually-hidden"> {s.scope} {s.year}</span>
          </a>
        </>
      ),
    sortValue: (s) => s.scope,
  },
  { id: "n", header: "Candidates", className: "numeric", cell: (s) => s.n, sortValue: (s) => s.n },
  { id: "pass", header: "Pass rate", className: "numeric", cell: (s) => share(s.passRate), sortValue: (s) => s.passRate },
  { id: "mean", header: "Mean (SD)", className: "numeric", cell: (s) => (s.kind === "module" ? `${stat(s.mean)} (${stat(s.sd)})` : "—"), sortValue: (s) => s.mean },
  { id: "kr20", header: "KR-20", className: "numeric", cell: (s) => stat(s.kr20, 3), sortValue: (s) => s.kr20 },
  { id: "sem", header: "SEM (at cut)", className: "numeric", cell: (s) => (s.kind === "module" ? `${stat(s.sem)} (${stat(s.csemAtCut)})` : "—") },
  { id: "agreement", header: "Agreement (kappa)", className: "numeric", cell: (s) => `${stat(s.agreement, 3)} (${stat(s.kappa, 3)})`, sortValue: (s) => s.agreement },
];

export function ReviewQueuePage() {
  const [year, setYear] = useState(THIS_YEAR);
  const [sending, setSending] = useState<ReviewQueueEntry | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const figures = useModuleFigures(year);
  const queue = useReviewQueue(year);

  const columns: Column<ReviewQueueEntry>[] = [
    {
      id: "item",
      header: "Item",
      rowHeader: true,
      cell: (e) => (
        <>
          <Link to={`/staff/items/${e.itemId}`}>{e.identifier}</Link> <span className="item-bank__sub">version {e.version}: {e.title}</span>
        </>
      ),
      sortValue: (e) => e.identifier,
    },
    { id: "skill", header: "Skill", className: "nowrap", cell: (e) => `${e.module} · ${e.skill ?? "?"}`, sortValue: (e) => `${e.module} ${e.skill ?? ""}` },
    { id: "n", header: "Exposure", className: "numeric", cell: (e) => e.exposure, sortValue: (e) => e.exposure },
    { id: "p", header: "p", className: "numeric", cell: (e) => stat(e.p), sortValue: (e) => e.p },
    { id: "r", header: "Corrected r", className: "numeric", cell: (e) => stat(e.correctedItemTotal), sortValue: (e) => e.correctedItemTotal },
    {
      id: "flags",
      header: "Why",
      cell: (e) => (
        <>
          {e.flags.map((f) => (
            <span key={f} className="review-queue__flag" title={FLAG_MEANINGS[f].meaning}>
              {FLAG_MEANINGS[f].label}
            </span>
          ))}
          {e.difC > 0 ? <span className="review-queue__flag">DIF category C ({e.difC})</span> : null}
        </>
      ),
      sortValue: (e) => e.flags.length,
    },
    { id: "status", header: "Status", cell: (e) => <StatusBadge status={e.status as "active"} />, sortValue: (e) => e.status },
    {
      id: "actions",
      header: "Actions",
      className: "actions",
      cell: (e) => (
        <>
          {e.status === "active" ? (
            <button type="button" className="button button--secondary review-queue__action" onClick={() => setSending(e)}>
              Send back to review<span className="visually-hidden"> {e.identifier}</span>
            </button>
          ) : null}
          <Link className="button button--secondary review-queue__action" to={`/staff/items/${e.itemId}#key-correction-heading`}>
            Correct the key<span className="visually-hidden"> of {e.identifier}</span>
          </Link>
        </>
      ),
    },
  ];

  return (
    <Page title="Item statistics and review queue" wide lead="How well each module measures, and the items whose statistics ask for a look. Statistics are computed by a background job every night and when you run it.">
      <p>
        <Link to="/staff/items">Back to the item bank</Link> · <Link to="/staff/psychometrics/forms">Form comparability around the cut</Link>
      </p>
      <StatisticsYearField year={year} onChange={setYear} />
      <RunStatistics year={year} />

      <h2>Modules in {year}</h2>
      <QueryStatus query={figures} loadingLabel="Loading the figures…">
        {(data) =>
          data.items.length === 0 ? (
            <p>No statistics computed for {year} yet. Run them above.</p>
          ) : (
            <>
              <p className="item-bank__sub">Computed {formatDateTime(data.items[0]!.computedAt)}.{data.items.some((s) => s.kind === "module" && s.n < 30) ? " Modules with fewer than 30 candidates have unstable figures." : ""}</p>
              <DataTable caption={`Module figures for ${year}`} columns={FIGURE_COLUMNS} rows={data.items} rowKey={(s) => s.scope} empty="None." />
            </>
          )
        }
      </QueryStatus>

      <h2>Review queue</h2>
      {sent ? <StatusMessage>{sent}</StatusMessage> : null}
      <DataTable
        caption={`Flagged items in ${year}`}
        columns={columns}
        rows={queue.data?.items ?? []}
        rowKey={(e) => `${e.itemId}-${e.version}-${e.module}`}
        status={queue}
        empty="No item is flagged for this year."
        initialSort={{ id: "p" }}
        pageSize={20}
      />
      {sending ? (
        <SendToReviewDialog
          entry={sending}
          onClose={() => setSending(null)}
          onSent={() => {
            setSent(`${sending.identifier} went back to review: it is off the forms until approved again.`);
            setSending(null);
          }}
        />
      ) : null}
    </Page>
  );
}

function RunStatistics({ year }: { year: number }) {
  const program = useProgram();
  const [module, setModule] = useState("");
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartStatistics();
  const job = useJob(jobId);
  const queryClient = useQueryClient();
  const errors = useFormErrors("run-statistics", { module: "Module", year: "Year" });
  const status = job.data?.status;
  useEffect(() => {
    if (status === "done") void queryClient.invalidateQueries({ queryKey: psychometricsKeys.all });
  }, [status, queryClient]);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    start.mutate({ year, ...(module ? { module } : {}) }, { onSuccess: (s) => setJobId(s.jobId), onError: errors.showError });
  }
  return (
    <form className="filters" onSubmit={onSubmit} noValidate aria-label="Compute statistics">
      <ErrorSummary errors={errors} />
      <SelectField label="Module" name="module" id={errors.fieldId("module")} value={module} onChange={(e) => setModule(e.target.value)}>
        <option value="">Every module</option>
        {(program.data?.modules ?? []).map((m) => (
          <option key={m.code} value={m.code}>
            {m.code} · {m.name}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button" disabled={start.isPending || status === "running"}>
        Compute statistics for {year}
      </button>
      <StatusMessage>
        {!jobId ? "" : !job.data || status === "running" ? "Computing the statistics…" : status === "done" ? "The statistics are computed." : `The statistics job failed: ${job.data.error ?? "see the server log"}.`}
      </StatusMessage>
    </form>
  );
}

function SendToReviewDialog({ entry, onClose, onSent }: { entry: ReviewQueueEntry; onClose: () => void; onSent: () => void }) {
  const flags = entry.flags.map((f) => FLAG_MEANINGS[f].label.toLowerCase()).join(", ");
  const [reason, setReason] = useState(flags ? `Flagged: ${flags}.` : "");
  const errors = useFormErrors(`send-to-review-${entry.itemId}`, { reason: "Reason" });
  const send = useSendToReview();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length === 0) return errors.setProblems([{ field: "reason", message: "Say why the item goes back to review: it is kept in the audit log." }]);
    errors.clear();
    send.mutate({ itemId: entry.itemId, reason: reason.trim() }, { onSuccess: onSent, onError: errors.showError });
  }
  return (
    <Dialog title={`Send ${entry.identifier} back to review`} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} />
        <p>The item leaves the forms until another staff member approves it again. Attempts already scored keep their scores.</p>
        <TextAreaField
          label="Reason"
          hint="Kept in the audit log (500 characters at most)."
          id={errors.fieldId("reason")}
          error={errors.errorFor("reason")}
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <DialogActions submitLabel="Send back to review" busy={send.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
