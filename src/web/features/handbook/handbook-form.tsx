import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { HandbookFormat, HandbookRequestInput } from "../../api/types";
import type { HandbookRequestReceipt } from "../../../common/schemas/handbook";
import { ErrorSummary } from "../../components/error-summary";
import { TextAreaField, TextField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { useFormErrors } from "../../lib/form-errors";
import { formatDateTime } from "../../lib/format";

const EMPTY = { name: "", email: "", organization: "", mailingAddress: "", message: "" };

export function HandbookForm() {
  const [values, setValues] = useState(EMPTY);
  const [format, setFormat] = useState<HandbookFormat>("pdf");
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const errors = useFormErrors("handbook", { name: "Your name", email: "Email", organization: "Organization", format: "Format", mailingAddress: "Mailing address", message: "Message" });

  const submit = useMutation({
    mutationFn: (input: HandbookRequestInput) =>
      api.post<HandbookRequestReceipt>("/api/v1/program/handbook-requests", input),
    onError: errors.showError,
    onSuccess: (data, input) => {
      errors.clear();
      setConfirmation(
        `Thank you, ${input.name}. Your request for the MT1 Handbook (${input.format === "pdf" ? "PDF by email" : "printed copy by mail"}) was received on ${formatDateTime(data.createdAt)}. We have sent a confirmation to ${input.email}.`,
      );
      setValues(EMPTY);
      setFormat("pdf");
    },
  });

  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setConfirmation(null);
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
      <form className="form form--card" onSubmit={onSubmit} noValidate aria-label="Request the handbook">
        <ErrorSummary errors={errors} title="Your request was not sent" />
        <TextField label="Your name" name="name" autoComplete="name" value={values.name} onChange={set("name")} id={errors.fieldId("name")} error={errors.errorFor("name")} />
        <TextField label="Email" name="email" type="email" autoComplete="email" value={values.email} onChange={set("email")} id={errors.fieldId("email")} error={errors.errorFor("email")} />
        <TextField
          label="Organization"
          name="organization"
          optional
          autoComplete="organization"
          id={errors.fieldId("organization")}
          error={errors.errorFor("organization")}
          value={values.organization}
          onChange={set("organization")}
        />
        <fieldset className="fieldset">
          <legend>Format</legend>
          <div className="choices-inline">
            <label className="choice">
              <input id={errors.fieldId("format")} type="radio" name="format" value="pdf" checked={format === "pdf"} onChange={() => setFormat("pdf")} />
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
          optional={format !== "print"}
          hint="Needed for a printed copy."
          autoComplete="street-address"
          id={errors.fieldId("mailingAddress")}
          error={errors.errorFor("mailingAddress")}
          value={values.mailingAddress}
          onChange={set("mailingAddress")}
        />
        <TextAreaField label="Message" name="message" optional value={values.message} onChange={set("message")} id={errors.fieldId("message")} error={errors.errorFor("message")} />
        <button type="submit" className="button" disabled={submit.isPending}>
          {submit.isPending ? "Sending…" : "Request the handbook"}
        </button>
      </form>
    </>
  );
}
