// Hotspot: the image with a real button over each hotspot's bounding box. aria-pressed says which
// are chosen; the name is the hotspot's label (else "Area 1", "Area 2"…). The chosen state shows as
// a thick solid outline, a hatched fill and a check mark, never by colour alone.
import type { Interaction } from "../../../../common/items/presentation";
import { shapeBox } from "../presentation-utils";
import type { RenderCtx } from "../render-context";
import { FigureImage, pct, useFigureSize } from "./figure";
import { asString, asStringArray, groupLabel } from "./shared";

type Hotspot = Extract<Interaction, { kind: "hotspot" }>;

export function HotspotInteraction({ interaction: i, ctx, path }: { interaction: Hotspot; ctx: RenderCtx; path: string }) {
  const { size, onLoad } = useFigureSize(i.image);
  const single = i.maxChoices === 1;
  const current = ctx.response[i.responseId];
  const selected = single ? [asString(current)].filter((v): v is string => !!v) : asStringArray(current);
  const { legend, labelledBy } = groupLabel(i.prompt, ctx, path);
  const hintId = ctx.scope(`${path}-hint`);
  const names = new Map(i.hotspots.map((h, index) => [h.id, h.label?.trim() || `Area ${index + 1}`]));

  function toggle(id: string) {
    if (ctx.readOnly) return;
    const on = selected.includes(id);
    if (single) {
      ctx.set(i.responseId, on ? undefined : id);
      return;
    }
    if (!on && i.maxChoices > 0 && selected.length >= i.maxChoices) return;
    ctx.set(i.responseId, i.hotspots.map((h) => h.id).filter((h) => (h === id ? !on : selected.includes(h))));
  }

  const hint = single
    ? "Select one area of the image. Each area is a button; select it again to clear it."
    : i.maxChoices > 1
      ? `Select up to ${i.maxChoices} areas of the image. Each area is a button.`
      : "Select all the areas that apply. Each area is a button.";

  return (
    <fieldset className="item-interaction item-hotspot" aria-labelledby={labelledBy} aria-describedby={hintId}>
      {legend}
      <p className="item-hint" id={hintId}>
        {hint}
      </p>
      <div className="item-stage" style={size ? { width: `${size.width}px` } : undefined}>
        <FigureImage image={i.image} ctx={ctx} size={size} onLoad={onLoad} />
        {size
          ? i.hotspots.map((h) => {
              const box = shapeBox(h.shape, h.coords);
              if (!box) return null;
              const pressed = selected.includes(h.id);
              return (
                <button
                  key={h.id}
                  type="button"
                  className={`item-hotspot__area item-hotspot__area--${h.shape === "circle" || h.shape === "ellipse" ? "round" : "rect"}`}
                  style={{
                    left: pct(box.left, size.width),
                    top: pct(box.top, size.height),
                    width: pct(box.width, size.width),
                    height: pct(box.height, size.height),
                  }}
                  aria-pressed={pressed}
                  aria-disabled={ctx.readOnly || undefined}
                  onClick={() => toggle(h.id)}
                >
                  <span className="item-visually-hidden">{names.get(h.id)}</span>
                  {pressed ? (
                    <span className="item-hotspot__check" aria-hidden="true">
                      ✓
                    </span>
                  ) : null}
                </button>
              );
            })
          : null}
      </div>
      <p className="item-selection">
        {selected.length === 0 ? "Nothing selected yet." : `Selected: ${selected.map((id) => names.get(id) ?? id).join(", ")}.`}
      </p>
    </fieldset>
  );
}
