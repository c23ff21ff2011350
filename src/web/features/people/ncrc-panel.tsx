import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { ErrorSummary } from "../../components/error-summary";
import { TextAreaField } from "../../components/field";
import { QueryStatus } from "../../components/query-status";
import { formatCalendarDate } from "../../lib/format";
import { useFormErrors } from "../../lib/form-errors";
import type { NcrcVerificationBody, ProfileView } from "../../../common/schemas/accounts";
import { formatBytes } from "../accommodations/labels";
import { NCRC_VERIFICATION_LABELS } from "../registration/ncrc-verification";
import { peopleKeys } from "./person-api";

const ncrcKey = (id: string) => [...peopleKeys.record(id), "ncrc"] as const;
const LABELS = { reason: "Reason it is not verified" };

// A person's NCRC on their record: what they entered, the copy they uploaded (opening it is audited),
// and staff's verdict. Verifying or refusing is audited; the registry states the stack at once.
export function NcrcPanel({ personId, name, onDone }: { personId: string; name: string; onDone: (message: string) => void }) {
  const ncrc = useQuery({
    queryKey: ncrcKey(personId),
    queryFn: ({ signal }) => api.get<ProfileView>(`/api/v1/admin/people/${encodeURIComponent(personId)}/ncrc`, undefined, signal),
  });
  return (
    <section className="person-section" aria-labelledby="ncrc-heading">
      <h2 id="ncrc-heading">National Career Readiness Certificate</h2>
      <QueryStatus query={ncrc} loadingLabel="Loading the NCRC…">
        {(data) => <NcrcDetails personId={personId} name={name} ncrc={data} onDone={onDone} />}
      </QueryStatus>
    </section>
  );
}

function NcrcDetails({ personId, name, ncrc, onDone }: { personId: string; name: string; ncrc: ProfileView; onDone: (message: string) => void }) {
  const [reason, setReason] = useState("");
  const errors = useFormErrors("ncrc-verify", LABELS);
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (body: NcrcVerificationBody) => api.post<ProfileView>(`/api/v1/admin/people/${encodeURIComponent(personId)}/ncrc-verification`, body),
    onSuccess: (data, body) => {
      queryClient.setQueryData(ncrcKey(personId), data);
      void queryClient.invalidateQueries({ queryKey: peopleKeys.record(personId) });
      setReason("");
      onDone(body.verified ? `${name}'s NCRC is marked verified.` : `${name}'s NCRC is marked not verified.`);
    },
    onError: errors.showError,
  });

  if (!ncrc.ncrcLevel) return <p>{name} has not recorded an NCRC.</p>;

  function refuse(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) return errors.setProblems([{ field: "reason", message: "Say why the NCRC is not verified." }]);
    errors.clear();
    decide.mutate({ verified: false, reason: reason.trim() });
  }

  return (
    <>
      <dl className="details-list">
        <dt>Level</dt>
        <dd>{ncrc.ncrcLevel}</dd>
        <dt>Certificate number</dt>
        <dd>{ncrc.ncrcNumber ? <code>{ncrc.ncrcNumber}</code> : "Not given"}</dd>
        <dt>Certificate date</dt>
        <dd>{ncrc.ncrcDate ? formatCalendarDate(ncrc.ncrcDate) : "Not given"}</dd>
        <dt>Uploaded copy</dt>
        <dd>
          {ncrc.ncrcCertificate ? (
            <a href={`/api/v1/admin/people/${encodeURIComponent(personId)}/ncrc-certificate`}>
              {ncrc.ncrcCertificate.fileName} ({formatBytes(ncrc.ncrcCertificate.size)})
            </a>
          ) : (
            "None uploaded"
          )}
        </dd>
        <dt>Verification</dt>
        <dd>
          <span className={ncrc.ncrcVerification === "verified" ? "badge badge--success" : "badge badge--muted"}>{NCRC_VERIFICATION_LABELS[ncrc.ncrcVerification]}</span>
          {ncrc.ncrcVerification === "not_verified" && ncrc.ncrcVerificationReason ? <> ({ncrc.ncrcVerificationReason})</> : null}
        </dd>
      </dl>
      <form className="form" onSubmit={refuse} noValidate aria-label="Verify the NCRC">
        <ErrorSummary errors={errors} />
        <p className="button-row">
          <button type="button" className="button" disabled={decide.isPending || ncrc.ncrcVerification === "verified"} onClick={() => { errors.clear(); decide.mutate({ verified: true }); }}>
            Mark verified
          </button>
        </p>
        <TextAreaField
          id={errors.fieldId("reason")}
          error={errors.errorFor("reason")}
          label={LABELS.reason}
          name="reason"
          hint="The holder sees this reason on their account page."
          maxLength={500}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="button button--secondary" disabled={decide.isPending}>
          Mark not verified
        </button>
      </form>
    </>
  );
}
