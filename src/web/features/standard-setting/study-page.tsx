// One standard-setting study for staff (/staff/standard-setting/:id): panelists and their progress,
// the rounds (open, close), the recommended cut with its standard error against the program's
// standard, impact data of the last closed round, and the decision. Completed, it is the printable
// documentation of the standard.
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { TextAreaField, TextField } from "../../components/field";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { errorMessage } from "../../api/client";
import { useFormErrors } from "../../lib/form-errors";
import { formatCalendarDate, formatDateTime } from "../../lib/format";
import type { PanelistView, RoundView, StudyView } from "../../../common/schemas/standard-setting";
import { ImpactSummary, ImpactTable } from "./impact-table";
import { useAddPanelist, useCloseRound, useDecide, useOpenRound, useStudy } from "./standard-setting-api";
import { percent, STATUS_LABELS } from "./study-text";
import "../../styles/standard-setting.css";

function AddPanelistForm({ study }: { study: StudyView }) {
  const add = useAddPanelist(study.id);
  const errors = useFormErrors("panelist", { email: "Email", firstName: "First name", lastName: "Last name" });
  const [email, setEmail] = useState("");
  const [firstName, setFirstName] = useState("");
  const [lastName, setLastName] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    if (!email.includes("@")) return errors.setProblems([{ field: "email", message: "Enter the panelist's email address." }]);
    errors.clear();
    add.mutate({ email: email.trim(), ...(firstName.trim() ? { firstName: firstName.trim() } : {}), ...(lastName.trim() ? { lastName: lastName.trim() } : {}) }, {
      onSuccess: () => { setMessage(`${email.trim()} is on the panel and has been emailed the link to the rating page.`); setEmail(""); setFirstName(""); setLastName(""); },
      onError: errors.showError,
    });
  }
  return (
    <form className="form form--card no-print" onSubmit={onSubmit} aria-labelledby="panelist-form-heading" noValidate>
      <h3 id="panelist-form-heading">Add a panelist</h3>
      <ErrorSummary errors={errors} />
      <StatusMessage>{message}</StatusMessage>
      <TextField id={errors.fieldId("email")} error={errors.errorFor("email")} label="Email" name="email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
      <TextField id={errors.fieldId("firstName")} error={errors.errorFor("firstName")} label="First name" name="firstName" optional hint="Only for someone without an account: they get one and a link to choose a password." value={firstName} onChange={(e) => setFirstName(e.target.value)} />
      <TextField id={errors.fieldId("lastName")} error={errors.errorFor("lastName")} label="Last name" name="lastName" optional value={lastName} onChange={(e) => setLastName(e.target.value)} />
      <button type="submit" className="button" disabled={add.isPending}>{add.isPending ? "Adding…" : "Add the panelist"}</button>
    </form>
  );
}

function RoundControls({ study }: { study: StudyView }) {
  const open = useOpenRound(study.id);
  const close = useCloseRound(study.id);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const run = (m: typeof open, done: string) => { setProblem(null); setMessage(null); m.mutate(undefined, { onSuccess: () => setMessage(done), onError: (e) => setProblem(errorMessage(e)) }); };
  const canOpen = study.status === "draft" || study.status === "round1_closed";
  const next = study.status === "draft" ? 1 : 2;
  return (
    <div className="no-print">
      <FormAlert>{problem}</FormAlert>
      <StatusMessage>{message}</StatusMessage>
      <div className="angoff-controls">
        {canOpen ? <button type="button" className="button" disabled={open.isPending} onClick={() => run(open, `Round ${next} is open: panelists can rate.`)}>Open round {next}</button> : null}
        {study.openRound !== null ? (
          <button type="button" className="button" disabled={close.isPending} onClick={() => run(close, `Round ${study.openRound} is closed.`)}>Close round {study.openRound}</button>
        ) : null}
      </div>
    </div>
  );
}

function DecisionForm({ study }: { study: StudyView }) {
  const decide = useDecide(study.id);
  const errors = useFormErrors("decision", { note: "Decision" });
  const [note, setNote] = useState(`Kept at ${study.passPercent}%.`);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!note.trim()) return errors.setProblems([{ field: "note", message: "Write the decision and its reasons." }]);
    errors.clear();
    decide.mutate(note.trim(), { onError: errors.showError });
  }
  return (
    <form className="form form--card no-print" onSubmit={onSubmit} aria-labelledby="decision-heading" noValidate>
      <h3 id="decision-heading">Record the decision</h3>
      <ErrorSummary errors={errors} />
      <TextAreaField id={errors.fieldId("note")} error={errors.errorFor("note")} label="Decision" name="note" maxLength={4000}
        hint="What the program decided about its standard in the light of the panel's recommendation, and why." value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="button" disabled={decide.isPending}>{decide.isPending ? "Recording…" : "Record the decision and complete the study"}</button>
    </form>
  );
}

