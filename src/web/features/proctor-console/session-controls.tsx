// Session-wide controls: pause or resume everyone, close the session, and the session report.
import { reportPdfUrl } from "./console-api";
import type { ConsoleView } from "../../../common/schemas/delivery";

interface Props {
  view: ConsoleView;
  resumingAll: boolean;
  onPauseAll: () => void;
  onResumeAll: () => void;
  onClose: () => void;
}

export function SessionControls({ view, resumingAll, onPauseAll, onResumeAll, onClose }: Props) {
  const closed = !!view.session.closedAt;
  const attempts = view.candidates.flatMap((c) => c.attempts);
  const running = attempts.filter((a) => a.status === "in_progress").length;
  const paused = attempts.filter((a) => a.status === "paused").length;
  // Resume all leaves breaks alone: they are the candidate's to end.
  const onBreak = attempts.filter((a) => a.status === "paused" && a.pauseReason === "break").length;
  return (
    <section className="console-controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading" className="visually-hidden">
        Session controls
      </h2>
      <p className="console-controls__counts">
        <strong>{running}</strong> running · <strong>{paused}</strong> paused{onBreak > 0 ? ` (${onBreak} on a break)` : ""} · <strong>{view.candidates.filter((c) => c.checkedInAt).length}</strong> of{" "}
        {view.candidates.length} checked in
      </p>
      <div className="button-row">
        {closed ? null : (
          <>
            {/* Never disabled: a control that disables itself after use drops keyboard focus to the page. */}
            <button type="button" className="button button--secondary" onClick={onPauseAll}>
              Pause all
            </button>
            <button type="button" className="button button--secondary" onClick={() => (resumingAll ? undefined : onResumeAll())} aria-busy={resumingAll || undefined}>
              {resumingAll ? "Resuming…" : "Resume all"}
            </button>
            <button type="button" className="button button--danger" onClick={onClose}>
              Close session
            </button>
          </>
        )}
        <a className="button button--secondary" href={reportPdfUrl(view.session.id)} target="_blank" rel="noreferrer">
          Session report (PDF)<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      </div>
    </section>
  );
}
