// Query keys and hooks for the voucher ledger and invoices; the types are the static types of
// src/common/schemas/payments.ts.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { InvoiceDetail, InvoiceListItem, VoucherBatchDetail, VoucherBatchView } from "../../../common/schemas/payments";
import { useCursorList } from "../../lib/use-cursor-list";

export const voucherKeys = {
  batches: ["voucher-batches"] as const,
  batch: (id: string) => ["voucher-batches", "one", id] as const,
  invoices: ["admin", "invoices"] as const,
  invoice: (id: string) => ["invoices", id] as const,
};

export function useVoucherBatches(filters: { module?: string | undefined; organization?: string | undefined } = {}) {
  return useCursorList<VoucherBatchView>(voucherKeys.batches, "/api/v1/voucher-batches", filters);
}

export function useVoucherBatch(id: string | null) {
  return useQuery({
    queryKey: voucherKeys.batch(id ?? ""),
    queryFn: ({ signal }) => api.get<VoucherBatchDetail>(`/api/v1/voucher-batches/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useInvoices(filters: { status?: string | undefined; subject?: string | undefined; number?: string | undefined }) {
  return useCursorList<InvoiceListItem>(voucherKeys.invoices, "/api/v1/admin/invoices", filters);
}

export function useInvoice(id: string) {
  return useQuery({
    queryKey: voucherKeys.invoice(id),
    queryFn: ({ signal }) => api.get<InvoiceDetail>(`/api/v1/invoices/${encodeURIComponent(id)}`, undefined, signal),
  });
}

/** Where the browser downloads an invoice's PDF (the session cookie authorizes it). */
export const invoicePdfUrl = (id: string) => `/api/v1/invoices/${encodeURIComponent(id)}/pdf`;
