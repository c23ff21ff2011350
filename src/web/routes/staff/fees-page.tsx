import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "../../api/client";
import type { FeesView, InvoicePaidView, InvoiceView, OpenInvoicesPage, SetFeesBody } from "../../../common/schemas/scheduling";
import { TextField } from "../../components/field";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { TableRegion } from "../../components/table-region";
import { useModuleNames } from "../../features/registration/module-checkboxes";
import { formatMoney, schedulingKeys, useFees } from "../../features/registration/scheduling-api";
import { formatDateTime } from "../../lib/format";
import "../../styles/scheduling.css";

const toDollars = (cents: number | null) => (cents === null ? "" : (cents / 100).toFixed(2));

function FeesForm({ fees }: { fees: FeesView }) {
  const nameOf = useModuleNames();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fees.items.map((f) => [f.module, toDollars(f.amountCents)])),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: SetFeesBody) => api.put<FeesView>("/api/v1/admin/fees", body),
    onSuccess: (data) => {
      if (data && typeof data === "object" && "items" in data) queryClient.setQueryData(schedulingKeys.fees, data);
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.fees });
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: Record<string, number> = {};
    for (const [module, raw] of Object.entries(values)) {
      const text = raw.trim().replace(/^\$/, "");
      if (text === "") continue;
      if (!/^\d+(\.\d{1,2})?$/.test(text)) {
        setProblem(`The fee for ${module} must be an amount in dollars, like 50.00.`);
        return;
      }
      body[module] = Math.round(Number(text) * 100);
    }
    if (Object.keys(body).length === 0) {
      setProblem("Enter at least one fee.");
      return;
    }
    setProblem(null);
    save.mutate(body);
  }

  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="fees-heading" noValidate>
      <h2 id="fees-heading">Fee per module</h2>
      <p>In US dollars. A module left empty shows “contact the program” to candidates.</p>
      <FormAlert>{problem ?? (save.isError ? errorMessage(save.error) : null)}</FormAlert>
      <StatusMessage>{save.isSuccess ? "The fees have been saved." : null}</StatusMessage>
      {fees.items.map((f) => (
        <TextField
          key={f.module}
          label={`${nameOf(f.module)} (${f.module}) fee in dollars`}
          name={`fee-${f.module}`}
          inputMode="decimal"
          optional
          value={values[f.module] ?? ""}
          onChange={(e) => setValues({ ...values, [f.module]: e.target.value })}
        />
      ))}
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save fees"}
      </button>
    </form>
  );
}

function Invoices() {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const query = useQuery({
    queryKey: schedulingKeys.invoices,
    queryFn: ({ signal }) => api.get<OpenInvoicesPage>("/api/v1/admin/invoices", undefined, signal),
  });
  const markPaid = useMutation({
    mutationFn: (invoice: InvoiceView) => api.post<InvoicePaidView>(`/api/v1/admin/invoices/${encodeURIComponent(invoice.id)}/paid`, {}),
    onSuccess: (_data, invoice) => {
      setMessage(`The invoice for ${invoice.candidate} is marked paid; the registration is confirmed.`);
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.invoices });
    },
  });
  return (
    <section aria-labelledby="invoices-heading" className="section">
      <h2 id="invoices-heading">Open invoices</h2>
      <StatusMessage>{message}</StatusMessage>
      <FormAlert>{markPaid.isError ? errorMessage(markPaid.error) : null}</FormAlert>
      <QueryStatus query={query} loadingLabel="Loading invoices…">
        {(data) =>
          data.items.length === 0 ? (
            <p>No invoices are open.</p>
          ) : (
            <TableRegion label="Invoices to mark paid">
              <table className="table">
                <caption className="visually-hidden">Open invoices</caption>
                <thead>
                  <tr>
                    <th scope="col">Candidate</th>
                    <th scope="col">Amount</th>
                    <th scope="col">Issued</th>
                    <th scope="col">Action</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((invoice) => (
                    <tr key={invoice.id}>
                      <th scope="row">
                        {invoice.candidate}
                        <br />
                        <span className="card__meta">{invoice.email}</span>
                      </th>
                      <td>{formatMoney(invoice.amountCents, invoice.currency)}</td>
                      <td>{formatDateTime(invoice.issuedAt)}</td>
                      <td>
                        <button
                          type="button"
                          className="button button--small"
                          disabled={markPaid.isPending}
                          onClick={() => markPaid.mutate(invoice)}
                        >
                          Mark paid<span className="visually-hidden">: {invoice.candidate}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )
        }
      </QueryStatus>
    </section>
  );
}

export function FeesPage() {
  const fees = useFees();
  return (
    <Page title="Fees and invoices" lead="Set the fee per module and confirm invoiced registrations once they are paid. Payment is by voucher or invoice; cards are not taken.">
      <QueryStatus query={fees} loadingLabel="Loading the fees…">
        {(data) => <FeesForm fees={data} />}
      </QueryStatus>
      <Invoices />
    </Page>
  );
}
