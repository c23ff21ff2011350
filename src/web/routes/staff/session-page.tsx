// One session for program staff: its details, roster, edit and cancel (see SessionOperationsView).
import { Link, useParams } from "react-router";
import { Page } from "../../components/page";
import { SessionOperationsView } from "../../features/session-operations/session-operations-view";
import "../../styles/session-operations.css";

export function StaffSessionPage() {
  const { id = "" } = useParams();
  return (
    <Page title="Session" wide lead="Edit its time, seats, modules and proctors, or cancel it. Times are the center's own.">
      <p>
        <Link to="/staff/sessions">Back to every session</Link>
      </p>
      <SessionOperationsView id={id} />
    </Page>
  );
}
