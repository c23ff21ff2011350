import { groupByOffering } from "../../../common/rules/skill-training";
import type { SkillResult, TrainingRecommendation } from "../../../common/schemas/results";
import { formatPercent, TRAINING_KIND_LABELS } from "./results-api";

interface Props {
  skills: SkillResult[];
  training: TrainingRecommendation[];
  passPercent: number;
  contact: string | null;
}

// The skills below standard and the training that covers them. One offering usually covers several
// skills, so each is listed once with the skills it was recommended for. The online Learning Lab is no
// longer an offering to ask the program about (issue 13): the result card links to its study plan,
// skill pages and practice test instead, so only the instructor-led courses are listed here.
export function TrainingList({ skills, training: recommended, passPercent, contact }: Props) {
  const below = skills.filter((s) => s.belowStandard);
  if (below.length === 0) return <p>Every skill met the {passPercent}% standard.</p>;
  const training = recommended.filter((t) => t.kind !== "learning_lab");
  const names = new Map(skills.map((s) => [s.code, s.name]));
  return (
    <div className="training">
      <h3>Skills below the standard and the training that covers them</h3>
      <p>
        Below the {passPercent}% standard: {below.map((s) => `${s.name} (${formatPercent(s.percent)})`).join(", ")}.
      </p>
      {training.length > 0 ? (
        <ul className="training__list">
          {groupByOffering(training).map((offer) => (
            <li key={`${offer.kind}-${offer.title}`} className="training__item">
              <p className="training__title">
                <strong>{offer.url ? <a href={offer.url}>{offer.title}</a> : offer.title}</strong>{" "}
                <span className="badge badge--muted">{TRAINING_KIND_LABELS[offer.kind]}</span>
              </p>
              <p className="training__covers">Covers {offer.skills.map((code) => names.get(code) ?? code).join(", ")}.</p>
              <p>{offer.description}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {contact && training.some((t) => t.kind === "course") ? <p>Questions about training: {contact}.</p> : null}
    </div>
  );
}
