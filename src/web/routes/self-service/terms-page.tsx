import { Link } from "react-router";
import { Page } from "../../components/page";
import "../../styles/self-service.css";

// The terms of use for candidates and for organizations (centers, employers, colleges) that use this site and its API.
export function TermsPage() {
  return (
    <Page title="Terms of use" lead="The rules for candidates and for the organizations that use the MT1 certification site and its API.">
      <div className="legal">
        <h2>For candidates</h2>
        <h3>Your account</h3>
        <ul>
          <li>Register under your own legal name, as it appears on your photo ID: the proctor checks it before you test, and it is printed on your certificate.</li>
          <li>Keep your password to yourself. One person, one account.</li>
        </ul>
        <h3>Booking, moving and cancelling</h3>
        <ul>
          <li>Register at least 48 hours before a session starts. Each registration gets a confirmation number; keep your receipt.</li>
          <li>
            You can move or cancel a registration online until 48 hours before its session. A voucher you used is given back when you cancel; an
            open invoice is cancelled. After that, call the program.
          </li>
          <li>An unpaid seat is held for a limited time and then offered to the next person on the waitlist.</li>
          <li>Waiting periods between attempts and a yearly limit on attempts apply to retakes, as shown when you book.</li>
        </ul>
        <h3>Taking the test</h3>
        <ul>
          <li>The test content is confidential. Do not copy, record, share or discuss the questions, before or after your test.</li>
          <li>Test alone, with only the materials and accommodations allowed, on the device the proctor admitted.</li>
          <li>
            A proctor may record an incident. The program may hold, void or revoke a result or certificate obtained irregularly. You are told, and you
            may appeal within the period the program publishes; the appeal is decided by someone other than the person who made the first decision.
          </li>
        </ul>
        <h3>Your certificate</h3>
        <ul>
          <li>Your certificate and its digital badge are yours to share. Anyone with its number can check that it is valid.</li>
          <li>A certificate may be revoked for fraud or an error, and the registry then shows it as revoked.</li>
        </ul>

        <h2>For organizations</h2>
        <h3>Assessment centers and proctors</h3>
        <ul>
          <li>Run sessions only while your center's and your proctors' certifications are current, at the times you publish.</li>
          <li>Check every candidate's photo ID, report every incident truthfully, and keep rosters and accommodation flags confidential.</li>
        </ul>
        <h3>Employers and colleges</h3>
        <ul>
          <li>Vouchers pay for the modules they name, once each, until they expire. Give them only to the people you intend to sponsor.</li>
          <li>Use verification (one number or a bulk file) only to check a certificate a person has presented to you, for hiring, training or admission.</li>
        </ul>
        <h3>The API</h3>
        <ul>
          <li>API tokens are issued by program staff with limited scopes and an expiry. Keep them secret; each token acts for your organization.</li>
          <li>Respect the published rate limits. Do not try to read data that is not yours, or to enumerate certificates.</li>
        </ul>

        <h2>General</h2>
        <p>
          The program may suspend an account or a token that breaks these terms. Questions: call <a href="tel:+18046437489,131">804-643-7489 ext 131</a>.
          How we handle your data is in the <Link to="/privacy">privacy notice</Link>.
        </p>
      </div>
    </Page>
  );
}
