import { describe, expect, it } from "vitest";
import type { CandidateItem } from "../../api/types";
import { figureSources } from "./use-figure-preload";

const asset = (n: number) => `/api/v1/item-assets/${String(n).repeat(64)}`;

describe("figureSources", () => {
  it("finds every item asset once, in body images and interaction figures alike", () => {
    const items = [
      { id: "a", type: "single_choice", presentation: { body: [{ tag: "p", children: [{ tag: "img", attrs: { src: asset(1), alt: "A rule" } }] }] } },
      { id: "b", type: "hotspot", presentation: { body: [{ interaction: { kind: "hotspot", image: { src: asset(2), alt: "A part" } } }] } },
      { id: "c", type: "single_choice", presentation: { body: [{ tag: "img", attrs: { src: asset(1), alt: "The same rule" } }, "See /api/v1/item-assets/ elsewhere"] } },
    ] as unknown as CandidateItem[];
    expect(figureSources(items)).toEqual([asset(1), asset(2)]);
  });
});
