import { Link } from "react-router";
import { formatDate, formatDateTime } from "../../lib/format";
import type { MyResultView } from "../../../common/schemas/results";
import { documentLinks, formatPercent } from "./results-api";
import { SkillChart } from "./skill-chart";
import { TrainingList } from "./training-list";
// issue 13: the Learning Lab's study plan, skill pages and practice test for a module below the mark.
import { LearningLabLinks } from "../practice/learning-lab-links";
import "../../styles/results.css";

interface Props {
  module: { code: string; name: string; passPercent: number };
  /** The module's results, latest first. */
  results: MyResultView[];
  contact: string | null;
}

function PassBadge({ passed }: { passed: boolean }) {
  return passed ? <span className="badge badge--success">Passed</span> : <span className="badge badge--warning">Not passed</span>;
}

function ReportLink({ result, moduleName }: { result: MyResultView; moduleName: string }) {
  return (
    <a href={documentLinks.scoreReport(result.attemptId)} className="button button--secondary button--small" download>
      Download score report (PDF)
      <span className="visually-hidden">
        : {moduleName}, {formatDate(result.submittedAt ?? result.scoredAt)}
      </span>
    </a>
  );
}

// One module: its latest result in full (percent, pass, skill chart, training), earlier attempts below.
export function ResultCard({ module, results, contact }: Props) {
  const [latest, ...earlier] = results;
  if (!latest) return null;
  const headingId = `result-${module.code}`;
  return (
    <section className="card result-card" aria-labelledby={headingId}>
      <div className="record__head">
        <h2 id={headingId}>
          {module.name} ({module.code})
        </h2>
        <PassBadge passed={latest.passed} />
      </div>
      <p className="result-card__score">
        <span className="result-card__percent">{formatPercent(latest.percent)}</span>
        <span className="card__meta">
          {earlier.length > 0 ? "Latest attempt, " : null}submitted {formatDateTime(latest.submittedAt ?? latest.scoredAt)}. The pass mark is{" "}
          {module.passPercent}%.
        </span>
      </p>
      <h3>Skill subscores</h3>
      <SkillChart skills={latest.skills} passPercent={module.passPercent} caption={`Skill subscores, ${module.name}${earlier.length > 0 ? ", latest attempt" : ""}`} />
      <TrainingList
        skills={latest.skills}
        training={latest.training}
        passPercent={module.passPercent}
        contact={contact}
      />
      {!latest.passed ? <LearningLabLinks attemptId={latest.attemptId} module={module} skills={latest.skills} /> : null}
      {!latest.passed ? (
        <p>
          You may sit this module again. <Link to="/sessions">Find a session</Link>.
        </p>
      ) : null}
      <p className="button-row">
        <ReportLink result={latest} moduleName={module.name} />
      </p>
      {earlier.length > 0 ? (
        <>
          <h3>Earlier attempts</h3>
          <ul className="result-card__earlier">
            {earlier.map((r) => (
              <li key={r.attemptId}>
                {formatDate(r.submittedAt ?? r.scoredAt)}: {formatPercent(r.percent)} <PassBadge passed={r.passed} />{" "}
                <a href={documentLinks.scoreReport(r.attemptId)} download>
                  Score report (PDF)<span className="visually-hidden">, {module.name}, {formatDate(r.submittedAt ?? r.scoredAt)}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
