import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "../../api/client";
import { uploadRaw } from "../../api/upload";
import { FormAlert } from "../../components/form-alert";
import { DataTable } from "../../components/data-table";
import type { CohortStartedView, JobView } from "../../../common/schemas/scheduling";
import { schedulingKeys } from "../registration/scheduling-api";

// Uploads a cohort CSV (name, email, modules), then follows the job every second until it is done.
export function CohortUpload({ sessionId }: { sessionId: string }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();

  const job = useQuery({
    queryKey: ["jobs", jobId],
    queryFn: ({ signal }) => api.get<JobView>(`/api/v1/jobs/${encodeURIComponent(jobId!)}`, undefined, signal),
    enabled: !!jobId,
    refetchInterval: (query) => (query.state.data && query.state.data.status !== "running" ? false : 1000),
  });
  const finished = job.data && job.data.status !== "running";

  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: schedulingKeys.roster(sessionId) });
    // An employer's event page lists who registered (session operations).
    void queryClient.invalidateQueries({ queryKey: ["session-operations"] });
  }, [finished, queryClient, sessionId]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (!file) return setError("Choose a CSV file.");
    setBusy(true);
    try {
      const result = await uploadRaw<CohortStartedView>(`/api/v1/sessions/${encodeURIComponent(sessionId)}/cohort`, file, {
        contentType: "text/csv",
      });
      setJobId(result.jobId);
      if (inputRef.current) inputRef.current.value = "";
      setFile(null);
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  const data = job.data;
  return (
    <section aria-labelledby={`${id}-heading`} className="card section">
      <h2 id={`${id}-heading`}>Register a cohort</h2>
      <p>
        Upload a CSV file with the columns <code>name</code>, <code>email</code> and <code>modules</code> (modules separated by
        spaces, for example <code>MM SRMT</code>). New candidates get an account and an email to set their password. An email that
        already has an account is not registered: its owner is emailed an invitation and is registered when they accept it.
      </p>
      <form onSubmit={(e) => void onSubmit(e)} aria-label="Upload a cohort file">
        <FormAlert>{error ?? (job.isError ? errorMessage(job.error) : null)}</FormAlert>
        <div className="field">
          <label className="field__label" htmlFor={id}>
            Cohort CSV file
          </label>
          <input
            ref={inputRef}
            id={id}
            type="file"
            className="input input--file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="button" disabled={busy || (!!jobId && !finished)}>
          {busy ? "Uploading…" : "Upload cohort"}
        </button>
      </form>
      <div role="status" className="cohort-status">
        {data ? (
          <p>
            {data.status === "running" ? "Registering the cohort" : data.status === "done" ? "The cohort is done" : "The cohort import failed"}:{" "}
            {data.processed} of {data.total} rows processed.
            {data.summary && "registered" in data.summary ? (
              <>
                {" "}
                {data.summary.registered} registered, {data.summary.waitlisted} waitlisted, {data.summary.invited} invited,{" "}
                {data.summary.failed} failed.
              </>
            ) : null}
          </p>
        ) : null}
      </div>
      {data ? (
        <p className="upload__progress">
          <label htmlFor={`${id}-progress`}>Cohort progress</label>
          <progress id={`${id}-progress`} max={Math.max(data.total, 1)} value={data.processed}>
            {data.processed} of {data.total}
          </progress>
        </p>
      ) : null}
      {data?.report && data.report.length > 0 ? (
        <DataTable
          caption="Cohort report, one line per row of the file"
          rows={data.report}
          rowKey={(line) => String(line.row)}
          empty="No rows."
          pageSize={50}
          initialSort={{ id: "row" }}
          columns={[
            { id: "row", header: "Row", rowHeader: true, className: "numeric", sortValue: (line) => line.row, cell: (line) => line.row },
            { id: "email", header: "Email", sortValue: (line) => line.email, cell: (line) => line.email },
            {
              id: "outcome",
              header: "Outcome",
              sortValue: (line) => line.outcome,
              cell: (line) => <span className={line.outcome === "failed" ? "badge badge--warning" : "badge badge--success"}>{line.outcome}</span>,
            },
            { id: "reason", header: "Reason", cell: (line) => line.reason ?? "" },
          ]}
        />
      ) : null}
    </section>
  );
}
