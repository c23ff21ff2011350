// One irregularity case on one page: the candidate, the results concerned (with their scores, which
// staff see even while held), the incidents behind it, the decisions and who took them, the notice,
// the appeal and its decision, and the whole timeline in order.
import { useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { DataTable } from "../../components/data-table";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { useMe } from "../../features/auth/auth-queries";
import { AppealDecisionForm, DecisionDialog } from "../../features/integrity/decision-dialog";
import { useCase, type CaseDecision } from "../../features/integrity/integrity-api";
import { APPEAL_STATUS_LABELS, CASE_STATUS_LABELS, CATEGORY_LABELS, EVENT_LABELS, statusTone } from "../../features/integrity/labels";
import { DEFAULT_TIME_ZONE, formatZonedDateTime, formatZonedShort } from "../../../common/time-zones";
import type { CaseView } from "../../../common/schemas/integrity";
import "../../styles/integrity.css";

const when = (iso: string | null) => formatZonedDateTime(iso, DEFAULT_TIME_ZONE);

function Decisions({ view, onDone }: { view: CaseView; onDone: (message: string) => void }) {
  const [open, setOpen] = useState<CaseDecision | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const pending = view.appeal?.status === "pending";
  const allowed: CaseDecision[] = pending ? [] : view.status === "open" ? ["hold", "release", "void"] : view.status === "held" ? ["release", "void"] : [];
  const labels: Record<CaseDecision, string> = { hold: "Hold the result", release: "Release the result", void: "Void the result" };
  return (
    <section aria-labelledby="decision-heading" className="card">
      <h2 id="decision-heading" ref={heading} tabIndex={-1}>
        Decision
      </h2>
      <dl className="details-list">
        {view.heldAt ? (
          <>
            <dt>Held</dt>
            <dd>
              {when(view.heldAt)} by {view.heldBy?.name}: {view.holdReason}
            </dd>
          </>
        ) : null}
        {view.decidedAt ? (
          <>
            <dt>{view.status === "voided" ? "Voided" : "Released"}</dt>
            <dd>
              {when(view.decidedAt)} by {view.decidedBy?.name}: {view.decisionReason}
            </dd>
          </>
        ) : null}
        {view.noticedAt ? (
          <>
            <dt>Candidate told</dt>
            <dd>
              {when(view.noticedAt)}
              {(view.status === "held" || view.status === "voided") && !view.appeal ? `; may appeal until ${when(view.appealDeadline)}` : ""}
            </dd>
          </>
        ) : null}
      </dl>
      {pending ? <p>The candidate has appealed: the appeal below is decided before anything else.</p> : null}
      {allowed.length > 0 ? (
        <div className="button-row">
          {allowed.map((d) => (
            <button key={d} type="button" className={d === "void" ? "button button--danger" : d === "release" ? "button" : "button button--secondary"} onClick={() => setOpen(d)}>
              {labels[d]}
            </button>
          ))}
        </div>
      ) : null}
      {open ? (
        <DecisionDialog
          caseId={view.id}
          version={view.version}
          decision={open}
          onClose={() => setOpen(null)}
          onDone={(message) => {
            setOpen(null);
            onDone(message);
          }}
        />
      ) : null}
    </section>
  );
}

function Appeal({ view, onDone }: { view: CaseView; onDone: (message: string) => void }) {
  const me = useMe();
  if (!view.appeal) return null;
  const mine = me.data && (me.data.id === view.heldBy?.id || me.data.id === view.decidedBy?.id);
  return (
    <section aria-labelledby="appeal-heading" className="card">
      <h2 id="appeal-heading">Appeal</h2>
      <dl className="details-list">
        <dt>Status</dt>
        <dd>{APPEAL_STATUS_LABELS[view.appeal.status]}</dd>
        <dt>Appealed</dt>
        <dd>{when(view.appeal.appealedAt)}</dd>
        <dt>Statement</dt>
        <dd className="pre-line">{view.appeal.statement}</dd>
        {view.appeal.decidedAt ? (
          <>
            <dt>Decided</dt>
            <dd>
              {when(view.appeal.decidedAt)} by {view.appeal.decidedBy?.name}: {view.appeal.reason}
            </dd>
          </>
        ) : null}
      </dl>
      {view.appeal.status === "pending" ? (
        mine ? (
          <p>You took the decision under appeal, so another staff member decides the appeal.</p>
        ) : (
          <AppealDecisionForm caseId={view.id} version={view.version} onDone={onDone} />
        )
      ) : null}
    </section>
  );
}

function CaseBody({ view }: { view: CaseView }) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="stack">
      <StatusMessage>{message}</StatusMessage>
      <p>
        <span className={statusTone(view.status)}>{CASE_STATUS_LABELS[view.status]}</span>
      </p>
      <dl className="details-list">
        <dt>Candidate</dt>
        <dd>
          {view.candidate.name} ({view.candidate.email})
        </dd>
        <dt>Opened</dt>
        <dd>
          {when(view.openedAt)} by {view.openedBy?.name ?? "—"}
        </dd>
        <dt>Note</dt>
        <dd className="pre-line">{view.note}</dd>
      </dl>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">Results concerned</h2>
        <DataTable
          caption="Results in this case, with their scores"
          rows={view.results}
          rowKey={(r) => r.attemptId}
          empty="No results."
          columns={[
            { id: "module", header: "Module", rowHeader: true, cell: (r) => r.module },
            { id: "score", header: "Score", className: "numeric", cell: (r) => (r.percent === null ? "—" : `${r.percent}%`) },
            { id: "passed", header: "Outcome", cell: (r) => (r.passed === null ? "—" : r.passed ? "Passed" : "Not passed") },
            { id: "attempt", header: "Attempt", cell: (r) => r.attemptStatus.charAt(0).toUpperCase() + r.attemptStatus.slice(1) },
          ]}
        />
      </section>
      <section aria-labelledby="incidents-heading">
        <h2 id="incidents-heading">Incidents</h2>
        {view.incidents.length === 0 ? (
          <p>The case was opened directly on the result, without an incident.</p>
        ) : (
          <ul className="records">
            {view.incidents.map((i) => (
              <li key={i.id} className="card">
                <h3>
                  {CATEGORY_LABELS[i.category]}, {formatZonedShort(i.occurredAt, i.session.timeZone ?? DEFAULT_TIME_ZONE)}
                </h3>
                <dl className="details-list">
                  <dt>Session</dt>
                  <dd>
                    {i.center?.name ?? "Unknown center"}, {formatZonedShort(i.session.startsAt, i.session.timeZone ?? DEFAULT_TIME_ZONE)} ·{" "}
                    <a href={`/api/v1/sessions/${encodeURIComponent(i.session.id)}/report.pdf`}>Session report (PDF)</a>
                  </dd>
                  <dt>Reported by</dt>
                  <dd>{i.automatic ? "Recorded automatically" : (i.reportedBy?.name ?? "—")}</dd>
                  <dt>What happened</dt>
                  <dd className="pre-line">{i.narrative}</dd>
                  <dt>Action taken</dt>
                  <dd className="pre-line">{i.actionTaken}</dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Decisions view={view} onDone={setMessage} />
      <Appeal view={view} onDone={setMessage} />
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <ol className="case-timeline">
          {view.timeline.map((e, index) => (
            <li key={index}>
              <span className="case-timeline__when">{when(e.at)}</span> <strong>{EVENT_LABELS[e.kind]}</strong>
              {e.actor ? <> by {e.actor.name}</> : null}
              {e.reason ? <p className="pre-line case-timeline__reason">{e.reason}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

export function IrregularityCasePage() {
  const { caseId = "" } = useParams();
  const query = useCase(caseId);
  return (
    <Page title={query.data ? `Irregularity case: ${query.data.candidate.name}` : "Irregularity case"} wide>
      <p>
        <Link to="/staff/irregularities">Back to the irregularity queue</Link>
      </p>
      <QueryStatus query={query} loadingLabel="Loading the case…">
        {(view) => <CaseBody view={view} />}
      </QueryStatus>
    </Page>
  );
}
