import { ITEM_TYPE_LABELS, ITEM_TYPES, type ItemType } from "../../../common/items/item-types";
import type { ItemPool, ItemStatus } from "../../../common/schemas/item-bank";

export { ITEM_TYPES };

export const STATUS_LABELS: Record<ItemStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  active: "Active",
  retired: "Retired",
};
export const ITEM_STATUS_LIST = Object.keys(STATUS_LABELS) as ItemStatus[];

export const POOL_LABELS: Record<ItemPool, string> = { operational: "Operational", practice: "Practice" };
export const POOL_LIST = Object.keys(POOL_LABELS) as ItemPool[];

export const typeLabel = (type: string) => ITEM_TYPE_LABELS[type as ItemType] ?? type;
export const TYPE_LABELS = ITEM_TYPE_LABELS;

export function StatusBadge({ status }: { status: ItemStatus }) {
  const tone = status === "active" ? " badge--success" : status === "in_review" ? " badge--warning" : status === "retired" ? " badge--muted" : "";
  return <span className={`badge${tone}`}>{STATUS_LABELS[status] ?? status}</span>;
}
