// Text size and high contrast: on by default when approved as accommodations (large_print,
// high_contrast), and open to every candidate, since neither changes what a question asks.
// Kept per registration, so they carry over between a candidate's modules but not to the next
// person at a shared test-center computer.
import { useCallback, useEffect, useState } from "react";
import type { DisplaySettings } from "../../components/display-controls";
import { localStore, readJson, storageKeys, writeJson } from "./local-store";

export type { DisplaySettings };

export function defaultDisplay(accommodations: readonly string[]): DisplaySettings {
  return { textSize: accommodations.includes("large_print") ? 150 : 100, highContrast: accommodations.includes("high_contrast") };
}

export function useDisplaySettings(scope: string | undefined, accommodations: readonly string[]) {
  const key = `${storageKeys.display}:${scope ?? "default"}`;
  const read = (k: string) => ({ key: k, value: readJson<Partial<DisplaySettings>>(localStore(), k, {}) });
  const [stored, setStored] = useState(() => read(key));
  // The scope is known only once the attempt has loaded: read that scope's settings then.
  if (stored.key !== key) setStored(read(key));
  const settings: DisplaySettings = { ...defaultDisplay(accommodations), ...stored.value };

  const change = useCallback(
    (patch: Partial<DisplaySettings>) => {
      setStored((prev) => {
        const value = { ...prev.value, ...patch };
        writeJson(localStore(), prev.key, value);
        return { key: prev.key, value };
      });
    },
    [],
  );

  // The root font size scales every rem-sized thing, the item renderer included, like the
  // browser's own text zoom; it is put back when the test screen closes.
  useEffect(() => {
    const root = document.documentElement;
    const before = root.style.fontSize;
    root.style.fontSize = settings.textSize === 100 ? before : `${settings.textSize}%`;
    return () => {
      root.style.fontSize = before;
    };
  }, [settings.textSize]);

  return { settings, change };
}
