import { useState, type FormEvent } from "react";
import { SelectField, TextField } from "../../components/field";
import { Page } from "../../components/page";
import { BuyVouchersForm } from "../../features/vouchers/buy-vouchers-form";
import { VoucherLedger } from "../../features/vouchers/voucher-ledger";
import "../../styles/scheduling.css";

// The voucher ledger for staff: every batch with its buyer, price and invoice, each code's holder and
// redemption, filters, the CSV of every code, and a purchase for an organization.
export function VouchersPage() {
  const [draft, setDraft] = useState({ module: "", organization: "" });
  const [filters, setFilters] = useState<{ module?: string; organization?: string }>({});

  function onFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilters({ ...(draft.module ? { module: draft.module } : {}), ...(draft.organization.trim() ? { organization: draft.organization.trim() } : {}) });
  }

  return (
    <Page title="Voucher ledger" wide lead="Every voucher batch: who bought it, at what price, against which invoice, and who used each code for which session.">
      <section aria-labelledby="ledger-heading" className="section">
        <h2 id="ledger-heading">Batches</h2>
        <form className="filters" role="search" aria-label="Voucher batches" onSubmit={onFilter}>
          <SelectField label="Module" name="module" required={false} value={draft.module} onChange={(e) => setDraft({ ...draft, module: e.target.value })}>
            <option value="">Any module</option>
            <option value="MM">MM</option>
            <option value="SRMT">SRMT</option>
            <option value="QBA">QBA</option>
          </SelectField>
          <TextField label="Organization" name="organization" required={false} maxLength={100} value={draft.organization} onChange={(e) => setDraft({ ...draft, organization: e.target.value })} />
          <button type="submit" className="button">
            Filter
          </button>
          {filters.module || filters.organization ? (
            <button type="button" className="button button--secondary" onClick={() => { setDraft({ module: "", organization: "" }); setFilters({}); }}>
              Clear filters
            </button>
          ) : null}
        </form>
        <p>
          <a href="/api/v1/admin/vouchers/export" download>
            Download the ledger as CSV
          </a>{" "}
          (one line per code).
        </p>
        <VoucherLedger staff filters={filters} />
      </section>
      <div className="section">
        <BuyVouchersForm staff />
      </div>
    </Page>
  );
}
