// The voucher ledger as a buyer or staff see it: the batches (buyer, modules, price, invoice, how many
// used) and, for the batch chosen, each code with its holder (who redeemed it) and its redemption
// (registration, date, session in the center's time).
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { formatDateTime } from "../../lib/format";
import { DEFAULT_TIME_ZONE, formatZonedDateTime } from "../../../common/time-zones";
import type { LedgerCodeView, VoucherBatchView } from "../../../common/schemas/payments";
import { formatMoney } from "../registration/scheduling-api";
import { StatusBadge } from "../registration/status-badge";
import { invoicePdfUrl, useVoucherBatch, useVoucherBatches } from "./voucher-api";

function batchLabel(batch: VoucherBatchView): string {
  return `${batch.buyer.organization ?? batch.buyer.name}, ${formatDateTime(batch.createdAt)}`;
}

function InvoiceCell({ batch, staff }: { batch: VoucherBatchView; staff: boolean }) {
  if (!batch.invoice) return <>None (bought before invoices)</>;
  const number = batch.invoice.number ?? "Invoice";
  return (
    <>
      {staff ? <Link to={`/staff/invoices/${encodeURIComponent(batch.invoice.id)}`}>{number}</Link> : <a href={invoicePdfUrl(batch.invoice.id)} download>{number}<span className="visually-hidden"> (PDF)</span></a>}{" "}
      <StatusBadge status={batch.invoice.status} />
    </>
  );
}

function BatchCodes({ batchId, label }: { batchId: string; label: string }) {
  const query = useVoucherBatch(batchId);
  const columns: Column<LedgerCodeView>[] = [
    { id: "code", header: "Code", cell: (c) => <code>{c.code}</code>, sortValue: (c) => c.code, rowHeader: true, className: "nowrap" },
    { id: "status", header: "Status", cell: (c) => <StatusBadge status={c.status} />, sortValue: (c) => c.status },
    { id: "holder", header: "Used by", cell: (c) => c.holder?.name ?? "—", sortValue: (c) => c.holder?.name ?? null },
    { id: "redeemed", header: "Used on", cell: (c) => (c.redeemedAt ? formatDateTime(c.redeemedAt) : "—"), sortValue: (c) => c.redeemedAt, className: "nowrap" },
    {
      id: "session", header: "Session",
      cell: (c) => (c.session ? `${c.session.centerName}, ${formatZonedDateTime(c.session.startsAt, c.session.timeZone ?? DEFAULT_TIME_ZONE)}` : "—"),
      sortValue: (c) => c.session?.startsAt ?? null,
    },
  ];
  return (
    <section aria-labelledby="batch-codes-heading" className="section">
      <h3 id="batch-codes-heading">Codes of the batch: {label}</h3>
      <DataTable
        caption={`Your vouchers in the batch of ${label}`}
        columns={columns}
        rows={query.data?.codes ?? []}
        rowKey={(c) => c.id}
        empty="This batch has no codes."
        status={query}
        loadingLabel="Loading the codes…"
        pageSize={25}
      />
    </section>
  );
}

export function VoucherLedger({ staff = false, filters = {}, selectNewest = false }: { staff?: boolean; filters?: { module?: string; organization?: string }; selectNewest?: boolean }) {
  const { query, items } = useVoucherBatches(filters);
  const [selected, setSelected] = useState<string | null>(null);
  // A buyer who has just bought sees that batch's codes without a further click.
  const newest = items[0]?.id ?? null;
  useEffect(() => {
    if (selectNewest && newest) setSelected(newest);
  }, [selectNewest, newest]);
  const chosen = items.find((b) => b.id === selected) ?? null;

  const columns: Column<VoucherBatchView>[] = [
    { id: "bought", header: "Bought", cell: (b) => formatDateTime(b.createdAt), sortValue: (b) => b.createdAt, rowHeader: true, className: "nowrap" },
    ...(staff
      ? [{ id: "buyer", header: "Buyer", cell: (b: VoucherBatchView) => (<>{b.buyer.organization ?? "—"}<br /><span className="card__meta">{b.buyer.name}{b.buyer.email ? ` · ${b.buyer.email}` : ""}</span></>), sortValue: (b: VoucherBatchView) => b.buyer.organization ?? b.buyer.name }]
      : []),
    { id: "modules", header: "Modules", cell: (b) => b.modules.join(", ") },
    { id: "used", header: "Used", cell: (b) => `${b.redeemed} of ${b.quantity}`, sortValue: (b) => b.redeemed, className: "numeric" },
    { id: "price", header: "Price each", cell: (b) => (b.priceSource === "legacy" ? "Not recorded" : formatMoney(b.unitPriceCents, b.currency)), sortValue: (b) => b.unitPriceCents, className: "numeric" },
    { id: "total", header: "Total", cell: (b) => formatMoney(b.totalCents, b.currency), sortValue: (b) => b.totalCents, className: "numeric" },
    { id: "invoice", header: "Invoice", cell: (b) => <InvoiceCell batch={b} staff={staff} />, className: "nowrap" },
    {
      id: "codes", header: "Codes", className: "actions",
      cell: (b) => (
        <button type="button" className="button button--secondary button--small" aria-pressed={selected === b.id} onClick={() => setSelected(b.id)}>
          Show codes<span className="visually-hidden"> of the batch of {batchLabel(b)}</span>
        </button>
      ),
    },
  ];
  return (
    <>
      <DataTable
        caption={staff ? "Voucher batches" : "Your voucher batches"}
        columns={columns}
        rows={items}
        rowKey={(b) => b.id}
        empty={staff ? "No voucher batches match these filters." : "You have not bought vouchers yet."}
        status={query}
        more={query}
        loadingLabel="Loading the voucher batches…"
      />
      {chosen ? <BatchCodes batchId={chosen.id} label={batchLabel(chosen)} /> : null}
    </>
  );
}
