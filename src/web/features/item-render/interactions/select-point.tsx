// Select point: click the image to place a marker, or focus the image and use the keyboard —
// arrow keys move the marker 5 px (Shift: 1 px), Enter places a new one, Delete removes it. The
// coordinates, in image pixels, are shown and announced.
import { useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import type { Interaction } from "../../../../common/items/presentation";
import type { RenderCtx } from "../render-context";
import { FigureImage, pct, useFigureSize, type FigureSize } from "./figure";
import { groupLabel, LiveRegion } from "./shared";

type SelectPoint = Extract<Interaction, { kind: "selectPoint" }>;
type Point = [number, number];

const isPoint = (v: unknown): v is Point => Array.isArray(v) && v.length === 2 && typeof v[0] === "number" && typeof v[1] === "number";

function pointsOf(value: unknown, single: boolean): Point[] {
  if (single) return isPoint(value) ? [value] : [];
  return Array.isArray(value) ? value.filter(isPoint) : [];
}

const clamp = (v: number, max: number) => Math.min(Math.max(Math.round(v), 0), Math.max(max - 1, 0));

export function SelectPointInteraction({ interaction: i, ctx, path }: { interaction: SelectPoint; ctx: RenderCtx; path: string }) {
  const { size, onLoad } = useFigureSize(i.image);
  const stage = useRef<HTMLDivElement>(null);
  const single = i.maxChoices === 1;
  const points = pointsOf(ctx.response[i.responseId], single);
  const [active, setActive] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const activeIndex = Math.min(active, Math.max(points.length - 1, 0));
  const { legend, labelledBy } = groupLabel(i.prompt, ctx, path);
  const hintId = ctx.scope(`${path}-hint`);
  const coordsId = ctx.scope(`${path}-coords`);
  const limit = single ? 1 : i.maxChoices > 0 ? i.maxChoices : Number.POSITIVE_INFINITY;

  const describe = (p: Point, index: number, s: FigureSize) =>
    `${points.length > 1 || !single ? `Point ${index + 1}` : "Point"} at x ${p[0]}, y ${p[1]} of ${s.width} by ${s.height} pixels.`;

  function commit(next: Point[], focus: number, message: string) {
    ctx.set(i.responseId, single ? next[0] : next.length ? next : undefined);
    setActive(focus);
    setAnnouncement(message);
  }

  function place(p: Point, s: FigureSize) {
    if (ctx.readOnly) return;
    if (points.length < limit) {
      const next = [...points, p];
      commit(next, next.length - 1, `Placed. ${describe(p, next.length - 1, s)}`);
    } else {
      const next = points.map((q, index) => (index === activeIndex ? p : q));
      commit(next, activeIndex, `Moved. ${describe(p, activeIndex, s)}`);
    }
  }

  function onClick(e: MouseEvent<HTMLDivElement>) {
    if (!size || !stage.current) return;
    const rect = stage.current.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return;
    const x = clamp(((e.clientX - rect.left) * size.width) / rect.width, size.width);
    const y = clamp(((e.clientY - rect.top) * size.height) / rect.height, size.height);
    place([x, y], size);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (!size || ctx.readOnly) return;
    const step = e.shiftKey ? 1 : 5;
    const moves: Record<string, Point> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const centre: Point = [Math.round(size.width / 2), Math.round(size.height / 2)];
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      const current = points[activeIndex];
      if (!current) {
        place(centre, size);
        return;
      }
      const p: Point = [clamp(current[0] + move[0], size.width), clamp(current[1] + move[1], size.height)];
      const next = points.map((q, index) => (index === activeIndex ? p : q));
      commit(next, activeIndex, "");
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (points.length === 0 || points.length < limit) place(centre, size);
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      if (points.length) remove(activeIndex);
    } else if (e.key === "Tab" || e.key === "Escape") {
      // leave focus handling to the browser
    } else if (!single && (e.key === "n" || e.key === "N") && points.length > 1) {
      e.preventDefault();
      const next = (activeIndex + 1) % points.length;
      setActive(next);
      setAnnouncement(`Moving ${describe(points[next]!, next, size)}`);
    }
  }

  function remove(index: number) {
    if (ctx.readOnly) return;
    const next = points.filter((_, k) => k !== index);
    commit(next, Math.max(0, index - 1), next.length ? `Point removed. ${next.length} left.` : "Point removed. No point placed.");
  }

  return (
    <fieldset className="item-interaction item-point" aria-labelledby={labelledBy}>
      {legend}
      <p className="item-hint" id={hintId}>
        Click the image to place a point{single ? "" : " (each click adds one)"}. With the keyboard: focus the image, then use the arrow keys
        to move the point 5 pixels (Shift and an arrow key: 1 pixel); Enter places {single ? "the point" : "a new point"} in the middle; Delete
        removes it{single ? "" : "; N moves to the next point"}.
      </p>
      <div
        ref={stage}
        className="item-stage item-point__stage"
        style={size ? { width: `${size.width}px` } : undefined}
        // A two-dimensional slider (as colour pickers do): screen readers pass the arrow keys through
        // and read the value text, which is the point's coordinates.
        role="slider"
        aria-roledescription="point selector"
        aria-label={`Place a point on the image: ${i.image.alt}`}
        aria-describedby={[hintId, i.image.describedBy ? ctx.scope(i.image.describedBy) : ""].filter(Boolean).join(" ")}
        aria-valuemin={0}
        aria-valuemax={size ? size.width - 1 : 0}
        aria-valuenow={points[activeIndex]?.[0] ?? 0}
        aria-valuetext={
          points[activeIndex] && size ? describe(points[activeIndex], activeIndex, size) : "No point placed. Press an arrow key or Enter to place one in the middle."
        }
        aria-readonly={ctx.readOnly || undefined}
        tabIndex={ctx.readOnly ? -1 : 0}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        <FigureImage image={i.image} ctx={ctx} size={size} onLoad={onLoad} />
        {size
          ? points.map((p, index) => (
              <span
                key={index}
                className={index === activeIndex ? "item-point__marker item-point__marker--active" : "item-point__marker"}
                style={{ left: pct(p[0], size.width), top: pct(p[1], size.height) }}
                aria-hidden="true"
              >
                <span className="item-point__number">{index + 1}</span>
              </span>
            ))
          : null}
      </div>
      <div id={coordsId} className="item-selection">
        {points.length === 0 ? (
          <p>No point placed yet.</p>
        ) : (
          <ul className="item-point__list">
            {points.map((p, index) => (
              <li key={index}>
                {single ? "Your point" : `Point ${index + 1}`}: x {p[0]}, y {p[1]}{" "}
                {ctx.readOnly ? null : (
                  <button type="button" className="item-button item-button--small" onClick={() => remove(index)}>
                    Remove<span className="item-visually-hidden"> {single ? "the point" : `point ${index + 1}`}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      <LiveRegion message={announcement} />
    </fieldset>
  );
}
