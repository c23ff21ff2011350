// The end of a module: submitted (by the candidate or, at the deadline, by the server), the result
// when it is ready, any credential earned, and the way back to the sitting or the dashboard.
import { formatPercent } from "../../../common/rules/pass-rule";
import { Link } from "react-router";
import { formatCalendarDate } from "../../lib/format";
import type { Award, ModuleResult } from "../../../common/schemas/results";
import { StatusScreen } from "./status-screen";

interface Props {
  status: string | null;
  moduleName: string;
  result: ModuleResult | null;
  awarded: Award[];
  registrationId: string | null;
  timeUp: boolean;
}

function ResultSummary({ result }: { result: ModuleResult }) {
  const below = result.skills.filter((s) => s.belowStandard);
  return (
    <section className="result" aria-labelledby="result-title">
      <h2 id="result-title">Your result</h2>
      <dl className="result__facts">
        <div>
          <dt>Score</dt>
          <dd>{formatPercent(result.percent)}</dd>
        </div>
        <div>
          <dt>Outcome</dt>
          <dd>
            <span className={result.passed ? "badge badge--success" : "badge badge--muted"}>{result.passed ? "Passed" : "Not passed"}</span>
          </dd>
        </div>
      </dl>
      {below.length ? (
        <>
          <h3>Skills below the standard</h3>
          <ul>
            {below.map((s) => (
              <li key={s.code}>
                {s.name}: {formatPercent(s.percent)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Every skill met the standard.</p>
      )}
    </section>
  );
}

export function FinishedScreen({ status, moduleName, result, awarded, registrationId, timeUp }: Props) {
  if (status === "voided") {
    return (
      <StatusScreen title="This test attempt was ended" testId="finished">
        <p className="status-screen__lead">Your proctor ended this attempt of {moduleName}. Your proctor or the program office will tell you what happens next.</p>
        <p>
          <Link to="/dashboard">Back to your dashboard</Link>
        </p>
      </StatusScreen>
    );
  }
  return (
    <StatusScreen title={`${moduleName}: test submitted`} testId="finished" tone="done">
      <p className="status-screen__lead">
        {timeUp ? "Time ran out, so your saved answers were submitted for you. " : ""}
        Your answers have been submitted. You can no longer change them.
      </p>
      {result ? (
        <ResultSummary result={result} />
      ) : (
        <p role="status">Your result is being prepared. It appears here in a moment, and on your dashboard.</p>
      )}
      {awarded.length ? (
        <section aria-labelledby="awarded-title">
          <h2 id="awarded-title">Credentials earned</h2>
          <ul>
            {awarded.map((a) => (
              <li key={a.certificateNumber}>
                {a.type}: certificate {a.certificateNumber}, issued {formatCalendarDate(a.issuedOn)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="button-row">
        {registrationId ? (
          <Link className="button" to={`/sitting/${encodeURIComponent(registrationId)}`}>
            Back to today’s modules
          </Link>
        ) : null}
        <Link className={registrationId ? "button button--secondary" : "button"} to="/dashboard">
          Back to your dashboard
        </Link>
      </p>
    </StatusScreen>
  );
}
