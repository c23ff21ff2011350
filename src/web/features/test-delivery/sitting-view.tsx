// The candidate's test day for one registration: where and when, whether they are checked in and
// a proctor is present, and each module with its time and a Start, Resume or Submitted state.
import { Link } from "react-router";
import { formatPercent } from "../../../common/rules/pass-rule";
import { formatZonedRange } from "../../../common/time-zones";
import { FormAlert } from "../../components/form-alert";
import type { MyAttemptView, SittingModuleView, SittingView as SittingData } from "../../../common/schemas/delivery";
import { startErrorMessage, useMyAttempts, useStartModule } from "./sitting-queries";
import "../../styles/test-screen.css";

const DONE = new Set(["submitted", "scored"]);


function ModuleCard({ registrationId, module, result, onStart, busy }: { registrationId: string; module: SittingModuleView; result: MyAttemptView | undefined; onStart: () => void; busy: boolean }) {
  const status = module.attempt?.status;
  const titleId = `module-${module.code}`;
  return (
    <li className="sitting-module card">
      <h3 id={titleId}>
        {module.name} ({module.code})
      </h3>
      <p className="card__meta">
        {module.minutes} minutes{module.calculator ? " · on-screen calculator" : ""}
      </p>
      {status && DONE.has(status) ? (
        <p>
          <span className="badge badge--success">Submitted</span>
          {result?.result ? (
            <span className="sitting-module__result">
              {" "}
              {formatPercent(result.result.percent)} · {result.result.passed ? "Passed" : "Not passed"}
            </span>
          ) : null}
        </p>
      ) : status === "voided" ? (
        <p>
          <span className="badge badge--muted">Ended by the proctor</span>
        </p>
      ) : status ? (
        <button type="button" className="button" onClick={onStart} disabled={busy}>
          Resume
          <span className="visually-hidden"> {module.name}</span>
        </button>
      ) : (
        // Start opens the instructions; the clock starts when the candidate selects Begin there.
        <Link className="button" to={`/sitting/${encodeURIComponent(registrationId)}/begin/${encodeURIComponent(module.code)}`}>
          Start
          <span className="visually-hidden"> {module.name}</span>
        </Link>
      )}
    </li>
  );
}

export function SittingView({ sitting }: { sitting: SittingData }) {
  const start = useStartModule(sitting.registrationId);
  const anyDone = sitting.modules.some((m) => m.attempt && DONE.has(m.attempt.status));
  const attempts = useMyAttempts(anyDone);
  const resultFor = (m: SittingModuleView) => attempts.data?.items.find((a) => a.id === m.attempt?.id);
  const ready = sitting.checkedIn && sitting.proctorPresent;

  return (
    <>
      <dl className="facts sitting-facts">
        <div>
          <dt>Center</dt>
          <dd>{sitting.session.centerName}</dd>
        </div>
        <div>
          <dt>Session</dt>
          <dd>{formatZonedRange(sitting.session.startsAt, sitting.session.endsAt, sitting.session.timeZone)}</dd>
        </div>
        <div>
          <dt>Checked in</dt>
          <dd>{sitting.checkedIn ? "Yes" : "Not yet"}</dd>
        </div>
        <div>
          <dt>Proctor</dt>
          <dd>{sitting.proctorPresent ? "Present" : "Not present"}</dd>
        </div>
      </dl>
      {/* Polite: the page polls, and a change of state should be heard without interrupting. */}
      <div role="status" className={ready ? "notice notice--success" : "notice notice--info"}>
        {!sitting.checkedIn ? (
          <p>Your proctor checks your photo ID and admits you. This page updates by itself.</p>
        ) : !sitting.proctorPresent ? (
          <p>You are checked in. Waiting for your proctor: you can start when your proctor is present. This page updates by itself.</p>
        ) : (
          <p>You are checked in and your proctor is present. Select Start to read a module's instructions and try a sample question; its clock starts when you select Begin.</p>
        )}
      </div>
      <FormAlert>{start.isError ? startErrorMessage(start.error) : null}</FormAlert>
      <h2>Your modules</h2>
      <ul className="sitting-modules">
        {sitting.modules.map((m) => (
          <ModuleCard key={m.code} registrationId={sitting.registrationId} module={m} result={resultFor(m)} busy={start.isPending} onStart={() => start.mutate(m.code)} />
        ))}
      </ul>
    </>
  );
}
