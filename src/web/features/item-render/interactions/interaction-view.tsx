import type { Interaction } from "../../../../common/items/presentation";
import type { RenderCtx } from "../render-context";
import { ChoiceInteraction } from "./choice";
import { ExtendedTextInteraction } from "./extended-text";
import { GapMatchInteraction } from "./gap-match";
import { HotspotInteraction } from "./hotspot";
import { InlineChoiceInteraction, TextEntryInteraction } from "./inline";
import { AssociateInteraction, MatchInteraction } from "./match";
import { OrderInteraction } from "./order";
import { SelectPointInteraction } from "./select-point";

interface Props {
  interaction: Interaction;
  ctx: RenderCtx;
  path: string;
  contextId: string | undefined;
}

export function InteractionView({ interaction, ctx, path, contextId }: Props) {
  switch (interaction.kind) {
    case "choice":
      return <ChoiceInteraction interaction={interaction} ctx={ctx} path={path} />;
    case "order":
      return <OrderInteraction interaction={interaction} ctx={ctx} path={path} />;
    case "textEntry":
      return <TextEntryInteraction interaction={interaction} ctx={ctx} contextId={contextId} />;
    case "extendedText":
      return <ExtendedTextInteraction interaction={interaction} ctx={ctx} path={path} />;
    case "inlineChoice":
      return <InlineChoiceInteraction interaction={interaction} ctx={ctx} contextId={contextId} />;
    case "match":
      return <MatchInteraction interaction={interaction} ctx={ctx} path={path} />;
    case "associate":
      return <AssociateInteraction interaction={interaction} ctx={ctx} path={path} />;
    case "gapMatch":
      return <GapMatchInteraction interaction={interaction} ctx={ctx} path={path} />;
    case "hotspot":
      return <HotspotInteraction interaction={interaction} ctx={ctx} path={path} />;
    case "selectPoint":
      return <SelectPointInteraction interaction={interaction} ctx={ctx} path={path} />;
    default:
      return <p className="item-unsupported">This kind of question cannot be shown.</p>;
  }
}
