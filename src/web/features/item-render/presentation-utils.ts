// Reading the candidate presentation tree: plain text of nodes (for accessible names and option
// text), the interactions an item holds, and the figure geometry the graphic interactions need.
import type { ElementNode, GapNode, Interaction, InteractionNode, PresentationNode } from "../../../common/items/presentation";

export const isInteraction = (n: PresentationNode): n is InteractionNode => typeof n === "object" && "interaction" in n;
export const isGap = (n: PresentationNode): n is GapNode => typeof n === "object" && "gap" in n;
export const isElement = (n: PresentationNode): n is ElementNode => typeof n === "object" && "tag" in n;

/** The text a reader would see, with whitespace collapsed; hidden long descriptions are left out. */
export function textOf(nodes: readonly PresentationNode[] | undefined): string {
  const out: string[] = [];
  const walk = (list: readonly PresentationNode[]) => {
    for (const n of list) {
      if (typeof n === "string") out.push(n);
      else if (isElement(n)) {
        if (n.attrs?.class?.split(/\s+/).includes("qti-visually-hidden")) continue;
        if (n.tag === "img") out.push(n.attrs?.alt ?? "");
        else if (n.tag === "br") out.push(" ");
        else if (n.children) walk(n.children);
      } else if (isGap(n)) out.push(" … ");
    }
  };
  walk(nodes ?? []);
  return out.join("").replace(/\s+/g, " ").trim();
}

/** Every interaction of an item, in document order (including those inside a gap-match's content). */
export function interactionsOf(nodes: readonly PresentationNode[]): Interaction[] {
  const out: Interaction[] = [];
  const walk = (list: readonly PresentationNode[]) => {
    for (const n of list) {
      if (typeof n === "string") continue;
      if (isInteraction(n)) {
        out.push(n.interaction);
        if (n.interaction.kind === "gapMatch") walk(n.interaction.content);
      } else if (isElement(n) && n.children) walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** True when an inline control (text entry, inline choice or gap) sits somewhere under these nodes. */
export function hasInlineControl(nodes: readonly PresentationNode[] | undefined): boolean {
  if (!nodes) return false;
  return nodes.some((n) => {
    if (typeof n === "string") return false;
    if (isGap(n)) return true;
    if (isInteraction(n)) return n.interaction.kind === "textEntry" || n.interaction.kind === "inlineChoice";
    return isElement(n) && hasInlineControl(n.children);
  });
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The bounding box of a QTI shape (rect, circle, ellipse, poly) in image pixels; null for "default". */
export function shapeBox(shape: string, coords: readonly number[]): Box | null {
  const c = coords.filter((v) => Number.isFinite(v));
  switch (shape) {
    case "rect": {
      if (c.length < 4) return null;
      const [x1, y1, x2, y2] = c as [number, number, number, number];
      return { left: Math.min(x1, x2), top: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) };
    }
    case "circle": {
      if (c.length < 3) return null;
      const [cx, cy, r] = c as [number, number, number];
      return { left: cx - r, top: cy - r, width: 2 * r, height: 2 * r };
    }
    case "ellipse": {
      if (c.length < 4) return null;
      const [cx, cy, hx, hy] = c as [number, number, number, number];
      return { left: cx - hx, top: cy - hy, width: 2 * hx, height: 2 * hy };
    }
    case "poly": {
      if (c.length < 6) return null;
      const xs = c.filter((_, i) => i % 2 === 0);
      const ys = c.filter((_, i) => i % 2 === 1);
      const left = Math.min(...xs);
      const top = Math.min(...ys);
      return { left, top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
    }
    default:
      return null;
  }
}

/** Figures are served by the item-asset route only; anything else is not loaded. */
export function isAllowedImageSrc(src: string | undefined): src is string {
  return !!src && /^\/api\/v1\/item-assets\/[a-f0-9]{64}$/.test(src);
}
