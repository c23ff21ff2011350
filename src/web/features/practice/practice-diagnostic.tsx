// A practice test's diagnostic, shaped like the real score report: the percent, whether it would have
// passed at the program's mark, each skill's subscore against the standard (the results page's own
// chart), and the way on: a study plan from it, practice of the skills below standard.
import { useMutation } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { errorMessage } from "../../api/client";
import { FormAlert } from "../../components/form-alert";
import { formatPercent } from "../../../common/rules/pass-rule";
import type { PracticeDiagnostic as Diagnostic } from "../../../common/schemas/practice";
import { SkillChart } from "../results/skill-chart";
import { practiceApi, practiceLinks } from "./practice-api";
import "../../styles/results.css";

export function PracticeDiagnostic({ testId, diagnostic, moduleName }: { testId: string; diagnostic: Diagnostic; moduleName: string }) {
  const navigate = useNavigate();
  const below = diagnostic.skills.filter((s) => s.belowStandard);
  const plan = useMutation({
    mutationFn: () => practiceApi.makePlan({ source: "practice_test", id: testId }),
    onSuccess: (made) => void navigate(practiceLinks.plan(made.id)),
  });
  return (
    <section className="card result-card" aria-labelledby="diagnostic-heading">
      <div className="record__head">
        <h2 id="diagnostic-heading">Diagnostic</h2>
        {diagnostic.passed ? <span className="badge badge--success">Would have passed</span> : <span className="badge badge--warning">Would not have passed</span>}
      </div>
      <p className="result-card__score">
        <span className="result-card__percent">{formatPercent(diagnostic.percent)}</span>
        <span className="card__meta">
          You answered {diagnostic.answered} of {diagnostic.total} questions. The real test's pass mark is {diagnostic.passPercent}%.
        </span>
      </p>
      <h3>Skill subscores</h3>
      <SkillChart skills={diagnostic.skills} passPercent={diagnostic.passPercent} caption={`Skill subscores, ${moduleName} practice test`} />
      {below.length > 0 ? (
        <>
          <h3>Skills to work on</h3>
          <ul>
            {below.map((s) => (
              <li key={s.code}>
                {s.name} ({formatPercent(s.percent)}): <Link to={practiceLinks.practise(s.code)}>practise {s.name}</Link>
              </li>
            ))}
          </ul>
          <FormAlert>{plan.isError ? errorMessage(plan.error) : null}</FormAlert>
          <p className="button-row">
            <button type="button" className="button" onClick={() => plan.mutate()} disabled={plan.isPending}>
              Make a study plan
            </button>
          </p>
        </>
      ) : (
        <p>Every skill met the {diagnostic.passPercent}% standard.</p>
      )}
    </section>
  );
}
