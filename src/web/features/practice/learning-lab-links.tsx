// The score report's way on for a module below the pass mark (issue 13): make a study plan from the
// result (or open the one made already), the Learning Lab page of each skill below standard, and the
// module's practice test.
import { useMutation } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { errorMessage } from "../../api/client";
import { FormAlert } from "../../components/form-alert";
import type { SkillResult } from "../../../common/schemas/results";
import { practiceApi, practiceLinks } from "./practice-api";
import "../../styles/practice.css";

interface Props {
  attemptId: string;
  module: { code: string; name: string };
  skills: SkillResult[];
}

export function LearningLabLinks({ attemptId, module, skills }: Props) {
  const navigate = useNavigate();
  const below = skills.filter((s) => s.belowStandard);
  const plan = useMutation({
    mutationFn: () => practiceApi.makePlan({ source: "result", id: attemptId }),
    onSuccess: (made) => void navigate(practiceLinks.plan(made.id)),
  });
  const headingId = `learning-lab-${module.code}`;
  return (
    <section className="learning-lab-links" aria-labelledby={headingId}>
      <h3 id={headingId}>Train for the retake in the Learning Lab</h3>
      <p>
        A study plan lists the skills below the standard in order, with their lessons and practice, and tracks your mastery of each. When every skill
        is mastered, it invites you to book the retake.
      </p>
      <FormAlert>{plan.isError ? errorMessage(plan.error) : null}</FormAlert>
      <p className="button-row">
        <button type="button" className="button" onClick={() => plan.mutate()} disabled={plan.isPending}>
          Make a study plan<span className="visually-hidden"> for {module.name}</span>
        </button>
        <Link to={practiceLinks.practiceTests(module.code)}>Take a practice test of {module.name}</Link>
      </p>
      {below.length > 0 ? (
        <ul className="learning-lab-links__skills">
          {below.map((s) => (
            <li key={s.code}>
              <Link to={practiceLinks.skill(s.code)}>{s.name} in the Learning Lab</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