function Recommendation({ study }: { study: StudyView }) {
  const last = [...study.rounds].reverse().find((r) => r.closedAt !== null);
  if (!last || last.cutPercent === null) return <p>The recommended cut appears when round 1 closes.</p>;
  const low = last.se === null ? null : last.cutPercent - 2 * last.se;
  const high = last.se === null ? null : last.cutPercent + 2 * last.se;
  return (
    <>
      <dl className="facts">
        <div><dt>Recommended cut (round {last.round})</dt><dd>{percent(last.cutPercent)}</dd></div>
        <div><dt>Standard error across panelists</dt><dd>{last.se === null ? "—" : last.se.toFixed(2)}</dd></div>
        <div><dt>Cut ± 2 SE</dt><dd>{low === null || high === null ? "—" : `${low.toFixed(1)}% to ${high.toFixed(1)}%`}</dd></div>
        <div><dt>Program standard</dt><dd>{study.passPercent}%</dd></div>
      </dl>
      <p>
        Each panelist's cut is the mean of their item ratings; the recommended cut is the mean across the {last.panelists} panelists, and its standard error
        is their standard deviation divided by √{last.panelists}. The program's {study.passPercent}% is
        {low !== null && high !== null && study.passPercent >= low && study.passPercent <= high ? " within" : " outside"} two standard errors of it.
      </p>
    </>
  );
}

export function StudyPage() {
  const { id = "" } = useParams();
  const study = useStudy(id);
  return (
    <QueryStatus query={study} loadingLabel="Loading the study…">
      {(s) => {
        const panelColumns: Column<PanelistView>[] = [
          { id: "name", header: "Panelist", rowHeader: true, sortValue: (p) => p.name, cell: (p) => <>{p.name}<br /><span className="card__meta">{p.email}</span></> },
          { id: "rated", header: s.openRound ? `Rated in round ${s.openRound}` : "Rated", className: "numeric", sortValue: (p) => p.rated, cell: (p) => `${p.rated} of ${s.itemCount}` },
          { id: "cuts", header: "Cut by round", className: "numeric", cell: (p) => (p.cuts.length ? p.cuts.map((c, i) => `R${i + 1}: ${c.toFixed(1)}%`).join(", ") : "—") },
        ];
        const roundColumns: Column<RoundView>[] = [
          { id: "round", header: "Round", rowHeader: true, cell: (r) => `Round ${r.round}` },
          { id: "when", header: "Opened – closed", cell: (r) => `${formatDateTime(r.openedAt)} – ${r.closedAt ? formatDateTime(r.closedAt) : "open"}` },
          { id: "cut", header: "Cut", className: "numeric", cell: (r) => percent(r.cutPercent) },
          { id: "sd", header: "SD", className: "numeric", cell: (r) => (r.sd === null ? "—" : r.sd.toFixed(2)) },
          { id: "se", header: "SE", className: "numeric", cell: (r) => (r.se === null ? "—" : r.se.toFixed(2)) },
          { id: "n", header: "Panelists", className: "numeric", cell: (r) => r.panelists ?? "—" },
          { id: "pass", header: "Pass rate at the cut", className: "numeric", cell: (r) => percent(r.passRate) },
        ];
        const lastCut = s.impact ? s.rounds.find((r) => r.round === s.impact!.round)?.cutPercent ?? null : null;
        return (
          <Page title={s.title} wide lead={`Modified-Angoff study of ${s.moduleName} (${s.module}), meeting ${formatCalendarDate(s.meetingDate)}.`}>
            <dl className="facts">
              <div><dt>Status</dt><dd>{STATUS_LABELS[s.status]}</dd></div>
              <div><dt>Items rated</dt><dd>{s.itemCount} ({s.itemSource === "form" ? "one form" : "every active operational item"})</dd></div>
              <div><dt>Panelists</dt><dd>{s.panelistCount}</dd></div>
              <div><dt>Program standard</dt><dd>{s.passPercent}%</dd></div>
            </dl>
            <section className="section" aria-labelledby="note-heading">
              <h2 id="note-heading">Training note</h2>
              <div className="angoff-note">{s.trainingNote}</div>
            </section>
            <section className="section" aria-labelledby="panel-heading">
              <h2 id="panel-heading">Panelists</h2>
              <DataTable caption="Panelists and their ratings" columns={panelColumns} rows={s.panelists} rowKey={(p) => p.userId} empty="No panelists yet: add two at least before round 1." pageSize={50} />
              {s.status === "draft" ? <AddPanelistForm study={s} /> : null}
            </section>
            <section className="section" aria-labelledby="rounds-heading">
              <h2 id="rounds-heading">Rounds</h2>
              {s.rounds.length ? <DataTable caption="Rounds and their cuts" columns={roundColumns} rows={s.rounds} rowKey={(r) => String(r.round)} empty="" pageSize={5} /> : <p>No round has opened yet.</p>}
              {s.status !== "completed" ? <RoundControls study={s} /> : null}
            </section>
            <section className="section" aria-labelledby="cut-heading">
              <h2 id="cut-heading">Recommended cut</h2>
              <Recommendation study={s} />
            </section>
            {s.impact ? (
              <section className="section" aria-labelledby="impact-heading">
                <h2 id="impact-heading">Impact data (round {s.impact.round})</h2>
                <ImpactSummary impact={s.impact} cut={lastCut} passPercent={s.passPercent} />
                <ImpactTable impact={s.impact} />
              </section>
            ) : null}
            <section className="section" aria-labelledby="decision-section-heading">
              <h2 id="decision-section-heading">Decision</h2>
              {s.status === "completed" ? (
                <>
                  <p className="angoff-note">{s.decisionNote}</p>
                  <p>Recorded by {s.decidedBy ?? "staff"} on {formatDateTime(s.decidedAt)}. This study documents the {s.module} standard.</p>
                  <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>Print this record</button>
                </>
              ) : s.status === "round2_closed" ? <DecisionForm study={s} /> : <p>The decision is recorded after round 2 closes.</p>}
            </section>
          </Page>
        );
      }}
    </QueryStatus>
  );
}
