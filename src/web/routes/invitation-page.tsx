// The page an invitation link opens: the private (onsite) session it is for, which the public session
// finder does not list, and the normal registration form, sent with the link's token.
import { Link, useSearchParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import type { InvitedSessionView, InviteTokenBody, PublicSessionView } from "../../common/schemas/scheduling";
import { Page } from "../components/page";
import { QueryStatus } from "../components/query-status";
import { hasRole, useMe } from "../features/auth/auth-queries";
import { RegisterForm } from "../features/registration/register-form";
import { useRegistrationLeadHours } from "../features/registration/scheduling-api";
import { formatZonedRange, formatZonedShort } from "../../common/time-zones";
import { registrationDeadline } from "../../common/rules/registration-window";
import "../styles/scheduling.css";

function Invitation({ invitation, token }: { invitation: InvitedSessionView; token: string }) {
  const me = useMe();
  const leadHours = useRegistrationLeadHours() ?? 48;
  const session: PublicSessionView = {
    id: invitation.sessionId, centerId: invitation.centerId, centerName: invitation.centerName, city: invitation.city, state: invitation.state,
    startsAt: invitation.startsAt, endsAt: invitation.endsAt, seatsAvailable: invitation.seatsAvailable, modules: invitation.modules, status: invitation.status, timeZone: invitation.timeZone,
  };
  const deadline = registrationDeadline(new Date(session.startsAt), leadHours);
  const closed = deadline.getTime() <= Date.now() || session.status !== "scheduled";
  const here = `/invitation?token=${encodeURIComponent(token)}`;
  let action;
  if (closed) action = <p><span className="badge badge--muted">Registration closed</span> Registration closed {formatZonedShort(deadline.toISOString(), session.timeZone)}.</p>;
  else if (!me.data)
    action = (
      <p>
        <Link to={`/login?next=${encodeURIComponent(here)}`}>Log in to register</Link> or <Link to="/register">create an account</Link>, then open
        your invitation link again.
      </p>
    );
  else if (!hasRole(me.data, "candidate")) action = <p className="card__meta">Only candidate accounts register for sessions.</p>;
  else action = <RegisterForm session={session} headingId="invited-session" inviteToken={token} />;
  return (
    <section className="card" aria-labelledby="invited-session">
      <h2 id="invited-session">{invitation.centerName}</h2>
      <p className="card__meta">
        {invitation.city}, {invitation.state}
      </p>
      <p>
        {formatZonedRange(session.startsAt, session.endsAt, session.timeZone)} · Modules: {session.modules.join(", ")} ·{" "}
        {session.seatsAvailable} {session.seatsAvailable === 1 ? "seat" : "seats"} available
      </p>
      {closed ? null : (
        <p>
          Register by {formatZonedShort(deadline.toISOString(), session.timeZone)}. This invitation works until {formatZonedShort(invitation.expiresAt, session.timeZone)}.
        </p>
      )}
      {action}
    </section>
  );
}

export function InvitationPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const me = useMe();
  const invitation = useQuery({
    queryKey: ["invitation", token],
    // After /me: a signed-in browser's POST must carry the CSRF token that /me hands back.
    enabled: token !== "" && !me.isPending,
    retry: false,
    queryFn: () => api.post<InvitedSessionView>("/api/v1/invitations/lookup", { token } satisfies InviteTokenBody),
  });
  return (
    <Page title="Your invitation to an MT1 session" lead="Your employer or an assessment center invited you to a session that is not open to the public.">
      {token === "" ? (
        <div className="notice notice--error">
          <p>This page needs the link from your invitation. The link in your address bar has no token.</p>
        </div>
      ) : (
        <QueryStatus query={invitation} loadingLabel="Opening your invitation…">
          {(data) => <Invitation invitation={data} token={token} />}
        </QueryStatus>
      )}
    </Page>
  );
}
