// Every figure of the form is fetched as soon as the test loads, not when its question is first
// shown: if the connection drops mid-test, the questions not visited yet still show their figures.
// Item assets are content-addressed and served as immutable, so the browser keeps them cached.
import { useEffect, useMemo, useRef } from "react";
import type { CandidateItem } from "../../api/types";

const ITEM_ASSET = /^\/api\/v1\/item-assets\/[a-f0-9]{64}$/;

/** The item-asset URLs anywhere in the items' presentations (images in the body, hotspot figures…). */
export function figureSources(items: readonly CandidateItem[]): string[] {
  const found = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === "string") {
      if (ITEM_ASSET.test(value)) found.add(value);
    } else if (Array.isArray(value)) {
      for (const v of value) walk(v);
    } else if (value && typeof value === "object") {
      for (const v of Object.values(value)) walk(v);
    }
  };
  for (const item of items) walk(item.presentation);
  return [...found];
}

export function usePreloadFigures(items: readonly CandidateItem[] | undefined) {
  // The attempt is fetched again every few seconds; preload once per set of figures, not per fetch.
  const key = useMemo(() => (items ? figureSources(items).join(" ") : ""), [items]);
  // Held for the life of the screen, so no load is dropped with its Image object.
  const held = useRef<HTMLImageElement[]>([]);
  useEffect(() => {
    if (!key) return;
    held.current = key.split(" ").map((src) => {
      const image = new Image();
      image.decoding = "async";
      image.src = src;
      return image;
    });
  }, [key]);
}
