import { Link } from "react-router";
import { Page } from "./page";

export function NotAllowed() {
  return (
    <Page title="Not allowed">
      <p>
        Sorry, your account does not have access to this page. If you think it should, please ask the
        program staff to check your roles.
      </p>
      <p>
        <Link to="/dashboard">Go to your dashboard</Link>
      </p>
    </Page>
  );
}
