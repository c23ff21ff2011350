import { Link } from "react-router";

export function ProctorSection() {
  return (
    <section className="card" aria-labelledby="proctor-heading">
      <h2 id="proctor-heading">Proctoring</h2>
      <p>Your assigned sessions appear here. A certified proctor must be present for the entire testing period.</p>
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
        MT1 holders may receive up to six advanced-standing credits at partner institutions. Your credit listings and
        holder verifications will appear here.
      </p>
      <p>
        <Link to="/registry">Verify a certificate</Link>
      </p>
    </section>
  );
}
