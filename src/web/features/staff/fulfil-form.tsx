import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { api, errorMessage } from "../../api/client";
import type { HandbookRequest } from "../../api/types";
import type { FulfilledHandbookRequestView } from "../../../common/schemas/handbook";
import { TextAreaField } from "../../components/field";
import { FormAlert } from "../../components/form-alert";

interface Props {
  request: HandbookRequest;
  onDone: (updated: HandbookRequest) => void;
  onCancel: () => void;
}

// The inline "Mark fulfilled" form: a note is required (what was sent, how, when).
export function FulfilForm({ request, onDone, onCancel }: Props) {
  const [note, setNote] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  // The form opens because the user asked to fulfil this request: take them to the note.
  useEffect(() => formRef.current?.querySelector("textarea")?.focus(), []);
  const fulfil = useMutation({
    mutationFn: (text: string) =>
      api.post<FulfilledHandbookRequestView>(`/api/v1/admin/handbook-requests/${encodeURIComponent(request.id)}/fulfil`, {
        note: text,
      }),
    onSuccess: (data) => onDone(data.request),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    fulfil.mutate(note.trim());
  }

  return (
    <form ref={formRef} className="inline-form" onSubmit={onSubmit} aria-label={`Mark the request from ${request.name} fulfilled`}>
      <FormAlert>{fulfil.isError ? errorMessage(fulfil.error) : null}</FormAlert>
      <TextAreaField
        label="Fulfilment note"
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
