// Every irregularity case, newest first, by status or appeal: held results and appeals waiting for a
// decision are what staff look for here.
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { SelectField } from "../../components/field";
import { Page } from "../../components/page";
import { integrityKeys } from "../../features/integrity/integrity-api";
import { APPEAL_STATUS_LABELS, CASE_STATUS_LABELS, statusTone } from "../../features/integrity/labels";
import { useCursorList } from "../../lib/use-cursor-list";
import { DEFAULT_TIME_ZONE, formatZonedShort } from "../../../common/time-zones";
import { CASE_STATUSES, type CaseSummary } from "../../../common/schemas/integrity";

export function IrregularityCasesPage() {
  // The dashboard links here with ?status=held or ?appeal=pending.
  const [search] = useSearchParams();
  const [filter, setFilter] = useState(search.get("appeal") === "pending" ? "appeal" : search.get("status") ?? "");
  const params = filter === "appeal" ? { appeal: "pending" } : filter ? { status: filter } : {};
  const { query, items } = useCursorList<CaseSummary>(integrityKeys.cases, "/api/v1/admin/irregularity-cases", params);
  const columns: Column<CaseSummary>[] = [
    {
      id: "candidate",
      header: "Candidate",
      rowHeader: true,
      sortValue: (c) => c.candidate.name,
      cell: (c) => <Link to={`/staff/irregularities/${encodeURIComponent(c.id)}`}>{c.candidate.name}</Link>,
    },
    { id: "modules", header: "Results", cell: (c) => c.modules.join(", ") },
    { id: "status", header: "Status", sortValue: (c) => c.status, cell: (c) => <span className={statusTone(c.status)}>{CASE_STATUS_LABELS[c.status]}</span> },
    { id: "appeal", header: "Appeal", cell: (c) => (c.appealStatus ? APPEAL_STATUS_LABELS[c.appealStatus] : "—") },
    { id: "opened", header: "Opened", className: "nowrap", sortValue: (c) => c.openedAt, cell: (c) => formatZonedShort(c.openedAt, DEFAULT_TIME_ZONE) },
    { id: "updated", header: "Last change", className: "nowrap", sortValue: (c) => c.updatedAt, cell: (c) => formatZonedShort(c.updatedAt, DEFAULT_TIME_ZONE) },
  ];
  return (
    <Page title="Irregularity cases" wide lead="Cases opened from incidents or on results: held results, decisions and appeals.">
      <p>
        <Link to="/staff/irregularities">Back to the irregularity queue</Link>
      </p>
      <form className="filters" role="search" aria-label="Cases" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Show" name="filter" value={filter} onChange={(e) => setFilter(e.target.value)}>
          <option value="">Every case</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {CASE_STATUS_LABELS[s]}
            </option>
          ))}
          <option value="appeal">Appeals waiting for a decision</option>
        </SelectField>
      </form>
      <DataTable caption="Irregularity cases" columns={columns} rows={items} rowKey={(c) => c.id} empty="No cases match." status={query} more={query} loadingLabel="Loading cases…" />
    </Page>
  );
}
