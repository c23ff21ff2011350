import { Link, isRouteErrorResponse, useRouteError } from "react-router";
import { Page } from "../components/page";

// Shown inside the layout when a page throws while rendering.
export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : "Unknown error";
  return (
    <Page title="Something went wrong">
      <div className="notice notice--error" role="alert">
        <p>This page could not be shown: {message}</p>
      </div>
      <p>
        <Link to="/">Go to the home page</Link> or reload the page to try again.
      </p>
    </Page>
  );
}
