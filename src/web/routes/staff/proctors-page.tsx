import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "../../api/client";
import { SelectField, TextField } from "../../components/field";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { TableRegion } from "../../components/table-region";
import type { ProctorCertificationBody, ProctorCertificationView, ProctorStatus } from "../../../common/schemas/centers";
import type { ProctorCertificationView as ProctorCertification } from "../../../common/schemas/centers";
import { schedulingKeys, useProctors } from "../../features/registration/scheduling-api";
import { formatDate } from "../../lib/format";
import "../../styles/scheduling.css";

const day = (iso: string) => (iso ? iso.slice(0, 10) : "");
const toIso = (date: string) => new Date(`${date}T12:00:00Z`).toISOString();

function CertificationForm({ proctor, onSaved }: { proctor: ProctorCertification; onSaved: (message: string) => void }) {
  const [training, setTraining] = useState(day(proctor.trainingCompletedOn));
  const [agreement, setAgreement] = useState(day(proctor.agreementSignedOn));
  const [coi, setCoi] = useState(day(proctor.coiDeclaredOn));
  const [until, setUntil] = useState(day(proctor.certifiedUntil));
  const [status, setStatus] = useState<ProctorStatus>(proctor.status === "suspended" ? "suspended" : "certified");
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: ProctorCertificationBody) =>
      api.put<ProctorCertificationView>(`/api/v1/admin/proctors/${encodeURIComponent(proctor.userId)}/certification`, body),
    onSuccess: () => {
      onSaved(`${proctor.name}'s certification has been saved.`);
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.proctors });
    },
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({
      trainingCompletedOn: toIso(training),
      agreementSignedOn: toIso(agreement),
      coiDeclaredOn: toIso(coi),
      certifiedUntil: new Date(`${until}T23:59:59Z`).toISOString(),
      status,
    });
  }
  return (
    <form className="form" onSubmit={onSubmit} aria-label={`Certification of ${proctor.name}`}>
      <FormAlert>{save.isError ? errorMessage(save.error) : null}</FormAlert>
      <TextField label="Training completed on" type="date" name="training" value={training} onChange={(e) => setTraining(e.target.value)} />
      <TextField label="Agreement signed on" type="date" name="agreement" value={agreement} onChange={(e) => setAgreement(e.target.value)} />
      <TextField label="Conflict-of-interest declared on" type="date" name="coi" value={coi} onChange={(e) => setCoi(e.target.value)} />
      <TextField label="Certified until" type="date" name="until" value={until} onChange={(e) => setUntil(e.target.value)} />
      <SelectField label="Status" name="status" value={status} onChange={(e) => setStatus(e.target.value === "suspended" ? "suspended" : "certified")}>
        <option value="certified">Certified</option>
        <option value="suspended">Suspended</option>
      </SelectField>
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save certification"}
      </button>
    </form>
  );
}

export function ProctorsPage() {
  const proctors = useProctors();
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Page title="Proctors" lead="Proctor certification records: training, the proctor agreement, the conflict-of-interest declaration and the certification period." wide>
      <StatusMessage>{message}</StatusMessage>
      <QueryStatus query={proctors} loadingLabel="Loading proctors…">
        {(data) =>
          data.items.length === 0 ? (
            <p>No proctor certification records yet. Give an account the proctor role, then record its certification.</p>
          ) : (
            <>
              <TableRegion label="Proctor certifications">
                <table className="table">
                  <caption className="visually-hidden">Proctor certifications</caption>
                  <thead>
                    <tr>
                      <th scope="col">Proctor</th>
                      <th scope="col">Training</th>
                      <th scope="col">Agreement</th>
                      <th scope="col">Conflict of interest</th>
                      <th scope="col">Certified until</th>
                      <th scope="col">Status</th>
                      <th scope="col">Action</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((p) => (
                      <tr key={p.userId}>
                        <th scope="row">
                          {p.name}
                          <br />
                          <span className="card__meta">{p.email}</span>
                        </th>
                        <td className="nowrap">{formatDate(p.trainingCompletedOn)}</td>
                        <td className="nowrap">{formatDate(p.agreementSignedOn)}</td>
                        <td className="nowrap">{formatDate(p.coiDeclaredOn)}</td>
                        <td className="nowrap">{formatDate(p.certifiedUntil)}</td>
                        <td>
                          <span className={p.certifiedNow ? "badge badge--success" : "badge badge--warning"}>
                            {p.certifiedNow ? "Certified now" : p.status === "suspended" ? "Suspended" : "Not certified now"}
                          </span>
                        </td>
                        <td>
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            aria-expanded={editing === p.userId}
                            onClick={() => setEditing(editing === p.userId ? null : p.userId)}
                          >
                            Edit<span className="visually-hidden"> {p.name}</span>
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
              {data.items
                .filter((p) => p.userId === editing)
                .map((p) => (
                  <section key={p.userId} className="card" aria-labelledby="edit-proctor-heading">
                    <h2 id="edit-proctor-heading">Edit {p.name}</h2>
                    <CertificationForm proctor={p} onSaved={setMessage} />
                  </section>
                ))}
            </>
          )
        }
      </QueryStatus>
    </Page>
  );
}
