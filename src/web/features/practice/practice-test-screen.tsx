// Taking a practice test: the test screen's own pieces (banner with the clock and save status, text
// size and contrast, calculator where the module allows it, question map, flags, review and submit
// dialog, keyboard shortcuts, read-aloud, which practice offers everyone), so practice feels like the
// real thing. Answers are saved as the learner goes; a timed test's clock is the server's, and when it
// runs out the server submits the test and the screen moves to the diagnostic.
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import { Link, Navigate, useNavigate, useParams } from "react-router";
import { errorMessage } from "../../api/client";
import { useQueryClient } from "@tanstack/react-query";
import type { CandidateResponse } from "../../api/types";
import { SITE_NAME } from "../../components/page";
import { CalculatorPanel, type CalculatorHandle } from "../test-delivery/calculator-panel";
import type { ClockAnchor } from "../test-delivery/clock";
import type { ClockHandle } from "../test-delivery/clock-display";
import { ItemPanel } from "../test-delivery/item-panel";
import { LoadingScreen } from "../test-delivery/other-screens";
import { StatusScreen } from "../test-delivery/status-screen";
import { QuestionMap, type QuestionMapHandle } from "../test-delivery/question-map";
import { summarize } from "../test-delivery/question-status";
import { ReviewScreen } from "../test-delivery/review-screen";
import { ShortcutList } from "../test-delivery/shortcut-list";
import { spokenItem } from "../test-delivery/spoken-text";
import { SubmitDialog } from "../test-delivery/submit-dialog";
import { TestHeader } from "../test-delivery/test-header";
import { useDisplaySettings } from "../test-delivery/use-display-settings";
import { useShortcuts, type ShortcutAction } from "../test-delivery/use-shortcuts";
import { useSpeech } from "../test-delivery/use-speech";
import { useTestPosition } from "../test-delivery/use-test-position";
import type { PracticeTestView } from "../../../common/schemas/practice";
import { practiceKeys, practiceLinks, usePracticeTest } from "./practice-api";
import { usePracticeSaves } from "./use-practice-saves";
import "../../styles/test-screen.css";

// Move focus without touching the URL, so the router does not treat the skip link as navigation.
function skipToQuestion(event: MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById("test-heading");
  if (!target) return;
  event.preventDefault();
  target.focus();
}

