import { Link } from "react-router";
import type { User } from "../../api/types";
import { MyRegistrations } from "../registration/my-registrations";
import { useMyRegistrations } from "../registration/scheduling-api";

const PATH = [
  { label: "National Career Readiness Certificate (Silver recommended)", detail: "Strongly encouraged before MT1 testing" },
  { label: "Math and Measurement (MM)", detail: "Certificate module" },
  { label: "Spatial Reasoning and Manufacturing Technology (SRMT)", detail: "Certificate module" },
  { label: "Quality and Business Acumen (QBA)", detail: "Certificate module" },
  { label: "Manufacturing Specialist (MS)", detail: "MM + SRMT" },
  { label: "Manufacturing Technician Level 1 (MT1)", detail: "All three modules" },
];

/** Confirmed registrations whose session is running now: the way into the test day. */
function TodaysTest() {
  const registrations = useMyRegistrations();
  const now = Date.now();
  const today = (registrations.data?.items ?? []).filter(
    (r) => r.status === "confirmed" && Date.parse(r.startsAt) <= now && now <= Date.parse(r.endsAt),
  );
  if (today.length === 0) return null;
  return (
    <div className="notice notice--info">
      {today.map((r) => (
        <p key={r.id}>
          <strong>Your test session is on now</strong> at {r.centerName}.{" "}
          <Link to={`/sitting/${encodeURIComponent(r.id)}`} className="button">
            Today’s test
          </Link>
        </p>
      ))}
    </div>
  );
}

export function CandidateSection({ user }: { user: User }) {
  return (
    <section className="card" aria-labelledby="candidate-heading">
      <h2 id="candidate-heading">Welcome, {user.firstName}</h2>
      <TodaysTest />
      <p>Here is your path to the MT1 certification. Each step shows its status as you progress.</p>
      <h3>Your path</h3>
      <ol className="path">
        {PATH.map((step) => (
          <li key={step.label}>
            <span>
              <strong>{step.label}</strong>
              <br />
              <span className="card__meta">{step.detail}</span>
            </span>
            <span className="badge badge--muted">Not started</span>
          </li>
        ))}
      </ol>
      <p className="button-row">
        <Link to="/sessions" className="button">
          Find a session
        </Link>
        <Link to="/modules">What each module covers</Link>
        <Link to="/account">Record your NCRC</Link>
        <Link to="/accommodations/request">Request accommodations</Link>
      </p>
      <MyRegistrations />
    </section>
  );
}
