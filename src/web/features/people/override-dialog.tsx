// Staff register the person at a session with a reason, even against the program's rules (the
// 48-hour window, a module already booked or passed, the retake wait): the dialog names each rule
// the booking sets aside before it is made, and the server records them in the audit entry.
import { useState, type FormEvent } from "react";
import type { PersonRecordView } from "../../../common/schemas/people";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextAreaField } from "../../components/field";
import { useFormErrors } from "../../lib/form-errors";
import { Dialog, DialogActions } from "../proctor-console/dialog";
import { useProgram } from "../program/program-queries";
import { ModuleCheckboxes } from "../registration/module-checkboxes";
import { overriddenRules } from "./overridden-rules";
import { useBookableSessions, useStaffRegister } from "./person-api";
import { sessionLabel, sessionOption } from "./registration-dialogs";
import { RuleNotice } from "./rule-notice";

export function OverrideDialog({ record, onClose, onDone }: { record: PersonRecordView; onClose: () => void; onDone: (message: string) => void }) {
  const register = useStaffRegister(record.account.id);
  const sessions = useBookableSessions();
  const program = useProgram();
  const errors = useFormErrors("override", { sessionId: "Session", modules: "Modules", overrideReason: "Reason" }, {
    SESSION_FULL: "sessionId", ALREADY_REGISTERED: "sessionId", SESSION_CLOSED: "sessionId", MODULE_NOT_OFFERED: "modules",
  });
  const [sessionId, setSessionId] = useState("");
  const [modules, setModules] = useState<string[]>([]);
  const [reason, setReason] = useState("");
  const chosen = sessions.data?.find((s) => s.id === sessionId);
  const offered = chosen?.modules ?? [];
  const picked = modules.filter((m) => offered.includes(m));
  const rules = chosen && program.data && picked.length > 0 ? overriddenRules(record, chosen, picked, program.data.policies) : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    const missing = [
      ...(sessionId ? [] : [{ field: "sessionId", message: "Choose a session." }]),
      ...(picked.length > 0 ? [] : [{ field: "modules", message: "Choose at least one module." }]),
      // The server's own limit, said in words before asking it.
      ...(reason.trim().length >= 5 ? [] : [{ field: "overrideReason", message: "Enter a reason of at least 5 characters." }]),
    ];
    if (missing.length > 0) return errors.setProblems(missing);
    register.mutate({ candidateId: record.account.id, sessionId, modules: picked, overrideReason: reason.trim() }, {
      onSuccess: (r) => onDone(`Registered for ${picked.join(", ")} at ${chosen ? sessionLabel(chosen) : "the session"} (${r.status.replace(/_/g, " ")}).`),
      onError: errors.showError,
    });
  }
  return (
    <Dialog title="Register with an override" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} />
        <p>
          Register {record.account.firstName} {record.account.lastName} at a session. A booking may set the program&rsquo;s rules aside; each one it breaks is named
          here and in the audit log.
        </p>
        <SelectField id={errors.fieldId("sessionId")} error={errors.errorFor("sessionId")} label="Session" name="sessionId" required value={sessionId}
          onChange={(e) => setSessionId(e.target.value)} hint={sessions.isPending ? "Loading sessions…" : undefined}>
          <option value="">Choose a session</option>
          {(sessions.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {sessionOption(s)}
            </option>
          ))}
        </SelectField>
        <div id={errors.fieldId("modules")} tabIndex={-1}>
          <ModuleCheckboxes legend="Modules" name="override-modules" options={offered.length ? offered : (program.data?.modules.map((m) => m.code) ?? [])}
            disabled={!chosen} hint={chosen ? undefined : "Choose a session first."} value={picked} onChange={setModules} />
          {errors.errorFor("modules") ? <p className="field__error">{errors.errorFor("modules")}</p> : null}
        </div>
        <RuleNotice rules={rules} />
        <TextAreaField id={errors.fieldId("overrideReason")} error={errors.errorFor("overrideReason")} label="Reason" name="overrideReason" required rows={3} maxLength={1000}
          hint="At least 5 characters; kept in the audit log." value={reason} onChange={(e) => setReason(e.target.value)} />
        <DialogActions submitLabel="Register" busy={register.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
