import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { TextAreaField, TextField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { Dialog, DialogActions } from "../../features/proctor-console/dialog";
import { formatMoney } from "../../features/registration/scheduling-api";
import { StatusBadge } from "../../features/registration/status-badge";
import { invoicePdfUrl, useInvoice, voucherKeys } from "../../features/vouchers/voucher-api";
import { useFormErrors } from "../../lib/form-errors";
import { formatDateTime } from "../../lib/format";
import type { InvoiceDetail, InvoiceEventView, InvoiceLineView, MarkInvoicePaidBody, VoidInvoiceBody } from "../../../common/schemas/payments";
import type { InvoicePaidView } from "../../../common/schemas/scheduling";
import "../../styles/scheduling.css";

const EVENT_TEXT: Record<InvoiceEventView["kind"], string> = { issued: "Issued", paid: "Marked paid", voided: "Voided" };

function useSettled(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: voucherKeys.invoice(id) });
    void queryClient.invalidateQueries({ queryKey: voucherKeys.invoices });
    void queryClient.invalidateQueries({ queryKey: voucherKeys.batches });
  };
}

function MarkPaidForm({ invoice, onDone }: { invoice: InvoiceDetail; onDone: (message: string) => void }) {
  const [reference, setReference] = useState("");
  const errors = useFormErrors("mark-paid", { paymentReference: "Payment reference" }, { CONFLICT: "paymentReference" });
  const settled = useSettled(invoice.id);
  const pay = useMutation({
    mutationFn: (body: MarkInvoicePaidBody) => api.post<InvoicePaidView>(`/api/v1/admin/invoices/${encodeURIComponent(invoice.id)}/paid`, body),
    onSuccess: () => {
      errors.clear();
      settled();
      onDone(`Invoice ${invoice.number ?? ""} is marked paid (reference ${reference.trim()}).${invoice.subject === "registration" ? " Its registration is confirmed." : invoice.subject === "enrolment" ? " Its training seat is confirmed." : ""}`);
    },
    onError: (error) => errors.showError(error),
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reference.trim()) return errors.setProblems([{ field: "paymentReference", message: "Enter the payment's reference: the check number or the transfer's reference." }]);
    pay.mutate({ paymentReference: reference.trim() });
  }
  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="mark-paid-heading" noValidate>
      <h2 id="mark-paid-heading">Mark paid</h2>
      <ErrorSummary errors={errors} />
      <TextField
        id={errors.fieldId("paymentReference")} error={errors.errorFor("paymentReference")} label="Payment reference" maxLength={100}
        hint="The check number or the bank transfer's reference." name="paymentReference" value={reference} onChange={(e) => setReference(e.target.value)}
      />
      <button type="submit" className="button" disabled={pay.isPending}>
        {pay.isPending ? "Saving…" : "Mark paid"}
      </button>
    </form>
  );
}

