// The image of a hotspot or select-point interaction: its size in image pixels (from the item,
// else from the loaded file) and a stage that scales it down to fit while overlays stay aligned.
import { useState, type SyntheticEvent } from "react";
import type { FigureRef } from "../../../../common/items/presentation";
import { isAllowedImageSrc } from "../presentation-utils";
import type { RenderCtx } from "../render-context";

export interface FigureSize {
  width: number;
  height: number;
}

export function useFigureSize(image: FigureRef) {
  const [natural, setNatural] = useState<FigureSize | null>(null);
  const size: FigureSize | null =
    image.width && image.height ? { width: image.width, height: image.height } : natural;
  const onLoad = (e: SyntheticEvent<HTMLImageElement>) => {
    const img = e.currentTarget;
    if (img.naturalWidth && img.naturalHeight) setNatural({ width: img.naturalWidth, height: img.naturalHeight });
  };
  return { size, onLoad };
}

interface FigureImageProps {
  image: FigureRef;
  ctx: RenderCtx;
  size: FigureSize | null;
  onLoad: (e: SyntheticEvent<HTMLImageElement>) => void;
}

export function FigureImage({ image, ctx, size, onLoad }: FigureImageProps) {
  if (!isAllowedImageSrc(image.src)) {
    return (
      <span className="item-missing-figure item-stage__img" style={size ? { aspectRatio: `${size.width} / ${size.height}` } : undefined}>
        [{image.alt || "figure"}]
      </span>
    );
  }
  return (
    <img
      className="item-stage__img"
      src={image.src}
      alt={image.alt}
      width={size?.width}
      height={size?.height}
      aria-describedby={image.describedBy ? ctx.scope(image.describedBy) : undefined}
      decoding="async"
      draggable={false}
      onLoad={onLoad}
    />
  );
}

/** Overlay geometry as percentages of the stage, so it follows the image when it scales. */
export const pct = (value: number, of: number) => `${(value / of) * 100}%`;
