import { Link } from "react-router";
import type { User } from "../../api/types";
import { MyRegistrations } from "../registration/my-registrations";
import { useMyRegistrations } from "../registration/scheduling-api";
import { PathwayView } from "../results/pathway-view";

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
      <h3>Your path to MT1</h3>
      <PathwayView />
      <p className="button-row">
        <Link to="/sessions" className="button">
          Find a session
        </Link>
        <Link to="/results">Your results</Link>
        <Link to="/credentials">Your certificates</Link>
        <Link to="/modules">What each module covers</Link>
        <Link to="/account">Your profile and NCRC</Link>
        <Link to="/accommodations/request">Request accommodations</Link>
        {/* issue 13, training stream */}
        <Link to="/training/my-courses">My training</Link>
      </p>
      <MyRegistrations />
      <h3>Learning Lab</h3>
      <p>
        Lessons and practice for each of the 12 skills, aligned to the MT1 Skills Standards. If a module’s result was
        below the pass mark, start with the skills it named.
      </p>
      <p>
        <Link to="/learning" className="button button--secondary">
          Open the Learning Lab
        </Link>
      </p>
    </section>
  );
}
