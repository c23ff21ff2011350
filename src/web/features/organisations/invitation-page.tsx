// An invitation to join an organisation (/organisations/invitation?token=…): the invitee, logged in
// with the address it was sent to (signing up first when they have no account), sees who invited them
// to which organisation and accepts.
import { Link, useSearchParams } from "react-router";
import { errorMessage } from "../../api/client";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { Loading, QueryError } from "../../components/query-status";
import { useAcceptOrganisationInvitation, useInvitationOffer } from "./organisations-api";

const KIND = { employer: "employer", college: "partner college" } as const;

export function OrganisationInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const offer = useInvitationOffer(token);
  const accept = useAcceptOrganisationInvitation();
  if (!token) return <Page title="Invitation"><p>This link has no invitation in it. Open the link from your email again.</p></Page>;
  return (
    <Page title="Invitation to join an organisation">
      {offer.isPending ? <Loading label="Loading the invitation…" /> : offer.isError ? <QueryError error={offer.error} /> : (() => {
        const inv = offer.data!;
        const org = inv.organisation;
        return (
          <>
            <p>
              {inv.invitedBy ? <strong>{inv.invitedBy}</strong> : "The MT1 program"} invited you ({inv.email}) to join <strong>{org.name}</strong>, an MT1 {KIND[org.kind]}, as{" "}
              {inv.role === "owner" ? "an owner: you can invite and remove colleagues" : "a member"}.
            </p>
            <StatusMessage>{accept.isSuccess ? `You are now a member of ${org.name}.` : null}</StatusMessage>
            {accept.isError ? <div className="notice notice--error" role="alert">{errorMessage(accept.error)}</div> : null}
            {inv.status === "open" && !accept.isSuccess ? (
              <button type="button" className="button" disabled={accept.isPending} onClick={() => accept.mutate(token)}>
                {accept.isPending ? "Joining…" : `Join ${org.name}`}
              </button>
            ) : inv.status === "accepted" || accept.isSuccess ? (
              <p>Open <Link to={`/organisations/${org.id}`}>{org.name}</Link>.</p>
            ) : (
              <p>{inv.status === "expired" ? "This invitation has expired: ask for a new one." : "This invitation was withdrawn."}</p>
            )}
          </>
        );
      })()}
    </Page>
  );
}
