import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { api, errorMessage } from "../api/client";
import type { CancelSessionBody, MySessionsPage, MySessionView, SessionView } from "../../common/schemas/scheduling";
import { TextField } from "../components/field";
import { FormAlert, StatusMessage } from "../components/form-alert";
import { NotAllowed } from "../components/not-allowed";
import { Page } from "../components/page";
import { QueryStatus } from "../components/query-status";
import { hasRole, useMe } from "../features/auth/auth-queries";
import { ScheduleSessionForm } from "../features/centers-admin/schedule-session-form";
import { schedulingKeys, useMyCenters } from "../features/registration/scheduling-api";
import { StatusBadge } from "../features/registration/status-badge";
import { formatDate } from "../lib/format";
import { formatZonedDate, formatZonedRange } from "../../common/time-zones";
import { timeZoneLabel } from "../../common/us-time-zones";
import "../styles/scheduling.css";

function CancelSession({ session, onDone }: { session: MySessionView; onDone: (message: string) => void }) {
  const [reason, setReason] = useState("");
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => api.post<SessionView>(`/api/v1/sessions/${encodeURIComponent(session.id)}/cancel`, { reason: reason.trim() } satisfies CancelSessionBody),
    onSuccess: () => {
      onDone("The session is cancelled; every registrant has been told.");
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.mySessions });
      void queryClient.invalidateQueries({ queryKey: ["sessions"] });
    },
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (window.confirm("Cancel this session? Every registered candidate is told.")) cancel.mutate();
  }
  return (
    <details>
      <summary>
        Cancel this session<span className="visually-hidden">: {formatZonedRange(session.startsAt, session.endsAt, session.timeZone)}</span>
      </summary>
      <form className="inline-form" onSubmit={onSubmit} aria-label="Cancel the session">
        <FormAlert>{cancel.isError ? errorMessage(cancel.error) : null}</FormAlert>
        <TextField label="Reason for cancelling" name="reason" minLength={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" className="button button--danger button--small" disabled={cancel.isPending}>
          Cancel the session
        </button>
      </form>
    </details>
  );
}

function MySessions({ canManage }: { canManage: boolean }) {
  const [message, setMessage] = useState<string | null>(null);
  const query = useQuery({
    queryKey: schedulingKeys.mySessions,
    queryFn: ({ signal }) => api.get<MySessionsPage>("/api/v1/me/sessions", undefined, signal),
  });
  return (
    <section aria-labelledby="sessions-heading" className="section">
      <h2 id="sessions-heading">Your sessions</h2>
      <StatusMessage>{message}</StatusMessage>
      <QueryStatus query={query} loadingLabel="Loading your sessions…">
        {(data) =>
          data.items.length === 0 ? (
            <p>You have no sessions.</p>
          ) : (
            <ul className="records">
              {[...data.items]
                .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
                .map((session) => (
                  <li key={session.id} className="card">
                    <div className="record__head">
                      <h3>
                        {formatZonedDate(session.startsAt, session.timeZone)} at {session.centerName}
                      </h3>
                      <StatusBadge status={session.status} />
                    </div>
                    <dl className="details-list">
                      <dt>When</dt>
                      <dd>{formatZonedRange(session.startsAt, session.endsAt, session.timeZone)}</dd>
                      <dt>Seats</dt>
                      <dd>
                        {session.seatsAvailable} of {session.seats} available
                      </dd>
                      <dt>Modules</dt>
                      <dd>{session.modules.join(", ")}</dd>
                      {session.cancelReason ? (
                        <>
                          <dt>Cancelled because</dt>
                          <dd>{session.cancelReason}</dd>
                        </>
                      ) : null}
                    </dl>
                    <p>
                      <Link to={`/sessions/${encodeURIComponent(session.id)}/roster`}>
                        Roster<span className="visually-hidden"> of {formatZonedDate(session.startsAt, session.timeZone)} at {session.centerName}</span>
                      </Link>
                    </p>
                    {canManage && session.status === "scheduled" ? <CancelSession session={session} onDone={setMessage} /> : null}
                  </li>
                ))}
            </ul>
          )
        }
      </QueryStatus>
    </section>
  );
}

function MyCenters() {
  const centers = useMyCenters();
  return (
    <QueryStatus query={centers} loadingLabel="Loading your centers…">
      {(data) => (
        <>
          <section aria-labelledby="centers-heading">
            <h2 id="centers-heading">Your centers</h2>
            {data.items.length === 0 ? (
              <p>You do not administer a center yet.</p>
            ) : (
              <ul className="records">
                {data.items.map((center) => (
                  <li key={center.id} className="card">
                    <div className="record__head">
                      <h3>{center.name}</h3>
                      <StatusBadge status={center.status ?? "applied"} />
                    </div>
                    <p className="card__meta">
                      {center.addressLine1}, {center.city}, {center.state} {center.postalCode}
                      {center.certifiedUntil ? <> · certified until {formatDate(center.certifiedUntil)}</> : null}
                      {" "}· times in {timeZoneLabel(center.timeZone)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <ScheduleSessionForm centers={data.items} />
        </>
      )}
    </QueryStatus>
  );
}

export function CenterPage() {
  const me = useMe();
  const isAdmin = hasRole(me.data, "center_admin");
  if (!isAdmin && !hasRole(me.data, "proctor")) return <NotAllowed />;
  return (
    <Page
      title={isAdmin ? "Your assessment center" : "Your proctoring sessions"}
      lead="Sessions, seats, proctors and rosters. Times are shown in each center's own time zone."
      wide
    >
      <div className="stack">
        {isAdmin ? <MyCenters /> : null}
        <MySessions canManage={isAdmin} />
      </div>
    </Page>
  );
}
