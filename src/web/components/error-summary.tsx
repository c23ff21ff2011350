import { useEffect, useRef } from "react";
import type { FormErrors } from "../lib/form-errors";

// The error summary a form shows above itself when it is refused: a heading, then each problem as a
// link to its field (or plain text for a problem with the whole form). It takes focus when it
// appears, so keyboard and screen-reader users land on what to fix; the field keeps its own message.
export function ErrorSummary({ errors, title = "There is a problem" }: { errors: FormErrors; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { problems, fieldId, labels } = errors;
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={`${fieldId("summary")}-title`}>
      <h2 id={`${fieldId("summary")}-title`}>{title}</h2>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.field ?? ""}-${index}`}>
            {problem.field ? (
              <a
                href={`#${fieldId(problem.field)}`}
                onClick={(event) => {
                  // Focus the control itself: following the link alone would scroll but not focus it.
                  const target = document.getElementById(fieldId(problem.field!));
                  if (target) {
                    event.preventDefault();
                    target.focus();
                    target.scrollIntoView({ block: "center" });
                  }
                }}
              >
                {labels[problem.field] ? `${labels[problem.field]}: ` : ""}
                {problem.message}
              </a>
            ) : (
              problem.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
