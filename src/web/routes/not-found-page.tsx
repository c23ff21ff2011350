import { Link, useLocation } from "react-router";
import { Page } from "../components/page";

export function NotFoundPage() {
  const location = useLocation();
  return (
    <Page title="Page not found">
      <p>
        We could not find <code>{location.pathname}</code>. The address may be mistyped, or the page may have moved.
      </p>
      <ul>
        <li><Link to="/">Home</Link></li>
        <li><Link to="/modules">Modules and skills</Link></li>
        <li><Link to="/centers">Assessment centers</Link></li>
      </ul>
    </Page>
  );
}
