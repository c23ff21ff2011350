// On the candidate's results page: each result the program holds for review or has decided on after
// an irregularity, what the candidate was told and why, and the appeal: a form while the window is
// open (with the deadline), the appeal's status after, a plain refusal once the window has closed.
import { useState, type FormEvent } from "react";
import { TextAreaField } from "../../components/field";
import { ErrorSummary } from "../../components/error-summary";
import { useFormErrors } from "../../lib/form-errors";
import { formatZonedDateTime } from "../../../common/time-zones";
import { APPEAL_STATEMENT_MAX, type MyCase } from "../../../common/schemas/integrity";
import { useAppeal, useMyCases } from "./integrity-api";
import { APPEAL_STATUS_LABELS } from "./labels";
import "../../styles/integrity.css";

// At the clock of the center where the results were sat, like the session itself.
const when = (iso: string | null, item: MyCase) => formatZonedDateTime(iso, item.timeZone);

const HEADLINE: Record<MyCase["status"], string> = {
  open: "Under review",
  held: "Under review: this result is withheld",
  released: "Released after review",
  voided: "Voided after review",
};

function AppealForm({ item }: { item: MyCase }) {
  const appeal = useAppeal(item.id);
  const [statement, setStatement] = useState("");
  const errors = useFormErrors(`appeal-${item.id}`, { statement: "Your statement" }, { APPEAL_WINDOW_CLOSED: "statement", APPEAL_EXISTS: "statement" });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    appeal.mutate({ statement }, { onError: (err) => errors.showError(err) });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <ErrorSummary errors={errors} />
      <TextAreaField
        label="Your statement"
        hint={`Say why the decision should be reversed (at most ${APPEAL_STATEMENT_MAX.toLocaleString("en-US")} characters, ${(APPEAL_STATEMENT_MAX - statement.length).toLocaleString("en-US")} left). A staff member who did not take the decision reviews it.`}
        id={errors.fieldId("statement")}
        error={errors.errorFor("statement")}
        name="statement"
        rows={6}
        maxLength={APPEAL_STATEMENT_MAX}
        required
        value={statement}
        onChange={(e) => setStatement(e.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={appeal.isPending}>
          {appeal.isPending ? "Sending…" : "Send my appeal"}
        </button>
      </div>
    </form>
  );
}

function CaseNotice({ item }: { item: MyCase }) {
  const modules = item.modules.map((m) => m.module).join(", ");
  const appealable = item.status === "held" || item.status === "voided";
  return (
    <li className="card under-review">
      <h3>
        {modules}: {HEADLINE[item.status]}
      </h3>
      <dl className="details-list">
        {item.heldAt ? (
          <>
            <dt>Held</dt>
            <dd>
              {when(item.heldAt, item)}. Reason: {item.holdReason}
            </dd>
          </>
        ) : null}
        {item.decidedAt ? (
          <>
            <dt>Decided</dt>
            <dd>
              {when(item.decidedAt, item)}. Reason: {item.decisionReason}
            </dd>
          </>
        ) : null}
        {item.appeal ? (
          <>
            <dt>Your appeal</dt>
            <dd>
              {APPEAL_STATUS_LABELS[item.appeal.status]} (sent {when(item.appeal.appealedAt, item)})
              {item.appeal.reason ? `. Reason: ${item.appeal.reason}` : ""}
            </dd>
          </>
        ) : null}
      </dl>
      {item.status === "held" ? <p>Your score is not shown and no certificate is issued from this result until the review ends.</p> : null}
      {item.canAppeal ? (
        <>
          <p>You may appeal until {when(item.appealDeadline, item)}.</p>
          <AppealForm item={item} />
        </>
      ) : appealable && !item.appeal ? (
        <p className="notice">The appeal window closed on {when(item.appealDeadline, item)}; this decision can no longer be appealed.</p>
      ) : null}
    </li>
  );
}

export function UnderReview() {
  const cases = useMyCases();
  if (!cases.data || cases.data.items.length === 0) return null;
  return (
    <section aria-labelledby="under-review-heading" className="stack">
      <h2 id="under-review-heading">{cases.data.items.some((c) => c.status === "held" || c.status === "open") ? "Results under review" : "Reviews of your results"}</h2>
      <ul className="records">
        {cases.data.items.map((item) => (
          <CaseNotice key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}
