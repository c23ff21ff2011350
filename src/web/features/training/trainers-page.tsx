// Staff's trainers page (/staff/trainers): every account with the trainer role and its certification
// (training, agreement, conflict-of-interest declaration, period), recorded and renewed like a
// proctor's. An expired or suspended trainer cannot be given a course.
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import type { TrainerCertificationView } from "../../../common/schemas/training";
import { ExpiryCell, PeriodBadge } from "../certifications/expiry";
import { RenewDialog } from "../certifications/renew-dialog";
import { useFormErrors } from "../../lib/form-errors";
import { useProgram } from "../program/program-queries";
import { formatDate } from "../../lib/format";
import { useRenewTrainer, useSetTrainerCertification, useTrainers } from "./training-api";
import "../../styles/scheduling.css";

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "");
const toIso = (date: string) => new Date(`${date}T12:00:00Z`).toISOString();
const LABELS = {
  trainingCompletedOn: "Trainer training completed on",
  agreementSignedOn: "Trainer agreement signed on",
  coiDeclaredOn: "Conflict-of-interest declared on",
  certifiedUntil: "Certified until",
  status: "Status",
};
type DateField = "trainingCompletedOn" | "agreementSignedOn" | "coiDeclaredOn" | "certifiedUntil";

function CertificationForm({ trainer, onSaved }: { trainer: TrainerCertificationView; onSaved: (message: string) => void }) {
  const [dates, setDates] = useState<Record<DateField, string>>({
    trainingCompletedOn: day(trainer.trainingCompletedOn), agreementSignedOn: day(trainer.agreementSignedOn), coiDeclaredOn: day(trainer.coiDeclaredOn), certifiedUntil: day(trainer.certifiedUntil),
  });
  const [status, setStatus] = useState<"certified" | "suspended">(trainer.status === "suspended" ? "suspended" : "certified");
  const errors = useFormErrors(`trainer-${trainer.userId}`, LABELS);
  const save = useSetTrainerCertification(trainer.userId);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = (Object.keys(dates) as DateField[]).filter((f) => !dates[f]);
    if (missing.length) return errors.setProblems(missing.map((field) => ({ field, message: `Enter the date: ${LABELS[field].toLowerCase()}.` })));
    errors.clear();
    save.mutate(
      {
        trainingCompletedOn: toIso(dates.trainingCompletedOn), agreementSignedOn: toIso(dates.agreementSignedOn), coiDeclaredOn: toIso(dates.coiDeclaredOn),
        certifiedUntil: new Date(`${dates.certifiedUntil}T23:59:59Z`).toISOString(), status,
      },
      { onSuccess: () => onSaved(`${trainer.name}'s certification has been saved.`), onError: errors.showError },
    );
  }
  const field = (name: DateField) => ({
    id: errors.fieldId(name), error: errors.errorFor(name), label: LABELS[name], type: "date", name, value: dates[name],
    onChange: (e: { target: { value: string } }) => setDates({ ...dates, [name]: e.target.value }),
  });
  return (
    <form className="form" onSubmit={onSubmit} aria-label={`Certification of ${trainer.name}`} noValidate>
      <ErrorSummary errors={errors} />
      <TextField {...field("trainingCompletedOn")} />
      <TextField {...field("agreementSignedOn")} />
      <TextField {...field("coiDeclaredOn")} />
      <TextField {...field("certifiedUntil")} />
      <SelectField id={errors.fieldId("status")} label={LABELS.status} name="status" value={status} onChange={(e) => setStatus(e.target.value === "suspended" ? "suspended" : "certified")}>
        <option value="certified">Certified</option>
        <option value="suspended">Suspended</option>
      </SelectField>
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save certification"}
      </button>
    </form>
  );
}

function RenewTrainer({ trainer, onClose, onDone }: { trainer: TrainerCertificationView; onClose: () => void; onDone: (message: string) => void }) {
  const renew = useRenewTrainer(trainer.userId);
  return (
    <RenewDialog
      title={`Renew the certification of ${trainer.name}`}
      formId={`renew-trainer-${trainer.userId}`}
      currentUntil={trainer.certifiedUntil}
      running={trainer.certifiedNow}
      mutation={renew}
      submitLabel="Renew"
      onClose={onClose}
      onDone={(next) => onDone(`${trainer.name} is certified until ${formatDate(next.certifiedUntil)}.`)}
    />
  );
}

export function TrainersPage() {
  const trainers = useTrainers();
  const months = useProgram().data?.policies.trainerImpartialityMonths;
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [renewing, setRenewing] = useState<TrainerCertificationView | null>(null);
  const columns: Column<TrainerCertificationView>[] = [
    { id: "name", header: "Trainer", rowHeader: true, sortValue: (t) => t.name, cell: (t) => <>{t.name}<br /><span className="card__meta">{t.email}</span></> },
    { id: "status", header: "Status", cell: (t) => <PeriodBadge status={t.status} current={t.certifiedNow} daysLeft={t.daysLeft} /> },
    { id: "until", header: "Certified until", className: "nowrap", sortValue: (t) => t.certifiedUntil, cell: (t) => <ExpiryCell certifiedUntil={t.certifiedUntil} daysLeft={t.daysLeft} /> },
    {
      id: "record", header: "Record",
      cell: (t) => (t.status === "none" ? "Not recorded" : <>Training {formatDate(t.trainingCompletedOn)}<br />Agreement {formatDate(t.agreementSignedOn)}<br />Declaration {formatDate(t.coiDeclaredOn)}</>),
    },
    {
      id: "actions", header: "Actions", className: "actions",
      cell: (t) => (
        <>
          {t.status === "certified" ? (
            <button type="button" className="button button--small" onClick={() => setRenewing(t)}>
              Renew<span className="visually-hidden"> {t.name}</span>
            </button>
          ) : null}
          <button type="button" className="button button--secondary button--small" aria-expanded={editing === t.userId} onClick={() => setEditing(editing === t.userId ? null : t.userId)}>
            {t.status === "none" ? "Certify" : "Edit"}<span className="visually-hidden"> {t.name}</span>
          </button>
        </>
      ),
    },
  ];
  const items = trainers.data?.items ?? [];
  const edited = items.find((t) => t.userId === editing);
  return (
    <Page title="Trainers" wide lead="MT1 Certified Trainers and their certification: training, the trainer agreement, the conflict-of-interest declaration and the period. Only a certified trainer can be given a course.">
      <p>
        Give an account the trainer role on the <Link to="/staff/users">Users</Link> page; it appears here at once. Their courses are on the <Link to="/staff/courses">Courses</Link> page.
        A trainer may not proctor a candidate they trained in the last {months ?? 12} months (ISO/IEC 17024): assignments, registrations and check-ins that would break this are refused.
      </p>
      <StatusMessage>{message}</StatusMessage>
      <DataTable caption="Trainers and their certification periods" columns={columns} rows={items} rowKey={(t) => t.userId} status={trainers}
        empty="No accounts have the trainer role yet. Give an account the trainer role on the Users page." initialSort={{ id: "until" }} pageSize={50} />
      {edited ? (
        <section key={edited.userId} className="card" aria-labelledby="edit-trainer-heading">
          <h2 id="edit-trainer-heading">{edited.status === "none" ? "Certify" : "Edit the certification of"} {edited.name}</h2>
          <CertificationForm trainer={edited} onSaved={(text) => { setMessage(text); setEditing(null); }} />
        </section>
      ) : null}
      {renewing ? <RenewTrainer trainer={renewing} onClose={() => setRenewing(null)} onDone={(text) => { setMessage(text); setRenewing(null); }} /> : null}
    </Page>
  );
}
