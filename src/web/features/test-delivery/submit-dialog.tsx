// "Submit your test?": names what is left open (not answered, partly answered, flagged), sends the
// last answers first, then submits. If the answers cannot all be sent (offline), it says so and
// does not submit: nothing the candidate typed is given up for a result.
import { useState } from "react";
import { ApiError, errorMessage } from "../../api/client";
import { FormAlert } from "../../components/form-alert";
import { ModalDialog } from "./modal-dialog";
import { openQuestionsSentences, type AnswerSummary } from "./question-status";

interface Props {
  open: boolean;
  summary: AnswerSummary;
  total: number;
  onClose: () => void;
  /** Saves what is queued, then submits; throws when it cannot. */
  onSubmit: () => Promise<void>;
}

export function SubmitDialog({ open, summary, total, onClose, onSubmit }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open_ = openQuestionsSentences(summary);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await onSubmit();
    } catch (e) {
      setError(e instanceof ApiError && e.code === "NETWORK_ERROR" ? "The server cannot be reached, so the test was not submitted. Your answers are kept on this computer. Try again in a moment, or tell your proctor." : errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <ModalDialog
      open={open}
      titleId="submit-title"
      dismissable={!busy}
      onClose={() => {
        setError(null);
        onClose();
      }}
    >
      <h2 id="submit-title">Submit your test?</h2>
      <p>
        You have answered {summary.answered.length} of {total} questions.
      </p>
      {open_.length ? (
        <ul className="submit-open">
          {open_.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p>Every question has an answer and none is flagged.</p>
      )}
      <p>
        <strong>After you submit, you cannot change your answers.</strong>
      </p>
      <FormAlert>{error}</FormAlert>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void submit()} disabled={busy}>
          {busy ? "Submitting…" : "Submit now"}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose} disabled={busy} data-autofocus>
          Keep working
        </button>
      </div>
    </ModalDialog>
  );
}
