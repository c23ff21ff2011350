// A person's record for program staff: account and roles, registrations with their actions,
// attempts, results, credentials, accommodations, payments and their audit trail.
// Sections are not named landmarks: each table is already a region named by its caption, and a
// second region with the same name fails axe (landmark-unique); headings give the page its outline.
import { useState } from "react";
import { Link, useParams } from "react-router";
import { DataTable } from "../../components/data-table";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { Loading, QueryError } from "../../components/query-status";
import { AccountPanel } from "../../features/people/account-panel";
import { auditColumns } from "../../features/people/audit-columns";
import { OverrideDialog } from "../../features/people/override-dialog";
import { usePersonRecord } from "../../features/people/person-api";
import { AccommodationsTable, AttemptsTable, CredentialsTable, PaymentsTables, ResultsTable } from "../../features/people/person-tables";
import { RegistrationsTable } from "../../features/people/registrations-table";
import { NcrcPanel } from "../../features/people/ncrc-panel";
// issue 13, lab-records stream
import { LearningRecordList } from "../../features/learning-records/learning-record-list";
import "../../styles/people.css";

export function PersonPage() {
  const { id = "" } = useParams();
  const record = usePersonRecord(id);
  const [message, setMessage] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);

  if (record.isPending) return <Page title="Person"><Loading label="Loading the record…" /></Page>;
  if (record.isError) return <Page title="Person"><QueryError error={record.error} onRetry={() => void record.refetch()} /></Page>;
  const r = record.data;
  const name = `${r.account.firstName} ${r.account.lastName}`;

  return (
    <Page title={name} wide lead={<>Everything the program holds on {name}. <Link to="/staff/users">Back to users</Link></>}>
      <StatusMessage>{message}</StatusMessage>
      <AccountPanel record={r} onDone={setMessage} />

      <section className="person-section">
        <h2 id="registrations-heading">Registrations</h2>
        <RegistrationsTable record={r} onDone={setMessage} />
        <button type="button" className="button button--secondary" onClick={() => setRegistering(true)}>
          Register with an override
        </button>
        {registering ? <OverrideDialog record={r} onClose={() => setRegistering(false)} onDone={(m) => { setRegistering(false); setMessage(m); }} /> : null}
      </section>

      <section className="person-section">
        <h2 id="attempts-heading">Attempts</h2>
        <AttemptsTable record={r} />
      </section>
      <section className="person-section">
        <h2 id="results-heading">Results</h2>
        <ResultsTable record={r} />
      </section>
      <section className="person-section">
        <h2 id="credentials-heading">Credentials</h2>
        <CredentialsTable record={r} />
      </section>
      <NcrcPanel personId={r.account.id} name={name} onDone={setMessage} />
      <section className="person-section">
        <h2 id="accommodations-heading">Accommodations</h2>
        <AccommodationsTable record={r} />
      </section>
      <section className="person-section">
        <h2 id="payments-heading">Payments</h2>
        <PaymentsTables record={r} />
      </section>
      <section className="person-section">
        <h2 id="learning-records-heading">Learning records</h2>
        <p>Lessons {name} read, practice they answered and courses they attended, as xAPI statements, newest first.</p>
        <LearningRecordList personId={r.account.id} personName={name} />
      </section>
      <section className="person-section">
        <h2 id="trail-heading">Audit trail</h2>
        <p>
          What {name} did, and what was done to their records, newest first.{" "}
          <Link to={`/staff/audit?actorId=${encodeURIComponent(r.account.id)}`}>Everything {name} did, in the audit log</Link>
        </p>
        <DataTable caption={`Audit trail of ${name}`} rows={r.audit} rowKey={(e) => e.id} empty="Nothing recorded yet." columns={auditColumns} pageSize={20} />
      </section>
    </Page>
  );
}
