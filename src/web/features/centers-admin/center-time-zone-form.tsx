// Staff set the zone a center's times are shown in. The sessions keep their instants: changing the
// zone corrects how they read (a center entered as Eastern that is in Chicago), so the reason is asked.
import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Center } from "../../api/types";
import type { CenterTimeZoneBody } from "../../../common/schemas/centers";
import { isTimeZone } from "../../../common/time-zones";
import { timeZoneLabel } from "../../../common/us-time-zones";
import { TextField } from "../../components/field";
import { ErrorSummary } from "../../components/error-summary";
import { useFormErrors } from "../../lib/form-errors";
import { schedulingKeys } from "../registration/scheduling-api";
import { TimeZoneField } from "./time-zone-field";

export function CenterTimeZoneForm({ center, onDone }: { center: Center; onDone: (message: string) => void }) {
  const [timeZone, setTimeZone] = useState(center.timeZone);
  const [reason, setReason] = useState("");
  const errors = useFormErrors(`center-zone-${center.id}`, { timeZone: "Time zone", reason: "Reason" });
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: CenterTimeZoneBody) => api.put<Center>(`/api/v1/admin/centers/${encodeURIComponent(center.id)}/time-zone`, body),
    onSuccess: (data) => {
      errors.clear();
      setReason("");
      onDone(`${data.name} now shows its times in ${timeZoneLabel(data.timeZone)} (${data.timeZone}).`);
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.adminCenters });
      void queryClient.invalidateQueries({ queryKey: ["sessions"] });
    },
    onError: (error) => errors.showError(error),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isTimeZone(timeZone)) {
      return errors.setProblems([{ field: "timeZone", message: timeZone ? `"${timeZone}" is not an IANA time zone name. Choose one from the list or type one such as America/Chicago.` : "Choose the center's time zone." }]);
    }
    save.mutate({ timeZone, ...(reason.trim() ? { reason: reason.trim() } : {}) });
  }

  return (
    <details className="center-time-zone">
      <summary>
        Time zone: {timeZoneLabel(center.timeZone)}<span className="visually-hidden"> for {center.name}</span>
      </summary>
      <form className="form" onSubmit={onSubmit} aria-label={`Time zone of ${center.name}`} noValidate>
        <ErrorSummary errors={errors} />
        {/* Remounted when the saved zone changes, so a typed name that is in the list shows as the list's choice. */}
        <TimeZoneField key={center.timeZone} value={timeZone} onChange={setTimeZone} id={errors.fieldId("timeZone")} error={errors.errorFor("timeZone")} />
        <TextField
          label="Reason for the change"
          optional
          name="reason"
          id={errors.fieldId("reason")}
          error={errors.errorFor("reason")}
          value={reason}
          maxLength={1000}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="button button--small" disabled={save.isPending || timeZone === center.timeZone}>
          Set time zone<span className="visually-hidden"> of {center.name}</span>
        </button>
      </form>
    </details>
  );
}
