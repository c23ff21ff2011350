// Advanced-standing credit on the holder's pathway (issue 14): what partner institutions granted for
// their credentials. Its own section, after the NCRC → modules → MS → MT1 steps.
import { Link } from "react-router";
import type { GrantedStanding } from "../../../common/schemas/advanced-standing";
import { formatDate } from "../../lib/format";
import { creditsText } from "./standing-text";
import "../../styles/advanced-standing.css";

export function PathwayStanding({ granted }: { granted: GrantedStanding[] }) {
  if (granted.length === 0) return null;
  return (
    <section className="standing-granted" aria-labelledby="pathway-standing-heading">
      <h3 id="pathway-standing-heading">Advanced-standing credit</h3>
      <ul>
        {granted.map((g) => (
          <li key={g.requestId}>
            <strong>{creditsText(g.credits)}</strong> at {g.institutionName} toward {g.programName}
            {g.courseEquivalents.length ? ` (${g.courseEquivalents.join(", ")})` : ""}, granted {formatDate(g.decidedAt)} for certificate {g.certificateNumber}.
            {g.flagged ? " That certificate is no longer active: the college has been shown it." : null}
          </li>
        ))}
      </ul>
      <p className="card__meta">
        <Link to="/credentials">Your certificates and requests</Link>
      </p>
    </section>
  );
}
