import { adjustmentLabel } from "./labels";

/** Adjustments as a row of tags, named in words (never by colour alone). */
export function AdjustmentTags({ adjustments, tone = "accommodation" }: { adjustments: readonly string[]; tone?: "accommodation" | "muted" }) {
  return (
    <ul className="tag-list">
      {adjustments.map((a) => (
        <li key={a} className={`badge badge--${tone}`}>
          {adjustmentLabel(a)}
        </li>
      ))}
    </ul>
  );
}
