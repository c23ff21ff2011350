// A sponsored seat's invitation (/training/invitation?token=…): the employee, logged in with the
// address it was sent to, sees the course or Learning Lab seat their employer paid for and accepts it.
import { Link, useSearchParams } from "react-router";
import { errorMessage } from "../../api/client";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { QueryError, Loading } from "../../components/query-status";
import { meetingSpan, placeText } from "./course-text";
import { useAcceptInvitation, useInvitation } from "./training-api";
import { SharingSection } from "../organisations/sharing-section";
import "../../styles/training.css";

export function InvitationPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation();
  if (!token) return <Page title="Sponsored seat"><p>This link has no invitation in it. Open the link from your email again.</p></Page>;
  return (
    <Page title="Sponsored seat">
      {invitation.isPending ? <Loading label="Loading the invitation…" /> : invitation.isError ? <QueryError error={invitation.error} /> : (() => {
        const inv = invitation.data!;
        return (
          <>
            <p>
              <strong>{inv.sponsor}</strong> sponsored a seat for you ({inv.email}) in <strong>{inv.title}</strong>. It is paid for.
            </p>
            {inv.course ? (
              <>
                <p>{placeText(inv.course)}, trainer {inv.course.trainer.name}.</p>
                <ol className="meetings-list">{inv.course.meetings.map((m) => <li key={m.id}>{meetingSpan(inv.course!, m)}</li>)}</ol>
              </>
            ) : null}
            <StatusMessage>{accept.isSuccess ? `The seat is yours: you are enrolled in ${inv.title}.` : null}</StatusMessage>
            {accept.isError ? <div className="notice notice--error" role="alert">{errorMessage(accept.error)}</div> : null}
            {inv.status === "open" && !accept.isSuccess ? (
              <button type="button" className="button" disabled={accept.isPending} onClick={() => accept.mutate(token)}>
                {accept.isPending ? "Accepting…" : "Accept the seat"}
              </button>
            ) : inv.status === "accepted" || accept.isSuccess ? (
              <>
                <p>See it on <Link to="/training/my-courses">My training</Link>.</p>
                {/* issue 14: an organisation's sponsorship asks whether to share results with it (off until the candidate says yes). */}
                <SharingSection only={(s) => s.sponsorships.some((x) => x.id === inv.enrolmentId)} />
              </>
            ) : (
              <p>This seat was withdrawn or its course cancelled.</p>
            )}
          </>
        );
      })()}
    </Page>
  );
}
