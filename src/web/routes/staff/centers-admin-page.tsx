import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "../../api/client";
import type { Center } from "../../api/types";
import type { ApprovedOnsiteView, ApproveOnsiteBody, CenterList, OnsiteRequestList, OnsiteRequestView } from "../../../common/schemas/centers";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextField } from "../../components/field";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { certificationKeys, useCertifyCenter } from "../../features/certifications/certification-api";
import { daysFromNow, ExpiryCell, PeriodBadge } from "../../features/certifications/expiry";
import { RenewDialog } from "../../features/certifications/renew-dialog";
import { ProctorPicker } from "../../features/centers-admin/proctor-picker";
import { Dialog, DialogActions } from "../../features/proctor-console/dialog";
import { useFormErrors } from "../../lib/form-errors";
import { CenterTimeZoneForm } from "../../features/centers-admin/center-time-zone-form";
import { TimeZoneField } from "../../features/centers-admin/time-zone-field";
import { isTimeZone, zonedWallTimeToUtc } from "../../../common/time-zones";
import { timeZoneLabel } from "../../../common/us-time-zones";
import { schedulingKeys } from "../../features/registration/scheduling-api";
import { StatusBadge } from "../../features/registration/status-badge";
import { formatDate, formatDateTime } from "../../lib/format";
import "../../styles/scheduling.css";

/** Suspend a certified center or reinstate a suspended one, with the reason the audit log keeps. */
function StatusDialog({ center, onClose, onDone }: { center: Center; onClose: () => void; onDone: (message: string) => void }) {
  const action = center.status === "certified" ? "suspend" : "reinstate";
  const [reason, setReason] = useState("");
  const errors = useFormErrors(`status-${center.id}`, { reason: "Reason" });
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: () => api.post<Center>(`/api/v1/admin/centers/${encodeURIComponent(center.id)}/${action}`, { reason: reason.trim() }),
    onSuccess: (data) => {
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.adminCenters });
      void queryClient.invalidateQueries({ queryKey: certificationKeys.overview });
      onDone(`${data.name} is ${action === "suspend" ? "suspended" : "certified again"}.`);
    },
    onError: errors.showError,
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) return errors.setProblems([{ field: "reason", message: "Give the reason." }]);
    errors.clear();
    act.mutate();
  }
  return (
    <Dialog title={`${action === "suspend" ? "Suspend" : "Reinstate"} ${center.name}`} onClose={onClose} tone={action === "suspend" ? "danger" : "default"}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} />
        <TextField label="Reason" name="reason" id={errors.fieldId("reason")} error={errors.errorFor("reason")} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
        <DialogActions submitLabel={action === "suspend" ? "Suspend" : "Reinstate"} busy={act.isPending} onCancel={onClose} danger={action === "suspend"} />
      </form>
    </Dialog>
  );
}

function CertifyDialog({ center, onClose, onDone }: { center: Center; onClose: () => void; onDone: (message: string) => void }) {
  const certify = useCertifyCenter(center.id);
  const running = center.status === "certified" && (daysFromNow(center.certifiedUntil) ?? 0) >= 0;
  return (
    <RenewDialog
      title={`${center.status === "applied" ? "Certify" : "Renew the certification of"} ${center.name}`}
      formId={`certify-${center.id}`}
      currentUntil={center.status === "certified" ? center.certifiedUntil : null}
      running={running}
      mutation={certify}
      submitLabel={center.status === "applied" ? "Certify" : "Renew"}
      onClose={onClose}
      onDone={(data) => onDone(`${data.name} is certified until ${formatDate(data.certifiedUntil)}.`)}
    />
  );
}

const STATUS_ORDER = ["applied", "certified", "suspended"];

