import { useId, useRef, useState, type FormEvent } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "../../api/client";
import { uploadRaw } from "../../api/upload";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import type { UploadedAccommodationDocumentView } from "../../../common/schemas/accommodations";
import { schedulingKeys } from "../registration/scheduling-api";
import { DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, formatBytes } from "./labels";

// Uploads one documentation file as the raw body, with a real progress bar from the XHR upload events.
export function DocumentUpload({ requestId }: { requestId: string }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<UploadedAccommodationDocumentView | null>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setUploaded(null);
    if (!file) {
      setError("Choose a file to upload.");
      return;
    }
    if (file.size > MAX_DOCUMENT_BYTES) {
      setError(`This file is ${formatBytes(file.size)}. Documents may be up to 10 MB.`);
      return;
    }
    setBusy(true);
    setProgress({ loaded: 0, total: file.size });
    try {
      const type = DOCUMENT_TYPES.includes(file.type) ? file.type : "application/octet-stream";
      const result = await uploadRaw<UploadedAccommodationDocumentView>(
        `/api/v1/me/accommodation-requests/${encodeURIComponent(requestId)}/documents?fileName=${encodeURIComponent(file.name)}`,
        file,
        { contentType: type, onProgress: (loaded, total) => setProgress({ loaded, total }) },
      );
      setProgress({ loaded: file.size, total: file.size });
      setUploaded(result);
      setFile(null);
      if (inputRef.current) inputRef.current.value = "";
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.myAccommodations });
    } catch (cause) {
      setProgress(null);
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return (
    <form className="upload" onSubmit={(e) => void onSubmit(e)} aria-label="Upload documentation">
      <FormAlert>{error}</FormAlert>
      <StatusMessage>{uploaded ? `Uploaded ${uploaded.fileName} (${formatBytes(uploaded.size)}).` : null}</StatusMessage>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          Documentation file
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          A PDF, PNG or JPEG file of up to 10 MB. Only you and the program staff who review it can see it.
        </p>
        <input
          ref={inputRef}
          id={id}
          type="file"
          className="input input--file"
          accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          aria-describedby={`${id}-hint`}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      {progress ? (
        <p className="upload__progress">
          <label htmlFor={`${id}-progress`}>Upload progress</label>
          <progress id={`${id}-progress`} max={100} value={percent}>
            {percent}%
          </progress>
          <span aria-hidden="true"> {percent}%</span>
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Uploading…" : "Upload document"}
      </button>
    </form>
  );
}
