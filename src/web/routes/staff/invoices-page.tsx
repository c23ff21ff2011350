import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { SelectField, TextField } from "../../components/field";
import { Page } from "../../components/page";
import { formatMoney } from "../../features/registration/scheduling-api";
import { StatusBadge } from "../../features/registration/status-badge";
import { useInvoices } from "../../features/vouchers/voucher-api";
import { formatDateTime } from "../../lib/format";
import type { InvoiceListItem } from "../../../common/schemas/payments";
import "../../styles/scheduling.css";

const SUBJECT_TEXT: Record<InvoiceListItem["subject"], string> = { registration: "Registration fee", voucher_batch: "Voucher batch", enrolment: "Training enrolment" };

// Every invoice, newest first: number, bill-to, what it is for, amount and status; open one to settle it.
export function InvoicesPage() {
  // A link may ask for a status (the fees page links to the open invoices).
  const [params] = useSearchParams();
  const linked = ["open", "paid", "void"].includes(params.get("status") ?? "") ? params.get("status")! : "";
  const [draft, setDraft] = useState({ status: linked, subject: "", number: "" });
  const [filters, setFilters] = useState<{ status?: string; subject?: string; number?: string }>(linked ? { status: linked } : {});
  const { query, items } = useInvoices(filters);

  function onFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilters({
      ...(draft.status ? { status: draft.status } : {}),
      ...(draft.subject ? { subject: draft.subject } : {}),
      ...(draft.number.trim() ? { number: draft.number.trim().toUpperCase() } : {}),
    });
  }

  const columns: Column<InvoiceListItem>[] = [
    {
      id: "number", header: "Number", rowHeader: true, className: "nowrap", sortValue: (i) => i.number,
      cell: (i) => <Link to={`/staff/invoices/${encodeURIComponent(i.id)}`}>{i.number ?? "Unnumbered"}</Link>,
    },
    {
      id: "billTo", header: "Bill to", sortValue: (i) => i.billTo.organization ?? i.billTo.name,
      cell: (i) => (<>{i.billTo.organization ? <>{i.billTo.organization}<br /></> : null}<span className={i.billTo.organization ? "card__meta" : undefined}>{i.billTo.name}</span>{i.billTo.email ? <><br /><span className="card__meta">{i.billTo.email}</span></> : null}</>),
    },
    { id: "subject", header: "For", cell: (i) => SUBJECT_TEXT[i.subject], sortValue: (i) => i.subject },
    { id: "amount", header: "Amount", cell: (i) => formatMoney(i.amountCents, i.currency), sortValue: (i) => i.amountCents, className: "numeric" },
    { id: "status", header: "Status", cell: (i) => <StatusBadge status={i.status} />, sortValue: (i) => i.status },
    { id: "issued", header: "Issued", cell: (i) => formatDateTime(i.issuedAt), sortValue: (i) => i.issuedAt, className: "nowrap" },
  ];

  return (
    <Page title="Invoices" wide lead="Invoices for registration fees and voucher batches. Open one to see its lines and history, mark it paid with the payment's reference, void it or download its PDF.">
      <form className="filters" role="search" aria-label="Invoices" onSubmit={onFilter}>
        <SelectField label="Status" name="status" required={false} value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
          <option value="">Any status</option>
          <option value="open">Open</option>
          <option value="paid">Paid</option>
          <option value="void">Void</option>
        </SelectField>
        <SelectField label="For" name="subject" required={false} value={draft.subject} onChange={(e) => setDraft({ ...draft, subject: e.target.value })}>
          <option value="">Anything</option>
          <option value="registration">Registration fees</option>
          <option value="voucher_batch">Voucher batches</option>
          <option value="enrolment">Training enrolments</option>
        </SelectField>
        <TextField label="Number" name="number" required={false} hint="Or its start, like INV-2026-" maxLength={20} value={draft.number} onChange={(e) => setDraft({ ...draft, number: e.target.value })} />
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <DataTable
        caption="Invoices"
        columns={columns}
        rows={items}
        rowKey={(i) => i.id}
        empty="No invoices match these filters."
        status={query}
        more={query}
        loadingLabel="Loading the invoices…"
      />
    </Page>
  );
}
