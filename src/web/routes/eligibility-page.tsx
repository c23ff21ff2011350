import { Link } from "react-router";
import { Page } from "../components/page";

export function EligibilityPage() {
  return (
    <Page title="Eligibility" lead="Anyone may take the MT1 assessment. There are no prerequisites.">
      <h2>Who can test</h2>
      <p>
        Any individual may register for one, two or all three MT1 certificate modules. You do not need to belong to a
        company, school or training program.
      </p>

      <h2>Recommended first: a Silver NCRC</h2>
      <div className="callout">
        <p>
          We <strong>strongly encourage</strong> earning a <strong>Silver</strong> National Career Readiness Certificate
          (NCRC) before you take MT1. It is a recommendation, not a requirement: you can register without one.
        </p>
      </div>
      <p>
        The NCRC has four levels: Bronze, Silver, Gold and Platinum. When you create an account you can record the NCRC
        level you hold.
      </p>

      <h2>Stackable credentials</h2>
      <p>
        The Manufacturing Specialist (MS) and MT1 are industry-wide technical skills certifications that “stack” on top
        of the NCRC. This follows the NAM-endorsed skills credentialing approach that aligns education, certification and
        career pathways.
      </p>
      <ol>
        <li>National Career Readiness Certificate (NCRC), Silver or higher recommended</li>
        <li>Manufacturing Specialist (MS): pass Math and Measurement, and Spatial Reasoning and Manufacturing Technology</li>
        <li>Manufacturing Technician Level 1 (MT1): pass all three modules</li>
      </ol>

      <h2>College credit</h2>
      <p>
        MT1 holders can receive <strong>up to six advanced-standing credits</strong> toward higher-education degrees at
        participating partner institutions.
      </p>

      <p className="button-row">
        <Link to="/apply" className="button">
          How to apply
        </Link>
        <Link to="/accommodations">Need accommodations?</Link>
      </p>
    </Page>
  );
}
