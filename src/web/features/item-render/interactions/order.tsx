// Ordering: a numbered list; each option has Move up / Move down buttons naming the option, and a
// live region says where it went. No drag-only interface: the buttons are the interface.
import { useEffect, useRef, useState } from "react";
import type { Interaction } from "../../../../common/items/presentation";
import { textOf } from "../presentation-utils";
import type { RenderCtx } from "../render-context";
import { asStringArray, groupLabel, LiveRegion } from "./shared";

type Order = Extract<Interaction, { kind: "order" }>;

export function OrderInteraction({ interaction: i, ctx, path }: { interaction: Order; ctx: RenderCtx; path: string }) {
  const [announcement, setAnnouncement] = useState("");
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const pendingFocus = useRef<string | null>(null);
  const ids = i.choices.map((c) => c.id);
  const given = asStringArray(ctx.response[i.responseId]);
  // The candidate's order when it is a full order of these options; else the order they were given in.
  const order = given.length === ids.length && ids.every((id) => given.includes(id)) ? given : ids;
  const byId = new Map(i.choices.map((c, index) => [c.id, { choice: c, index }]));
  const { legend, labelledBy } = groupLabel(i.prompt, ctx, path);
  const hintId = ctx.scope(`${path}-hint`);

  useEffect(() => {
    // After a move, focus follows the option to its new place.
    if (pendingFocus.current) {
      buttons.current.get(pendingFocus.current)?.focus();
      pendingFocus.current = null;
    }
  });

  function move(id: string, delta: -1 | 1) {
    if (ctx.readOnly) return;
    const from = order.indexOf(id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= order.length) return;
    const next = [...order];
    next.splice(from, 1);
    next.splice(to, 0, id);
    ctx.set(i.responseId, next);
    const text = textOf(byId.get(id)?.choice.content);
    setAnnouncement(`“${text}” moved to position ${to + 1} of ${order.length}.`);
    // At the top or bottom the same button no longer applies: focus the other one.
    const atEdge = to === 0 || to === order.length - 1;
    pendingFocus.current = `${id}:${atEdge ? (delta === -1 ? "down" : "up") : delta === -1 ? "up" : "down"}`;
  }

  return (
    <fieldset className="item-interaction item-order" aria-labelledby={labelledBy} aria-describedby={hintId}>
      {legend}
      <p className="item-hint" id={hintId}>
        Use the Move up and Move down buttons to put the options in order. The first position is at the top.
      </p>
      <ol className="item-order__list">
        {order.map((id, position) => {
          const entry = byId.get(id);
          if (!entry) return null;
          const text = textOf(entry.choice.content);
          const first = position === 0;
          const last = position === order.length - 1;
          return (
            <li key={id} className="item-order__option">
              <span className="item-order__position" aria-hidden="true">
                {position + 1}
              </span>
              <span className="item-order__content">{ctx.render(entry.choice.content, `${path}.c${entry.index}`)}</span>
              <span className="item-order__buttons">
                <button
                  type="button"
                  className="item-button"
                  ref={(el) => {
                    if (el) buttons.current.set(`${id}:up`, el);
                    else buttons.current.delete(`${id}:up`);
                  }}
                  aria-label={`Move up: ${text}`}
                  aria-disabled={first || ctx.readOnly}
                  onClick={() => move(id, -1)}
                >
                  <span aria-hidden="true">↑</span> Move up
                </button>
                <button
                  type="button"
                  className="item-button"
                  ref={(el) => {
                    if (el) buttons.current.set(`${id}:down`, el);
                    else buttons.current.delete(`${id}:down`);
                  }}
                  aria-label={`Move down: ${text}`}
                  aria-disabled={last || ctx.readOnly}
                  onClick={() => move(id, 1)}
                >
                  <span aria-hidden="true">↓</span> Move down
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <LiveRegion message={announcement} />
    </fieldset>
  );
}
