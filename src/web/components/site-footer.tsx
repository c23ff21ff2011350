import { Link } from "react-router";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <div>
          <p className="site-footer__title">MT1 Certification</p>
          <p>
            The Manufacturing Technician Level 1 certification program of the Manufacturing Skills Institute (MSI).
            Questions about fees, registration or accommodations: call <a href="tel:+18046437489,131">804-643-7489 ext 131</a>.
          </p>
        </div>
        <nav aria-label="Footer">
          <ul className="site-footer__links">
            <li><Link to="/modules">Modules & skills</Link></li>
            <li><Link to="/centers">Assessment centers</Link></li>
            {/* issue 13, training stream: the public course finder */}
            <li><Link to="/training/courses">Training courses</Link></li>
            <li><Link to="/accommodations">Accommodations</Link></li>
            <li><Link to="/handbook">Request the handbook</Link></li>
            <li><Link to="/employers">For employers</Link></li>
            <li><Link to="/partners">Partner colleges</Link></li>
          </ul>
          <ul className="site-footer__links site-footer__links--legal">
            <li><Link to="/privacy">Privacy notice</Link></li>
            <li><Link to="/terms">Terms of use</Link></li>
            <li><Link to="/accessibility">Accessibility statement</Link></li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
