// The feedback to one practice answer, at once: right or wrong, the learner's answer and (when it was
// wrong) the correct one, each drawn read-only by the same renderer as the question; why, in the
// item's rationale; and the lesson section that teaches it.
import type { Ref } from "react";
import { Link } from "react-router";
import type { CandidateItem, CandidateResponse } from "../../api/types";
import { ItemView, PresentationContent } from "../item-render";
import type { PracticeFeedback } from "../../../common/schemas/practice";

interface Props {
  item: CandidateItem;
  feedback: PracticeFeedback;
  headingRef?: Ref<HTMLHeadingElement>;
}

export function FeedbackPanel({ item, feedback, headingRef }: Props) {
  const id = `feedback-${item.id}`;
  return (
    <section className={feedback.correct ? "feedback feedback--right" : "feedback feedback--wrong"} aria-labelledby={id}>
      <h3 id={id} tabIndex={-1} ref={headingRef} className="feedback__verdict">
        <span aria-hidden="true">{feedback.correct ? "✓ " : "✗ "}</span>
        {feedback.correct ? "Correct" : "Not quite"}
      </h3>
      <div className="feedback__answers">
        <div>
          <h4>Your answer</h4>
          <ItemView presentation={item.presentation} response={(feedback.response ?? {}) as CandidateResponse} onChange={() => {}} readOnly className="feedback__item" />
        </div>
        {!feedback.correct && feedback.correctResponse ? (
          <div>
            <h4>The correct answer</h4>
            <ItemView presentation={item.presentation} response={feedback.correctResponse as CandidateResponse} onChange={() => {}} readOnly className="feedback__item" />
          </div>
        ) : null}
      </div>
      {feedback.rationale.length ? (
        <>
          <h4>Why</h4>
          <PresentationContent nodes={feedback.rationale} lang={item.presentation.lang} />
        </>
      ) : null}
      {feedback.lesson ? (
        <p>
          Learn it in the lesson <Link to={feedback.lesson.href}>{feedback.lesson.lessonTitle}: {feedback.lesson.heading}</Link>.
        </p>
      ) : null}
    </section>
  );
}
