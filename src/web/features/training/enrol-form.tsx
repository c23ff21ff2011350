// Enrolment: a seat in a course or a module's Learning Lab. A free seat is confirmed at once; a fee is
// paid by a training voucher's code now, or by an invoice that holds the seat until it is paid.
import { useState, type FormEvent } from "react";
import { ErrorSummary } from "../../components/error-summary";
import { TextField } from "../../components/field";
import { useFormErrors } from "../../lib/form-errors";
import { formatMoney } from "../../../common/rules/fees";
import { useEnrol } from "./training-api";

const CODE_FIELDS = { VOUCHER_INVALID: "voucherCode", PAYMENT_REQUIRED: "method" };

/** Enrol in a course or a module's Learning Lab; a fee is paid by training voucher or invoice. */
export function EnrolForm({ subject, title, feeCents, currency, headingLevel = 2 }: { subject: { offeringId: string } | { module: string }; title: string; feeCents: number; currency: string; headingLevel?: 2 | 3 }) {
  const enrol = useEnrol();
  const paid = feeCents > 0;
  const fee = formatMoney(feeCents, currency);
  const formId = `enrol-${'offeringId' in subject ? subject.offeringId : subject.module}`;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const [method, setMethod] = useState<"voucher" | "invoice">("invoice");
  const [code, setCode] = useState("");
  const errors = useFormErrors(formId, { method: "How you pay", voucherCode: "Training voucher code" }, CODE_FIELDS);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (paid && method === "voucher" && !code.trim()) return errors.setProblems([{ field: "voucherCode", message: "Enter the code of your training voucher." }]);
    errors.clear();
    enrol.mutate(
      { ...subject, ...(paid ? { method, ...(method === "voucher" ? { voucherCode: code.trim() } : {}) } : {}) },
      // Success shows as the seat's notice (Enrolment), once My training has the new seat.
      { onError: errors.showError },
    );
  }
  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby={`${formId}-heading`} noValidate>
      <Heading id={`${formId}-heading`}>Enrol: {title}</Heading>
      <ErrorSummary errors={errors} />
      {paid ? (
        <>
          <fieldset className="fieldset" id={errors.fieldId("method")} tabIndex={-1}>
            <legend>How you pay {fee}</legend>
            <label className="choice">
              <input type="radio" name={`${formId}-method`} value="invoice" checked={method === "invoice"} onChange={() => setMethod("invoice")} />
              <span>Send me an invoice (the seat is held until it is paid)</span>
            </label>
            <label className="choice">
              <input type="radio" name={`${formId}-method`} value="voucher" checked={method === "voucher"} onChange={() => setMethod("voucher")} />
              <span>I have a training voucher for it</span>
            </label>
          </fieldset>
          {method === "voucher" ? (
            <TextField id={errors.fieldId("voucherCode")} error={errors.errorFor("voucherCode")} label="Training voucher code" name="voucherCode" autoComplete="off" maxLength={40} value={code} onChange={(e) => setCode(e.target.value)} />
          ) : null}
        </>
      ) : (
        <p>It is free: enrolling confirms your seat at once.</p>
      )}
      {"offeringId" in subject ? (
        <p className="card__meta">The course&apos;s trainer and its center see your Learning Lab progress in the course&apos;s skills (mastery, lessons finished, when you last practised), to help you prepare.</p>
      ) : null}
      <button type="submit" className="button" disabled={enrol.isPending}>
        {enrol.isPending ? "Enrolling…" : `Enrol in ${title}`}
      </button>
    </form>
  );
}
