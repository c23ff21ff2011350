// An employer organisation's sponsored candidates (/organisations/:id/sponsored), to every member:
// sponsor a module's Learning Lab seat or assign an exam voucher to a person by email, and the people
// sponsored, with what each was given and, only while they consent, their results and certificates.
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { useFormErrors } from "../../lib/form-errors";
import type { SponsoredCandidateView } from "../../../common/schemas/organisations";
import { useProgram } from "../program/program-queries";
import { useMyBatches, useOrganisation, useSponsoredCandidates, useSponsorSeats, useSponsorVoucher } from "./organisations-api";
import "../../styles/scheduling.css";
import "../../styles/organisations.css";

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const STATUS: Record<string, string> = {
  available: "code not used yet", redeemed: "code used", void: "void", invited: "waiting to be accepted", pending_payment: "waiting for payment", confirmed: "taken", cancelled: "withdrawn",
};

function SeatForm({ id, onDone }: { id: string; onDone: (m: string) => void }) {
  const program = useProgram();
  const [module, setModule] = useState("MM");
  const [email, setEmail] = useState("");
  const errors = useFormErrors("seat", { module: "Module", emails: "Email address" }, { ALREADY_ENROLLED: "emails", PAYMENT_REQUIRED: "module" });
  const sponsor = useSponsorSeats(id);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!EMAIL.test(email.trim())) return errors.setProblems([{ field: "emails", message: "Enter the person's email address, like name@example.com." }]);
    errors.clear();
    sponsor.mutate({ module, emails: [email.trim()] }, {
      onSuccess: (r) => { setEmail(""); onDone(`A seat in ${r.items[0]?.title ?? "the Learning Lab"} is sponsored for ${r.items[0]?.email ?? email}; they have been emailed a link to accept it.`); },
      onError: errors.showError,
    });
  }
  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="seat-heading" noValidate>
      <h2 id="seat-heading">Sponsor a Learning Lab seat</h2>
      <ErrorSummary errors={errors} />
      <SelectField id={errors.fieldId("module")} error={errors.errorFor("module")} label="Module" name="module" value={module} onChange={(e) => setModule(e.target.value)}>
        {(program.data?.modules ?? []).map((m) => <option key={m.code} value={m.code}>{m.name}</option>)}
      </SelectField>
      <TextField id={errors.fieldId("emails")} error={errors.errorFor("emails")} label="Email address" hint="The person accepts the seat by the link we email them." type="email" name="seat-email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
      <button type="submit" className="button" disabled={sponsor.isPending}>{sponsor.isPending ? "Sponsoring…" : "Sponsor the seat"}</button>
      <p className="field__hint">Courses with a fee and several people at once: <Link to="/employer/training">Sponsor training</Link>.</p>
    </form>
  );
}

function VoucherForm({ id, onDone }: { id: string; onDone: (m: string) => void }) {
  const batches = useMyBatches();
  const [batchId, setBatchId] = useState("");
  const [email, setEmail] = useState("");
  const errors = useFormErrors("voucher", { voucherBatchId: "Voucher batch", email: "Email address" }, { VOUCHER_INVALID: "voucherBatchId" });
  const assign = useSponsorVoucher(id);
  const usable = (batches.data?.items ?? []).filter((b) => b.purpose === "registration" && b.quantity > b.redeemed);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = [];
    if (!batchId) problems.push({ field: "voucherBatchId", message: "Choose the voucher batch a code comes from." });
    if (!EMAIL.test(email.trim())) problems.push({ field: "email", message: "Enter the person's email address, like name@example.com." });
    if (problems.length) return errors.setProblems(problems);
    errors.clear();
    assign.mutate({ voucherBatchId: batchId, email: email.trim() }, {
      onSuccess: (v) => { setEmail(""); onDone(`Voucher ${v.voucherCode ?? ""} is assigned to ${v.email}, who has been emailed the code.`); },
      onError: errors.showError,
    });
  }
  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="voucher-heading" noValidate>
      <h2 id="voucher-heading">Sponsor an exam with a voucher</h2>
      <ErrorSummary errors={errors} />
      <SelectField id={errors.fieldId("voucherBatchId")} error={errors.errorFor("voucherBatchId")} label="Voucher batch" name="voucherBatchId" value={batchId} onChange={(e) => setBatchId(e.target.value)}>
        <option value="">{usable.length ? "Choose a batch" : "No exam voucher batch with codes left"}</option>
        {usable.map((b) => <option key={b.id} value={b.id}>{b.invoice?.number ?? b.id}: {b.modules.join(", ")}, {b.quantity - b.redeemed} of {b.quantity} codes not used</option>)}
      </SelectField>
      <TextField id={errors.fieldId("email")} error={errors.errorFor("email")} label="Email address" hint="We email the person the code; they register for a session and pay with it." type="email" name="voucher-email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
      <button type="submit" className="button" disabled={assign.isPending}>{assign.isPending ? "Assigning…" : "Assign a voucher"}</button>
      <p className="field__hint">Buy exam vouchers on the <Link to="/employer">employer page</Link>.</p>
    </form>
  );
}

