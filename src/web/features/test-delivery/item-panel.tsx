// One question on screen: a region named "Question n of N", read-aloud controls when approved,
// the item itself (drawn by the shared item renderer), and Previous / Flag for review / Next.
import type { Ref } from "react";
import type { CandidateItem, CandidateResponse } from "../../api/types";
import { ItemView } from "../item-render";
import { ReadAloudControls } from "./read-aloud-controls";
import type { SpokenItem } from "./spoken-text";
import type { useSpeech } from "./use-speech";

interface Props {
  item: CandidateItem;
  spoken: SpokenItem;
  index: number;
  total: number;
  response: CandidateResponse;
  flagged: boolean;
  readAloud: ReturnType<typeof useSpeech> | null;
  headingRef: Ref<HTMLHeadingElement>;
  onChange: (next: CandidateResponse) => void;
  onMove: (index: number) => void;
  onToggleFlag: () => void;
}

export function ItemPanel({ item, spoken, index, total, response, flagged, readAloud, headingRef, onChange, onMove, onToggleFlag }: Props) {
  const first = index === 0;
  const last = index === total - 1;
  return (
    <>
      <section className="question" aria-labelledby="test-heading">
        <div className="question__head">
          <h2 id="test-heading" className="question__title" tabIndex={-1} ref={headingRef}>
            Question {index + 1} of {total}
          </h2>
          {flagged ? <span className="flag-badge">⚑ Flagged for review</span> : null}
        </div>
        {readAloud ? <ReadAloudControls spoken={spoken} lang={item.presentation.lang || "en"} {...readAloud} /> : null}
        <ItemView key={item.id} presentation={item.presentation} response={response} onChange={onChange} className="question__item" />
      </section>
      <nav className="question-nav" aria-label="Question navigation">
        <button type="button" className="button button--secondary" onClick={() => onMove(index - 1)} disabled={first}>
          <span aria-hidden="true">←</span> Previous
        </button>
        <button type="button" className={flagged ? "button button--flag is-on" : "button button--flag"} aria-pressed={flagged} onClick={onToggleFlag}>
          <span aria-hidden="true">⚑</span> Flag for review
        </button>
        <button type="button" className="button" onClick={() => onMove(index + 1)} disabled={last}>
          Next <span aria-hidden="true">→</span>
        </button>
      </nav>
      {last ? <p className="question-nav__hint">This is the last question. Use Review answers to check your work, then Submit test.</p> : null}
    </>
  );
}
