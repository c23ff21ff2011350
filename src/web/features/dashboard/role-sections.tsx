import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api } from "../../api/client";
import type { MySessionsPage, MySessionView } from "../../../common/schemas/scheduling";
import { QueryStatus } from "../../components/query-status";
import { formatZonedRange } from "../../../common/time-zones";
import { schedulingKeys } from "../registration/scheduling-api";

/** Sessions worth a console link: not cancelled, and not ended more than a day ago (the report stays reachable). */
function consoleSessions(items: MySessionView[], now: number): MySessionView[] {
  return items
    .filter((s) => s.status !== "cancelled" && Date.parse(s.endsAt) > now - 24 * 3600_000)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, 5);
}

/** "Saturday, November 21, 2026, 9:00 AM – 1:00 PM EST": the time at the session's center. */
function whenOf(session: MySessionView): string {
  return formatZonedRange(session.startsAt, session.endsAt, session.timeZone);
}

function ProctorSessions() {
  const sessions = useQuery({
    queryKey: schedulingKeys.mySessions,
    queryFn: ({ signal }) => api.get<MySessionsPage>("/api/v1/me/sessions", undefined, signal),
  });
  return (
    <QueryStatus query={sessions} loadingLabel="Loading your sessions…">
      {(data) => {
        const list = consoleSessions(data.items, Date.now());
        if (list.length === 0) return <p>You have no current or upcoming sessions.</p>;
        return (
          <ul className="sessions">
            {list.map((session) => (
              <li key={session.id} className="session">
                <p>
                  {whenOf(session)}
                  {session.centerName ? ` at ${session.centerName}` : null}
                  {Date.parse(session.startsAt) <= Date.now() && Date.parse(session.endsAt) > Date.now() ? (
                    <>
                      {" "}
                      <span className="badge badge--success">Now</span>
                    </>
                  ) : null}
                </p>
                <p>
                  <Link to={`/proctor/sessions/${encodeURIComponent(session.id)}`} className="button button--small">
                    Open console
                    <span className="visually-hidden">
                      {" "}
                      for {whenOf(session)}
                      {session.centerName ? ` at ${session.centerName}` : null}
                    </span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        );
      }}
    </QueryStatus>
  );
}

export function ProctorSection() {
  return (
    <section className="card" aria-labelledby="proctor-heading">
      <h2 id="proctor-heading">Proctoring</h2>
      <p>Your assigned sessions appear here. A certified proctor must be present for the entire testing period.</p>
      <ProctorSessions />
      <p>
        <Link to="/center">Your sessions and rosters</Link>
      </p>
    </section>
  );
}

export function CenterAdminSection() {
  return (
    <section className="card" aria-labelledby="center-heading">
      <h2 id="center-heading">Your assessment center</h2>
      <p>Your center's sessions, seats, proctors and rosters will appear here.</p>
      <p>
        <Link to="/center" className="button">
          Manage your center's sessions
        </Link>
      </p>
      <p>
        <Link to="/centers">See the public list of centers and sessions</Link>
      </p>
      {/* issue 13, training stream */}
      <p>
        <Link to="/center/courses">Your center&apos;s training courses</Link>
      </p>
    </section>
  );
}

export function EmployerSection() {
  return (
    <section className="card" aria-labelledby="employer-heading">
      <h2 id="employer-heading">Employer</h2>
      <p>Check that a certificate is genuine in the national certificant registry.</p>
      <p>
        <Link to="/registry">Verify a certificate</Link>
      </p>
      <p>
        <Link to="/employer">Buy vouchers and ask for onsite testing</Link>
      </p>
      {/* issue 13, training stream */}
      <p>
        <Link to="/employer/training">Sponsor training for employees</Link>
      </p>
      {/* issue 14: the company as an organisation: colleagues, sponsored candidates */}
      <p>
        <Link to="/organisations">Your organisation: colleagues and sponsored candidates</Link>
      </p>
      <p>
        For help sponsoring candidates with vouchers or onsite testing, call{" "}
        <a href="tel:+18046437489,131">804-643-7489 ext 131</a>.
      </p>
    </section>
  );
}

export function CollegePartnerSection() {
  return (
    <section className="card" aria-labelledby="college-heading">
      <h2 id="college-heading">College partner</h2>
      <p>
        MT1 holders may receive up to six advanced-standing credits at partner institutions. Their requests come to
        you with the certificate already verified.
      </p>
      <p className="button-row">
        <Link to="/college/advanced-standing" className="button">
          Advanced standing requests
        </Link>
        <Link to="/registry">Verify a certificate</Link>
      </p>
    </section>
  );
}

// issue 13, training stream: MT1 Certified Trainers.
export function TrainerSection() {
  return (
    <section className="card" aria-labelledby="trainer-heading">
      <h2 id="trainer-heading">Training</h2>
      <p>The courses you teach, with each meeting&apos;s attendance and each learner&apos;s completion.</p>
      <p>
        <Link to="/trainer" className="button">
          Your courses
        </Link>
      </p>
    </section>
  );
}
