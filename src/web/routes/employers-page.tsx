// The public employer page (issue 14): why hire MT1 holders, in the program's own words (quoted from
// the MSI's MT1 program description, no figures of our own), how a company works with the platform as
// an organisation (colleagues, sponsored candidates, results shared only with consent), verification
// and onsite testing.
import { Link } from "react-router";
import { Page } from "../components/page";
import { PassMark } from "../features/program/pass-mark";

export function EmployersPage() {
  return (
    <Page
      title="For employers"
      lead="MT1 gives you an industry-wide, NAM-endorsed measure of the technical skills your production roles need."
    >
      <h2>Why hire MT1 holders, in the program&apos;s words</h2>
      <ul className="stack">
        <li>
          <strong>Industry-wide standards.</strong> <q>The MT1 program addresses the core industry-wide skills standards required for skilled
          production occupations in all sectors of manufacturing.</q> Both the MS and MT1 certifications <q>are endorsed by the National
          Association of Manufacturers and included in its National Skills Certification System.</q>
        </li>
        <li>
          <strong>Twelve critical technical skills, proven.</strong> The assessment <q>measures individual skills attainment in 12 critical technical
          skills</q> across three certificate modules: Math and Measurement; Spatial Reasoning and Manufacturing Technology; and Quality and
          Business Acumen. MT1 is awarded only for <PassMark /> or better on all three.
        </li>
        <li>
          <strong>Beyond the machine operator.</strong> An MT1 <q>operates precision machinery, systems and processes</q>, with skills that usually include{" "}
          <q>CAD skills, computer controlled machine programming, precision measurement, process and machine trouble-shooting, problem-solving,
          machine maintenance and proficient use of diagnostic and statistical tools</q>: someone with <q>enough broad-based knowledge about a
          multi-step process to successfully troubleshoot and solve problems beyond the scope of typical &lsquo;machine operators&rsquo;.</q>
        </li>
        <li>
          <strong>The roles it fits.</strong> Sample MT1 job titles: Operator, Production Operator, Production Technician, Technician, Chemical Equipment
          Operator, Chemical Operator, Fixers, CNC Technician, Manufacturing Technician and Production Manufacturing Specialist.
        </li>
        <li>
          <strong>A pipeline and a pathway.</strong> The program was developed <q>to meet the growing employment demands of the manufacturing
          industry</q>: to <q>develop a workforce pipeline capable of meeting the requirements of existing and emerging employers</q>, and to{" "}
          <q>provide a pathway to advanced level training and specialized training based on industry requirements for potential new hires and
          incumbent workers.</q>
        </li>
        <li>
          <strong>Stackable credentials.</strong> The MS and MT1 <q>&lsquo;stack&rsquo; upon the National Career Readiness Certificate</q>, and MT1 attainment{" "}
          <q>can also receive up to six (6) advanced standing credits toward higher education degrees with specific educational institutions.</q>
        </li>
      </ul>
      <p className="card__meta">Quoted from the Manufacturing Skills Institute&apos;s description of the MT1 certification program.</p>

      <h2>Your company as an organisation</h2>
      <ul>
        <li>Your colleagues work under one employer account: an owner invites them by email and can remove them.</li>
        <li>
          Sponsor candidates by email: assign exam vouchers your company bought, or seats in the online Learning Lab and instructor-led courses.
          Everyone in your organisation sees who was sponsored and with what.
        </li>
        <li>
          A sponsored candidate&apos;s module results and certificates are theirs: you see them only when the candidate agrees to share them with your
          organisation, and no longer once they withdraw that consent.
        </li>
      </ul>
      <p>
        Program staff set up your organisation and invite its first owner. Already a member? Open <Link to="/organisations">your organisation</Link>.
      </p>

      <h2>Verify a certificate</h2>
      <p>
        The Manufacturing Skills Institute keeps a national registry of all certificate holders. Look a certificate up by
        its number to confirm that it is genuine and active: <Link to="/registry">verify a certificate</Link>.
      </p>

      <h2>Sponsor candidates</h2>
      <p>
        Employers can pay for their candidates&apos; assessments with vouchers or by invoice. For fees and vouchers, please
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