function CentersList({ onDone }: { onDone: (message: string) => void }) {
  const query = useQuery({
    queryKey: schedulingKeys.adminCenters,
    queryFn: ({ signal }) => api.get<CenterList>("/api/v1/admin/centers", undefined, signal),
  });
  const [open, setOpen] = useState<{ center: Center; dialog: "certify" | "status" } | null>(null);
  const done = (message: string) => {
    setOpen(null);
    onDone(message);
  };
  const columns: Column<Center>[] = [
    { id: "name", header: "Center", rowHeader: true, sortValue: (c) => c.name, cell: (c) => (
      <>
        {c.name}
        <br />
        <span className="card__meta">
          {c.kind === "onsite" ? "Onsite" : "Center"} · {c.addressLine1}, {c.city}, {c.state} {c.postalCode}
        </span>
      </>
    ) },
    { id: "status", header: "Status", sortValue: (c) => STATUS_ORDER.indexOf(c.status ?? "applied"), cell: (c) => {
      const days = daysFromNow(c.certifiedUntil);
      return <PeriodBadge status={c.status ?? "applied"} current={c.status === "certified" && (days === null || days >= 0)} daysLeft={days} />;
    } },
    { id: "until", header: "Certified until", className: "nowrap", sortValue: (c) => c.certifiedUntil, cell: (c) => <ExpiryCell certifiedUntil={c.certifiedUntil} daysLeft={daysFromNow(c.certifiedUntil)} /> },
    // The zone opens as a small form in its cell: staff correct it where they read it.
    { id: "zone", header: "Time zone", sortValue: (c) => c.timeZone, cell: (c) => <CenterTimeZoneForm center={c} onDone={onDone} /> },
    { id: "actions", header: "Actions", className: "actions", cell: (c) => (
      <>
        {c.status === "applied" || c.status === "certified" ? (
          <button type="button" className="button button--small" onClick={() => setOpen({ center: c, dialog: "certify" })}>
            {c.status === "applied" ? "Certify" : "Renew"}<span className="visually-hidden"> {c.name}</span>
          </button>
        ) : null}
        {c.status === "certified" || c.status === "suspended" ? (
          <button type="button" className={c.status === "certified" ? "button button--danger button--small" : "button button--secondary button--small"} onClick={() => setOpen({ center: c, dialog: "status" })}>
            {c.status === "certified" ? "Suspend" : "Reinstate"}<span className="visually-hidden"> {c.name}</span>
          </button>
        ) : null}
      </>
    ) },
  ];
  return (
    <section aria-labelledby="centers-heading">
      <h2 id="centers-heading">Centers</h2>
      <DataTable
        caption="Centers and their certification periods"
        columns={columns}
        rows={query.data?.items ?? []}
        rowKey={(c) => c.id}
        status={query}
        empty="No centers yet."
        initialSort={{ id: "until" }}
        pageSize={50}
      />
      {open?.dialog === "certify" ? <CertifyDialog center={open.center} onClose={() => setOpen(null)} onDone={done} /> : null}
      {open?.dialog === "status" ? <StatusDialog center={open.center} onClose={() => setOpen(null)} onDone={done} /> : null}
    </section>
  );
}

