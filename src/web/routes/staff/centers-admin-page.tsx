import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "../../api/client";
import type { Center } from "../../api/types";
import type { ApprovedOnsiteView, ApproveOnsiteBody, CenterList, OnsiteRequestList, OnsiteRequestView } from "../../../common/schemas/centers";
import { TextField } from "../../components/field";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { ProctorPicker } from "../../features/centers-admin/proctor-picker";
import { CenterTimeZoneForm } from "../../features/centers-admin/center-time-zone-form";
import { TimeZoneField } from "../../features/centers-admin/time-zone-field";
import { isTimeZone, zonedWallTimeToUtc } from "../../../common/time-zones";
import { timeZoneLabel } from "../../../common/us-time-zones";
import { schedulingKeys } from "../../features/registration/scheduling-api";
import { StatusBadge } from "../../features/registration/status-badge";
import { formatDate, formatDateTime } from "../../lib/format";
import "../../styles/scheduling.css";

function CenterActions({ center, onDone }: { center: Center; onDone: (message: string) => void }) {
  const [until, setUntil] = useState(() => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10));
  const [reason, setReason] = useState("");
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: (action: "certify" | "suspend" | "reinstate") =>
      api.post<Center>(
        `/api/v1/admin/centers/${encodeURIComponent(center.id)}/${action}`,
        action === "certify" ? { certifiedUntil: new Date(`${until}T23:59:59`).toISOString() } : { reason: reason.trim() },
      ),
    onSuccess: (data, action) => {
      onDone(`${data.name} is ${action === "suspend" ? "suspended" : "certified"}.`);
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.adminCenters });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>, action: "certify" | "suspend" | "reinstate") {
    event.preventDefault();
    act.mutate(action);
  }

  const status = center.status ?? "applied";
  return (
    <>
      <FormAlert>{act.isError ? errorMessage(act.error) : null}</FormAlert>
      {status === "applied" || status === "certified" ? (
        <form className="inline-form" onSubmit={(e) => submit(e, "certify")} aria-label={`Certify ${center.name}`}>
          <TextField label="Certified until" type="date" name="certifiedUntil" value={until} onChange={(e) => setUntil(e.target.value)} />
          <button type="submit" className="button button--small" disabled={act.isPending}>
            {status === "applied" ? "Certify" : "Renew certification"}
          </button>
        </form>
      ) : null}
      {status === "certified" || status === "suspended" ? (
        <form
          className="inline-form"
          onSubmit={(e) => submit(e, status === "certified" ? "suspend" : "reinstate")}
          aria-label={`${status === "certified" ? "Suspend" : "Reinstate"} ${center.name}`}
        >
          <TextField label="Reason" name="reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
          <button type="submit" className={status === "certified" ? "button button--danger button--small" : "button button--small"} disabled={act.isPending}>
            {status === "certified" ? "Suspend" : "Reinstate"}
          </button>
        </form>
      ) : null}
    </>
  );
}

function CentersList({ onDone }: { onDone: (message: string) => void }) {
  const query = useQuery({
    queryKey: schedulingKeys.adminCenters,
    queryFn: ({ signal }) => api.get<CenterList>("/api/v1/admin/centers", undefined, signal),
  });
  return (
    <section aria-labelledby="centers-heading">
      <h2 id="centers-heading">Centers</h2>
      <QueryStatus query={query} loadingLabel="Loading centers…">
        {(data) => {
          const order = ["applied", "certified", "suspended"];
          const sorted = [...data.items].sort((a, b) => order.indexOf(a.status ?? "") - order.indexOf(b.status ?? ""));
          return sorted.length === 0 ? (
            <p>No centers yet.</p>
          ) : (
            <ul className="records">
              {sorted.map((center) => (
                <li key={center.id} className="card">
                  <div className="record__head">
                    <h3>{center.name}</h3>
                    <StatusBadge status={center.status ?? "applied"} />
                  </div>
                  <p className="card__meta">
                    {center.kind === "onsite" ? "Onsite" : "Center"} · {center.addressLine1}, {center.city}, {center.state} {center.postalCode}
                    {center.certifiedUntil ? <> · certified until {formatDate(center.certifiedUntil)}</> : null}
                  </p>
                  <CenterActions center={center} onDone={onDone} />
                  <CenterTimeZoneForm center={center} onDone={onDone} />
                </li>
              ))}
            </ul>
          );
        }}
      </QueryStatus>
    </section>
  );
}

function ApproveOnsite({ request, onDone }: { request: OnsiteRequestView; onDone: (message: string) => void }) {
  const day = request.preferredDate.slice(0, 10);
  const [startsAt, setStartsAt] = useState(`${day}T09:00`);
  const [endsAt, setEndsAt] = useState(`${day}T13:00`);
  const [seats, setSeats] = useState(String(request.candidates));
  const [proctorIds, setProctorIds] = useState<string[]>([]);
  const [timeZone, setTimeZone] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const queryClient = useQueryClient();
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
    approve.mutate({ startsAt: start, endsAt: end, seats: Number(seats), proctorIds, timeZone });
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
    <Page title="Centers and onsite testing" lead="Certify, suspend and reinstate assessment centers, and approve onsite testing at companies." wide>
      <StatusMessage>{message}</StatusMessage>
      <CentersList onDone={setMessage} />
      <OnsiteRequests onDone={setMessage} />
    </Page>
  );
}
