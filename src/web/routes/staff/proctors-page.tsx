import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import type { ProctorCertificationBody, ProctorCertificationView, ProctorStatus } from "../../../common/schemas/centers";
import { useRenewProctor } from "../../features/certifications/certification-api";
import { ExpiryCell, PeriodBadge } from "../../features/certifications/expiry";
import { RenewDialog } from "../../features/certifications/renew-dialog";
import { schedulingKeys, useProctors } from "../../features/registration/scheduling-api";
import { useFormErrors } from "../../lib/form-errors";
import { formatDate } from "../../lib/format";
import "../../styles/scheduling.css";

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "");
const toIso = (date: string) => (date ? new Date(`${date}T12:00:00Z`).toISOString() : "");

const LABELS = {
  trainingCompletedOn: "Training completed on",
  agreementSignedOn: "Agreement signed on",
  coiDeclaredOn: "Conflict-of-interest declared on",
  certifiedUntil: "Certified until",
  status: "Status",
};

/** Records (or corrects) a proctor's whole certification: the training, agreement and declaration dates, the end and a suspension. */
function CertificationForm({ proctor, onSaved }: { proctor: ProctorCertificationView; onSaved: (message: string) => void }) {
  const [training, setTraining] = useState(day(proctor.trainingCompletedOn));
  const [agreement, setAgreement] = useState(day(proctor.agreementSignedOn));
  const [coi, setCoi] = useState(day(proctor.coiDeclaredOn));
  const [until, setUntil] = useState(day(proctor.certifiedUntil));
  const [status, setStatus] = useState<ProctorStatus>(proctor.status === "suspended" ? "suspended" : "certified");
  const errors = useFormErrors(`certification-${proctor.userId}`, LABELS);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: ProctorCertificationBody) =>
      api.put<ProctorCertificationView>(`/api/v1/admin/proctors/${encodeURIComponent(proctor.userId)}/certification`, body),
    onSuccess: () => {
      onSaved(`${proctor.name}'s certification has been saved.`);
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.proctors });
    },
    onError: errors.showError,
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = (
      [
        ["trainingCompletedOn", training],
        ["agreementSignedOn", agreement],
        ["coiDeclaredOn", coi],
        ["certifiedUntil", until],
      ] as const
    ).filter(([, value]) => !value);
    if (missing.length > 0) {
      errors.setProblems(missing.map(([field]) => ({ field, message: `Enter the date: ${LABELS[field].toLowerCase()}.` })));
      return;
    }
    errors.clear();
    save.mutate({
      trainingCompletedOn: toIso(training),
      agreementSignedOn: toIso(agreement),
      coiDeclaredOn: toIso(coi),
      certifiedUntil: new Date(`${until}T23:59:59Z`).toISOString(),
      status,
    });
  }
  const field = (name: keyof typeof LABELS) => ({ id: errors.fieldId(name), error: errors.errorFor(name), label: LABELS[name] });
  return (
    <form className="form" onSubmit={onSubmit} aria-label={`Certification of ${proctor.name}`} noValidate>
      <ErrorSummary errors={errors} />
      <TextField {...field("trainingCompletedOn")} type="date" name="training" value={training} onChange={(e) => setTraining(e.target.value)} />
      <TextField {...field("agreementSignedOn")} type="date" name="agreement" value={agreement} onChange={(e) => setAgreement(e.target.value)} />
      <TextField {...field("coiDeclaredOn")} type="date" name="coi" value={coi} onChange={(e) => setCoi(e.target.value)} />
      <TextField {...field("certifiedUntil")} type="date" name="until" value={until} onChange={(e) => setUntil(e.target.value)} />
      <SelectField {...field("status")} name="status" value={status} onChange={(e) => setStatus(e.target.value === "suspended" ? "suspended" : "certified")}>
        <option value="certified">Certified</option>
        <option value="suspended">Suspended</option>
      </SelectField>
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save certification"}
      </button>
    </form>
  );
}