function RunningPracticeTest({ test, receivedAt, onOver }: { test: PracticeTestView; receivedAt: number; onOver: () => void }) {
  const items = test.items;
  const position = useTestPosition(`practice-${test.id}`, items.length);
  const { view } = position;
  const [responses, setResponses] = useState<Record<string, CandidateResponse>>(() => test.responses as Record<string, CandidateResponse>);
  const [flags, setFlags] = useState<ReadonlySet<string>>(new Set());
  const [submitOpen, setSubmitOpen] = useState(false);
  const [calculatorOpen, setCalculatorOpen] = useState(false);
  const clock = useRef<ClockHandle>(null);
  const map = useRef<QuestionMapHandle>(null);
  const calculator = useRef<CalculatorHandle>(null);
  const speech = useSpeech();
  const display = useDisplaySettings("practice", []);
  const saves = usePracticeSaves(test.id, onOver);
  const summary = useMemo(() => summarize(items, responses, flags), [items, responses, flags]);
  const item = view.kind === "question" ? items[view.index] : undefined;
  const spoken = useMemo(() => (item ? spokenItem(item.presentation) : null), [item]);

  useEffect(() => {
    document.title = `${test.moduleName} practice test · ${SITE_NAME}`;
  }, [test.moduleName]);

  const anchor: ClockAnchor | null = useMemo(
    () => (test.timed && test.remainingMs !== null ? { remainingMs: test.remainingMs, receivedAt, running: true } : null),
    [test.timed, test.remainingMs, receivedAt],
  );

  function move(index: number) {
    speech.stop();
    position.goTo(index);
  }
  function toggleFlag(itemId: string) {
    setFlags((now) => {
      const next = new Set(now);
      if (next.has(itemId)) next.delete(itemId);
      else next.add(itemId);
      return next;
    });
  }
  function toggleCalculator() {
    const opening = !calculatorOpen;
    setCalculatorOpen(opening);
    if (opening) requestAnimationFrame(() => calculator.current?.focus());
    else document.querySelector<HTMLElement>('[aria-controls="calculator-slot"]')?.focus();
  }

  useShortcuts(!submitOpen, (action: ShortcutAction) => {
    switch (action) {
      case "time":
        clock.current?.announce();
        return !!anchor;
      case "calculator":
        if (test.calculator) toggleCalculator();
        return test.calculator;
      case "read":
        if (!spoken) return false;
        if (speech.speaking) speech.stop();
        else speech.speak(spoken.whole, item?.presentation.lang || "en");
        return true;
      case "map":
        map.current?.focusCurrent();
        return true;
      case "review":
        position.toggleReview();
        return true;
    }
    if (view.kind !== "question") return false;
    if (action === "next") move(view.index + 1);
    else if (action === "previous") move(view.index - 1);
    else if (action === "flag") toggleFlag(items[view.index]!.id);
    return true;
  });

  const submit = useCallback(async () => {
    await saves.flush();
    await saves.submit();
  }, [saves]);

  return (
    // test-screen--contrast is the test screen's theme today; contrast-theme is the name the shared
    // display theme takes in the lab-lessons stream (styles/contrast-theme.css): both, so it holds at merge.
    <div className={display.settings.highContrast ? "test-screen test-screen--contrast contrast-theme" : "test-screen"}>
      <a className="skip-link" href="#test-heading" onClick={skipToQuestion}>
        Skip to the question
      </a>
      <TestHeader
        moduleName={`${test.moduleName} practice test`}
        anchor={anchor}
        clockRef={clock}
        onExpire={onOver}
        saveState={saves.state}
        notice={saves.notice}
        display={display.settings}
        onDisplay={display.change}
        calculator={{ available: test.calculator, open: calculatorOpen, toggle: toggleCalculator }}
        breaks={{ available: false, busy: false, start: () => {} }}
        started
        reviewing={view.kind === "review"}
        onReview={position.toggleReview}
        onSubmit={() => setSubmitOpen(true)}
      />
      <div className="test-body">
        <main className="test-main">
          {view.kind === "review" ? (
            <ReviewScreen items={items} summary={summary} returnTo={view.returnTo} headingRef={position.heading} onSelect={move} />
          ) : item && spoken ? (
            <ItemPanel
              item={item}
              spoken={spoken}
              index={view.kind === "question" ? view.index : 0}
              total={items.length}
              response={responses[item.id] ?? {}}
              flagged={flags.has(item.id)}
              readAloud={speech}
              headingRef={position.heading}
              onChange={(next) => {
                setResponses((all) => ({ ...all, [item.id]: next }));
                saves.save(item.id, next);
              }}
              onMove={move}
              onToggleFlag={() => toggleFlag(item.id)}
            />
          ) : null}
        </main>
        <aside className="test-side" aria-label="Question map and tools">
          <QuestionMap ref={map} states={summary.states} flagged={items.map((i) => flags.has(i.id))} current={view.kind === "question" ? view.index : null} onSelect={move} />
          <div id="calculator-slot">{calculatorOpen ? <CalculatorPanel ref={calculator} onClose={toggleCalculator} /> : null}</div>
          <details className="shortcut-help">
            <summary>Keyboard shortcuts</summary>
            <ShortcutList unavailable={[...(test.calculator ? [] : ["calculator" as const]), ...(anchor ? [] : ["time" as const])]} />
          </details>
        </aside>
      </div>
      <SubmitDialog open={submitOpen} summary={summary} total={items.length} onClose={() => setSubmitOpen(false)} onSubmit={submit} />
    </div>
  );
}

export function PracticeTestScreen() {
  const { id = "" } = useParams();
  const test = usePracticeTest(id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // The test is over (submitted here, or its time ran out): the server has its diagnostic.
  const over = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: practiceKeys.test(id) });
    void queryClient.invalidateQueries({ queryKey: practiceKeys.tests });
    void queryClient.invalidateQueries({ queryKey: practiceKeys.progress });
    void queryClient.invalidateQueries({ queryKey: practiceKeys.mastery });
    void navigate(practiceLinks.practiceTest(id));
  }, [id, navigate, queryClient]);

  if (test.isPending)
    return (
      <div className="test-screen">
        <LoadingScreen />
      </div>
    );
  if (test.isError)
    return (
      <div className="test-screen">
        <StatusScreen title="We could not load this practice test" tone="warning">
          <p>{errorMessage(test.error)}</p>
          <p className="button-row">
            <button type="button" className="button" onClick={() => void test.refetch()}>
              Try again
            </button>
            <Link to={practiceLinks.practiceTests()}>Your practice tests</Link>
          </p>
        </StatusScreen>
      </div>
    );
  if (test.data.status !== "in_progress") return <Navigate to={practiceLinks.practiceTest(id)} replace />;
  return <RunningPracticeTest test={test.data} receivedAt={test.dataUpdatedAt} onOver={over} />;
}
