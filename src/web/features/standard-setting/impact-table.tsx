// Impact data of a closed round: per item, the p-value on real attempts beside the panel's mean rating
// and spread (a bar each, the numbers in the table for screen readers), and the pass rates.
import { DataTable, type Column } from "../../components/data-table";
import type { ImpactView, ItemImpactView } from "../../../common/schemas/standard-setting";
import { percent } from "./study-text";

function Bar({ value, tone }: { value: number | null; tone: "p" | "rating" }) {
  if (value === null) return null;
  return (
    <span className="angoff-bar" aria-hidden="true">
      <span className={`angoff-bar__fill angoff-bar__fill--${tone}`} style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
    </span>
  );
}

export function ImpactSummary({ impact, cut, passPercent }: { impact: ImpactView; cut: number | null; passPercent: number }) {
  return (
    <dl className="facts">
      <div><dt>Recent scored results</dt><dd>{impact.results}</dd></div>
      <div><dt>Pass rate at the panel's round {impact.round} cut{cut === null ? "" : ` (${cut.toFixed(1)}%)`}</dt><dd>{percent(impact.passRateAtCut)}</dd></div>
      <div><dt>Pass rate at the program's standard ({passPercent}%)</dt><dd>{percent(impact.passRateAtStandard)}</dd></div>
    </dl>
  );
}

export function ImpactTable({ impact }: { impact: ImpactView }) {
  const columns: Column<ItemImpactView>[] = [
    { id: "item", header: "Item", rowHeader: true, sortValue: (i) => i.identifier, cell: (i) => <>{i.identifier}<br /><span className="card__meta">{i.skill ?? ""}</span></> },
    {
      id: "p", header: "p-value (real attempts)", className: "numeric", sortValue: (i) => i.pValue ?? -1,
      cell: (i) => <>{i.pValue === null ? "Not seen yet" : i.pValue.toFixed(2)} <Bar value={i.pValue === null ? null : i.pValue * 100} tone="p" /></>,
    },
    { id: "mean", header: "Panel mean", className: "numeric", sortValue: (i) => i.mean, cell: (i) => <>{percent(i.mean)} <Bar value={i.mean} tone="rating" /></> },
    { id: "sd", header: "SD", className: "numeric", sortValue: (i) => i.sd ?? 0, cell: (i) => (i.sd === null ? "—" : i.sd.toFixed(1)) },
    { id: "range", header: "Lowest–highest", className: "numeric", cell: (i) => `${i.min}–${i.max}` },
  ];
  return (
    <DataTable caption={`Round ${impact.round} ratings and item p-values`} showCaption columns={columns} rows={impact.items} rowKey={(i) => i.itemId}
      empty="No items." pageSize={100} />
  );
}