function RenewProctor({ proctor, onClose, onDone }: { proctor: ProctorCertificationView; onClose: () => void; onDone: (message: string) => void }) {
  const renew = useRenewProctor(proctor.userId);
  return (
    <RenewDialog
      title={`Renew the certification of ${proctor.name}`}
      formId={`renew-${proctor.userId}`}
      currentUntil={proctor.certifiedUntil}
      running={proctor.certifiedNow}
      mutation={renew}
      submitLabel="Renew"
      onClose={onClose}
      onDone={(next) => onDone(`${proctor.name} is certified until ${formatDate(next.certifiedUntil)}.`)}
    />
  );
}

export function ProctorsPage() {
  const proctors = useProctors();
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [renewing, setRenewing] = useState<ProctorCertificationView | null>(null);

  const columns: Column<ProctorCertificationView>[] = [
    {
      id: "name",
      header: "Proctor",
      rowHeader: true,
      sortValue: (p) => p.name,
      cell: (p) => (
        <>
          {p.name}
          <br />
          <span className="card__meta">{p.email}</span>
        </>
      ),
    },
    { id: "status", header: "Status", cell: (p) => <PeriodBadge status={p.status} current={p.certifiedNow} daysLeft={p.daysLeft} /> },
    { id: "until", header: "Certified until", className: "nowrap", sortValue: (p) => p.certifiedUntil, cell: (p) => <ExpiryCell certifiedUntil={p.certifiedUntil} daysLeft={p.daysLeft} /> },
    {
      id: "record",
      header: "Record",
      cell: (p) =>
        p.status === "none" ? (
          "Not recorded"
        ) : (
          <>
            Training {formatDate(p.trainingCompletedOn)}
            <br />
            Agreement {formatDate(p.agreementSignedOn)}
            <br />
            Declaration {formatDate(p.coiDeclaredOn)}
          </>
        ),
    },
    {
      id: "actions",
      header: "Actions",
      className: "actions",
      cell: (p) => (
        <>
          {p.status === "certified" ? (
            <button type="button" className="button button--small" onClick={() => setRenewing(p)}>
              Renew<span className="visually-hidden"> {p.name}</span>
            </button>
          ) : null}
          <button
            type="button"
            className="button button--secondary button--small"
            aria-expanded={editing === p.userId}
            onClick={() => setEditing(editing === p.userId ? null : p.userId)}
          >
            {p.status === "none" ? "Record certification" : "Edit"}
            <span className="visually-hidden"> {p.name}</span>
          </button>
        </>
      ),
    },
  ];

  const items = proctors.data?.items ?? [];
  const edited = items.find((p) => p.userId === editing);
  return (
    <Page
      title="Proctors"
      lead="Every account with the proctor role and its certification: training, the proctor agreement, the conflict-of-interest declaration and the certification period."
      wide
    >
      <p>
        Give an account the proctor role on the <Link to="/staff/users">Users</Link> page; it appears here at once. Periods ending soon and the sessions they no longer cover are on the{" "}
        <Link to="/staff/certifications">Certifications</Link> page.
      </p>
      <StatusMessage>{message}</StatusMessage>
      <DataTable
        caption="Proctors and their certification periods"
        columns={columns}
        rows={items}
        rowKey={(p) => p.userId}
        status={proctors}
        empty="No accounts have the proctor role yet. Give an account the proctor role on the Users page."
        initialSort={{ id: "until" }}
        pageSize={50}
      />
      {edited ? (
        <section key={edited.userId} className="card" aria-labelledby="edit-proctor-heading">
          <h2 id="edit-proctor-heading">
            {edited.status === "none" ? "Record the certification of" : "Edit"} {edited.name}
          </h2>
          <CertificationForm
            proctor={edited}
            onSaved={(text) => {
              setMessage(text);
              setEditing(null);
            }}
          />
        </section>
      ) : null}
      {renewing ? (
        <RenewProctor
          proctor={renewing}
          onClose={() => setRenewing(null)}
          onDone={(text) => {
            setMessage(text);
            setRenewing(null);
          }}
        />
      ) : null}
    </Page>
  );
}
