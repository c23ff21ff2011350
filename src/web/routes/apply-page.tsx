import { Link } from "react-router";
import { Page } from "../components/page";
import { PassMark } from "../features/program/pass-mark";

export function ApplyPage() {
  return (
    <Page
      title="How to apply"
      lead="Registering for MT1 takes a few steps. Requests must reach us at least 48 hours before the assessment starts."
    >
      <ol className="steps">
        <li>
          <h2>Create an account</h2>
          <p>
            <Link to="/register">Register</Link> with your name, email address and a password. You will use this account
            to choose sessions and see your results and certificates.
          </p>
        </li>
        <li>
          <h2>Record your NCRC</h2>
          <p>
            If you hold a National Career Readiness Certificate, add its level to your account. A Silver NCRC is strongly
            encouraged but not required. <Link to="/eligibility">About eligibility</Link>.
          </p>
        </li>
        <li>
          <h2>Choose your modules and a session</h2>
          <p>
            Pick any one, two or all three modules, and a session at an MSI Certified Assessment Center or onsite at a
            company. <Link to="/centers">See centers and upcoming sessions</Link>.
          </p>
        </li>
        <li>
          <h2>Register at least 48 hours ahead</h2>
          <p>
            Registration requests must be received at least 48 hours before the assessment. If you need a paper
            registration form, call the Manufacturing Skills Institute at{" "}
            <a href="tel:+18046437489,131">804-643-7489 ext 131</a>.
          </p>
        </li>
        <li>
          <h2>Arrange the fee</h2>
          <p>
            Fees are paid by voucher (for example from a sponsoring employer) or by invoice. For current fees, please
            contact us at <a href="tel:+18046437489,131">804-643-7489 ext 131</a>.
          </p>
        </li>
        <li>
          <h2>Test day</h2>
          <p>
            Bring photo ID. A certified proctor checks you in and is present for the entire testing period. If you need
            accommodations, <Link to="/accommodations">request them</Link> well before your session.
          </p>
        </li>
        <li>
          <h2>Results</h2>
          <p>
            Each module you pass with <PassMark /> or higher earns its certificate. Below it, your result shows which skills need
            work and the training that covers them, and you may take the module again.
          </p>
        </li>
      </ol>
    </Page>
  );
}
