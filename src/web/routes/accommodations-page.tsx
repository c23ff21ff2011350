import { Link } from "react-router";
import { Page } from "../components/page";

export function AccommodationsPage() {
  return (
    <Page
      title="Special accommodations"
      lead="The Manufacturing Skills Institute allows special accommodations for candidates with documented disabilities in reading, eyesight and/or computer operation."
    >
      <h2>Who can ask</h2>
      <p>Any candidate with a documented disability in one or more of these areas:</p>
      <ul>
        <li>reading</li>
        <li>eyesight</li>
        <li>computer operation</li>
      </ul>

      <h2>Documentation</h2>
      <p>
        Include documentation of the disability with your request. It is treated as sensitive: only you and the program
        staff who review it can see it.
      </p>

      <h2>Examples of adjustments</h2>
      <ul>
        <li>extended time</li>
        <li>questions read aloud</li>
        <li>large print, screen magnification or high contrast</li>
        <li>a separate room</li>
        <li>a reader or a scribe</li>
        <li>breaks during the assessment</li>
      </ul>
      <p>The adjustments you are granted are applied at your session on test day.</p>

      <h2>Who decides</h2>
      <p>
        Program staff at the Manufacturing Skills Institute review each request and its documentation and decide which
        accommodations apply.
      </p>

      <h2>How to request</h2>
      <p>
        <Link to="/accommodations/request" className="button">
          Request accommodations online
        </Link>
      </p>
      <p>
        Log in as a candidate to send your request and upload your documentation, or call the Manufacturing Skills Institute at <a href="tel:+18046437489,131">804-643-7489 ext 131</a>. Please ask
        well before the session you want, since registration closes 48 hours before the assessment.
      </p>
      <p>
        <Link to="/apply">How to apply</Link>
      </p>
    </Page>
  );
}
