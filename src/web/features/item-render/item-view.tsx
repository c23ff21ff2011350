// One item as a candidate sees it: the presentation tree drawn by an allowlist (never as HTML),
// each interaction as native, keyboard-operable controls, and the response in the shapes the
// server's scorer reads (see response-shapes.ts).
import { useCallback, useId, useMemo, useState, type ReactNode } from "react";
import type { CandidateResponse } from "../../../common/qti/scoring";
import type { ItemPresentation, PresentationNode } from "../../../common/items/presentation";
import "../../styles/item-render.css";
import { interactionsOf, isElement } from "./presentation-utils";
import type { RenderCtx } from "./render-context";
import { renderNodes } from "./render-nodes";

export interface ItemViewProps {
  presentation: ItemPresentation;
  response: CandidateResponse;
  onChange: (next: CandidateResponse) => void;
  readOnly?: boolean;
  /** The id of a heading that names the item ("Question 3 of 36"). */
  labelledBy?: string;
  /** Extra class names, e.g. a high-contrast theme: "item-view--high-contrast". */
  className?: string;
}

/** The first paragraph of the body: it labels an interaction that has no prompt. */
function stemIndex(body: readonly PresentationNode[]): number {
  return body.findIndex(
    (n) => isElement(n) && (n.tag === "p" || n.tag === "div") && !(n.attrs?.class ?? "").includes("qti-visually-hidden"),
  );
}

const INLINE_KINDS = new Set(["textEntry", "inlineChoice"]);

export function ItemView({ presentation, response, onChange, readOnly = false, labelledBy, className }: ItemViewProps) {
  const uid = useId();
  const prefix = `item${uid.replace(/[^a-zA-Z0-9_-]/g, "")}-`;

  const set = useCallback(
    (responseId: string, value: unknown) => {
      const next = { ...response };
      if (value === undefined) delete next[responseId];
      else next[responseId] = value;
      onChange(next);
    },
    [response, onChange],
  );

  const { body, stemId, inlineNames } = useMemo(() => {
    const index = stemIndex(presentation.body);
    let stem: string | undefined;
    let nodes = presentation.body;
    if (index >= 0) {
      const node = presentation.body[index];
      if (node && isElement(node)) {
        const id = node.attrs?.id ?? "stem";
        stem = `${prefix}${id}`;
        if (!node.attrs?.id) {
          nodes = [...presentation.body];
          nodes[index] = { ...node, attrs: { ...(node.attrs ?? {}), id } };
        }
      }
    }
    const inline = interactionsOf(presentation.body).filter((i) => INLINE_KINDS.has(i.kind));
    const names = new Map(inline.map((i, n) => [i.responseId, inline.length > 1 ? `Answer ${n + 1}` : "Answer"]));
    return { body: nodes, stemId: stem, inlineNames: names };
  }, [presentation.body, prefix]);

  const [notices, setNotices] = useState<Record<string, string>>({});
  const notify = useCallback((responseId: string, message: string | null) => {
    setNotices((now) => {
      if ((now[responseId] ?? null) === message) return now;
      const next = { ...now };
      if (message === null) delete next[responseId];
      else next[responseId] = message;
      return next;
    });
  }, []);
  const noticeId = (responseId: string) => `${prefix}notice-${responseId.replace(/[^a-zA-Z0-9_-]/g, "")}`;

  const ctx: RenderCtx = {
    scope: (id) => `${prefix}${id}`,
    response,
    set,
    readOnly,
    stemId,
    inlineNames,
    notify,
    noticeId,
    render: (nodes, path, contextId) => renderNodes(nodes, ctx, path, contextId),
  };
  const inputNotices = interactionsOf(presentation.body).filter((i) => i.kind === "textEntry" && i.numeric);

  return (
    <div
      className={["item-view", className].filter(Boolean).join(" ")}
      lang={presentation.lang || undefined}
      role={labelledBy ? "group" : undefined}
      aria-labelledby={labelledBy}
    >
      {renderNodes(body, ctx, "b")}
      {/* Always rendered: a live region must exist before its message appears to be announced. */}
      {inputNotices.map((i) => (
        <p key={i.responseId} id={noticeId(i.responseId)} role="status" className={notices[i.responseId] ? "item-input-notice" : "visually-hidden"}>
          {notices[i.responseId] ?? "Numbers only."}
        </p>
      ))}
    </div>
  );
}

/** Presentation nodes without interactions (a rationale, a passage): the same allowlist. */
export function PresentationContent({ nodes, lang }: { nodes: readonly PresentationNode[]; lang?: string }): ReactNode {
  const uid = useId();
  const prefix = `content${uid.replace(/[^a-zA-Z0-9_-]/g, "")}-`;
  const ctx: RenderCtx = {
    scope: (id) => `${prefix}${id}`,
    response: {},
    set: () => {},
    readOnly: true,
    stemId: undefined,
    inlineNames: new Map(),
    notify: () => {},
    noticeId: (id) => `${prefix}notice-${id}`,
    render: (list, path, contextId) => renderNodes(list, ctx, path, contextId),
  };
  return (
    <div className="item-view item-view--content" lang={lang || undefined}>
      {renderNodes(nodes, ctx, "r")}
    </div>
  );
}
