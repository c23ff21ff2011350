import { useRef, useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { uploadRaw } from "../../api/upload";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { QueryStatus } from "../../components/query-status";
import { useFormErrors } from "../../lib/form-errors";
import type { ProfileView, UpdateProfileBody } from "../../../common/schemas/accounts";
import { formatBytes } from "../accommodations/labels";
import { schedulingKeys, useProfile } from "./scheduling-api";
import { NcrcVerificationNotice } from "./ncrc-verification";

const LABELS = { ncrcLevel: "NCRC level", ncrcNumber: "NCRC certificate number", ncrcDate: "Certificate date", state: "Home state", certificate: "Certificate file" };
const UPLOAD_TYPES = ["application/pdf", "image/png", "image/jpeg"];
/** The server's limit (accounts/ncrc.service.ts), checked here first to spare a long upload. */
const MAX_CERTIFICATE_BYTES = 5 * 1024 * 1024;

function NcrcFields({ profile }: { profile: ProfileView }) {
  const [level, setLevel] = useState(profile.ncrcLevel ?? "none");
  const [number, setNumber] = useState(profile.ncrcNumber ?? "");
  const [date, setDate] = useState(profile.ncrcDate ?? "");
  const [state, setState] = useState(profile.state ?? "");
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const errors = useFormErrors("ncrc", LABELS, { UNSUPPORTED_DOCUMENT: "certificate", PAYLOAD_TOO_LARGE: "certificate" });
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: async () => {
      const saved = await api.put<ProfileView>("/api/v1/me/profile", {
        ncrcLevel: level === "none" ? null : level,
        ncrcNumber: number.trim() || null,
        ncrcDate: date || null,
        state: state.trim() ? state.trim().toUpperCase() : null,
      } satisfies UpdateProfileBody);
      if (!file) return saved;
      const type = UPLOAD_TYPES.includes(file.type) ? file.type : "application/octet-stream";
      return uploadRaw<ProfileView>(`/api/v1/me/profile/ncrc-certificate?fileName=${encodeURIComponent(file.name)}`, file, { contentType: type });
    },
    onSuccess: (data) => {
      queryClient.setQueryData(schedulingKeys.profile, data);
      setFile(null);
      if (fileInput.current) fileInput.current.value = "";
    },
    onError: errors.showError,
  });
  const current = save.data ?? profile;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file && file.size > MAX_CERTIFICATE_BYTES) {
      errors.setProblems([{ field: "certificate", message: `This file is ${formatBytes(file.size)}. The certificate may be up to 5 MB.` }]);
      return;
    }
    errors.clear();
    save.mutate();
  }

  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="ncrc-heading" noValidate>
      <h2 id="ncrc-heading">National Career Readiness Certificate</h2>
      <p>A Silver NCRC or higher is strongly encouraged before MT1 testing. It never stops you registering. MS and MT1 stack on it: program staff verify it from the copy you upload.</p>
      <ErrorSummary errors={errors} />
      <StatusMessage>{save.isSuccess ? "Your NCRC details have been saved." : null}</StatusMessage>
      {current.ncrcAdvice ? (
        <div className="notice notice--info" role="status">
          {current.ncrcAdvice}
        </div>
      ) : null}
      {current.ncrcLevel ? <NcrcVerificationNotice profile={current} /> : null}
      <SelectField id={errors.fieldId("ncrcLevel")} error={errors.errorFor("ncrcLevel")} label={LABELS.ncrcLevel} name="ncrcLevel" value={level} onChange={(e) => setLevel(e.target.value)}>
        <option value="none">No NCRC yet</option>
        {profile.ncrcLevels.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </SelectField>
      <TextField
        id={errors.fieldId("ncrcNumber")}
        error={errors.errorFor("ncrcNumber")}
        label={LABELS.ncrcNumber}
        name="ncrcNumber"
        optional
        autoComplete="off"
        hint="Letters, digits and dashes. Only you and program staff see it."
        maxLength={40}
        value={number}
        onChange={(e) => setNumber(e.target.value)}
      />
      <TextField id={errors.fieldId("ncrcDate")} error={errors.errorFor("ncrcDate")} label={LABELS.ncrcDate} name="ncrcDate" type="date" optional hint="The date printed on the certificate." value={date} onChange={(e) => setDate(e.target.value)} />
      <div className={errors.errorFor("certificate") ? "field field--invalid" : "field"}>
        <label className="field__label" htmlFor={errors.fieldId("certificate")}>
          {LABELS.certificate} <span className="field__optional">(optional)</span>
        </label>
        <p className="field__hint" id="ncrc-certificate-hint">
          {current.ncrcCertificate
            ? `Uploaded: ${current.ncrcCertificate.fileName} (${formatBytes(current.ncrcCertificate.size)}). Choose a file to replace it. `
            : ""}
          A PDF, PNG or JPEG of up to 5 MB. Only you and program staff can open it.
        </p>
        {errors.errorFor("certificate") ? (
          <p className="field__error" id="ncrc-certificate-error">
            {errors.errorFor("certificate")}
          </p>
        ) : null}
        <input
          ref={fileInput}
          id={errors.fieldId("certificate")}
          type="file"
          className="input input--file"
          accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          aria-describedby={errors.errorFor("certificate") ? "ncrc-certificate-hint ncrc-certificate-error" : "ncrc-certificate-hint"}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        {current.ncrcCertificate ? (
          <p>
            <a href="/api/v1/me/profile/ncrc-certificate">Open the uploaded certificate</a>
          </p>
        ) : null}
      </div>
      <TextField
        id={errors.fieldId("state")}
        error={errors.errorFor("state")}
        label={LABELS.state}
        name="state"
        optional
        autoComplete="address-level1"
        hint="Two letters, for example VA."
        maxLength={2}
        value={state}
        onChange={(e) => setState(e.target.value)}
      />
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save NCRC details"}
      </button>
    </form>
  );
}

export function NcrcSection() {
  const profile = useProfile();
  return (
    <QueryStatus query={profile} loadingLabel="Loading your NCRC details…">
      {(data) => <NcrcFields profile={data} />}
    </QueryStatus>
  );
}
