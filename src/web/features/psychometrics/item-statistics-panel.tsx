// An item's statistics on its staff page: per version and year, p, the correlations, the options
// chosen (a wrong option drawing the stronger candidates suggests a miskey), the flags with what they
// mean, and DIF by each demographic question. Computed by the nightly job, never on this request.
import { Link } from "react-router";
import type { ItemVersionStatisticsView } from "../../../common/schemas/psychometrics";
import { DIF_CATEGORY_MEANINGS, FLAG_MEANINGS } from "../../../common/rules/item-flag-meanings";
import { DataTable, type Column } from "../../components/data-table";
import { QueryStatus } from "../../components/query-status";
import { formatDateTime } from "../../lib/format";
import { useItemStatistics } from "./psychometrics-api";
import { answerLabel, questionLabel, share, stat } from "./labels";
import "../../styles/psychometrics.css";

type OptionRow = ItemVersionStatisticsView["options"][number];
type DifRow = ItemVersionStatisticsView["dif"][number];

const OPTION_COLUMNS: Column<OptionRow>[] = [
  { id: "option", header: "Option", rowHeader: true, cell: (o) => (o.isKey ? `${o.option} (key)` : o.option), sortValue: (o) => o.option },
  { id: "proportion", header: "Chosen by", className: "numeric", cell: (o) => share(o.proportion), sortValue: (o) => o.proportion },
  { id: "pbis", header: "Point-biserial", className: "numeric", cell: (o) => stat(o.pointBiserial), sortValue: (o) => o.pointBiserial },
];

const DIF_COLUMNS: Column<DifRow>[] = [
  { id: "question", header: "Question", rowHeader: true, cell: (d) => questionLabel(d.question), sortValue: (d) => d.question },
  { id: "groups", header: "Groups compared", cell: (d) => `${answerLabel(d.question, d.focal)} (${d.focalCount}) with ${answerLabel(d.question, d.reference)} (${d.referenceCount})` },
  { id: "delta", header: "MH delta", className: "numeric", cell: (d) => stat(d.deltaMH), sortValue: (d) => d.deltaMH },
  {
    id: "category",
    header: "Category",
    cell: (d) => (d.status === "not_enough" ? "Not enough responses" : d.category ? `${d.category}: ${DIF_CATEGORY_MEANINGS[d.category]}` : "Undefined"),
    sortValue: (d) => d.category ?? "",
  },
];

export function ItemStatisticsPanel({ itemId }: { itemId: string }) {
  const query = useItemStatistics(itemId);
  return (
    <section className="stack item-statistics" aria-labelledby="item-statistics-heading">
      <h2 id="item-statistics-heading">Item statistics</h2>
      <QueryStatus query={query} loadingLabel="Loading the statistics…">
        {(data) =>
          data.items.length === 0 ? (
            <p>
              No statistics yet: this item has not been scored in a period the statistics were computed for.{" "}
              <Link to="/staff/items/review-queue">Compute them on the review queue page.</Link>
            </p>
          ) : (
            <>
              {latestPerVersion(data.items).map((s) => (
                <VersionStatistics key={`${s.version}-${s.year}`} s={s} />
              ))}
            </>
          )
        }
      </QueryStatus>
    </section>
  );
}

/** The latest year's statistics of each version (older years stay in the report of their year). */
function latestPerVersion(items: ItemVersionStatisticsView[]): ItemVersionStatisticsView[] {
  const seen = new Set<number>();
  return items.filter((s) => (seen.has(s.version) ? false : (seen.add(s.version), true)));
}

function VersionStatistics({ s }: { s: ItemVersionStatisticsView }) {
  const few = s.exposure < 30;
  return (
    <div className="card stack">
      <h3>
        Version {s.version}, {s.module} {s.year}
      </h3>
      <p className="item-bank__sub">Computed {formatDateTime(s.computedAt)} from {s.exposure} scored attempt{s.exposure === 1 ? "" : "s"}.</p>
      {few ? <p className="notice">Fewer than 30 candidates saw this version: these figures are unstable.</p> : null}
      <dl className="facts">
        <div>
          <dt>Proportion correct (p)</dt>
          <dd>{stat(s.p)}</dd>
        </div>
        <div>
          <dt>Point-biserial</dt>
          <dd>{stat(s.pointBiserial)}</dd>
        </div>
        <div>
          <dt>Corrected item-total r</dt>
          <dd>{stat(s.correctedItemTotal)}</dd>
        </div>
        <div>
          <dt>Alpha if deleted</dt>
          <dd>{stat(s.alphaIfDeleted, 3)}</dd>
        </div>
        <div>
          <dt>Exposure</dt>
          <dd>{s.exposure}</dd>
        </div>
      </dl>
      <h4>Flags</h4>
      {s.flags.length === 0 ? (
        <p>None: the item works as expected.</p>
      ) : (
        <ul className="item-statistics__flags">
          {s.flags.map((f) => (
            <li key={f}>
              <strong>{FLAG_MEANINGS[f].label}.</strong> {FLAG_MEANINGS[f].meaning}
            </li>
          ))}
        </ul>
      )}
      {s.flags.includes("possible-miskey") || s.flags.includes("negative-discrimination") ? (
        <p>
          <a href="#key-correction-heading">Correct the key and rescore</a> below, or send the item back to review from the{" "}
          <Link to="/staff/items/review-queue">review queue</Link>.
        </p>
      ) : null}
      {s.options.length > 0 ? (
        <>
          <h4>Options chosen</h4>
          <DataTable caption={`Options of version ${s.version}`} columns={OPTION_COLUMNS} rows={s.options} rowKey={(o) => o.option} empty="No options." />
          <p className="item-bank__sub">Left blank by {share(s.omitted)}.</p>
        </>
      ) : null}
      <h4>Differential item functioning</h4>
      {s.dif.length === 0 ? (
        <p>Not enough responses: too few candidates who saw it chose to answer the demographic questions.</p>
      ) : (
        <DataTable caption={`DIF of version ${s.version}`} columns={DIF_COLUMNS} rows={s.dif} rowKey={(d) => `${d.question}-${d.focal}`} empty="None." />
      )}
    </div>
  );
}
