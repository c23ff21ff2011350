import { Link, useLocation, useParams } from "react-router";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { useItem } from "../../features/item-bank/item-bank-api";
import { ItemEditor } from "../../features/item-bank/item-editor";
import { ItemLifecycle } from "../../features/item-bank/item-lifecycle";
import { ItemVersions } from "../../features/item-bank/item-versions";
import { ItemStatisticsPanel } from "../../features/psychometrics/item-statistics-panel";
import { KeyCorrectionPanel } from "../../features/key-correction/key-correction-panel";
import { POOL_LABELS, typeLabel } from "../../features/item-bank/labels";
import { formatDateTime } from "../../lib/format";
import "../../styles/item-bank.css";

export function ItemPage() {
  const { id = "" } = useParams();
  const query = useItem(id);
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created;
  const title = query.data ? `${query.data.identifier}: ${query.data.title}` : "Item";

  return (
    <Page title={title} wide>
      <p>
        <Link to="/staff/items">Back to the item bank</Link>
      </p>
      <QueryStatus query={query} loadingLabel="Loading the item…">
        {(item) => (
          <div className="stack">
            {created ? (
              <div className="notice notice--success" role="status">
                Created {item.identifier} as a draft (version 1).
              </div>
            ) : null}
            <dl className="facts item-bank__facts">
              <div>
                <dt>Module and skill</dt>
                <dd>{item.skill ? `${item.module ?? "?"} · ${item.skill}` : "No skill yet"}</dd>
              </div>
              <div>
                <dt>Type</dt>
                <dd>{typeLabel(item.type)}</dd>
              </div>
              <div>
                <dt>Pool</dt>
                <dd>{POOL_LABELS[item.pool] ?? item.pool}</dd>
              </div>
              <div>
                <dt>Version</dt>
                <dd>
                  {item.version}
                  {item.activeVersion !== null && item.activeVersion !== item.version ? ` (in use: ${item.activeVersion})` : ""}
                </dd>
              </div>
              <div>
                <dt>Exposure</dt>
                <dd>
                  {item.exposureCount} form{item.exposureCount === 1 ? "" : "s"}
                </dd>
              </div>
              <div>
                <dt>Updated</dt>
                <dd>{formatDateTime(item.updatedAt)}</dd>
              </div>
            </dl>
            <ItemLifecycle item={item} />
            <ItemStatisticsPanel itemId={item.id} />
            {/* Keyed by item so a different item starts a fresh editor. */}
            <ItemEditor key={item.id} item={item} />
            <ItemVersions item={item} />
            {/* Keyed by item only: saving the corrected version must not reset the job being watched. */}
            <KeyCorrectionPanel key={`key-correction-${item.id}`} item={item} />
          </div>
        )}
      </QueryStatus>
    </Page>
  );
}
