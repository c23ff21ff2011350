import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { ItemPool, ItemStatus, ItemSummaryView } from "../../../common/schemas/item-bank";
import { DataTable, type Column } from "../../components/data-table";
import { SelectField, TextField } from "../../components/field";
import { Page } from "../../components/page";
import { ImportPackage } from "../../features/item-bank/import-package";
import { itemKeys, ITEMS_PATH } from "../../features/item-bank/item-bank-api";
import { ITEM_STATUS_LIST, ITEM_TYPES, POOL_LABELS, POOL_LIST, STATUS_LABELS, StatusBadge, typeLabel } from "../../features/item-bank/labels";
import { useProgram } from "../../features/program/program-queries";
import { formatDate } from "../../lib/format";
import { useCursorList } from "../../lib/use-cursor-list";
import "../../styles/item-bank.css";

interface Filters {
  module: string;
  skill: string;
  status: "" | ItemStatus;
  type: string;
  pool: "" | ItemPool;
  q: string;
}

const EMPTY: Filters = { module: "", skill: "", status: "", type: "", pool: "", q: "" };

const COLUMNS: Column<ItemSummaryView>[] = [
  {
    id: "identifier",
    header: "Identifier",
    rowHeader: true,
    className: "nowrap",
    cell: (item) => <Link to={`/staff/items/${item.id}`}>{item.identifier}</Link>,
    sortValue: (item) => item.identifier,
  },
  { id: "title", header: "Title", cell: (item) => item.title, sortValue: (item) => item.title.toLowerCase() },
  {
    id: "skill",
    header: "Skill",
    className: "nowrap",
    cell: (item) => (item.skill ? `${item.module ?? "?"} · ${item.skill}` : "—"),
    sortValue: (item) => (item.skill ? `${item.module ?? ""} ${item.skill}` : null),
  },
  { id: "type", header: "Type", cell: (item) => typeLabel(item.type), sortValue: (item) => typeLabel(item.type) },
  { id: "pool", header: "Pool", cell: (item) => POOL_LABELS[item.pool] ?? item.pool, sortValue: (item) => item.pool },
  {
    id: "status",
    header: "Status",
    cell: (item) => (
      <>
        <StatusBadge status={item.status} />
        {item.pendingReview ? <span className="item-bank__sub">edit awaits review</span> : null}
      </>
    ),
    sortValue: (item) => STATUS_LABELS[item.status],
  },
  { id: "version", header: "Version", className: "numeric", cell: (item) => item.version, sortValue: (item) => item.version },
  { id: "exposure", header: "Exposure", className: "numeric", cell: (item) => item.exposureCount, sortValue: (item) => item.exposureCount },
  { id: "updated", header: "Updated", className: "nowrap", cell: (item) => formatDate(item.updatedAt), sortValue: (item) => item.updatedAt },
];

export function ItemsPage() {
  const program = useProgram();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [importOpen, setImportOpen] = useState(false);
  const params = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
  const { query, items } = useCursorList<ItemSummaryView>(itemKeys.list, ITEMS_PATH, params);
  const modules = program.data?.modules ?? [];
  const skills = draft.module ? (modules.find((m) => m.code === draft.module)?.skills ?? []) : modules.flatMap((m) => m.skills);
  const filtered = Object.keys(params).length > 0;

  function onFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilters({ ...draft, q: draft.q.trim() });
  }

  return (
    <Page title="Item bank" wide lead="Every item of the MT1 bank: find, write, review, import and export items.">
      <div className="button-row">
        <Link to="/staff/items/new" className="button">
          New item
        </Link>
        <button type="button" className="button button--secondary" aria-expanded={importOpen} aria-controls="import-package" onClick={() => setImportOpen((v) => !v)}>
          Import a package
        </button>
        <a href={`${ITEMS_PATH}/export`} className="button button--secondary" download>
          Export the bank
        </a>
        <Link to="/staff/forms/preview" className="button button--secondary">
          Preview a form
        </Link>
        <Link to="/staff/items/review-queue" className="button button--secondary">
          Item statistics and review queue
        </Link>
      </div>
      {importOpen ? <ImportPackage id="import-package" /> : null}

      <form className="filters" role="search" aria-label="Items" onSubmit={onFilter}>
        <TextField label="Identifier or title" name="q" type="search" required={false} maxLength={100} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        <SelectField label="Module" name="module" value={draft.module} onChange={(e) => setDraft({ ...draft, module: e.target.value, skill: "" })}>
          <option value="">Any module</option>
          {modules.map((m) => (
            <option key={m.code} value={m.code}>
              {m.code} · {m.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Skill" name="skill" value={draft.skill} onChange={(e) => setDraft({ ...draft, skill: e.target.value })}>
          <option value="">Any skill</option>
          {skills.map((s) => (
            <option key={s.code} value={s.code}>
              {s.code} · {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Status" name="status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as Filters["status"] })}>
          <option value="">Any status</option>
          {ITEM_STATUS_LIST.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Type" name="type" value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })}>
          <option value="">Any type</option>
          {ITEM_TYPES.map((t) => (
            <option key={t} value={t}>
              {typeLabel(t)}
            </option>
          ))}
        </SelectField>
        <SelectField label="Pool" name="pool" value={draft.pool} onChange={(e) => setDraft({ ...draft, pool: e.target.value as Filters["pool"] })}>
          <option value="">Any pool</option>
          {POOL_LIST.map((p) => (
            <option key={p} value={p}>
              {POOL_LABELS[p]}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button">
          Filter
        </button>
        {filtered ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setDraft(EMPTY);
              setFilters(EMPTY);
            }}
          >
            Clear filters
          </button>
        ) : null}
      </form>

      <h2>Items</h2>
      {items.length > 0 ? (
        <p className="item-bank__count">
          Showing {items.length}
          {query.hasNextPage ? "+" : ""} item{items.length === 1 ? "" : "s"}
          {filtered ? " that match the filters" : ""}.
        </p>
      ) : null}
      <div className="item-bank__list">
        <DataTable
          caption={filtered ? "Items matching the filters" : "Items"}
          columns={COLUMNS}
          rows={items}
          rowKey={(item) => item.id}
          empty="No items match."
          status={query}
          more={query}
          pageSize={25}
        />
      </div>
    </Page>
  );
}
