// The test screen's banner and tools. The banner (module name, clock, save status, Submit) stays at
// the top of the screen while the page scrolls, at every viewport, text size and zoom: the time left
// and the way to finish are never out of reach. The tools below it wrap onto more lines as the screen
// narrows or the text grows, and scroll away; nothing scrolls sideways.
import type { Ref } from "react";
import { ClockDisplay, type ClockHandle } from "./clock-display";
import type { ClockAnchor } from "./clock";
import { SaveStatus, type SaveState } from "./save-status";
import { DisplayControls, type DisplaySettings } from "../../components/display-controls";

interface Props {
  moduleName: string;
  /** The clock; null for a test without a time limit (an untimed practice test). */
  anchor: ClockAnchor | null;
  clockRef: Ref<ClockHandle>;
  onExpire: () => void;
  saveState: SaveState;
  notice: string;
  display: DisplaySettings;
  onDisplay: (patch: Partial<DisplaySettings>) => void;
  calculator: { available: boolean; open: boolean; toggle: () => void };
  breaks: { available: boolean; busy: boolean; start: () => void };
  /** The tools that need the test started (review, submit) are hidden on the instructions. */
  started: boolean;
  reviewing: boolean;
  /** Shows the instructions again; without it (a practice test has none) there is no Instructions button. */
  onInstructions?: () => void;
  onReview: () => void;
  onSubmit: () => void;
}

export function TestHeader(p: Props) {
  return (
    <>
    <header className="test-header">
      <div className="test-header__top">
        <h1 className="test-header__title">
          <span className="test-header__program">MT1</span> {p.moduleName}
        </h1>
        {p.anchor ? <ClockDisplay ref={p.clockRef} anchor={p.anchor} onExpire={p.onExpire} /> : null}
        <SaveStatus state={p.saveState} />
        {p.started ? (
          <button type="button" className="button button--small test-header__submit" onClick={p.onSubmit}>
            Submit test
          </button>
        ) : null}
      </div>
    </header>
    {/* A landmark of its own (it is outside the banner, which stays on screen while this scrolls away):
        axe requires all content in landmarks. */}
    <section className="test-toolbar" aria-label="Test tools">
      <div className="test-tools">
        <DisplayControls display={p.display} onDisplay={p.onDisplay} />
        {p.calculator.available ? (
          <button type="button" className="button button--secondary button--small" aria-expanded={p.calculator.open} aria-controls="calculator-slot" onClick={p.calculator.toggle}>
            Calculator
          </button>
        ) : null}
        {p.onInstructions ? (
          <button type="button" className="button button--secondary button--small" onClick={p.onInstructions}>
            Instructions
          </button>
        ) : null}
        {p.breaks.available ? (
          <button type="button" className="button button--secondary button--small" onClick={p.breaks.start} disabled={p.breaks.busy}>
            Take a break
          </button>
        ) : null}
        {p.started ? (
          <span className="test-tools__end">
            <button type="button" className="button button--secondary button--small" aria-pressed={p.reviewing} onClick={p.onReview}>
              Review answers
            </button>
          </span>
        ) : null}
      </div>
      {/* Always rendered: a live region must exist before its message appears to be announced. */}
      <p className={p.notice ? "test-header__notice" : "visually-hidden"} role="status">
        {p.notice}
      </p>
    </section>
    </>
  );
}
