import type { ReactNode } from "react";
import type { PresentationNode } from "../../../../common/items/presentation";
import type { RenderCtx } from "../render-context";

/**
 * The prompt of a block interaction as the legend of its fieldset (a screen reader announces it on
 * entering the group). With no prompt, the group is labelled by the item's stem.
 */
export function groupLabel(prompt: readonly PresentationNode[], ctx: RenderCtx, path: string): { legend: ReactNode; labelledBy: string | undefined } {
  if (prompt.length > 0) {
    return { legend: <legend className="item-prompt">{ctx.render(prompt, `${path}.prompt`)}</legend>, labelledBy: undefined };
  }
  return { legend: null, labelledBy: ctx.stemId };
}

export const asString = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
export const asStringArray = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
export const asPairs = (v: unknown): [string, string][] =>
  Array.isArray(v)
    ? v.filter((p): p is [string, string] => Array.isArray(p) && p.length === 2 && typeof p[0] === "string" && typeof p[1] === "string")
    : [];

/** A polite live region, always in the page so that a change in its text is announced. */
export function LiveRegion({ message }: { message: string }) {
  return (
    <p className="item-visually-hidden" role="status" aria-live="polite">
      {message}
    </p>
  );
}
