import type { Interaction } from "../../../../common/items/presentation";
import type { RenderCtx } from "../render-context";
import { asString } from "./shared";

type ExtendedText = Extract<Interaction, { kind: "extendedText" }>;

export function ExtendedTextInteraction({ interaction: i, ctx, path }: { interaction: ExtendedText; ctx: RenderCtx; path: string }) {
  const promptId = ctx.scope(`${path}-prompt`);
  const hasPrompt = i.prompt.length > 0;
  return (
    <div className="item-interaction item-extended">
      {hasPrompt ? (
        <p className="item-prompt" id={promptId}>
          {ctx.render(i.prompt, `${path}.prompt`)}
        </p>
      ) : null}
      <textarea
        className="item-extended__input"
        rows={Math.min(Math.max(i.expectedLines, 3), 20)}
        aria-labelledby={hasPrompt ? promptId : ctx.stemId}
        aria-label={hasPrompt || ctx.stemId ? undefined : "Your answer"}
        value={asString(ctx.response[i.responseId]) ?? ""}
        readOnly={ctx.readOnly}
        onChange={(e) => ctx.set(i.responseId, e.target.value)}
      />
    </div>
  );
}