function VoidDialog({ invoice, onClose, onDone }: { invoice: InvoiceDetail; onClose: () => void; onDone: (message: string) => void }) {
  const [reason, setReason] = useState("");
  const errors = useFormErrors("void-invoice", { reason: "Reason" }, { CONFLICT: "reason" });
  const settled = useSettled(invoice.id);
  const voidIt = useMutation({
    mutationFn: (body: VoidInvoiceBody) => api.post<InvoiceDetail>(`/api/v1/admin/invoices/${encodeURIComponent(invoice.id)}/void`, body),
    onSuccess: () => {
      settled();
      onDone(`Invoice ${invoice.number ?? ""} is void.`);
    },
    onError: (error) => errors.showError(error),
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length < 3) return errors.setProblems([{ field: "reason", message: "Say why the invoice is voided (3 characters or more)." }]);
    voidIt.mutate({ reason: reason.trim() });
  }
  return (
    <Dialog title={`Void invoice ${invoice.number ?? ""}`} onClose={onClose} tone="danger">
      <form onSubmit={onSubmit} noValidate>
        <p>
          {invoice.subject === "voucher_batch"
            ? "The batch's codes nobody has used stop working; codes already used stay with their registrations. This cannot be undone."
            : "This cannot be undone."}
        </p>
        <ErrorSummary errors={errors} />
        <TextAreaField id={errors.fieldId("reason")} error={errors.errorFor("reason")} label="Reason" name="reason" maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        <DialogActions submitLabel="Void the invoice" busy={voidIt.isPending} onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}

function InvoiceView({ invoice }: { invoice: InvoiceDetail }) {
  const [message, setMessage] = useState<string | null>(null);
  const [voiding, setVoiding] = useState(false);
  const lineColumns: Column<InvoiceLineView>[] = [
    { id: "description", header: "Description", cell: (l) => l.description, rowHeader: true },
    { id: "quantity", header: "Quantity", cell: (l) => l.quantity, className: "numeric" },
    { id: "unit", header: "Unit price", cell: (l) => formatMoney(l.unitCents, invoice.currency), className: "numeric" },
    { id: "amount", header: "Amount", cell: (l) => formatMoney(l.amountCents, invoice.currency), className: "numeric" },
  ];
  const historyColumns: Column<InvoiceEventView>[] = [
    { id: "at", header: "When", cell: (e) => formatDateTime(e.at), rowHeader: true, className: "nowrap" },
    { id: "kind", header: "What", cell: (e) => EVENT_TEXT[e.kind] },
    { id: "actor", header: "Who", cell: (e) => e.actor ?? "The system" },
    { id: "note", header: "Reference or reason", cell: (e) => e.note ?? "—" },
  ];
  return (
    <>
      <StatusMessage>{message}</StatusMessage>
      <dl className="details-list invoice-facts">
        <dt>Status</dt>
        <dd><StatusBadge status={invoice.status} /></dd>
        <dt>Bill to</dt>
        <dd>
          {invoice.billTo.organization ? <>{invoice.billTo.organization}<br /></> : null}
          {invoice.billTo.name}
          {invoice.billTo.email ? <><br />{invoice.billTo.email}</> : null}
        </dd>
        <dt>For</dt>
        <dd>
          {invoice.subject === "voucher_batch" ? <Link to="/staff/vouchers">A voucher batch (see the ledger)</Link> : invoice.subject === "enrolment" ? "A training enrolment's fee" : "A registration's fee"}
        </dd>
        <dt>Issued</dt>
        <dd>{formatDateTime(invoice.issuedAt)}</dd>
        <dt>Total</dt>
        <dd><strong>{formatMoney(invoice.amountCents, invoice.currency)}</strong></dd>
        {invoice.paymentReference ? (<><dt>Payment reference</dt><dd>{invoice.paymentReference}</dd></>) : null}
        {invoice.voidReason ? (<><dt>Void because</dt><dd>{invoice.voidReason}</dd></>) : null}
      </dl>
      <p>
        <a className="button button--secondary" href={invoicePdfUrl(invoice.id)} download>
          Download the PDF
        </a>
      </p>
      <section aria-labelledby="lines-heading" className="section">
        <h2 id="lines-heading">Lines</h2>
        <DataTable caption="Invoice lines" columns={lineColumns} rows={invoice.lines} rowKey={(l) => `${l.description}-${l.amountCents}`} empty="This invoice has no lines." />
      </section>
      <section aria-labelledby="history-heading" className="section">
        <h2 id="history-heading">History</h2>
        <DataTable caption="Invoice history" columns={historyColumns} rows={invoice.history} rowKey={(e) => `${e.kind}-${e.at}`} empty="No history." />
      </section>
      {invoice.status === "open" ? (
        <>
          <MarkPaidForm invoice={invoice} onDone={setMessage} />
          <section aria-labelledby="void-heading" className="section">
            <h2 id="void-heading">Void</h2>
            {invoice.subject === "registration" ? (
              <p>A registration&rsquo;s invoice ends with its registration: cancel the registration or waive its fee instead.</p>
            ) : invoice.subject === "enrolment" ? (
              <p>A training enrolment&rsquo;s invoice ends with its enrolment: cancel the enrolment instead.</p>
            ) : (
              <p>
                <button type="button" className="button button--danger" onClick={() => setVoiding(true)}>
                  Void this invoice
                </button>
              </p>
            )}
          </section>
          {voiding ? <VoidDialog invoice={invoice} onClose={() => setVoiding(false)} onDone={(m) => { setVoiding(false); setMessage(m); }} /> : null}
        </>
      ) : null}
    </>
  );
}

// One invoice for staff: its facts, lines and history; mark it paid with a reference, void it with a
// reason (a voucher batch's), download its PDF.
export function InvoicePage() {
  const { id = "" } = useParams();
  const query = useInvoice(id);
  return (
    <Page title={query.data?.number ? `Invoice ${query.data.number}` : "Invoice"} lead={<Link to="/staff/invoices">All invoices</Link>}>
      <QueryStatus query={query} loadingLabel="Loading the invoice…">
        {(invoice) => <InvoiceView invoice={invoice} />}
      </QueryStatus>
    </Page>
  );
}
