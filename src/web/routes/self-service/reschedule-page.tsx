import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { api, errorMessage } from "../../api/client";
import type { TestSession } from "../../api/types";
import { DataTable, type Column } from "../../components/data-table";
import { Page } from "../../components/page";
import { Loading, QueryError } from "../../components/query-status";
import type { MyRegistrationView, RegistrationView, RescheduleBody } from "../../../common/schemas/scheduling";
import { isRegistrationInTime } from "../../../common/rules/registration-window";
import { formatZonedDateTime, formatZonedRange } from "../../../common/time-zones";
import { useUpcomingSessions } from "../../features/centers/center-queries";
import { Dialog, DialogActions } from "../../features/proctor-console/dialog";
import { eligibilityKeys } from "../../features/registration/eligibility";
import { schedulingKeys, useRegistrationLeadHours } from "../../features/registration/scheduling-api";
import { ChangePolicy } from "../../features/self-service/change-policy";
import { RegistrationSummary } from "../../features/self-service/registration-summary";
import { LIVE_STATUSES, useMyRegistration } from "../../features/self-service/registration-queries";
import "../../styles/self-service.css";


/** Sessions a registration may move to: another open session, in time, offering every one of its modules. */
function eligibleSessions(sessions: readonly TestSession[], registration: MyRegistrationView, leadHours: number): TestSession[] {
  const now = new Date();
  return sessions.filter(
    (s) =>
      s.id !== registration.sessionId &&
      s.status === "scheduled" &&
      isRegistrationInTime(now, new Date(s.startsAt), leadHours) &&
      registration.modules.every((m) => s.modules.includes(m)),
  );
}

function MoveDialog({ registration, target, onClose, onMoved }: { registration: MyRegistrationView; target: TestSession; onClose: () => void; onMoved: (r: RegistrationView) => void }) {
  const queryClient = useQueryClient();
  const full = target.seatsAvailable <= 0;
  const move = useMutation({
    mutationFn: () =>
      api.post<RegistrationView>(`/api/v1/registrations/${encodeURIComponent(registration.id)}/reschedule`, { sessionId: target.id, waitlist: full } satisfies RescheduleBody),
    onSuccess: (moved) => {
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.myRegistrations });
      void queryClient.invalidateQueries({ queryKey: ["sessions"] });
      void queryClient.invalidateQueries({ queryKey: eligibilityKeys.all });
      onMoved(moved);
    },
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    move.mutate();
  }
  return (
    <Dialog title="Move your registration?" onClose={onClose} fallbackFocus={() => document.querySelector<HTMLElement>("h1")}>
      <form onSubmit={onSubmit}>
        <p>
          From <strong>{registration.centerName}</strong>, {formatZonedRange(registration.startsAt, registration.endsAt, registration.timeZone)}
        </p>
        <p>
          To <strong>{target.centerName}</strong> ({target.city}, {target.state}), {formatZonedRange(target.startsAt, target.endsAt, target.timeZone)}
        </p>
        {full ? <p className="notice notice--warning">This session is full: you will join its waitlist and your current seat is released.</p> : null}
        {move.isError ? (
          <p className="notice notice--error" role="alert">
            {errorMessage(move.error)}
          </p>
        ) : null}
        <DialogActions submitLabel={full ? "Move to the waitlist" : "Move my registration"} busy={move.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function Moved({ moved }: { moved: RegistrationView }) {
  return (
    <div className="notice notice--success" role="status">
      <p>
        <strong>Your registration has moved.</strong> {moved.status === "waitlisted" ? `You are number ${moved.waitlistPosition ?? "?"} on the waitlist.` : null}
      </p>
      <p>
        Your new confirmation number: <strong className="receipt__number">{moved.confirmationNumber}</strong>. We have emailed it to you.
      </p>
      <p className="button-row">
        <Link className="button button--secondary" to={`/registrations/${encodeURIComponent(moved.id)}/receipt`}>
          View the new receipt
        </Link>
        <Link to="/dashboard">Back to your registrations</Link>
      </p>
    </div>
  );
}

export function ReschedulePage() {
  const { id = "" } = useParams();
  const { query, registration } = useMyRegistration(id);
  const leadHours = useRegistrationLeadHours();
  const sessions = useUpcomingSessions();
  const [target, setTarget] = useState<TestSession | null>(null);
  const [moved, setMoved] = useState<RegistrationView | null>(null);

  let body;
  if (moved) body = <Moved moved={moved} />;
  else if (query.isPending || leadHours === undefined) body = <Loading label="Loading your registration…" />;
  else if (query.isError) body = <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  else if (!registration || !LIVE_STATUSES.includes(registration.status))
    body = (
      <p className="notice notice--info">
        This registration cannot be moved: it is not one of your current registrations. <Link to="/dashboard">See your registrations</Link>.
      </p>
    );
  else {
    const columns: Column<TestSession>[] = [
      { id: "when", header: "When", rowHeader: true, cell: (s) => formatZonedRange(s.startsAt, s.endsAt, s.timeZone), sortValue: (s) => s.startsAt },
      { id: "center", header: "Center", cell: (s) => s.centerName, sortValue: (s) => s.centerName },
      { id: "place", header: "City", cell: (s) => `${s.city}, ${s.state}`, sortValue: (s) => `${s.state} ${s.city}` },
      { id: "seats", header: "Seats", className: "numeric", cell: (s) => (s.seatsAvailable > 0 ? s.seatsAvailable : "Full (waitlist)"), sortValue: (s) => s.seatsAvailable },
      {
        id: "action",
        header: "Action",
        className: "actions",
        cell: (s) => (
          <button type="button" className="button button--small" onClick={() => setTarget(s)}>
            Move here<span className="visually-hidden">: {s.centerName}, {formatZonedDateTime(s.startsAt, s.timeZone)}</span>
          </button>
        ),
      },
    ];
    const inTime = isRegistrationInTime(new Date(), new Date(registration.startsAt), leadHours);
    body = (
      <>
        <RegistrationSummary registration={registration} />
        <ChangePolicy registration={registration} leadHours={leadHours} action="move" />
        {inTime ? (
          <div>
            <h2>Choose the new session</h2>
            <DataTable
              caption="Sessions you can move to"
              columns={columns}
              rows={sessions.data ? eligibleSessions(sessions.data.items, registration, leadHours) : []}
              rowKey={(s) => s.id}
              status={sessions}
              initialSort={{ id: "when" }}
              pageSize={10}
              empty={
                <>
                  No other session offering {registration.modules.join(", ")} opens for registration at the moment. Try again later, or{" "}
                  <Link to="/sessions">browse every session</Link>.
                </>
              }
            />
          </div>
        ) : (
          <p className="notice notice--warning">It is less than {leadHours} hours before this session: it can no longer be moved online. Call the program.</p>
        )}
        {target ? <MoveDialog registration={registration} target={target} onClose={() => setTarget(null)} onMoved={(r) => { setTarget(null); setMoved(r); }} /> : null}
      </>
    );
  }

  return (
    <Page title="Move a registration" lead="Choose another session for the same modules. Read what happens first.">
      {body}
    </Page>
  );
}
