// Controls inside a sentence: a text box or a native select. The accessible name is the
// interaction's label or "Answer" (numbered when a sentence holds several); the sentence around it
// is the description, so a screen reader gives the context.
import type { Interaction } from "../../../../common/items/presentation";
import type { RenderCtx } from "../render-context";
import { useState } from "react";
import { isNumericInput, NUMERIC_ENTRY_MESSAGE } from "../../../../common/rules/numeric-entry";
import { asString } from "./shared";

type TextEntry = Extract<Interaction, { kind: "textEntry" }>;
type InlineChoice = Extract<Interaction, { kind: "inlineChoice" }>;

export function TextEntryInteraction({ interaction: i, ctx, contextId }: { interaction: TextEntry; ctx: RenderCtx; contextId: string | undefined }) {
  const value = asString(ctx.response[i.responseId]) ?? "";
  // A numeric entry keeps numbers only: a typed unit or letter is not taken into the box (it would
  // score as a silent zero); the message below the item says why, and is announced.
  const [refused, setRefused] = useState(false);
  // Room for the expected answer, within reason.
  const width = Math.min(Math.max(i.expectedLength, 4), 30) + 2;
  const describedBy = [contextId, i.numeric ? ctx.noticeId(i.responseId) : undefined].filter(Boolean).join(" ") || undefined;
  return (
      <input
        type="text"
        className="item-text-entry"
        style={{ width: `${width}ch` }}
        aria-label={i.label ?? ctx.inlineNames.get(i.responseId) ?? "Answer"}
        aria-describedby={describedBy}
        aria-invalid={refused || undefined}
        inputMode={i.numeric ? "decimal" : undefined}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        value={value}
        readOnly={ctx.readOnly}
        onChange={(e) => {
          const next = e.target.value;
          if (i.numeric && !isNumericInput(next)) {
            setRefused(true);
            ctx.notify(i.responseId, NUMERIC_ENTRY_MESSAGE);
            return;
          }
          if (refused) {
            setRefused(false);
            ctx.notify(i.responseId, null);
          }
          ctx.set(i.responseId, next);
        }}
      />
  );
}

export function InlineChoiceInteraction({ interaction: i, ctx, contextId }: { interaction: InlineChoice; ctx: RenderCtx; contextId: string | undefined }) {
  const value = asString(ctx.response[i.responseId]) ?? "";
  return (
    <select
      className="item-inline-select"
      aria-label={i.label ?? ctx.inlineNames.get(i.responseId) ?? "Answer"}
      aria-describedby={contextId}
      value={value}
      disabled={ctx.readOnly}
      onChange={(e) => ctx.set(i.responseId, e.target.value || undefined)}
    >
      <option value="">Choose…</option>
      {i.choices.map((c) => (
        <option key={c.id} value={c.id}>
          {c.text}
        </option>
      ))}
    </select>
  );
}
