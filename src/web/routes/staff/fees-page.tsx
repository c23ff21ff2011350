import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "../../api/client";
import type { FeesView, SetFeesBody } from "../../../common/schemas/scheduling";
import { TextField } from "../../components/field";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { useModuleNames } from "../../features/registration/module-checkboxes";
import { schedulingKeys, useFees } from "../../features/registration/scheduling-api";
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
    const body: SetFeesBody = {};
    for (const [module, raw] of Object.entries(values)) {
      const text = raw.trim().replace(/^\$/, "");
      // An emptied field takes the fee down, as the form says; one never set stays unset.
      if (text === "") {
        if (fees.items.some((f) => f.module === module && f.amountCents !== null)) body[module] = null;
        continue;
      }
      if (!/^\d+(\.\d{1,2})?$/.test(text)) {
        setProblem(`The fee for ${module} must be an amount in dollars, like 50.00.`);
        return;
      }
      body[module] = Math.round(Number(text) * 100);
    }
    if (Object.keys(body).length === 0) {
      setProblem("Enter at least one fee, or empty one to take it down.");
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

function InvoicesLinks() {
  return (
    <section aria-labelledby="invoices-heading" className="section">
      <h2 id="invoices-heading">Invoices and vouchers</h2>
      <p>
        Mark invoices paid with the payment&rsquo;s reference, void them or download them on the <Link to="/staff/invoices?status=open">invoices page</Link>. Who
        bought which vouchers, and who used them, is in the <Link to="/staff/vouchers">voucher ledger</Link>.
      </p>
    </section>
  );
}

export function FeesPage() {
  const fees = useFees();
  return (
    <Page title="Fees and invoices" lead="Set the fee per module; vouchers are priced from it when they are bought. Payment is by voucher or invoice; cards are not taken.">
      <QueryStatus query={fees} loadingLabel="Loading the fees…">
        {(data) => <FeesForm fees={data} />}
      </QueryStatus>
      <InvoicesLinks />
    </Page>
  );
}
