import { Link } from "react-router";
import { Page } from "../../components/page";
import "../../styles/self-service.css";

// The program's privacy notice: what this platform keeps, why, who sees it, for how long, and the
// candidate's rights. Written from what the platform actually stores; the retention periods are the
// program's policy (a change to them is a change to this page).
export function PrivacyPage() {
  return (
    <Page title="Privacy notice" lead="What the MT1 certification program keeps about you, why, who sees it, and how to use your rights.">
      <div className="legal">
        <p className="legal__meta">The Manufacturing Skills Institute (MSI) runs the MT1 certification program and is responsible for your data on this site.</p>

        <h2>What we keep and why</h2>
        <dl className="legal__list">
          <dt>Your account and identity</dt>
          <dd>
            Your name, email address and password (stored only as a one-way hash). We need them to register you for sessions, to tell you about your
            registrations and results, and to print your name on your certificate. At the session, a proctor checks a government-issued photo ID
            against your name; we record that it was checked, not a copy of the ID.
          </dd>
          <dt>Your profile</dt>
          <dd>
            Your state, and optionally your National Career Readiness Certificate (NCRC) level and number, used to advise you before testing and to
            let employers and colleges in your state find your certificate if you choose to be listed.
          </dd>
          <dt>Registrations and payments</dt>
          <dd>
            The sessions you book, their confirmation numbers, and how each was paid (voucher code, invoice or waiver). We do not take or store card
            numbers.
          </dd>
          <dt>Your test sittings</dt>
          <dd>
            Your answers, timing, the device your test ran on, the proctor's check-in and any incident the proctor recorded. They are needed to score
            your test, to resume it after a break or a lost connection, and to decide fairly about an irregularity or an appeal.
          </dd>
          <dt>Results and certificates</dt>
          <dd>
            Your scores per module and skill, and every certificate issued to you with its number and status. A certificate must stay verifiable for
            as long as it may be shown to an employer, so these are kept permanently.
          </dd>
          <dt>Accommodation requests</dt>
          <dd>
            What you asked for, the documents you uploaded (for example a clinician's letter) and the program's decision. Documents are kept in the
            database, never as public files, and opened only by program staff who decide requests; every opening is logged.
          </dd>
          <dt>Security records</dt>
          <dd>
            Sign-in attempts with their network address (to stop password guessing), and an audit log of what staff did and to which record.
          </dd>
          <dt>Emails we sent you</dt>
          <dd>A copy of each message, without any sign-in or reset link, so staff can check what you were told.</dd>
        </dl>

        <h2>Who sees what</h2>
        <ul>
          <li>
            <strong>You</strong> see your registrations, receipts, results with skills feedback, and certificates. You never see test answers or
            items, and neither does anyone outside the program.
          </li>
          <li>
            <strong>Your proctor and the assessment center</strong> see the roster of their session: your name, email, modules, and which
            accommodations apply (not the documents or the reasons behind them).
          </li>
          <li>
            <strong>Program staff</strong> see what they need to run the program: registrations, payments, results, accommodation requests and
            documents, incidents and the audit log.
          </li>
          <li>
            <strong>The public</strong> sees a certificate only when given its number: the holder's name, the certificate type, the date issued
            and whether it is active or revoked. A search by name finds you only if you opt in on your{" "}
            <Link to="/account">account page</Link> (off unless you turn it on).
          </li>
          <li>
            <strong>Your employer</strong>, if you paid with its voucher, sees that the voucher was used and for which registration. It does not
            see your results unless you share your certificate.
          </li>
          <li>Your digital badge (Open Badges) identifies you by a salted hash of your email address, not by name.</li>
        </ul>

        <h2>How long we keep it</h2>
        <p>The program's retention schedule (records past their period are deleted by program staff; nothing is kept longer for any other purpose):</p>
        <ul>
          <li>Certificates, results and the registry entry: permanently, so they can be verified.</li>
          <li>Test sittings (answers, timing, incidents): five years after the sitting, the period in which a result can be reviewed or appealed and an audit can ask for evidence.</li>
          <li>Accommodation documents: three years after the decision, unless you ask us to delete them sooner and no sitting depends on them.</li>
          <li>Registrations, receipts and invoices: seven years, for the program's accounts.</li>
          <li>Sign-in attempts: one year (they count against the sign-in throttle for 15 minutes only); the audit log: seven years.</li>
        </ul>

        <h2>Your rights</h2>
        <p>You may ask us to:</p>
        <ul>
          <li>show you the data we hold about you and give you a copy;</li>
          <li>correct your name or other details (your name and state can be changed on your <Link to="/account">account page</Link>);</li>
          <li>delete data we no longer need (a certificate stays on record, but you can withdraw from the name search at any time);</li>
          <li>stop listing you in the registry search (one switch on your account page);</li>
          <li>explain a decision about your result, an irregularity or an accommodation, and review it.</li>
        </ul>
        <p>
          To use a right, reply to any email we sent you (from the address on your account), or call <a href="tel:+18046437489,131">804-643-7489 ext 131</a>. We
          answer within 30 days. We never sell your data or use it for advertising.
        </p>
      </div>
    </Page>
  );
}
