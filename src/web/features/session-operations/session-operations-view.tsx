// One session for the people who run it (program staff, or an administrator of its center): when
// and where at the center's time, who proctors, how full, the roster, and its edit and cancel.
import { useState } from "react";
import { Link } from "react-router";
import { StatusMessage } from "../../components/form-alert";
import { QueryStatus } from "../../components/query-status";
import { StatusBadge } from "../registration/status-badge";
import { CancelSessionButton } from "./cancel-session-dialog";
import { EditSessionForm } from "./edit-session-form";
import { useSessionDetail } from "./session-queries";
import { longSpan } from "./session-time";

export function SessionOperationsView({ id }: { id: string }) {
  const detail = useSessionDetail(id);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <QueryStatus query={detail} loadingLabel="Loading the session…">
      {(s) => {
        const registered = s.registrations.confirmed + s.registrations.pendingPayment + s.registrations.waitlisted;
        return (
          <div className="stack">
            <StatusMessage>{message}</StatusMessage>
            <section aria-labelledby="session-facts-heading" className="card">
              <div className="record__head">
                <h2 id="session-facts-heading">{s.centerName}</h2>
                <StatusBadge status={s.status} />
              </div>
              <dl className="details-list">
                <dt>When (center time)</dt>
                <dd>{longSpan(s)}</dd>
                <dt>Where</dt>
                <dd>
                  {s.address}
                  {s.privateEvent ? " · a private event: not listed publicly" : ""}
                </dd>
                <dt>Modules</dt>
                <dd>{s.modules.join(", ")}</dd>
                <dt>Seats</dt>
                <dd>
                  {s.seatsTaken} of {s.seats} taken
                </dd>
                <dt>Registrations</dt>
                <dd>
                  {s.registrations.confirmed} confirmed, {s.registrations.pendingPayment} awaiting payment, {s.registrations.waitlisted} waitlisted
                </dd>
                <dt>Proctors</dt>
                <dd>{s.proctors.length ? s.proctors.map((p) => p.name).join(", ") : "None"}</dd>
                {s.cancelReason ? (
                  <>
                    <dt>Cancelled because</dt>
                    <dd>{s.cancelReason}</dd>
                  </>
                ) : null}
              </dl>
              <p className="button-row">
                <Link to={`/sessions/${encodeURIComponent(s.id)}/roster`}>Roster of this session</Link>
              </p>
            </section>
            {s.canEdit ? <EditSessionForm key={`${s.startsAt}-${s.endsAt}-${s.seats}-${s.modules.join()}-${s.proctors.map((p) => p.id).join()}`} session={s} onSaved={setMessage} /> : null}
            {s.canCancel ? (
              <section aria-labelledby="cancel-heading" className="card">
                <h2 id="cancel-heading">Cancel the session</h2>
                <p>Cancelling releases every seat, returns vouchers, voids open invoices and emails every registered candidate the reason.</p>
                <CancelSessionButton sessionId={s.id} registered={registered} onCancelled={setMessage} />
              </section>
            ) : null}
          </div>
        );
      }}
    </QueryStatus>
  );
}
