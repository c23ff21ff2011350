// Matching and associating with native selects: one per source (or per choice), labelled by it.
import type { Interaction } from "../../../../common/items/presentation";
import { textOf } from "../presentation-utils";
import type { RenderCtx } from "../render-context";
import { asPairs, groupLabel } from "./shared";

type Match = Extract<Interaction, { kind: "match" }>;
type Associate = Extract<Interaction, { kind: "associate" }>;

export function MatchInteraction({ interaction: i, ctx, path }: { interaction: Match; ctx: RenderCtx; path: string }) {
  const pairs = asPairs(ctx.response[i.responseId]);
  const { legend, labelledBy } = groupLabel(i.prompt, ctx, path);
  const sourceOrder = new Map(i.sources.map((s, index) => [s.id, index]));
  // Long answers do not fit a closed select: list them in full, and give each select its own line.
  const long = i.targets.some((t) => textOf(t.content).length > 28);
  const listId = ctx.scope(`${path}-targets`);

  function choose(sourceId: string, targetId: string) {
    const next = pairs.filter(([s]) => s !== sourceId);
    if (targetId) next.push([sourceId, targetId]);
    // In the sources' order, so the response does not depend on the order of changes.
    next.sort((a, b) => (sourceOrder.get(a[0]) ?? 0) - (sourceOrder.get(b[0]) ?? 0));
    ctx.set(i.responseId, next);
  }

  return (
    <fieldset className={long ? "item-interaction item-match item-match--long" : "item-interaction item-match"} aria-labelledby={labelledBy}>
      {legend}
      {long ? (
        <div className="item-match__targets">
          <p className="item-hint" id={listId}>
            Answers to choose from:
          </p>
          <ul aria-labelledby={listId}>
            {i.targets.map((t, index) => (
              <li key={t.id}>{ctx.render(t.content, `${path}.t${index}`)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="item-match__rows">
        {i.sources.map((source, index) => {
          const labelId = ctx.scope(`${path}-s${index}`);
          const value = pairs.find(([s]) => s === source.id)?.[1] ?? "";
          return (
            <li key={source.id} className="item-match__row">
              <span className="item-match__source" id={labelId}>
                {ctx.render(source.content, `${path}.s${index}`)}
              </span>
              <span className="item-match__arrow" aria-hidden="true">
                →
              </span>
              <select className="item-select" aria-labelledby={labelId} value={value} disabled={ctx.readOnly} onChange={(e) => choose(source.id, e.target.value)}>
                <option value="">Choose a match…</option>
                {i.targets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {textOf(t.content)}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function AssociateInteraction({ interaction: i, ctx, path }: { interaction: Associate; ctx: RenderCtx; path: string }) {
  const pairs = asPairs(ctx.response[i.responseId]);
  const { legend, labelledBy } = groupLabel(i.prompt, ctx, path);

  function choose(id: string, partner: string) {
    // One partner per option: pairing A with B undoes A's and B's other pairs.
    const next = pairs.filter(([a, b]) => a !== id && b !== id && (!partner || (a !== partner && b !== partner)));
    if (partner) next.push([id, partner]);
    ctx.set(i.responseId, next);
  }

  return (
    <fieldset className="item-interaction item-match item-associate" aria-labelledby={labelledBy}>
      {legend}
      <p className="item-hint">For each option, choose the option it pairs with. A pair shows on both of its options.</p>
      <ul className="item-match__rows">
        {i.choices.map((choice, index) => {
          const labelId = ctx.scope(`${path}-a${index}`);
          const pair = pairs.find(([a, b]) => a === choice.id || b === choice.id);
          const value = pair ? (pair[0] === choice.id ? pair[1] : pair[0]) : "";
          return (
            <li key={choice.id} className="item-match__row">
              <span className="item-match__source" id={labelId}>
                {ctx.render(choice.content, `${path}.a${index}`)}
              </span>
              <span className="item-match__arrow" aria-hidden="true">
                ↔
              </span>
              <select className="item-select" aria-labelledby={labelId} value={value} disabled={ctx.readOnly} onChange={(e) => choose(choice.id, e.target.value)}>
                <option value="">Pairs with…</option>
                {i.choices
                  .filter((other) => other.id !== choice.id)
                  .map((other) => (
                    <option key={other.id} value={other.id}>
                      {textOf(other.content)}
                    </option>
                  ))}
              </select>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
