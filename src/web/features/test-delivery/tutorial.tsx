// The instructions. Before a module starts they are the screen before Begin, with a sample question
// to try: the clock starts only when the candidate selects Begin (which starts the attempt), so no
// time runs and no test question is visible while they read. During the test the Instructions
// button shows them again, and then they say the clock is running.
import type { ReactNode, Ref } from "react";
import { ShortcutList } from "./shortcut-list";
import type { ShortcutAction } from "./use-shortcuts";

interface Props {
  total: number;
  /** Before Begin: the minutes the candidate will have. During the test: the time left, spoken. */
  clock: { started: false; minutes: number } | { started: true; minutesLeft: string };
  calculator: boolean;
  readAloud: boolean;
  breaks: boolean;
  /** Shown again after the test began: the button goes back instead of beginning. */
  returning: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  onBegin: () => void;
  /** Before Begin: a sample question to try (not saved or scored). */
  sample?: ReactNode;
  /** Before Begin: the attempt is being started. */
  busy?: boolean;
}

export function Tutorial({ total, clock, calculator, readAloud, breaks, returning, headingRef, onBegin, sample, busy = false }: Props) {
  const unavailable: ShortcutAction[] = [...(calculator ? [] : ["calculator" as const]), ...(readAloud ? [] : ["read" as const])];
  return (
    <section className="tutorial" aria-labelledby="test-heading">
      <h2 id="test-heading" tabIndex={-1} ref={headingRef}>
        {returning ? "Instructions" : "Before you begin"}
      </h2>
      {clock.started ? (
        <p className="tutorial__clock">
          <strong>Your time is running</strong> ({clock.minutesLeft} left). It is shown at the top of the screen. Select <em>Time left</em> or press{" "}
          <kbd>Alt+T</kbd> to hear it. You will also hear a reminder at 10, 5 and 1 minutes left.
        </p>
      ) : (
        <p className="tutorial__clock">
          <strong>Your time has not started.</strong> You will have {clock.minutes} minutes for {total} questions. The clock starts when you select <em>Begin</em> at the
          end of this page; take the time you need to read it and to try the sample question. During the test the time left is shown at the top of the screen; select{" "}
          <em>Time left</em> or press <kbd>Alt+T</kbd> to hear it, and you will hear a reminder at 10, 5 and 1 minutes left.
        </p>
      )}
      <div className="tutorial__grid">
        <section aria-labelledby="tut-moving">
          <h3 id="tut-moving">Moving around</h3>
          <p>
            There are {total} questions, one on each screen. Use <em>Previous</em> and <em>Next</em> below a question. The <em>question map</em> shows every
            question: filled when answered, with ⚑ when flagged. Select a number to go straight to it.
          </p>
        </section>
        <section aria-labelledby="tut-flags">
          <h3 id="tut-flags">Flags and review</h3>
          <p>
            Not sure yet? Select <em>Flag for review</em> to mark the question. <em>Review answers</em> lists the questions you have not answered and the ones you flagged,
            so you can go back before you submit.
          </p>
        </section>
        <section aria-labelledby="tut-saving">
          <h3 id="tut-saving">Saving</h3>
          <p>
            Every answer is saved as you go: the top of the screen says <em>Saved</em>. If the connection drops, your answers stay on this computer and are sent when it
            returns. Do not close the browser; tell your proctor if something looks wrong.
          </p>
        </section>
        <section aria-labelledby="tut-display">
          <h3 id="tut-display">Display</h3>
          <p>
            Make the text larger with <em>Text size</em> (up to 200%), or switch on <em>High contrast</em> for light text on a black background.
          </p>
        </section>
        {calculator ? (
          <section aria-labelledby="tut-calculator">
            <h3 id="tut-calculator">Calculator</h3>
            <p>
              Select <em>Calculator</em> (or press <kbd>Alt+C</kbd>) to open it beside the question. Use its buttons or type numbers and + − * /; Enter gives the result.
            </p>
          </section>
        ) : null}
        {readAloud ? (
          <section aria-labelledby="tut-read">
            <h3 id="tut-read">Read aloud</h3>
            <p>
              Select <em>Read aloud</em> (or press <kbd>Alt+R</kbd>) to hear the question and its options. The option buttons read one option at a time; <em>Stop reading</em> stops.
            </p>
          </section>
        ) : null}
        {breaks ? (
          <section aria-labelledby="tut-breaks">
            <h3 id="tut-breaks">Breaks</h3>
            <p>
              Select <em>Take a break</em> when you need one. The clock stops during the break; select <em>End break</em> to go on.
            </p>
          </section>
        ) : null}
        <section aria-labelledby="tut-submit">
          <h3 id="tut-submit">Finishing</h3>
          <p>
            When you are done, select <em>Submit test</em>. You will see what is not answered or flagged before you confirm. If time runs out, your saved answers are submitted
            for you. Copying and pasting are turned off during the test.
          </p>
        </section>
      </div>
      <h3>Keyboard shortcuts</h3>
      <ShortcutList unavailable={unavailable} />
      {sample}
      <p className="tutorial__begin">
        <button type="button" className="button" onClick={onBegin} disabled={busy} aria-describedby={clock.started ? undefined : "begin-note"}>
          {returning ? "Back to the test" : busy ? "Starting…" : "Begin"}
        </button>
        {clock.started ? null : (
          <span id="begin-note" className="tutorial__begin-note">
            {" "}
            Your {clock.minutes} minutes start now.
          </span>
        )}
      </p>
    </section>
  );
}
