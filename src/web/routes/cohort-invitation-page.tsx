// The page a cohort invitation opens: an assessment center asked to register this (existing) account
// for a session. Nothing is booked until the person accepts here, logged in with that account.
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "../api/client";
import { FormAlert } from "../components/form-alert";
import { Page } from "../components/page";
import { QueryStatus } from "../components/query-status";
import { formatZonedRange, formatZonedShort } from "../../common/time-zones";
import type { AcceptedCohortInvitationView, CohortInvitationView, InviteTokenBody } from "../../common/schemas/scheduling";
import "../styles/scheduling.css";

function Invitation({ invitation, token }: { invitation: CohortInvitationView; token: string }) {
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const accept = useMutation({
    mutationFn: () => api.post<AcceptedCohortInvitationView>("/api/v1/cohort-invitations/accept", { token } satisfies InviteTokenBody),
    onSuccess: (registration) => {
      setDone(registration.status === "waitlisted" ? "You are on the session's waitlist." : "You are registered for the session.");
      void queryClient.invalidateQueries({ queryKey: ["cohort-invitation", token] });
    },
  });
  return (
    <section className="card" aria-labelledby="cohort-invitation-heading">
      <h2 id="cohort-invitation-heading">{invitation.centerName}</h2>
      <p className="card__meta">
        {invitation.city}, {invitation.state}
      </p>
      <p>
        {formatZonedRange(invitation.startsAt, invitation.endsAt, invitation.timeZone)} · Modules: {invitation.modules.join(", ")}
      </p>
      <div role="status">{done ? <p className="notice notice--success">{done}</p> : null}</div>
      {invitation.status === "accepted" ? (
        <p>
          You accepted this invitation. See it with <Link to="/dashboard">your registrations</Link>.
        </p>
      ) : invitation.status === "expired" ? (
        <p>
          <span className="badge badge--muted">Expired</span> This invitation has expired. Ask the assessment center to invite you again.
        </p>
      ) : (
        <>
          <p>
            The center asked to register you. Nothing is booked until you accept. This invitation works until{" "}
            {formatZonedShort(invitation.expiresAt, invitation.timeZone)}.
          </p>
          <FormAlert>{accept.isError ? errorMessage(accept.error) : null}</FormAlert>
          <button type="button" className="button" disabled={accept.isPending} onClick={() => accept.mutate()}>
            {accept.isPending ? "Registering…" : "Accept and register"}
          </button>
        </>
      )}
    </section>
  );
}

export function CohortInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const invitation = useQuery({
    queryKey: ["cohort-invitation", token],
    enabled: token !== "",
    retry: false,
    queryFn: () => api.post<CohortInvitationView>("/api/v1/cohort-invitations/lookup", { token } satisfies InviteTokenBody),
  });
  return (
    <Page title="An invitation to register for MT1 assessment" lead="An assessment center asked to register your account for one of its sessions.">
      {token === "" ? (
        <div className="notice notice--error">
          <p>This page needs the link from your invitation email. The link in your address bar has no token.</p>
        </div>
      ) : (
        <QueryStatus query={invitation} loadingLabel="Opening your invitation…">
          {(data) => <Invitation invitation={data} token={token} />}
        </QueryStatus>
      )}
    </Page>
  );
}
