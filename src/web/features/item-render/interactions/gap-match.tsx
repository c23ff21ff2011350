// Gap match: the text with a native select in each gap ("Blank 1", "Blank 2", described by the
// sentence around it) offering the gap texts.
import { createContext, useContext } from "react";
import type { Interaction, PresentationNode } from "../../../../common/items/presentation";
import type { RenderCtx } from "../render-context";
import { isElement, isGap } from "../presentation-utils";
import { asPairs, groupLabel } from "./shared";

type GapMatch = Extract<Interaction, { kind: "gapMatch" }>;

interface GapState {
  interaction: GapMatch;
  pairs: [string, string][];
  gapNumbers: Map<string, number>;
  choose: (gapId: string, gapTextId: string) => void;
}

const GapContext = createContext<GapState | null>(null);

function gapIds(nodes: readonly PresentationNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    if (typeof n === "string") continue;
    if (isGap(n)) out.push(n.gap);
    else if (isElement(n) && n.children) gapIds(n.children, out);
  }
  return out;
}

export function GapMatchInteraction({ interaction: i, ctx, path }: { interaction: GapMatch; ctx: RenderCtx; path: string }) {
  const pairs = asPairs(ctx.response[i.responseId]);
  const { legend, labelledBy } = groupLabel(i.prompt, ctx, path);
  const ids = gapIds(i.content);
  const gapNumbers = new Map(ids.map((id, index) => [id, index + 1]));
  const listId = ctx.scope(`${path}-words`);

  function choose(gapId: string, gapTextId: string) {
    const next = pairs.filter(([, g]) => g !== gapId);
    if (gapTextId) next.push([gapTextId, gapId]);
    next.sort((a, b) => (gapNumbers.get(a[1]) ?? 0) - (gapNumbers.get(b[1]) ?? 0));
    ctx.set(i.responseId, next);
  }

  return (
    <fieldset className="item-interaction item-gap-match" aria-labelledby={labelledBy}>
      {legend}
      <div className="item-gap-match__words">
        <p className="item-hint" id={listId}>
          Fill each blank with one of these:
        </p>
        <ul className="item-gap-match__list" aria-labelledby={listId}>
          {i.gapTexts.map((g) => (
            <li key={g.id}>{g.text}</li>
          ))}
        </ul>
      </div>
      <GapContext.Provider value={{ interaction: i, pairs, gapNumbers, choose }}>
        <div className="item-gap-match__content">{ctx.render(i.content, `${path}.content`)}</div>
      </GapContext.Provider>
    </fieldset>
  );
}

export function GapSelect({ gapId, ctx, contextId }: { gapId: string; ctx: RenderCtx; contextId: string | undefined }) {
  const state = useContext(GapContext);
  if (!state) return <span className="item-gap">____</span>;
  const value = state.pairs.find(([, g]) => g === gapId)?.[0] ?? "";
  const n = state.gapNumbers.get(gapId) ?? 1;
  return (
    <select
      className="item-inline-select"
      aria-label={state.gapNumbers.size > 1 ? `Blank ${n}` : "Blank"}
      aria-describedby={contextId}
      value={value}
      disabled={ctx.readOnly}
      onChange={(e) => state.choose(gapId, e.target.value)}
    >
      <option value="">Choose…</option>
      {state.interaction.gapTexts.map((g) => (
        <option key={g.id} value={g.id}>
          {g.text}
        </option>
      ))}
    </select>
  );
}
