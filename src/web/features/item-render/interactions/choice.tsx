// Single choice: a radio group. Multiple response: checkboxes. Both in a fieldset whose legend is
// the prompt, each option a whole clickable label.
import { useState } from "react";
import type { Interaction } from "../../../../common/items/presentation";
import { textOf } from "../presentation-utils";
import type { RenderCtx } from "../render-context";
import { asString, asStringArray, groupLabel, LiveRegion } from "./shared";

type Choice = Extract<Interaction, { kind: "choice" }>;

/** The prompt usually says how many to choose; when it does not, say it. */
function selectionHint(i: Choice): string | null {
  if (i.maxChoices === 1) return null;
  const prompt = textOf(i.prompt).toLowerCase();
  if (/all that apply|select the|choose the|select \w+ |choose \w+ /.test(prompt)) return null;
  return i.maxChoices > 1 ? `Select up to ${i.maxChoices}.` : "Select all that apply.";
}

export function ChoiceInteraction({ interaction: i, ctx, path }: { interaction: Choice; ctx: RenderCtx; path: string }) {
  const [notice, setNotice] = useState("");
  const single = i.maxChoices === 1;
  const name = ctx.scope(`${path}-${i.responseId}`);
  const hint = selectionHint(i);
  const hintId = ctx.scope(`${path}-hint`);
  const { legend, labelledBy } = groupLabel(i.prompt, ctx, path);
  const current = ctx.response[i.responseId];
  const selected = single ? [asString(current)].filter(Boolean) : asStringArray(current);

  function toggle(id: string, checked: boolean) {
    if (single) {
      ctx.set(i.responseId, id);
      return;
    }
    if (checked && i.maxChoices > 0 && selected.length >= i.maxChoices) {
      setNotice(`You can choose up to ${i.maxChoices}. Clear one of your choices first.`);
      return;
    }
    setNotice("");
    // Keep the options' order so that the response does not depend on the order of clicks.
    const next = i.choices.map((c) => c.id).filter((c) => (c === id ? checked : selected.includes(c)));
    ctx.set(i.responseId, next);
  }

  return (
    <fieldset
      className={`item-interaction item-choice ${single ? "item-choice--single" : "item-choice--multiple"}`}
      aria-labelledby={labelledBy}
      aria-describedby={hint ? hintId : undefined}
    >
      {legend}
      {hint ? (
        <p className="item-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className="item-options">
        {i.choices.map((c, index) => {
          const checked = selected.includes(c.id);
          return (
            <label key={c.id} className={checked ? "item-option item-option--checked" : "item-option"}>
              <input
                className="item-option__control"
                type={single ? "radio" : "checkbox"}
                name={name}
                value={c.id}
                checked={checked}
                disabled={ctx.readOnly}
                onChange={(e) => toggle(c.id, e.target.checked)}
              />
              <span className="item-option__content">{ctx.render(c.content, `${path}.c${index}`)}</span>
            </label>
          );
        })}
      </div>
      {single ? null : <LiveRegion message={notice} />}
      {notice ? (
        <p className="item-hint item-hint--warning" aria-hidden="true">
          {notice}
        </p>
      ) : null}
    </fieldset>
  );
}