function ApproveOnsite({ request, onDone }: { request: OnsiteRequestView; onDone: (message: string) => void }) {
  const day = request.preferredDate.slice(0, 10);
  const [startsAt, setStartsAt] = useState(`${day}T09:00`);
  const [endsAt, setEndsAt] = useState(`${day}T13:00`);
  const [seats, setSeats] = useState(String(request.candidates));
  const [proctorIds, setProctorIds] = useState<string[]>([]);
  const [place, setPlace] = useState("");
  const [timeZone, setTimeZone] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const queryClient = useQueryClient();
  // Where the private event is held: the company's address, or one of the certified assessment centers.
  const centers = useQuery({
    queryKey: schedulingKeys.adminCenters,
    queryFn: ({ signal }) => api.get<CenterList>("/api/v1/admin/centers", undefined, signal),
  });
  const approve = useMutation({
    mutationFn: (body: ApproveOnsiteBody) =>
      api.post<ApprovedOnsiteView>(`/api/v1/admin/onsite-requests/${encodeURIComponent(request.id)}/approve`, body),
    onSuccess: () => {
      onDone(`The onsite event at ${request.companyName} is approved and scheduled.`);
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.onsite });
    },
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The event's times are typed on the clock at the company's address, in the zone chosen for it.
    if (!isTimeZone(timeZone)) return setProblem("Choose the time zone of the company's address.");
    const start = zonedWallTimeToUtc(startsAt, timeZone);
    const end = zonedWallTimeToUtc(endsAt, timeZone);
    if (!start || !end) return setProblem(`That time does not exist in ${timeZoneLabel(timeZone)} (the clocks go forward an hour that night). Choose another time.`);
    if (proctorIds.length === 0) return setProblem("Choose at least one proctor.");
    setProblem(null);
    approve.mutate({ startsAt: start, endsAt: end, seats: Number(seats), proctorIds, timeZone, ...(place ? { centerId: place } : {}) });
  }
  return (
    <details className="onsite-approve">
      <summary>
        Approve<span className="visually-hidden"> the request from {request.companyName}</span>
      </summary>
      <form className="form" onSubmit={onSubmit} aria-label={`Approve onsite testing at ${request.companyName}`}>
        <FormAlert>{problem ?? (approve.isError ? errorMessage(approve.error) : null)}</FormAlert>
        <TimeZoneField label="Time zone of the company's address" value={timeZone} onChange={setTimeZone} id={`onsite-zone-${request.id}`} />
        <TextField label="Starts" hint="On the clock at the company's address." type="datetime-local" name="startsAt" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
        <TextField label="Ends" type="datetime-local" name="endsAt" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
        <TextField label="Seats" type="number" min={1} max={500} name="seats" value={seats} onChange={(e) => setSeats(e.target.value)} />
        <SelectField label="Where" hint="The event stays private wherever it is held." name="place" value={place} onChange={(e) => setPlace(e.target.value)}>
          <option value="">At the company: {request.address}</option>
          {(centers.data?.items ?? [])
            .filter((c) => c.kind === "center" && c.status === "certified")
            .map((c) => (
              <option key={c.id} value={c.id}>
                At {c.name}, {c.city}, {c.state}
              </option>
            ))}
        </SelectField>
        <ProctorPicker value={proctorIds} onChange={setProctorIds} name={`proctors-${request.id}`} />
        <button type="submit" className="button" disabled={approve.isPending}>
          Approve and schedule
        </button>
      </form>
    </details>
  );
}

function OnsiteRequests({ onDone }: { onDone: (message: string) => void }) {
  const query = useQuery({
    queryKey: schedulingKeys.onsite,
    queryFn: ({ signal }) => api.get<OnsiteRequestList>("/api/v1/onsite-requests", undefined, signal),
  });
  return (
    <section aria-labelledby="onsite-heading" className="section">
      <h2 id="onsite-heading">Onsite testing requests</h2>
      <QueryStatus query={query} loadingLabel="Loading onsite requests…">
        {(data) =>
          data.items.length === 0 ? (
            <p>No onsite requests.</p>
          ) : (
            <ul className="records">
              {data.items.map((request) => (
                <li key={request.id} className="card">
                  <div className="record__head">
                    <h3>{request.companyName}</h3>
                    <StatusBadge status={request.status} />
                  </div>
                  <dl className="details-list">
                    <dt>Address</dt>
                    <dd>{request.address}</dd>
                    <dt>Preferred date</dt>
                    <dd>{formatDate(request.preferredDate)}</dd>
                    <dt>Candidates</dt>
                    <dd>{request.candidates}</dd>
                    <dt>Modules</dt>
                    <dd>{request.modules.join(", ")}</dd>
                    {request.notes ? (
                      <>
                        <dt>Notes</dt>
                        <dd className="pre-line">{request.notes}</dd>
                      </>
                    ) : null}
                    <dt>Asked</dt>
                    <dd>{formatDateTime(request.createdAt)}</dd>
                  </dl>
                  {request.status === "pending" ? <ApproveOnsite request={request} onDone={onDone} /> : null}
                </li>
              ))}
            </ul>
          )
        }
      </QueryStatus>
    </section>
  );
}

export function CentersAdminPage() {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Page title="Centers and onsite testing" lead="Certify, renew, suspend and reinstate assessment centers, and approve onsite testing at companies." wide>
      <StatusMessage>{message}</StatusMessage>
      <CentersList onDone={setMessage} />
      <OnsiteRequests onDone={setMessage} />
    </Page>
  );
}
