import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { HandbookFormat, HandbookRequestBody, HandbookRequestReceipt } from "../../../common/schemas/handbook";
import { ErrorSummary } from "../../components/error-summary";
import { TextAreaField, TextField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { formatDateTime } from "../../lib/format";
import { useFormErrors } from "../../lib/form-errors";

const EMPTY = { name: "", email: "", organization: "", mailingAddress: "", message: "" };
const LABELS = { name: "Your name", email: "Email", organization: "Organization", format: "Format", mailingAddress: "Mailing address", message: "Message" };

export function HandbookForm() {
  const [values, setValues] = useState(EMPTY);
  const [format, setFormat] = useState<HandbookFormat>("pdf");
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const errors = useFormErrors("handbook", LABELS);

  const submit = useMutation({
    mutationFn: (input: HandbookRequestBody) =>
      api.post<HandbookRequestReceipt>("/api/v1/program/handbook-requests", input),
    onSuccess: (data, input) => {
      setConfirmation(
        `Thank you, ${input.name}. Your request for the MT1 Handbook (${input.format === "pdf" ? "PDF by email" : "printed copy by mail"}) was received on ${formatDateTime(data.createdAt)}. We have sent a confirmation to ${input.email}.`,
      );
      setValues(EMPTY);
      setFormat("pdf");
    },
    onError: errors.showError,
  });

  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setConfirmation(null);
    errors.clear();
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    submit.mutate({
      name: values.name.trim(),
      email: values.email.trim(),
      organization: optional(values.organization),
      mailingAddress: optional(values.mailingAddress),
      format,
      message: optional(values.message),
    });
  }

  return (
    <>
      <StatusMessage>{confirmation}</StatusMessage>
      <form className="form form--card" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} />
        <TextField label="Your name" name="name" autoComplete="name" id={errors.fieldId("name")} error={errors.errorFor("name")} value={values.name} onChange={set("name")} />
        <TextField label="Email" name="email" type="email" autoComplete="email" id={errors.fieldId("email")} error={errors.errorFor("email")} value={values.email} onChange={set("email")} />
        <TextField
          label="Organization"
          name="organization"
          id={errors.fieldId("organization")}
          error={errors.errorFor("organization")}
          optional
          autoComplete="organization"
          value={values.organization}
          onChange={set("organization")}
        />
        <fieldset className="fieldset">
          <legend>Format</legend>
          <div className="choices-inline">
            <label className="choice">
              <input type="radio" name="format" value="pdf" id={errors.fieldId("format")} checked={format === "pdf"} onChange={() => setFormat("pdf")} />
              PDF by email
            </label>
            <label className="choice">
              <input type="radio" name="format" value="print" checked={format === "print"} onChange={() => setFormat("print")} />
              Printed copy by mail
            </label>
          </div>
        </fieldset>
        <TextAreaField
          label="Mailing address"
          name="mailingAddress"
          id={errors.fieldId("mailingAddress")}
          error={errors.errorFor("mailingAddress")}
          optional={format !== "print"}
          hint="Needed for a printed copy."
          autoComplete="street-address"
          value={values.mailingAddress}
          onChange={set("mailingAddress")}
        />
        <TextAreaField label="Message" name="message" optional id={errors.fieldId("message")} error={errors.errorFor("message")} value={values.message} onChange={set("message")} />
        <button type="submit" className="button" disabled={submit.isPending}>
          {submit.isPending ? "Sending…" : "Request the handbook"}
        </button>
      </form>
    </>
  );
}