export function SponsoredCandidatesPage() {
  const { id = "" } = useParams();
  const org = useOrganisation(id);
  const candidates = useSponsoredCandidates(id);
  const [message, setMessage] = useState<string | null>(null);
  const columns: Column<SponsoredCandidateView>[] = [
    { id: "person", header: "Person", rowHeader: true, sortValue: (c) => c.name ?? c.email, cell: (c) => <>{c.name ?? c.email}{c.name ? <><br /><span className="card__meta">{c.email}</span></> : null}</> },
    { id: "sponsored", header: "Sponsored", cell: (c) => <ul className="plain-list">{c.sponsorships.map((s) => <li key={s.id}>{s.title}{s.voucherCode ? ` (${s.voucherCode})` : ""}: {STATUS[s.status] ?? s.status}</li>)}</ul> },
    { id: "sharing", header: "Sharing", sortValue: (c) => c.sharing, cell: (c) => (c.sharing === "shared" ? `Shared since ${c.sharedSince!.slice(0, 10)}` : "Not shared") },
    {
      id: "results", header: "Results",
      cell: (c) => (c.results === null ? "Not shared" : c.results.length === 0 ? "No results yet" : (
        <ul className="plain-list">{c.results.map((r, i) => <li key={i}>{r.moduleName}: {r.percent}%, {r.passed ? "passed" : "not passed"} ({r.scoredAt.slice(0, 10)})</li>)}</ul>
      )),
    },
    {
      id: "certificates", header: "Certificates",
      cell: (c) => (c.certificates === null ? "Not shared" : c.certificates.length === 0 ? "None yet" : (
        <ul className="plain-list">{c.certificates.map((x) => <li key={x.certificateNumber}><Link to={`/registry/${encodeURIComponent(x.certificateNumber)}`}>{x.type} {x.certificateNumber}</Link> ({x.status})</li>)}</ul>
      )),
    },
  ];
  return (
    <Page title="Sponsored candidates" wide lead={org.data ? `The people ${org.data.name} sponsors. Their results and certificates show only while they agree to share them with you; they can stop at any time.` : undefined}>
      <StatusMessage>{message}</StatusMessage>
      <p><Link to={`/organisations/${id}`}>Members of {org.data?.name ?? "the organisation"}</Link></p>
      <div className="forms-pair">
        <VoucherForm id={id} onDone={setMessage} />
        <SeatForm id={id} onDone={setMessage} />
      </div>
      <section className="section" aria-labelledby="candidates-heading">
        <h2 id="candidates-heading">People you sponsor</h2>
        <DataTable caption="Sponsored candidates, what each was given, and what they share" columns={columns} rows={candidates.data?.items ?? []} rowKey={(c) => c.email} status={candidates} empty="You have not sponsored anyone yet." />
      </section>
    </Page>
  );
}
