// Dialogs for the candidate's check-in and the session-wide actions: pause everyone, close the session.
import { useId, useState, type FormEvent } from "react";
import { ApiError, errorMessage } from "../../api/client";
import { FormAlert } from "../../components/form-alert";
import { formatZonedRange } from "../../../common/time-zones";
import { ReasonField } from "./attempt-dialogs";
import { consoleCalls, reportPdfUrl, useConsoleAction } from "./console-api";
import { Dialog, DialogActions } from "./dialog";
import { markupError } from "./format";
import { candidatesStillTesting } from "./roster-model";
import type { ConsoleCandidateView, ConsoleView } from "../../../common/schemas/delivery";

/** The attempts the server named in its ATTEMPTS_RUNNING refusal ({attemptIds}), if it named any. */
function attemptIdsOf(details: unknown): string[] | undefined {
  const ids = (details as { attemptIds?: unknown } | null | undefined)?.attemptIds;
  return Array.isArray(ids) ? ids.map(String) : undefined;
}

interface Common {
  sessionId: string;
  onClose: () => void;
  onDone: (message: string) => void;
  fallbackFocus?: () => HTMLElement | null;
}

export function CheckInDialog({ sessionId, candidate, onClose, onDone, fallbackFocus }: Common & { candidate: ConsoleCandidateView }) {
  const [verified, setVerified] = useState(false);
  const checkboxId = useId();
  const checkIn = useConsoleAction(sessionId, () => consoleCalls.checkIn(sessionId, candidate.registrationId));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    checkIn.mutate(undefined, { onSuccess: () => onDone(`${candidate.name} is checked in and may start.`) });
  };
  return (
    <Dialog title={`Check in ${candidate.name}`} onClose={onClose} fallbackFocus={fallbackFocus}>
      <form onSubmit={submit}>
        <p>
          Ask for a current government-issued photo ID. The name must match <strong>{candidate.name}</strong> and the
          photo must match the person in front of you.
        </p>
        <p>Registered for: {candidate.modules.join(", ")}.</p>
        <FormAlert>{checkIn.isError ? errorMessage(checkIn.error) : null}</FormAlert>
        <div className="choice">
          <input id={checkboxId} type="checkbox" required checked={verified} onChange={(e) => setVerified(e.target.checked)} />
          <label htmlFor={checkboxId}>I have verified this candidate's photo ID</label>
        </div>
        <DialogActions submitLabel="Check in" busy={checkIn.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function PauseAllDialog({ sessionId, onClose, onDone, fallbackFocus }: Common) {
  const [reason, setReason] = useState("");
  const pauseAll = useConsoleAction(sessionId, () => consoleCalls.pauseAll(sessionId, reason.trim()));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (markupError(reason)) return;
    pauseAll.mutate(undefined, {
      onSuccess: ({ changed }) => onDone(changed === 1 ? "1 test is paused." : `${changed} tests are paused.`),
    });
  };
  return (
    <Dialog title="Pause every running test" onClose={onClose} fallbackFocus={fallbackFocus}>
      <form onSubmit={submit}>
        <p>Every running test in this session stops its clock until you resume it (for example a fire alarm or a power cut).</p>
        <FormAlert>{pauseAll.isError ? errorMessage(pauseAll.error) : null}</FormAlert>
        <ReasonField value={reason} onChange={setReason} />
        <DialogActions submitLabel="Pause all" busy={pauseAll.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function CloseSessionDialog({ sessionId, view, onClose, onDone, fallbackFocus }: Common & { view: ConsoleView }) {
  const close = useConsoleAction(sessionId, () => consoleCalls.close(sessionId));
  const runningError = close.error instanceof ApiError && close.error.code === "ATTEMPTS_RUNNING" ? close.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    close.mutate(undefined, { onSuccess: () => onDone("The session is closed. The session report is ready.") });
  };
  // The roster is at most one poll old, so it names who is still testing better than a count would.
  const stillTesting = candidatesStillTesting(view, attemptIdsOf(runningError?.details));
  return (
    <Dialog title="Close the session?" onClose={onClose} fallbackFocus={fallbackFocus} tone="danger">
      <form onSubmit={submit}>
        <p>
          Closing ends the session of {formatZonedRange(view.session.startsAt, view.session.endsAt, view.session.timeZone)} at {view.session.centerName}
          : nobody can start or continue a test afterwards, and the session report is final.
        </p>
        {runningError ? (
          <div className="notice notice--error" role="alert">
            <p>
              <strong>{runningError.message}</strong>
            </p>
            {stillTesting.length > 0 ? (
              <>
                <p>Still testing:</p>
                <ul>
                  {stillTesting.map((c) => (
                    <li key={c.name}>
                      {c.name}: {c.modules.join(", ")}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <p>Wait for them to submit, or pause and void a test if you must end it early.</p>
          </div>
        ) : (
          <FormAlert>{close.isError ? errorMessage(close.error) : null}</FormAlert>
        )}
        {!runningError && stillTesting.length > 0 ? (
          <p>
            <strong>{stillTesting.length === 1 ? "1 candidate is" : `${stillTesting.length} candidates are`} still testing.</strong>{" "}
            The server will not close the session until every test has ended.
          </p>
        ) : null}
        <p>
          <a href={reportPdfUrl(sessionId)} target="_blank" rel="noreferrer">
            Preview the session report (PDF, opens in a new tab)
          </a>
        </p>
        <DialogActions submitLabel="Close session" busy={close.isPending} onCancel={onClose} danger focusCancel />
      </form>
    </Dialog>
  );
}
