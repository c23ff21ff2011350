import { Link } from "react-router";
import { Page } from "../../components/page";
import "../../styles/self-service.css";

// The accessibility statement: the target, how the site is tested, its known limits, and how to ask for help.
export function AccessibilityPage() {
  return (
    <Page title="Accessibility statement" lead="We want every candidate to be able to register, test and receive their certificate on this site.">
      <div className="legal">
        <h2>Our target</h2>
        <p>
          This site, including the test screen, aims to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA: usable with a keyboard
          alone, with a screen reader, and with the browser zoomed in.
        </p>

        <h2>How we test</h2>
        <ul>
          <li>Automated journeys in a real browser (booking, the test screen, results, staff and center screens) check every page they visit with the axe accessibility engine; any violation fails the test.</li>
          <li>Forms show an error summary that links to each field to fix, and each field carries its own message; nothing relies on colour alone.</li>
          <li>The journeys use the keyboard and the accessible names of controls, the way assistive technology does; the test screen's questions, navigation and calculator work from the keyboard.</li>
        </ul>

        <h2>Known limits</h2>
        <ul>
          <li>Some figures in measurement questions (for example reading a ruler) cannot be fully described in words without giving the answer away; candidates who need them described can ask for a reader or scribe as an accommodation.</li>
          <li>Printable PDFs (certificates, score reports, rosters) have not been checked with screen readers; the same information is on the results, certificates and roster pages, and your receipt is an HTML page.</li>
          <li>Automated checks find only part of the barriers people meet; we have not yet run a full review with disabled users, and we welcome reports.</li>
        </ul>

        <h2>Ask for help or an accommodation</h2>
        <p>
          If something on this site is hard to use, tell us what page and what happened: call <a href="tel:+18046437489,131">804-643-7489 ext 131</a>.
          We answer within five working days and can register you by phone meanwhile.
        </p>
        <p>
          For the test itself (extra time, breaks, a reader or scribe, large print, a separate room, and more), <Link to="/accommodations/request">request an accommodation</Link>{" "}
          well before you book. Read <Link to="/accommodations">how accommodations work</Link>.
        </p>
      </div>
    </Page>
  );
}
