// The review screen: what is not answered, partly answered, flagged and answered, each question a
// button back to it, named with the start of its text so the candidate recognizes it.
import { useMemo, type Ref } from "react";
import type { CandidateItem } from "../../api/types";
import { textOf } from "../item-render";
import type { AnswerSummary } from "./question-status";

interface Props {
  items: readonly CandidateItem[];
  summary: AnswerSummary;
  returnTo: number;
  headingRef: Ref<HTMLHeadingElement>;
  onSelect: (index: number) => void;
}

function preview(item: CandidateItem): string {
  const text = textOf(item.presentation.body);
  return text.length > 70 ? `${text.slice(0, 67).trimEnd()}…` : text;
}

function Group({ title, numbers, previews, onSelect }: { title: string; numbers: number[]; previews: string[]; onSelect: (index: number) => void }) {
  const id = `review-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section className="review-group" aria-labelledby={id}>
      <h3 id={id}>
        {title} ({numbers.length})
      </h3>
      {numbers.length === 0 ? (
        <p className="review-group__empty">None.</p>
      ) : (
        <ul className="review-list">
          {numbers.map((n) => (
            <li key={n}>
              <button type="button" className="review-link" onClick={() => onSelect(n - 1)}>
                <span className="review-link__number">Question {n}</span>
                <span className="review-link__text">{previews[n - 1]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ReviewScreen({ items, summary, returnTo, headingRef, onSelect }: Props) {
  const previews = useMemo(() => items.map(preview), [items]);
  const total = items.length;
  return (
    <section className="review" aria-labelledby="test-heading">
      <h2 id="test-heading" tabIndex={-1} ref={headingRef}>
        Review your answers
      </h2>
      <p>
        You have answered {summary.answered.length} of {total} questions.
        {summary.unanswered.length + summary.partial.length > 0 ? " Questions without a complete answer are listed first." : " Every question has an answer."} Select a question to go back to it. When you are ready, select Submit test.
      </p>
      <p>
        <button type="button" className="button button--secondary" onClick={() => onSelect(returnTo)}>
          <span aria-hidden="true">←</span> Back to question {returnTo + 1}
        </button>
      </p>
      <Group title="Not answered" numbers={summary.unanswered} previews={previews} onSelect={onSelect} />
      {summary.partial.length ? <Group title="Partly answered" numbers={summary.partial} previews={previews} onSelect={onSelect} /> : null}
      <Group title="Flagged for review" numbers={summary.flagged} previews={previews} onSelect={onSelect} />
      <Group title="Answered" numbers={summary.answered} previews={previews} onSelect={onSelect} />
    </section>
  );
}
