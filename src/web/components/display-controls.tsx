// Text size and high contrast: the reader's own display settings, shown the same way on the test
// screen's toolbar and in the Learning Lab's lesson reader. The settings themselves (defaults from
// approved accommodations, kept in the browser, the root font size) are useDisplaySettings's.
// The theme's styles are styles/contrast-theme.css.
import { useEffect } from "react";

export const TEXT_SIZES = [100, 125, 150, 175, 200] as const;

export interface DisplaySettings {
  textSize: number;
  highContrast: boolean;
}

/** The class that switches an element (the test screen, or the page's body) to high contrast. */
export const CONTRAST_THEME_CLASS = "contrast-theme";

interface Props {
  display: DisplaySettings;
  onDisplay: (patch: Partial<DisplaySettings>) => void;
}

export function DisplayControls({ display, onDisplay }: Props) {
  return (
    <>
      <label className="display-size">
        Text size
        <select className="input input--select" value={display.textSize} onChange={(e) => onDisplay({ textSize: Number(e.target.value) })}>
          {TEXT_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}%
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button--secondary button--small" aria-pressed={display.highContrast} onClick={() => onDisplay({ highContrast: !display.highContrast })}>
        High contrast
      </button>
    </>
  );
}

/**
 * High contrast for a whole page of the site (header, page and footer), not one screen's root: the
 * body carries the theme while the page that asked for it is open, and loses it when it closes.
 */
export function usePageContrast(on: boolean) {
  useEffect(() => {
    if (!on) return;
    document.body.classList.add(CONTRAST_THEME_CLASS);
    return () => document.body.classList.remove(CONTRAST_THEME_CLASS);
  }, [on]);
}
