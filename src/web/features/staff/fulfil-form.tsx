import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { FulfilHandbookRequestBody, FulfilledHandbookRequestView, HandbookRequestView } from "../../../common/schemas/handbook";
import { ErrorSummary } from "../../components/error-summary";
import { TextAreaField } from "../../components/field";
import { useFormErrors } from "../../lib/form-errors";

interface Props {
  request: HandbookRequestView;
  onDone: (updated: HandbookRequestView) => void;
  onCancel: () => void;
}

// The inline "Mark fulfilled" form: a note is required (what was sent, how, when).
export function FulfilForm({ request, onDone, onCancel }: Props) {
  const [note, setNote] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(`fulfil-${request.id}`, { note: "Fulfilment note" });
  // The form opens because the user asked to fulfil this request: take them to the note.
  useEffect(() => formRef.current?.querySelector("textarea")?.focus(), []);
  const fulfil = useMutation({
    mutationFn: (body: FulfilHandbookRequestBody) =>
      api.post<FulfilledHandbookRequestView>(`/api/v1/admin/handbook-requests/${encodeURIComponent(request.id)}/fulfil`, body),
    onSuccess: (data) => onDone(data.request),
    onError: errors.showError,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    fulfil.mutate({ note: note.trim() });
  }

  return (
    <form ref={formRef} className="inline-form" onSubmit={onSubmit} aria-label={`Mark the request from ${request.name} fulfilled`} noValidate>
      <ErrorSummary errors={errors} />
      <TextAreaField
        label="Fulfilment note"
        id={errors.fieldId("note")}
        error={errors.errorFor("note")}
        maxLength={2000}
        hint={`The note is included in the email to the requester. For example: ${request.format === "pdf" ? "PDF sent by email." : "printed copy mailed today."}`}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={fulfil.isPending}>
          {fulfil.isPending ? "Saving…" : "Confirm fulfilled"}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
