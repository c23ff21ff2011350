// Buying a batch of vouchers against an invoice: the modules each voucher covers and how many, the
// price of one and the total (from the fee schedule, by the same rule the server applies) shown
// before the purchase is confirmed; then the codes, the invoice's number and its PDF. Staff buy for an
// organization and may enter the price when the schedule has none.
import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { ErrorSummary } from "../../components/error-summary";
import { TextField } from "../../components/field";
import { useFormErrors } from "../../lib/form-errors";
import { voucherBatchPrice } from "../../../common/rules/fees";
import { MAX_BATCH_QUANTITY, type BuyVoucherBatchBody, type VoucherBatchDetail } from "../../../common/schemas/payments";
import { ModuleCheckboxes } from "../registration/module-checkboxes";
import { formatMoney, schedulingKeys, useFees } from "../registration/scheduling-api";
import { invoicePdfUrl, voucherKeys } from "./voucher-api";

const ALL_MODULES = ["MM", "SRMT", "QBA"];

const LABELS = {
  modules: "Modules each voucher covers",
  quantity: "How many vouchers",
  organization: "Organization to invoice",
  unitPriceCents: "Price of one voucher in dollars",
};

export function BuyVouchersForm({ staff = false, onBought }: { staff?: boolean; onBought?: (batch: VoucherBatchDetail) => void }) {
  const fees = useFees();
  const [modules, setModules] = useState<string[]>([]);
  const [quantity, setQuantity] = useState("1");
  const [organization, setOrganization] = useState("");
  const [unitPrice, setUnitPrice] = useState("");
  const errors = useFormErrors("buy-vouchers", LABELS, { VOUCHER_PRICE_UNSET: staff ? "unitPriceCents" : "modules", PRICE_CHANGED: "quantity" });
  const queryClient = useQueryClient();

  const n = Number(quantity);
  const quantityOk = /^\d+$/.test(quantity.trim()) && n >= 1 && n <= MAX_BATCH_QUANTITY;
  const schedule = new Map((fees.data?.items ?? []).map((f) => [f.module, f.amountCents]));
  const scheduled = modules.length > 0 && quantityOk ? voucherBatchPrice(schedule, modules, n) : null;
  const enteredCents = /^\d+(\.\d{1,2})?$/.test(unitPrice.trim()) ? Math.round(Number(unitPrice.trim()) * 100) : null;
  const unitCents = staff && enteredCents !== null ? enteredCents : (scheduled?.unitCents ?? null);
  const totalCents = unitCents !== null && quantityOk ? unitCents * n : null;
  const currency = fees.data?.currency ?? "USD";

  const buy = useMutation({
    mutationFn: (body: BuyVoucherBatchBody) => api.post<VoucherBatchDetail>("/api/v1/voucher-batches", body),
    onSuccess: (batch) => {
      errors.clear();
      void queryClient.invalidateQueries({ queryKey: voucherKeys.batches });
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.vouchers });
      onBought?.(batch);
    },
    onError: (error) => errors.showError(error),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = [];
    if (modules.length === 0) problems.push({ field: "modules", message: "Choose at least one module." });
    if (!quantityOk) problems.push({ field: "quantity", message: `Buy between 1 and ${MAX_BATCH_QUANTITY} vouchers.` });
    if (staff && !organization.trim()) problems.push({ field: "organization", message: "Enter the organization these vouchers are for." });
    if (staff && unitPrice.trim() && enteredCents === null) problems.push({ field: "unitPriceCents", message: "Enter the price in dollars, like 120.00." });
    if (problems.length) return errors.setProblems(problems);
    buy.mutate({
      modules, quantity: n,
      ...(organization.trim() ? { organization: organization.trim() } : {}),
      ...(staff && enteredCents !== null ? { unitPriceCents: enteredCents } : {}),
      ...(totalCents !== null ? { expectedTotalCents: totalCents } : {}),
    });
  }

  const bought = buy.isSuccess ? buy.data : null;
  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="buy-heading" noValidate>
      <h2 id="buy-heading">Buy vouchers</h2>
      <p>
        Each voucher pays for the chosen modules of one registration and can be used once. {staff ? "The organization is invoiced for the batch." : "You are invoiced for the batch; the codes work at once."}
      </p>
      <ErrorSummary errors={errors} />
      <div id={errors.fieldId("modules")} tabIndex={-1}>
        <ModuleCheckboxes
          legend={LABELS.modules} options={ALL_MODULES} value={modules} name="voucher-modules"
          onChange={(next) => {
            setModules(next);
            // A choice made answers a "choose a module" problem: the summary should not say it still stands.
            if (next.length > 0 && errors.errorFor("modules")) errors.setProblems(errors.problems.filter((p) => p.field !== "modules"));
          }}
        />
        {errors.errorFor("modules") ? <p className="field__error">{errors.errorFor("modules")}</p> : null}
      </div>
      <TextField
        id={errors.fieldId("quantity")} error={errors.errorFor("quantity")} label={LABELS.quantity} type="number" min={1} max={MAX_BATCH_QUANTITY}
        inputMode="numeric" name="quantity" value={quantity} onChange={(e) => setQuantity(e.target.value)}
      />
      <TextField
        id={errors.fieldId("organization")} error={errors.errorFor("organization")} label={LABELS.organization} optional={!staff} maxLength={200}
        hint={staff ? undefined : "Shown on the invoice above your name."} autoComplete="organization" name="organization" value={organization}
        onChange={(e) => setOrganization(e.target.value)}
      />
      {staff ? (
        <TextField
          id={errors.fieldId("unitPriceCents")} error={errors.errorFor("unitPriceCents")} label={LABELS.unitPriceCents} optional inputMode="decimal"
          hint="Leave empty to use the fee schedule. Needed when a module has no fee set." name="unit-price" value={unitPrice} onChange={(e) => setUnitPrice(e.target.value)}
        />
      ) : null}
      <dl className="details-list voucher-quote" aria-live="polite">
        <dt>Price of one voucher</dt>
        <dd>{unitCents !== null ? formatMoney(unitCents, currency) : modules.length === 0 ? "Choose modules to see the price." : "Not set: contact the program."}</dd>
        <dt>Total for {quantityOk ? n : "—"} {n === 1 ? "voucher" : "vouchers"}</dt>
        <dd>
          <strong>{totalCents !== null ? formatMoney(totalCents, currency) : "—"}</strong>
        </dd>
      </dl>
      <button type="submit" className="button" disabled={buy.isPending}>
        {buy.isPending ? "Buying…" : "Buy vouchers"}
      </button>
      <div role="status" className={bought ? "notice notice--success" : "visually-hidden"}>
        {bought ? (
          <>
            <p>
              <strong>
                {bought.codes.length} {bought.codes.length === 1 ? "voucher" : "vouchers"} bought
              </strong>{" "}
              for {formatMoney(bought.totalCents, bought.currency)}
              {bought.invoice ? (
                <>
                  , invoice <strong>{bought.invoice.number}</strong> (<a href={invoicePdfUrl(bought.invoice.id)} download>download the invoice PDF</a>)
                </>
              ) : null}
              . Give each candidate one code:
            </p>
            <ul className="voucher-codes">
              {bought.codes.map((v) => (
                <li key={v.id}>
                  <code className="voucher-code">{v.code}</code>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </form>
  );
}
