import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { api } from "../../api/client";
import type { NewRegistrationView, PublicSessionView, RegisterBody } from "../../../common/schemas/scheduling";
import { ErrorSummary } from "../../components/error-summary";
import { useFormErrors } from "../../lib/form-errors";
import { FeeSummary } from "../self-service/fee-summary";
import { formatZonedShort } from "../../../common/time-zones";
import { eligibilityKeys, refusalMessage, unavailableModules, useEligibility } from "./eligibility";
import { ModuleCheckboxes, useModuleNames } from "./module-checkboxes";
import { formatMoney, schedulingKeys, useFees } from "./scheduling-api";

/** `timeZone`: the session's center's, where the hold's end is told. */
function ResultPanel({ result, timeZone }: { result: NewRegistrationView; timeZone: string }) {
  let headline;
  if (result.status === "confirmed") {
    headline = <p><strong>You are registered.</strong> Your place is confirmed for {result.modules.join(", ")}.</p>;
  } else if (result.status === "pending_payment") {
    headline = (
      <p>
        <strong>Your seat is held until {formatZonedShort(result.holdExpiresAt, timeZone)}.</strong> Amount due:{" "}
        <strong>{formatMoney(result.amountDueCents)}</strong>. Pay with a voucher or ask for an invoice from your{" "}
        <Link to="/dashboard">dashboard</Link> before then, or the seat is released.
      </p>
    );
  } else if (result.status === "waitlisted") {
    headline = (
      <p>
        <strong>You are on the waitlist</strong>
        {result.waitlistPosition ? <> at position {result.waitlistPosition}</> : null}. We will email you if a seat opens up.
      </p>
    );
  } else {
    headline = <p>Your registration is {result.status}.</p>;
  }
  return (
    <>
      {headline}
      <p className="confirmation-number">
        Your confirmation number: <strong>{result.confirmationNumber}</strong>
      </p>
      <p className="field__hint">Quote it when you contact the program. We have emailed it to you too.</p>
      {result.advice ? <p className="registration-advice">{result.advice}</p> : null}
      <p className="button-row">
        <Link className="button button--secondary" to={`/registrations/${encodeURIComponent(result.id)}/receipt`}>
          View and print your receipt
        </Link>
        <Link to="/dashboard">See your registrations</Link>
      </p>
    </>
  );
}

/** `inviteToken`: the token of the invitation link that opens a private (onsite) session. */
export function RegisterForm({ session, headingId, inviteToken }: { session: Pick<PublicSessionView, "id" | "modules" | "seatsAvailable" | "timeZone">; headingId: string; inviteToken?: string }) {
  const [modules, setModules] = useState<string[]>(session.modules);
  const [waitlist, setWaitlist] = useState(session.seatsAvailable <= 0);
  const queryClient = useQueryClient();
  const nameOf = useModuleNames();
  const fees = useFees();
  const errors = useFormErrors(`register-${session.id}`, { modules: "Modules to take", waitlist: "Waitlist" }, {
    MODULE_ALREADY_BOOKED: "modules", MODULE_ALREADY_PASSED: "modules", RETAKE_TOO_SOON: "modules", MODULE_NOT_OFFERED: "modules", SESSION_FULL: "waitlist",
  });
  // Modules the candidate may not book here (passed, booked elsewhere, a retake too soon) are shown
  // disabled with the reason; a private session the candidate is not on yet answers nothing (all are
  // offered), and the server still judges every registration.
  const eligibility = useEligibility(session.id);
  const unavailable = unavailableModules(eligibility.data);
  const chosen = modules.filter((m) => !unavailable[m]);
  const noneBookable = session.modules.every((m) => unavailable[m]);
  const register = useMutation({
    mutationFn: () => api.post<NewRegistrationView>("/api/v1/registrations", { sessionId: session.id, modules: chosen, waitlist, ...(inviteToken ? { inviteToken } : {}) } satisfies RegisterBody),
    onSuccess: () => {
      errors.clear();
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.myRegistrations });
      void queryClient.invalidateQueries({ queryKey: ["sessions"] });
      void queryClient.invalidateQueries({ queryKey: eligibilityKeys.all });
    },
    onError: (error) => {
      const refusal = refusalMessage(error, nameOf);
      if (refusal) {
        void queryClient.invalidateQueries({ queryKey: eligibilityKeys.all });
        errors.setProblems([{ field: "modules", message: refusal }]);
      } else errors.showError(error);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen.length === 0) {
      errors.setProblems([{ field: "modules", message: "Choose at least one module." }]);
      return;
    }
    register.mutate();
  }

  const done = register.isSuccess;
  return (
    <div className="register-panel">
      <div role="status" className={done ? "notice notice--success" : "visually-hidden"}>
        {done ? <ResultPanel timeZone={session.timeZone} result={register.data} /> : null}
      </div>
      {done ? null : (
        <form className="form" onSubmit={onSubmit} aria-labelledby={headingId} noValidate>
          <ErrorSummary errors={errors} title="Your registration was not made" />
          {eligibility.isPending ? (
            // Shown once the rules are known, so a module never flips from open to closed under the pointer.
            <p className="field__hint">Checking which modules you can book…</p>
          ) : (
            <ModuleCheckboxes
              legend="Modules to take"
              hint="Take any one, two or all three modules at this session."
              options={session.modules}
              value={chosen}
              onChange={setModules}
              name={`modules-${session.id}`}
              unavailable={unavailable}
              id={errors.fieldId("modules")}
              error={errors.errorFor("modules")}
            />
          )}
          {noneBookable ? <p className="notice notice--info">You cannot book any module at this session. The reason is given under each module.</p> : null}
          {fees.data ? <FeeSummary fees={fees.data} modules={chosen} nameOf={nameOf} captionId={`fees-${session.id}`} /> : null}
          <label className="choice">
            <input id={errors.fieldId("waitlist")} type="checkbox" checked={waitlist} onChange={(e) => setWaitlist(e.target.checked)} />
            <span>Join the waitlist if the session is full</span>
          </label>
          {errors.errorFor("waitlist") ? <p className="field__error">{errors.errorFor("waitlist")}</p> : null}
          <p className="button-row">
            <button type="submit" className="button" disabled={register.isPending || eligibility.isPending || noneBookable}>
              {register.isPending ? "Registering…" : "Register"}
            </button>
          </p>
        </form>
      )}
    </div>
  );
}
