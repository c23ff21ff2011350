// The question map: one button per question, showing answered / partly answered / not answered,
// flagged and current by shape and symbol as well as colour, and saying all of it in the button's
// name ("Question 3, answered, flagged"). It collapses behind a toggle on narrow screens (and at
// high zoom), and is open by default where there is room beside the question.
import { forwardRef, useImperativeHandle, useRef, useState } from "react";
import { mapButtonName, type AnswerState } from "./question-status";

export interface QuestionMapHandle {
  /** Open the map and put focus on the current question's button (Alt+M). */
  focusCurrent(): void;
}

interface Props {
  states: readonly AnswerState[];
  flagged: readonly boolean[];
  /** Index of the question on screen; null on the review screen. */
  current: number | null;
  onSelect: (index: number) => void;
}

const wide = () => typeof window !== "undefined" && window.matchMedia?.("(min-width: 60rem)").matches;

export const QuestionMap = forwardRef<QuestionMapHandle, Props>(function QuestionMap({ states, flagged, current, onSelect }, ref) {
  const [open, setOpen] = useState(wide);
  const list = useRef<HTMLOListElement>(null);

  useImperativeHandle(ref, () => ({
    focusCurrent() {
      setOpen(true);
      // After the list has rendered (it may have just opened).
      requestAnimationFrame(() => {
        const buttons = list.current?.querySelectorAll<HTMLButtonElement>("button");
        buttons?.[current ?? 0]?.focus();
      });
    },
  }));

  const answered = states.filter((s) => s === "answered").length;
  return (
    <nav className="question-map" aria-label="Question map">
      <button type="button" className="button button--secondary button--small question-map__toggle" aria-expanded={open} aria-controls="question-map-list" onClick={() => setOpen((o) => !o)}>
        Question map
        <span className="question-map__count">
          {answered} of {states.length} answered
        </span>
      </button>
      <div id="question-map-list" hidden={!open}>
        <ol className="question-map__grid" ref={list}>
          {states.map((state, index) => (
            <li key={index}>
              <button
                type="button"
                className={`map-button map-button--${state}`}
                aria-label={mapButtonName(index + 1, state, !!flagged[index])}
                aria-current={index === current ? "step" : undefined}
                onClick={() => onSelect(index)}
              >
                {index + 1}
                {flagged[index] ? (
                  <span className="map-button__flag" aria-hidden="true">
                    ⚑
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ol>
        <ul className="question-map__legend" aria-label="Key">
          <li>
            <span className="map-swatch map-swatch--answered" aria-hidden="true" /> Answered
          </li>
          <li>
            <span className="map-swatch map-swatch--partial" aria-hidden="true" /> Partly answered
          </li>
          <li>
            <span className="map-swatch map-swatch--unanswered" aria-hidden="true" /> Not answered
          </li>
          <li>
            <span className="map-swatch map-swatch--flag" aria-hidden="true">
              ⚑
            </span>{" "}
            Flagged
          </li>
          <li>
            <span className="map-swatch map-swatch--current" aria-hidden="true" /> On screen
          </li>
        </ul>
      </div>
    </nav>
  );
});
