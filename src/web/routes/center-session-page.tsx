// One of a center administrator's own sessions: the same details, edit and cancel as staff have
// (the server refuses another center's session).
import { Link, useParams } from "react-router";
import { NotAllowed } from "../components/not-allowed";
import { Page } from "../components/page";
import { hasRole, useMe } from "../features/auth/auth-queries";
import { SessionOperationsView } from "../features/session-operations/session-operations-view";
import "../styles/session-operations.css";

export function CenterSessionPage() {
  const { id = "" } = useParams();
  const me = useMe();
  if (!hasRole(me.data, "center_admin") && !hasRole(me.data, "program_staff")) return <NotAllowed />;
  return (
    <Page title="Your session" wide lead="Edit its time, seats, modules and proctors, or cancel it. Times are the center's own.">
      <p>
        <Link to="/center">Back to your center</Link>
      </p>
      <SessionOperationsView id={id} />
    </Page>
  );
}
