import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { api, errorMessage } from "../../api/client";
import { TextAreaField } from "../../components/field";
import { Page } from "../../components/page";
import { Loading, QueryError } from "../../components/query-status";
import type { CancelRegistrationBody, RegistrationView } from "../../../common/schemas/scheduling";
import { isRegistrationInTime } from "../../../common/rules/registration-window";
import { Dialog, DialogActions } from "../../features/proctor-console/dialog";
import { eligibilityKeys } from "../../features/registration/eligibility";
import { schedulingKeys, useRegistrationLeadHours } from "../../features/registration/scheduling-api";
import { ChangePolicy } from "../../features/self-service/change-policy";
import { RegistrationSummary } from "../../features/self-service/registration-summary";
import { LIVE_STATUSES, useMyRegistration } from "../../features/self-service/registration-queries";
import "../../styles/self-service.css";

function CancelDialog({ id, onClose, onCancelled }: { id: string; onClose: () => void; onCancelled: () => void }) {
  const [reason, setReason] = useState("");
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => api.post<RegistrationView>(`/api/v1/registrations/${encodeURIComponent(id)}/cancel`, (reason.trim() ? { reason: reason.trim() } : {}) satisfies CancelRegistrationBody),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.myRegistrations });
      void queryClient.invalidateQueries({ queryKey: ["sessions"] });
      void queryClient.invalidateQueries({ queryKey: eligibilityKeys.all });
      onCancelled();
    },
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    cancel.mutate();
  }
  return (
    <Dialog title="Cancel this registration?" onClose={onClose} tone="danger" fallbackFocus={() => document.querySelector<HTMLElement>("h1")}>
      <form onSubmit={onSubmit}>
        <p>Your seat is released at once. This cannot be undone.</p>
        <TextAreaField label="Why are you cancelling?" optional hint="Helps the program plan sessions. Optional." value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
        {cancel.isError ? (
          <p className="notice notice--error" role="alert">
            {errorMessage(cancel.error)}
          </p>
        ) : null}
        <DialogActions submitLabel="Yes, cancel my registration" busy={cancel.isPending} onCancel={onClose} danger focusCancel />
      </form>
    </Dialog>
  );
}

export function CancelPage() {
  const { id = "" } = useParams();
  const { query, registration } = useMyRegistration(id);
  const leadHours = useRegistrationLeadHours();
  const [asking, setAsking] = useState(false);
  const [cancelled, setCancelled] = useState(false);

  let body;
  if (cancelled)
    body = (
      <div className="notice notice--success" role="status">
        <p>
          <strong>Your registration is cancelled.</strong> We have emailed you a confirmation.
        </p>
        <p className="button-row">
          <Link className="button button--secondary" to="/sessions">
            Find another session
          </Link>
          <Link to="/dashboard">Back to your registrations</Link>
        </p>
      </div>
    );
  else if (query.isPending || leadHours === undefined) body = <Loading label="Loading your registration…" />;
  else if (query.isError) body = <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  else if (!registration || !LIVE_STATUSES.includes(registration.status))
    body = (
      <p className="notice notice--info">
        This registration cannot be cancelled: it is not one of your current registrations. <Link to="/dashboard">See your registrations</Link>.
      </p>
    );
  else {
    const inTime = isRegistrationInTime(new Date(), new Date(registration.startsAt), leadHours);
    body = (
      <>
        <RegistrationSummary registration={registration} />
        <ChangePolicy registration={registration} leadHours={leadHours} action="cancel" />
        {inTime ? (
          <p className="button-row">
            <button type="button" className="button button--danger" onClick={() => setAsking(true)}>
              Cancel this registration…
            </button>
            <Link to={`/registrations/${encodeURIComponent(registration.id)}/reschedule`}>Move it to another session instead</Link>
          </p>
        ) : (
          <p className="notice notice--warning">It is less than {leadHours} hours before this session: it can no longer be cancelled online. Call the program.</p>
        )}
        {asking ? <CancelDialog id={registration.id} onClose={() => setAsking(false)} onCancelled={() => { setAsking(false); setCancelled(true); }} /> : null}
      </>
    );
  }

  return (
    <Page title="Cancel a registration" lead="Read what happens to your seat and your payment before you cancel.">
      {body}
    </Page>
  );
}
