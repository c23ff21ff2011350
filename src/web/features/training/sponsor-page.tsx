// An employer's training page (/employer/training): sponsor seats in a course or a module's Learning
// Lab for named employees (each is emailed a link to accept the seat with that address), paid by one
// invoice to the company or by codes of a training voucher batch it bought; and the seats sponsored,
// with who accepted them and their completion, each one withdrawable.
import { useState, type FormEvent } from "react";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { FieldError, SelectField, TextAreaField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { useFormErrors } from "../../lib/form-errors";
import { formatMoney } from "../../../common/rules/fees";
import { subjectKey } from "../../../common/rules/training";
import type { SponsorBody, SponsoredSeatView } from "../../../common/schemas/training";
import { useProgram } from "../program/program-queries";
import { courseStart, feeText, STATUS_LABELS } from "./course-text";
import { useCancelEnrolment, useCourseFinder, useMyTraining, useMyVoucherBatches, useSponsor, useSponsoredSeats } from "./training-api";
import "../../styles/scheduling.css";
import "../../styles/training.css";

const LABELS = { offeringId: "Course", module: "Module", emails: "Employees' email addresses", payment: "Payment", voucherBatchId: "Voucher batch" };
const CODE_FIELDS = { COURSE_FULL: "emails", ALREADY_ENROLLED: "emails", VOUCHER_INVALID: "voucherBatchId", PAYMENT_REQUIRED: "payment" };
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

function SponsorForm({ onDone }: { onDone: (message: string) => void }) {
  const program = useProgram();
  const courses = useCourseFinder({});
  const [kind, setKind] = useState<"course" | "learning_lab">("course");
  const [offeringId, setOfferingId] = useState("");
  const [module, setModule] = useState("MM");
  const [emails, setEmails] = useState("");
  const [payment, setPayment] = useState<"invoice" | "voucher_batch">("invoice");
  const [batchId, setBatchId] = useState("");
  const errors = useFormErrors("sponsor", LABELS, CODE_FIELDS);
  const sponsor = useSponsor();
  const open = (courses.data?.items ?? []).filter((c) => c.status === "scheduled");
  const course = open.find((c) => c.id === offeringId);
  const key = kind === "course" ? (offeringId ? subjectKey({ kind: "course", offeringId }) : "") : subjectKey({ kind: "learning_lab", module });
  // A module's Learning Lab fee (program data) as the training page reads it for every account.
  const lab = useMyTraining().data?.learningLab.find((l) => l.module === module);
  const fee = kind === "course" ? course?.feeCents ?? 0 : lab?.feeCents ?? 0;
  const batches = useMyVoucherBatches(true);
  const usable = (batches.data?.items ?? []).filter((b) => b.purpose === "training" && b.trainingSubject === key && b.quantity > b.redeemed);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const list = emails.split(/[\s,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean);
    const problems = [];
    if (kind === "course" && !offeringId) problems.push({ field: "offeringId", message: "Choose the course." });
    if (list.length === 0) problems.push({ field: "emails", message: "Enter at least one email address, one per line." });
    const bad = list.filter((e) => !EMAIL.test(e));
    if (bad.length) problems.push({ field: "emails", message: `${bad.join(", ")} ${bad.length === 1 ? "is not an email address" : "are not email addresses"}.` });
    if (new Set(list).size !== list.length) problems.push({ field: "emails", message: "Each address may be listed once." });
    if (list.length > 100) problems.push({ field: "emails", message: "Sponsor at most 100 seats at a time." });
    if (payment === "voucher_batch" && fee > 0 && !batchId) problems.push({ field: "voucherBatchId", message: "Choose the voucher batch that pays these seats." });
    if (problems.length) return errors.setProblems(problems);
    errors.clear();
    const body: SponsorBody = {
      ...(kind === "course" ? { offeringId } : { module }), emails: list,
      ...(fee > 0 ? { payment, ...(payment === "voucher_batch" && batchId ? { voucherBatchId: batchId } : {}) } : {}),
    };
    sponsor.mutate(body, {
      onSuccess: (receipt) => {
        setEmails("");
        onDone(`${receipt.items.length} seat${receipt.items.length === 1 ? "" : "s"} sponsored in ${receipt.items[0]?.title ?? ""}. Each employee has been emailed a link to accept it.`);
      },
      onError: errors.showError,
    });
  }

  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="sponsor-heading" noValidate>
      <h2 id="sponsor-heading">Sponsor seats for employees</h2>
      <ErrorSummary errors={errors} />
      <fieldset className="fieldset">
        <legend>What</legend>
        <label className="choice">
          <input type="radio" name="kind" value="course" checked={kind === "course"} onChange={() => setKind("course")} />
          <span>A course</span>
        </label>
        <label className="choice">
          <input type="radio" name="kind" value="learning_lab" checked={kind === "learning_lab"} onChange={() => setKind("learning_lab")} />
          <span>A module&apos;s online Learning Lab</span>
        </label>
      </fieldset>
      {kind === "course" ? (
        <SelectField id={errors.fieldId("offeringId")} error={errors.errorFor("offeringId")} label="Course" name="offeringId" value={offeringId} onChange={(e) => { setOfferingId(e.target.value); setBatchId(""); }}>
          <option value="">Choose a course</option>
          {open.map((c) => <option key={c.id} value={c.id}>{c.title}, {c.place.name} ({c.place.city}, {c.place.state}), {courseStart(c)}, {feeText(c)}, {c.seatsLeft} seats left</option>)}
        </SelectField>
      ) : (
        <SelectField id={errors.fieldId("module")} label="Module" name="module" value={module} onChange={(e) => { setModule(e.target.value); setBatchId(""); }}>
          {(program.data?.modules ?? []).map((m) => <option key={m.code} value={m.code}>{m.name}</option>)}
        </SelectField>
      )}
      <TextAreaField id={errors.fieldId("emails")} error={errors.errorFor("emails")} label="Employees' email addresses" hint="One per line: each employee accepts the seat by logging in with their address." name="emails" value={emails} onChange={(e) => setEmails(e.target.value)} />
      {fee > 0 ? (
        <fieldset className="fieldset" id={errors.fieldId("payment")} tabIndex={-1}>
          <legend>Payment ({formatMoney(fee, course?.currency ?? lab?.currency ?? "USD")} a seat)</legend>
          <FieldError>{errors.errorFor("payment")}</FieldError>
          <label className="choice">
            <input type="radio" name="payment" value="invoice" checked={payment === "invoice"} onChange={() => setPayment("invoice")} />
            <span>Invoice our company: one invoice for these seats</span>
          </label>
          <label className="choice">
            <input type="radio" name="payment" value="voucher_batch" checked={payment === "voucher_batch"} onChange={() => setPayment("voucher_batch")} />
            <span>Use codes from a training voucher batch we bought</span>
          </label>
          {payment === "voucher_batch" ? (
            <SelectField id={errors.fieldId("voucherBatchId")} error={errors.errorFor("voucherBatchId")} label="Voucher batch" name="voucherBatchId" value={batchId} onChange={(e) => setBatchId(e.target.value)}>
              <option value="">{usable.length ? "Choose a batch" : "No training batch with codes left for this"}</option>
              {usable.map((b) => <option key={b.id} value={b.id}>{b.invoice?.number ?? b.id}: {b.quantity - b.redeemed} of {b.quantity} codes left</option>)}
            </SelectField>
          ) : null}
        </fieldset>
      ) : (
        <p>{kind === "course" && !course ? null : "These seats are free: no payment is needed."}</p>
      )}
      <button type="submit" className="button" disabled={sponsor.isPending}>
        {sponsor.isPending ? "Sponsoring…" : "Sponsor the seats"}
      </button>
    </form>
  );
}

