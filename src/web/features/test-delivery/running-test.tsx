// The test while it runs: header and tools, the instructions / a question / the review screen,
// the question map and calculator beside it, and the submit dialog.
import { useMemo, useRef, useState, type MouseEvent } from "react";
import type { CandidateResponse } from "../../api/types";
import { CalculatorPanel, type CalculatorHandle } from "./calculator-panel";
import type { ClockAnchor } from "./clock";
import { remainingAt, spokenDuration } from "./clock";
import type { ClockHandle } from "./clock-display";
import type { AttemptView } from "../../../common/schemas/delivery";
import { ItemPanel } from "./item-panel";
import { QuestionMap, type QuestionMapHandle } from "./question-map";
import { summarize } from "./question-status";
import { ReviewScreen } from "./review-screen";
import type { SaveState } from "./save-status";
import { ShortcutList } from "./shortcut-list";
import { spokenItem } from "./spoken-text";
import { SubmitDialog } from "./submit-dialog";
import { TestHeader } from "./test-header";
import { Tutorial } from "./tutorial";
import type { DisplaySettings } from "./use-display-settings";
import { useShortcuts, type ShortcutAction } from "./use-shortcuts";
import { useSpeech } from "./use-speech";
import { useTestPosition } from "./use-test-position";

interface Props {
  attempt: AttemptView;
  moduleName: string;
  anchor: ClockAnchor;
  responses: Record<string, CandidateResponse>;
  flags: ReadonlySet<string>;
  saveState: SaveState;
  notice: string;
  display: DisplaySettings;
  onDisplay: (patch: Partial<DisplaySettings>) => void;
  onResponse: (item: AttemptView["items"][number], next: CandidateResponse) => void;
  onToggleFlag: (itemId: string) => void;
  onExpire: () => void;
  breaks: { available: boolean; busy: boolean; start: () => void };
  onSubmit: () => Promise<void>;
}

// Move focus without touching the URL, so the router does not treat the skip link as navigation.
function skipToQuestion(event: MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById("test-heading");
  if (!target) return;
  event.preventDefault();
  target.focus();
}

export function RunningTest(p: Props) {
  const { attempt } = p;
  const items = attempt.items;
  const position = useTestPosition(attempt.id, items.length);
  const { view } = position;
  const [calculatorOpen, setCalculatorOpen] = useState(false);
  const [submitOpen, setSubmitOpen] = useState(false);
  const clock = useRef<ClockHandle>(null);
  const map = useRef<QuestionMapHandle>(null);
  const calculator = useRef<CalculatorHandle>(null);
  const speech = useSpeech();
  const accommodations = attempt.accommodations ?? [];
  const readAloud = accommodations.includes("read_aloud") ? speech : null;
  const hasCalculator = attempt.calculator === true;

  const summary = useMemo(() => summarize(items, p.responses, p.flags), [items, p.responses, p.flags]);
  const item = view.kind === "question" ? items[view.index] : undefined;
  const spoken = useMemo(() => (item ? spokenItem(item.presentation) : null), [item]);
  const started = view.kind !== "tutorial";

  function toggleCalculator() {
    const opening = !calculatorOpen;
    setCalculatorOpen(opening);
    if (opening) requestAnimationFrame(() => calculator.current?.focus());
    else document.querySelector<HTMLElement>('[aria-controls="calculator-slot"]')?.focus();
  }

  function move(index: number) {
    speech.stop();
    position.goTo(index);
  }

  useShortcuts(!submitOpen, (action: ShortcutAction) => {
    switch (action) {
      case "time":
        clock.current?.announce();
        return true;
      case "calculator":
        if (hasCalculator) toggleCalculator();
        return hasCalculator;
      case "read":
        if (!readAloud || !spoken) return false;
        if (readAloud.speaking) readAloud.stop();
        else readAloud.speak(spoken.whole, item?.presentation.lang || "en");
        return true;
    }
    if (!started) return false;
    if (action === "map") map.current?.focusCurrent();
    else if (action === "review") position.toggleReview();
    else if (view.kind !== "question") return false;
    else if (action === "next") move(view.index + 1);
    else if (action === "previous") move(view.index - 1);
    else if (action === "flag") p.onToggleFlag(items[view.index]!.id);
    return true;
  });

  return (
    <>
      <a className="skip-link" href="#test-heading" onClick={skipToQuestion}>
        Skip to the question
      </a>
      <TestHeader
        moduleName={p.moduleName}
        anchor={p.anchor}
        clockRef={clock}
        onExpire={p.onExpire}
        saveState={p.saveState}
        notice={p.notice}
        display={p.display}
        onDisplay={p.onDisplay}
        calculator={{ available: hasCalculator, open: calculatorOpen, toggle: toggleCalculator }}
        breaks={p.breaks}
        started={started}
        reviewing={view.kind === "review"}
        onInstructions={position.showInstructions}
        onReview={position.toggleReview}
        onSubmit={() => setSubmitOpen(true)}
      />
      <div className="test-body">
        <main className="test-main">
          {view.kind === "tutorial" ? (
            <Tutorial
              total={items.length}
              clock={{ started: true, minutesLeft: spokenDuration(remainingAt(p.anchor, Date.now())) }}
              calculator={hasCalculator}
              readAloud={!!readAloud}
              breaks={p.breaks.available}
              returning={view.returnTo !== null}
              headingRef={position.heading}
              onBegin={position.begin}
            />
          ) : view.kind === "review" ? (
            <ReviewScreen items={items} summary={summary} returnTo={view.returnTo} headingRef={position.heading} onSelect={move} />
          ) : item && spoken ? (
            <ItemPanel
              item={item}
              spoken={spoken}
              index={view.index}
              total={items.length}
              response={p.responses[item.id] ?? {}}
              flagged={p.flags.has(item.id)}
              readAloud={readAloud}
              headingRef={position.heading}
              onChange={(next) => p.onResponse(item, next)}
              onMove={move}
              onToggleFlag={() => p.onToggleFlag(item.id)}
            />
          ) : null}
        </main>
        <aside className="test-side" aria-label="Question map and tools">
          {started ? (
            <QuestionMap ref={map} states={summary.states} flagged={items.map((i) => p.flags.has(i.id))} current={view.kind === "question" ? view.index : null} onSelect={move} />
          ) : null}
          <div id="calculator-slot">{calculatorOpen ? <CalculatorPanel ref={calculator} onClose={toggleCalculator} /> : null}</div>
          <details className="shortcut-help">
            <summary>Keyboard shortcuts</summary>
            <ShortcutList unavailable={[...(hasCalculator ? [] : ["calculator" as const]), ...(readAloud ? [] : ["read" as const])]} />
          </details>
        </aside>
      </div>
      <SubmitDialog open={submitOpen} summary={summary} total={items.length} onClose={() => setSubmitOpen(false)} onSubmit={p.onSubmit} />
    </>
  );
}
