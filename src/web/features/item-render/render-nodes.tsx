// The presentation tree → React elements, by a strict allowlist of tags and attributes. Nothing is
// ever inserted as HTML: text stays text, unknown tags keep only their text, and images load only
// from the item-asset route.
import { createElement, Fragment, type ReactNode } from "react";
import type { ElementNode, PresentationNode } from "../../../common/items/presentation";
import { InteractionView } from "./interactions/interaction-view";
import { hasInlineControl, isAllowedImageSrc, isElement, isGap, isInteraction } from "./presentation-utils";
import type { RenderCtx } from "./render-context";
import { GapSelect } from "./interactions/gap-match";

const HTML_TAGS = new Set([
  "p", "div", "span", "br", "strong", "em", "b", "i", "u", "sub", "sup", "small", "ul", "ol", "li", "dl", "dt", "dd",
  "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "figure", "figcaption", "img",
  "blockquote", "pre", "code", "h2", "h3", "h4", "h5", "h6", "hr", "abbr", "cite", "q", "kbd", "var", "samp",
]);
const MATH_TAGS = new Set([
  "math", "mi", "mn", "mo", "mrow", "msup", "msub", "msubsup", "mfrac", "msqrt", "mroot", "mtext", "mspace",
  "mtable", "mtr", "mtd", "mover", "munder",
]);
const VOID_TAGS = new Set(["br", "hr", "img", "col"]);
/** Attributes copied as they are (names React passes through unchanged). */
const PLAIN_ATTRS = new Set([
  "alt", "title", "lang", "scope", "abbr", "type", "aria-label", "aria-hidden", "data-catalog-idref", "mathvariant", "display",
]);
const ID_REF_ATTRS: Record<string, string> = { "aria-describedby": "aria-describedby", "aria-labelledby": "aria-labelledby", headers: "headers" };
/** Blocks that may carry the context of an inline control. */
const CONTEXT_BLOCKS = new Set(["p", "li", "td", "th", "dd", "dt", "div", "blockquote", "figcaption", "caption", "h2", "h3", "h4", "h5", "h6"]);

const scopeRefs = (ctx: RenderCtx, value: string) => value.split(/\s+/).filter(Boolean).map(ctx.scope).join(" ");

function propsOf(node: ElementNode, ctx: RenderCtx): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node.attrs ?? {})) {
    if (name === "id") props.id = ctx.scope(value);
    else if (name === "class") props.className = value;
    else if (name === "colspan" || name === "rowspan") {
      const n = Number(value);
      if (Number.isInteger(n) && n > 0) props[name === "colspan" ? "colSpan" : "rowSpan"] = n;
    } else if (name === "start") {
      const n = Number(value);
      if (Number.isInteger(n)) props.start = n;
    } else if (name === "width" || name === "height") {
      const n = Number(value);
      if (Number.isFinite(n) && n > 0) props[name] = n;
    } else if (name in ID_REF_ATTRS) props[ID_REF_ATTRS[name]!] = scopeRefs(ctx, value);
    else if (PLAIN_ATTRS.has(name)) props[name] = value;
  }
  return props;
}

function renderImage(node: ElementNode, ctx: RenderCtx, key: string): ReactNode {
  const src = node.attrs?.src;
  const alt = node.attrs?.alt ?? "";
  if (!isAllowedImageSrc(src)) return <span key={key} className="item-missing-figure">[{alt || "figure"}]</span>;
  const props = propsOf(node, ctx);
  return <img key={key} {...props} src={src} alt={alt} className="item-img" decoding="async" />;
}

function renderElement(node: ElementNode, ctx: RenderCtx, path: string, contextId: string | undefined): ReactNode {
  const tag = node.tag;
  if (tag === "img") return renderImage(node, ctx, path);
  if (!HTML_TAGS.has(tag) && !MATH_TAGS.has(tag)) {
    // Not on the list: keep the words, drop the element.
    return <Fragment key={path}>{ctx.render(node.children ?? [], path, contextId)}</Fragment>;
  }
  const props = propsOf(node, ctx);
  let childContext = contextId;
  if (CONTEXT_BLOCKS.has(tag) && hasInlineControl(node.children)) {
    // The sentence around an inline control describes it.
    if (!props.id) props.id = ctx.scope(`ctx-${path}`);
    childContext = props.id as string;
  }
  if (tag === "div" && typeof props.className === "string" && props.className.split(/\s+/).includes("qti-visually-hidden")) {
    props.className = `${props.className} item-visually-hidden`;
  }
  props.key = path;
  if (VOID_TAGS.has(tag)) return createElement(tag, props);
  return createElement(tag, props, ...ctx.render(node.children ?? [], path, childContext));
}

export function renderNodes(nodes: readonly PresentationNode[], ctx: RenderCtx, path: string, contextId?: string): ReactNode[] {
  return nodes.map((node, index) => {
    const key = `${path}.${index}`;
    if (typeof node === "string") return <Fragment key={key}>{node}</Fragment>;
    if (isInteraction(node)) return <InteractionView key={key} interaction={node.interaction} ctx={ctx} path={key} contextId={contextId} />;
    if (isGap(node)) return <GapSelect key={key} gapId={node.gap} ctx={ctx} contextId={contextId} />;
    if (isElement(node)) return renderElement(node, ctx, key, contextId);
    return null;
  });
}

