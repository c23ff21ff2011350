// A skill's mastery as the learner reads it: how many of the last answers were right against the
// program's rule (e.g. 8 of the last 10), what it still takes, and since when it is mastered. The bar
// is drawn for the eye only; the sentence beside it says the same to everyone.
import { formatDate } from "../../lib/format";
import type { SkillMasteryView } from "../../../common/schemas/practice";
import "../../styles/practice.css";

export function masterySentence(m: SkillMasteryView): string {
  const needed = Math.ceil((m.percent * m.window) / 100);
  const rule = `${needed} of your last ${m.window}`;
  if (m.answered === 0) return `No answers yet. You master a skill with ${rule} practice answers right.`;
  const so = `${m.correct} of your last ${m.answered} ${m.answered === 1 ? "answer" : "answers"} right`;
  if (m.mastered) return `${so}: mastered.`;
  return `${so}. Answer ${m.toMaster} more ${m.toMaster === 1 ? "question" : "questions"} right in a row to master it (${rule} right).`;
}

export function MasteryBadge({ mastery }: { mastery: SkillMasteryView }) {
  return mastery.mastered ? <span className="badge badge--success">Mastered</span> : <span className="badge badge--muted">Not mastered yet</span>;
}

/** `badge`: false where a heading beside it already shows whether the skill is mastered. */
export function MasteryMeter({ mastery, badge = true }: { mastery: SkillMasteryView; badge?: boolean }) {
  const share = Math.round((mastery.correct / mastery.window) * 100);
  return (
    <div className="mastery-meter">
      <p className="mastery-meter__head">
        {badge ? (
          <>
            <MasteryBadge mastery={mastery} />{" "}
          </>
        ) : null}
        {masterySentence(mastery)}
        {mastery.masteredSince ? ` First mastered ${formatDate(mastery.masteredSince)}.` : null}
      </p>
      <span className="mastery-meter__track" aria-hidden="true">
        <span className={mastery.mastered ? "mastery-meter__fill mastery-meter__fill--done" : "mastery-meter__fill"} style={{ width: `${Math.min(100, share)}%` }} />
        <span className="mastery-meter__marker" style={{ left: `${mastery.percent}%` }} />
      </span>
    </div>
  );
}