export function SponsorPage() {
  const seats = useSponsoredSeats();
  const withdraw = useCancelEnrolment();
  const [message, setMessage] = useState<string | null>(null);
  const columns: Column<SponsoredSeatView>[] = [
    { id: "email", header: "Employee", rowHeader: true, sortValue: (s) => s.email, cell: (s) => <>{s.learnerName ?? s.email}{s.learnerName ? <><br /><span className="card__meta">{s.email}</span></> : null}</> },
    { id: "what", header: "Seat in", sortValue: (s) => s.title, cell: (s) => s.title },
    { id: "status", header: "Status", sortValue: (s) => s.status, cell: (s) => STATUS_LABELS[s.status] },
    { id: "completion", header: "Completion", cell: (s) => (s.completion === "completed" ? "Completed" : s.completion === "not_completed" ? "Not completed" : "—") },
    {
      id: "actions", header: "Actions", className: "actions",
      cell: (s) => (s.status === "invited" || s.status === "confirmed" ? (
        <button type="button" className="button button--secondary button--small" disabled={withdraw.isPending}
          onClick={() => withdraw.mutate({ id: s.id }, { onSuccess: () => setMessage(`The seat of ${s.learnerName ?? s.email} in ${s.title} is withdrawn; its voucher code is back in your batch.`), onError: (e) => setMessage(e.message) })}>
          Withdraw<span className="visually-hidden"> the seat of {s.learnerName ?? s.email} in {s.title}</span>
        </button>
      ) : null),
    },
  ];
  return (
    <Page title="Sponsor training" wide lead="Pay for your employees' seats in MT1 skills courses or the online Learning Lab. Each employee accepts their seat by the link we email them.">
      <StatusMessage>{message}</StatusMessage>
      <SponsorForm onDone={setMessage} />
      <section className="section" aria-labelledby="sponsored-heading">
        <h2 id="sponsored-heading">Seats you sponsored</h2>
        <DataTable caption="Sponsored seats with their status and completion" columns={columns} rows={seats.data?.items ?? []} rowKey={(s) => s.id} status={seats} empty="You have not sponsored any seats yet." pageSize={25} />
      </section>
    </Page>
  );
}
