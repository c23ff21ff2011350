import { Link } from "react-router";
import { Page } from "../components/page";

export function EmployersPage() {
  return (
    <Page
      title="For employers"
      lead="MT1 gives you an industry-wide, NAM-endorsed measure of the technical skills your production roles need."
    >
      <h2>Why hire MT1 holders</h2>
      <ul>
        <li>
          They have shown mastery of 12 critical technical skills, from precision measurement and spatial reasoning to
          statistical process control and lean manufacturing.
        </li>
        <li>
          The skills standards cover skilled production occupations in every sector of manufacturing, so the credential
          means the same thing from one plant to the next.
        </li>
        <li>
          Technicians who can troubleshoot a multi-step process go beyond the scope of a typical machine operator.
        </li>
        <li>Incumbent workers can use MT1 as a pathway to advanced and specialised training.</li>
      </ul>

      <h2>Verify a certificate</h2>
      <p>
        The Manufacturing Skills Institute keeps a national registry of all certificate holders. Look a certificate up by
        its number to confirm that it is genuine and active.
      </p>

      <h2>Sponsor candidates</h2>
      <p>
        Employers can pay for their candidates' assessments with vouchers or by invoice. For fees and vouchers, please
        contact us at <a href="tel:+18046437489,131">804-643-7489 ext 131</a>.
      </p>

      <h2>Test onsite at your company</h2>
      <p>
        Assessments can be held onsite at any company, as long as a certified proctor is present for the entire testing
        period. Call <a href="tel:+18046437489,131">804-643-7489 ext 131</a> to arrange an onsite session, or find a{" "}
        <Link to="/centers">Certified Assessment Center</Link> near you.
      </p>

      <p className="button-row">
        <Link to="/login" className="button">
          Employer log in
        </Link>
        <Link to="/handbook">Request the MT1 Handbook</Link>
      </p>
    </Page>
  );
}
