// "Help us check our tests are fair": the candidate's voluntary, self-reported demographics. Every
// question may be skipped or answered "Prefer not to say"; nothing is kept without the consent box;
// withdrawing deletes the answers. Staff never see one person's answers, only group statistics.
import { useState, type FormEvent } from "react";
import { DEMOGRAPHIC_QUESTIONS, DEMOGRAPHIC_QUESTION_CODES, type DemographicQuestion } from "../../../common/rules/demographics";
import type { DemographicAnswers, MyDemographicsView } from "../../../common/schemas/psychometrics";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { QueryStatus } from "../../components/query-status";
import { useFormErrors } from "../../lib/form-errors";
import { useMyDemographics, useSaveDemographics, useWithdrawDemographics } from "./psychometrics-api";

const LABELS = { ...Object.fromEntries(DEMOGRAPHIC_QUESTION_CODES.map((q) => [q, DEMOGRAPHIC_QUESTIONS[q].label])), consent: "Consent" };

export function DemographicsSection() {
  const query = useMyDemographics();
  // Kept above the form, which starts afresh (keyed) after each save or withdrawal.
  const [message, setMessage] = useState("");
  return (
    <QueryStatus query={query}>{(view) => <DemographicsForm key={view.consentedAt ?? "none"} view={view} message={message} setMessage={setMessage} />}</QueryStatus>
  );
}

function DemographicsForm({ view, message, setMessage }: { view: MyDemographicsView; message: string; setMessage: (m: string) => void }) {
  const [answers, setAnswers] = useState<Record<string, string>>({ ...(view.answers ?? {}) });
  const [consent, setConsent] = useState(false);
  const errors = useFormErrors("demographics", LABELS);
  const save = useSaveDemographics();
  const withdraw = useWithdrawDemographics();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!consent) return errors.setProblems([{ field: "consent", message: "Tick the consent box to keep your answers, or leave the form empty." }]);
    errors.clear();
    const chosen = Object.fromEntries(Object.entries(answers).filter(([, v]) => v)) as DemographicAnswers;
    save.mutate({ consent: true, answers: chosen }, { onSuccess: () => setMessage("Thank you: your answers are saved."), onError: errors.showError });
  }

  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="demographics-heading" noValidate>
      <h2 id="demographics-heading">Help us check our tests are fair</h2>
      <ErrorSummary errors={errors} />
      <p>
        These questions are voluntary. We use the answers only in statistics over large groups (at least 100 candidates in each) to check that no test question
        favours one group over another of equal skill. Proctors, scorers, test centers and employers never see them. You can withdraw at any time, and your answers are
        deleted.
      </p>
      {view.consentedAt ? <p className="notice notice--info">You gave your answers with your consent. Change them below or withdraw.</p> : null}
      {DEMOGRAPHIC_QUESTION_CODES.map((q: DemographicQuestion) => (
        <SelectField key={q} label={DEMOGRAPHIC_QUESTIONS[q].label} name={q} optional id={errors.fieldId(q)} value={answers[q] ?? ""} onChange={(e) => setAnswers({ ...answers, [q]: e.target.value })}>
          <option value="">Not answered</option>
          {Object.entries(DEMOGRAPHIC_QUESTIONS[q].options).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </SelectField>
      ))}
      <label className="choice">
        <input id={errors.fieldId("consent")} type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
        <span>I agree that MT1 keeps these answers to check its tests are fair, used only in group statistics.</span>
      </label>
      {errors.errorFor("consent") ? <p className="field__error">{errors.errorFor("consent")}</p> : null}
      <p className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          Save my answers
        </button>
        {view.consentedAt ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={withdraw.isPending}
            onClick={() => withdraw.mutate(undefined, { onSuccess: () => setMessage("Your answers are deleted."), onError: errors.showError })}
          >
            Withdraw and delete my answers
          </button>
        ) : null}
      </p>
      <StatusMessage>{message}</StatusMessage>
    </form>
  );
}
